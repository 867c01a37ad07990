//! One widget: its state (which edition is shown, what is loading, what went wrong) and every
//! change of it. Each change goes through a method of [`Widget`], which then brings the view
//! up to date and tells the publisher's page.

use std::cell::RefCell;
use std::rc::{Rc, Weak};
use std::sync::Arc;

use byline_model::config::{ArticleSource, WidgetConfig};
use byline_model::edition_choice::{self, ChoiceOutcome};
use byline_model::jsonfeed::RelatedFeed;
use byline_model::jsonld::JsonLdOptions;
use byline_model::{CountryCode, Edition, LangCode};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::spawn_local;
use web_sys::{AbortController, Element, Event, EventTarget, HtmlSelectElement};

use crate::api::{fetch_edition, fetch_feed, page_url, resolve_url, LoadError};
use crate::components::{
    ArticleWidget, RelatedCarousel, NEXT_CLASS, PREVIOUS_CLASS, RETRY_CLASS, TRACK_CLASS,
};
use crate::formats;
use crate::host_events::HostEvents;

/// An edition on screen, with the absolute URL its relative links resolve against.
#[derive(Debug, Clone, PartialEq)]
pub struct ShownEdition {
    pub edition: Arc<Edition>,
    pub url: String,
    /// The edition came from the page's own JSON-LD: other editions are other pages, so
    /// choosing one navigates there.
    pub is_page: bool,
}

impl ShownEdition {
    /// Resolves a URL from the edition's data against the edition's own URL.
    pub fn resolve(&self, reference: &str) -> Option<String> {
        resolve_url(reference, &self.url)
    }
}

/// What the widget is doing besides showing an edition.
#[derive(Debug, Clone, PartialEq)]
pub enum Activity {
    Idle,
    Loading,
    Failed(LoadError),
}

/// The reader asked for an edition that does not exist; another one is shown instead.
#[derive(Debug, Clone, PartialEq)]
pub struct Unavailable {
    pub lang: LangCode,
    pub country: CountryCode,
}

/// What the view shows.
pub struct State {
    pub shown: Option<ShownEdition>,
    pub activity: Activity,
    /// Set when the shown edition is a stand-in for one the reader asked for.
    pub unavailable: Option<Unavailable>,
    /// How many loads have failed: each failure is shown (and announced) afresh, even when it
    /// repeats the last one.
    pub failures: u32,
}

/// A mounted widget. Its handle holds it; its listeners and requests hold it weakly, so
/// dropping the handle ends them all.
pub struct Widget(Rc<Inner>);

struct Inner {
    core: RefCell<Core>,
    events: HostEvents,
    timeout_secs: u32,
    /// What the placeholder says that JSON-LD may not (id, language, country).
    hints: JsonLdOptions,
    /// `data-ui-lang`, and `data-lang` for the widget's words until an edition is shown.
    ui_lang: Option<String>,
    lang: Option<String>,
    /// The article is the page's own JSON-LD (no `data-src`).
    from_page: bool,
    /// Removed from their targets when the widget goes.
    listeners: RefCell<Vec<Listener>>,
}

struct Core {
    state: State,
    view: ArticleWidget,
    /// The URL asked for last; a response for any other URL is stale and dropped.
    wanted: Option<String>,
    /// The last edition request and the feed's request. Kept after they are answered:
    /// aborting them when the widget goes also releases the timers and listeners hung on
    /// their signals.
    in_flight: Option<AbortController>,
    feed_request: Option<AbortController>,
    /// Editions already fetched: switching back to one is instant.
    cache: Vec<ShownEdition>,
    /// Related news from the publisher's JSON Feed (`data-related-src`), once fetched.
    feed: Option<RelatedFeed>,
}

impl Drop for Inner {
    fn drop(&mut self) {
        // A widget removed mid-request must not leave its requests running.
        let core = self.core.get_mut();
        for controller in [core.in_flight.take(), core.feed_request.take()]
            .into_iter()
            .flatten()
        {
            controller.abort();
        }
    }
}

impl Widget {
    /// A widget configured by `config`, not loading anything yet ([`Widget::start`]).
    pub fn new(config: &WidgetConfig, has_fallback: bool, events: HostEvents) -> Widget {
        let view = ArticleWidget::new(config.theme, has_fallback, config.show_related);
        let widget = Widget(Rc::new(Inner {
            core: RefCell::new(Core {
                state: State {
                    shown: None,
                    activity: Activity::Idle,
                    unavailable: None,
                    failures: 0,
                },
                view,
                wanted: None,
                in_flight: None,
                feed_request: None,
                cache: Vec::new(),
                feed: None,
            }),
            events,
            timeout_secs: config.timeout_secs,
            hints: JsonLdOptions {
                id: config.id.clone(),
                default_lang: config.lang.clone(),
                default_country: config.country.clone(),
                ..JsonLdOptions::default()
            },
            ui_lang: config.ui_lang.clone(),
            lang: config.lang.clone(),
            from_page: config.source == ArticleSource::PageJsonLd,
            listeners: RefCell::new(Vec::new()),
        }));
        widget.listen();
        // The skeleton, or the placeholder's own content, from the start.
        widget.render();
        widget
    }

    /// The widget's outermost element.
    pub fn root(&self) -> Element {
        self.0.core.borrow().view.root.clone()
    }

    /// Starts loading the article, and the related news feed if there is one.
    pub fn start(&self, source: &ArticleSource, related_src: Option<&str>) {
        if let Some(feed) = related_src.and_then(|url| resolve_url(url, &page_url())) {
            self.load_feed(feed);
        }
        match source {
            ArticleSource::Url(src) => match resolve_url(src, &page_url()) {
                Some(url) => self.load(url, None),
                None => self.fail(LoadError::Network(format!(
                    "data-src `{src}` is not an http(s) URL"
                ))),
            },
            ArticleSource::PageJsonLd => self.load_page(),
        }
    }

    /// Shows the edition at `url` (absolute), from the cache or the network.
    pub fn load(&self, url: String, unavailable: Option<Unavailable>) {
        let cached = {
            let mut core = self.0.core.borrow_mut();
            if let Some(controller) = core.in_flight.take() {
                controller.abort();
            }
            core.wanted = Some(url.clone());
            core.cache.iter().find(|shown| shown.url == url).cloned()
        };
        if let Some(cached) = cached {
            self.show(cached, unavailable);
            return;
        }
        let Ok(controller) = AbortController::new() else {
            self.fail(LoadError::Network("AbortController is unavailable".into()));
            return;
        };
        let signal = controller.signal();
        self.0.core.borrow_mut().in_flight = Some(controller);
        self.set_activity(Activity::Loading);
        let weak = self.weak();
        let (timeout_secs, hints) = (self.0.timeout_secs, self.0.hints.clone());
        spawn_local(async move {
            let result = fetch_edition(&url, &signal, timeout_secs, &hints).await;
            // The widget may be gone, or the reader may have chosen again meanwhile.
            let Some(widget) = upgrade(&weak) else { return };
            if widget.0.core.borrow().wanted.as_deref() != Some(url.as_str()) {
                return;
            }
            match result {
                Ok(edition) => {
                    let shown = ShownEdition {
                        edition: Arc::new(edition),
                        url,
                        is_page: false,
                    };
                    {
                        let cache = &mut widget.0.core.borrow_mut().cache;
                        cache.retain(|cached| cached.url != shown.url);
                        cache.push(shown.clone());
                    }
                    widget.show(shown, unavailable);
                }
                Err(LoadError::Aborted) => {}
                Err(error) => widget.fail(error),
            }
        });
    }

    /// Loads the last requested edition again.
    pub fn retry(&self) {
        let (wanted, unavailable) = {
            let core = self.0.core.borrow();
            (core.wanted.clone(), core.state.unavailable.clone())
        };
        match wanted {
            Some(url) => self.load(url, unavailable),
            None if self.0.from_page => self.load_page(),
            None => {}
        }
    }

    /// The reader picked a language in the language picker.
    pub fn choose_language(&self, lang: &str) {
        let Some(current) = self.shown() else { return };
        let edition = &current.edition;
        let outcome = edition_choice::choose_language(&edition.editions, lang, &edition.country);
        self.follow(&current, outcome);
    }

    /// The reader picked a country in the country picker.
    pub fn choose_country(&self, country: &str) {
        let Some(current) = self.shown() else { return };
        let edition = &current.edition;
        let original = edition
            .source
            .original_lang
            .as_deref()
            .unwrap_or(&edition.lang);
        let outcome = edition_choice::choose_country(
            &edition.editions,
            &edition.lang,
            country,
            Some(original),
        );
        self.follow(&current, outcome);
    }

    fn shown(&self) -> Option<ShownEdition> {
        self.0.core.borrow().state.shown.clone()
    }

    fn follow(&self, current: &ShownEdition, outcome: Option<ChoiceOutcome<'_>>) {
        let Some(outcome) = outcome else { return };
        let Some(url) = current.resolve(&outcome.link.url) else {
            let reason = format!("cannot resolve the edition URL {}", &*outcome.link.url);
            self.fail(LoadError::Network(reason));
            return;
        };
        if current.is_page {
            if let Some(window) = web_sys::window() {
                let _ = window.location().assign(&url);
            }
            return;
        }
        let unavailable = outcome
            .unavailable
            .map(|(lang, country)| Unavailable { lang, country });
        self.load(url, unavailable);
    }

    /// Shows `error`, keeping whatever edition is on screen, and tells the publisher why.
    pub fn fail(&self, error: LoadError) {
        web_sys::console::error_1(&format!("Byline: {error}").into());
        {
            let state = &mut self.0.core.borrow_mut().state;
            state.activity = Activity::Failed(error.clone());
            state.failures += 1;
        }
        self.render();
        self.0.events.error(&error);
    }

    /// Shows the article of the page's own JSON-LD, once the formats module has mapped it.
    fn load_page(&self) {
        let (scripts, options) = read_page_json_ld(self.0.hints.clone());
        self.set_activity(Activity::Loading);
        let weak = self.weak();
        spawn_local(async move {
            let result = formats::map_jsonld(&scripts, &options).await;
            let Some(widget) = upgrade(&weak) else { return };
            match result {
                Ok(edition) => {
                    let shown = ShownEdition {
                        edition: Arc::new(edition),
                        url: options.page_url.unwrap_or_default(),
                        is_page: true,
                    };
                    widget.show(shown, None);
                }
                Err(error) => widget.fail(error),
            }
        });
    }

    fn show(&self, shown: ShownEdition, unavailable: Option<Unavailable>) {
        {
            let state = &mut self.0.core.borrow_mut().state;
            state.unavailable = unavailable;
            state.activity = Activity::Idle;
        }
        self.replace_shown(shown);
    }

    /// Puts `shown` on screen (with the feed's related news), and tells the page.
    fn replace_shown(&self, shown: ShownEdition) {
        let previous = {
            let core = &mut *self.0.core.borrow_mut();
            let shown = with_feed(core.feed.as_ref(), shown);
            core.state.shown.replace(shown)
        };
        self.render();
        if let Some(shown) = self.shown() {
            let previous = previous.map(|previous| previous.edition);
            self.0
                .events
                .edition_shown(&shown.edition, previous.as_deref());
        }
    }

    /// Fetches the publisher's JSON Feed once; its items become the related news of every
    /// edition shown. A feed that fails leaves the editions' own related news, and says why.
    fn load_feed(&self, url: String) {
        let weak = self.weak();
        let timeout_secs = self.0.timeout_secs;
        let Ok(controller) = AbortController::new() else {
            return;
        };
        let signal = controller.signal();
        self.0.core.borrow_mut().feed_request = Some(controller);
        spawn_local(async move {
            let result = fetch_feed(&url, &signal, timeout_secs).await;
            let Some(widget) = upgrade(&weak) else { return };
            match result {
                Ok(mut feed) => {
                    // The items' relative URLs are relative to the feed, not to an edition.
                    for entry in &mut feed.entries {
                        absolutize(&mut entry.item.url, &url);
                        if let Some(image) = entry.item.image.as_mut() {
                            absolutize(image, &url);
                        }
                    }
                    widget.0.core.borrow_mut().feed = Some(feed);
                    if let Some(shown) = widget.shown() {
                        widget.replace_shown(shown);
                    }
                }
                Err(error) => {
                    web_sys::console::error_1(
                        &format!("Byline: related news feed {url}: {error}").into(),
                    );
                }
            }
        });
    }

    fn set_activity(&self, activity: Activity) {
        self.0.core.borrow_mut().state.activity = activity;
        self.render();
    }

    /// Brings the view up to date with the state.
    fn render(&self) {
        let ui = self.ui_lang();
        let new_carousel = {
            let core = &mut *self.0.core.borrow_mut();
            core.view.render(&core.state, &ui)
        };
        if new_carousel {
            // Measured once laid out.
            let weak = self.weak();
            let measure = Closure::once_into_js(move || {
                if let Some(widget) = upgrade(&weak) {
                    widget.measure_carousel();
                }
            });
            if let Some(window) = web_sys::window() {
                let _ = window.request_animation_frame(measure.unchecked_ref());
            }
        }
    }

    /// The language the widget's own words are in.
    fn ui_lang(&self) -> String {
        let inner = &self.0;
        inner
            .ui_lang
            .clone()
            .or_else(|| {
                let core = inner.core.borrow();
                core.state
                    .shown
                    .as_ref()
                    .map(|s| s.edition.lang.to_string())
            })
            .or_else(|| inner.lang.clone())
            .unwrap_or_else(|| "en".into())
    }

    fn with_carousel(&self, act: impl FnOnce(&mut RelatedCarousel)) {
        if let Some(carousel) = self.0.core.borrow_mut().view.carousel() {
            act(carousel);
        }
    }

    /// The carousel looks again at which items are in view.
    fn measure_carousel(&self) {
        self.with_carousel(RelatedCarousel::measure);
    }

    fn weak(&self) -> Weak<Inner> {
        Rc::downgrade(&self.0)
    }

    /// The reader's clicks and picks, the carousel's scrolling, the window's resizes, and the
    /// browser coming back online.
    fn listen(&self) {
        let root = self.root();
        let window: EventTarget = match web_sys::window() {
            Some(window) => window.into(),
            None => return,
        };
        let on =
            |target: &EventTarget, kind: &'static str, capture: bool, act: fn(&Widget, Event)| {
                let weak = self.weak();
                let callback = Closure::<dyn Fn(Event)>::new(move |event: Event| {
                    let Some(widget) = upgrade(&weak) else { return };
                    // An event the browser sends while the widget is changing its own DOM
                    // (a blur as a focused element goes, say) must wait for nothing of ours.
                    if widget.0.core.try_borrow_mut().is_ok() {
                        act(&widget, event);
                    }
                });
                let _ = target.add_event_listener_with_callback_and_bool(
                    kind,
                    callback.as_ref().unchecked_ref(),
                    capture,
                );
                self.0.listeners.borrow_mut().push(Listener {
                    target: target.clone(),
                    kind,
                    capture,
                    callback,
                });
            };
        on(&root, "click", false, |widget, event| {
            let Some(button) = target_element(&event).and_then(|t| t.closest("button").ok()?)
            else {
                return;
            };
            let classes = button.class_list();
            if classes.contains(RETRY_CLASS) {
                widget.retry();
            } else if classes.contains(PREVIOUS_CLASS) || classes.contains(NEXT_CLASS) {
                let forward = classes.contains(NEXT_CLASS);
                widget.with_carousel(|carousel| carousel.turn_page(forward));
            }
        });
        // Captured: a script's `change` may not bubble, and the picker must still follow it.
        on(&root, "change", true, |widget, event| {
            let Some(select) =
                target_element(&event).and_then(|t| t.dyn_into::<HtmlSelectElement>().ok())
            else {
                return;
            };
            match select.name().as_str() {
                "language" => widget.choose_language(&select.value()),
                "country" => widget.choose_country(&select.value()),
                _ => {}
            }
        });
        // Scroll events do not bubble; the track's reach the root while capturing.
        on(&root, "scroll", true, |widget, event| {
            if target_element(&event).is_some_and(|t| t.class_name() == TRACK_CLASS) {
                widget.measure_carousel();
            }
        });
        on(&window, "resize", false, |widget, _| {
            widget.measure_carousel()
        });
        // Back online after a failed load: try again without waiting for the reader.
        on(&window, "online", false, |widget, _| {
            let failed_for_connection = matches!(
                widget.0.core.borrow().state.activity,
                Activity::Failed(
                    LoadError::Offline | LoadError::Network(_) | LoadError::Timeout(_)
                )
            );
            if failed_for_connection {
                widget.retry();
            }
        });
    }
}

fn upgrade(weak: &Weak<Inner>) -> Option<Widget> {
    weak.upgrade().map(Widget)
}

fn target_element(event: &Event) -> Option<Element> {
    event.target()?.dyn_into().ok()
}

/// An event listener, removed from its target when dropped.
struct Listener {
    target: EventTarget,
    kind: &'static str,
    capture: bool,
    callback: Closure<dyn Fn(Event)>,
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self.target.remove_event_listener_with_callback_and_bool(
            self.kind,
            self.callback.as_ref().unchecked_ref(),
            self.capture,
        );
    }
}

/// `shown` with the feed's items for its language as related news, when there are any.
fn with_feed(feed: Option<&RelatedFeed>, mut shown: ShownEdition) -> ShownEdition {
    let items = feed.map(|f| f.items_for(&shown.edition.lang));
    if let Some(items) = items.filter(|items| !items.is_empty()) {
        Arc::make_mut(&mut shown.edition).related = items;
    }
    shown
}

/// Makes `link` absolute against `base`, keeping it as it was when that fails.
fn absolutize(link: &mut byline_model::url_check::LinkUrl, base: &str) {
    if let Some(absolute) = resolve_url(link, base).and_then(|url| url.try_into().ok()) {
        *link = absolute;
    }
}

/// The text of the page's own `<script type="application/ld+json">`, and the options that map
/// it: the page's URL, and its `<link rel="alternate" hreflang>` links as the other editions.
fn read_page_json_ld(hints: JsonLdOptions) -> (Vec<String>, JsonLdOptions) {
    let url = page_url();
    let elements = |selector: &str| -> Vec<Element> {
        let Some(nodes) = crate::dom::document().and_then(|d| d.query_selector_all(selector).ok())
        else {
            return Vec::new();
        };
        (0..nodes.length())
            .filter_map(|i| nodes.item(i)?.dyn_into().ok())
            .collect()
    };
    let scripts = elements("script[type=\"application/ld+json\"]")
        .iter()
        .filter_map(|script| script.text_content())
        .collect();
    let alternates = elements("link[rel=alternate][hreflang][href]")
        .iter()
        .filter_map(|link| {
            let href = resolve_url(&link.get_attribute("href")?, &url)?;
            Some((link.get_attribute("hreflang")?, href))
        })
        .collect();
    let options = JsonLdOptions {
        page_url: Some(url),
        alternates,
        ..hints
    };
    (scripts, options)
}
