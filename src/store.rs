//! One widget's state in a signal, and the effects of its changes.
//!
//! The state and its transitions are the model's reducer ([`WidgetState::reduce`]); this is
//! where its [`Effect`]s happen: requests (each abortable, aborted with the widget), events
//! for the page, navigation. Components read memos of the state and dispatch [`Action`]s.

use std::sync::Arc;

use byline_model::config::{ArticleSource, WidgetConfig};
use byline_model::jsonld::JsonLdOptions;
use byline_model::state::{Action, ArticleRequest, Effect, LoadError, Notice, WidgetState};
use leptos::prelude::*;
use leptos::task::{spawn_local, tick};
use wasm_bindgen::JsValue;
use web_sys::{AbortController, AbortSignal};

use crate::api::{fetch_edition, fetch_feed, fetch_page, page_url, resolve_url};
use crate::formats;
use crate::host_events::HostEvents;
use crate::page_json_ld::read_page_json_ld;

/// A mounted widget's state and the means to change it. Cheap to copy into views and
/// callbacks; every access tolerates the widget being gone (a late answer, a frame callback).
#[derive(Clone, Copy)]
pub struct WidgetStore {
    state: RwSignal<WidgetState>,
    /// The language of the widget's own words.
    ui: Memo<String>,
    requests: StoredValue<Requests, LocalStorage>,
    events: StoredValue<HostEvents, LocalStorage>,
    timeout_secs: u32,
    /// What the placeholder says that JSON-LD may not (id, language, country).
    hints: StoredValue<JsonLdOptions>,
}

/// The last edition request, the original's (to compare) and the feed's. Kept after they are
/// answered: aborting them when the widget goes also releases the timers and listeners hung
/// on their signals (the loader's prefetch among them).
#[derive(Default)]
struct Requests {
    edition: Option<AbortController>,
    original: Option<AbortController>,
    feed: Option<AbortController>,
}

/// Which of the [`Requests`] a request is.
type Slot = fn(&mut Requests) -> &mut Option<AbortController>;
const EDITION: Slot = |requests| &mut requests.edition;
const ORIGINAL: Slot = |requests| &mut requests.original;
const FEED: Slot = |requests| &mut requests.feed;

impl WidgetStore {
    /// The store of a widget configured by `config`, telling the page through `events`.
    /// Call [`WidgetStore::start`] to load.
    pub fn new(config: &WidgetConfig, events: HostEvents) -> Self {
        let state = RwSignal::new(WidgetState::new(
            config.ui_lang.clone(),
            config.lang.clone(),
        ));
        let store = WidgetStore {
            state,
            ui: Memo::new(move |_| state.with(|state| state.ui_lang().to_string())),
            requests: StoredValue::new_local(Requests::default()),
            events: StoredValue::new_local(events),
            timeout_secs: config.timeout_secs,
            hints: StoredValue::new(JsonLdOptions {
                id: config.id.clone(),
                default_lang: config.lang.clone(),
                default_country: config.country.clone(),
                ..JsonLdOptions::default()
            }),
        };
        // Back online after a failed load: try again without waiting for the reader.
        let online =
            window_event_listener_untyped("online", move |_| store.dispatch(Action::BackOnline));
        on_cleanup(move || {
            online.remove();
            store.dispatch(Action::Destroy);
        });
        store
    }

    /// Starts loading the article of `config`, and its related news feed if there is one.
    pub fn start(&self, config: &WidgetConfig) {
        let page = page_url();
        let article = match &config.source {
            ArticleSource::Url(src) => match resolve_url(src, &page) {
                Some(url) => ArticleRequest::Url(url),
                None => ArticleRequest::Unusable(src.clone()),
            },
            ArticleSource::PageJsonLd => ArticleRequest::Page(page.clone()),
        };
        let feed = config
            .related_src
            .as_deref()
            .and_then(|url| resolve_url(url, &page));
        self.dispatch(Action::Start { article, feed });
    }

    /// The language of the widget's own words, tracked.
    pub fn ui(&self) -> Memo<String> {
        self.ui
    }

    /// That language now, untracked: for views built once per edition.
    pub fn ui_now(&self) -> String {
        self.ui.get_untracked()
    }

    /// A memo of one part of the state: what depends on it re-runs only when that part
    /// changes. (A function, not a closure: one memo type per kind of part keeps the wasm
    /// small.)
    pub fn select<T>(&self, part: fn(&WidgetState) -> T) -> Memo<T>
    where
        T: PartialEq + Send + Sync + 'static,
    {
        let state = self.state;
        Memo::new(move |_| state.with(part))
    }

    /// Reads the state, tracked: a view closure calling this re-runs after every change.
    pub fn read<T>(&self, read: impl FnOnce(&WidgetState) -> T) -> T {
        self.state.with(read)
    }

    /// Applies `action` and carries out its effects. Does nothing once the widget is gone.
    pub fn dispatch(&self, action: Action) {
        let resolve = |reference: &str, base: &str| resolve_url(reference, base);
        let Some(effects) = self
            .state
            .try_update(|state| state.reduce(action, &resolve))
        else {
            return;
        };
        for effect in effects {
            self.run(effect);
        }
    }

    fn run(&self, effect: Effect) {
        match effect {
            Effect::Fetch(url) => self.fetch_edition(EDITION, url, None),
            Effect::MapPage(url) => self.map_page(url),
            Effect::FetchPage { url, lang, country } => {
                self.fetch_edition(EDITION, url, Some((lang, country)))
            }
            Effect::CancelFetch => self.abort(EDITION),
            Effect::FetchOriginal { url, hreflang } => self.fetch_edition(ORIGINAL, url, hreflang),
            Effect::CancelOriginal => self.abort(ORIGINAL),
            Effect::FetchFeed(url) => self.fetch_feed(url),
            Effect::Navigate(url) => {
                if let Some(window) = web_sys::window() {
                    let _ = window.location().assign(&url);
                }
            }
            Effect::Notify(notice) => self.notify(notice),
            Effect::Release => {
                for slot in [EDITION, ORIGINAL, FEED] {
                    self.abort(slot);
                }
            }
        }
    }

    /// Tells the page what the reader did (`listen`, `share`), once the view shows it.
    pub fn emit(&self, name: &'static str, fields: Vec<(&'static str, JsValue)>) {
        let Some(events) = self.events.try_get_value() else {
            return;
        };
        spawn_local(async move {
            tick().await;
            events.emit(name, &fields);
        });
    }

    /// Tells the page, once the view shows what the event is about (views update in the
    /// tasks queued by the change; this one runs after them).
    fn notify(&self, notice: Notice) {
        match &notice {
            Notice::Error(error) => web_sys::console::error_1(&format!("Byline: {error}").into()),
            Notice::FeedError { url, error } => web_sys::console::error_1(
                &format!("Byline: related news feed {url}: {error}").into(),
            ),
            Notice::OriginalError { url, error } => {
                web_sys::console::error_1(&format!("Byline: original {url}: {error}").into())
            }
            _ => {}
        }
        let Some(events) = self.events.try_get_value() else {
            return;
        };
        spawn_local(async move {
            tick().await;
            events.notify(&notice);
        });
    }

    /// A new request's signal; the previous request in `slot` is aborted.
    fn new_request(&self, slot: Slot) -> Option<AbortSignal> {
        let controller = AbortController::new().ok()?;
        let signal = controller.signal();
        let previous = self
            .requests
            .try_update_value(|requests| slot(requests).replace(controller))?;
        if let Some(previous) = previous {
            previous.abort();
        }
        Some(signal)
    }

    fn abort(&self, slot: Slot) {
        if let Some(Some(request)) = self.requests.try_update_value(|r| slot(r).take()) {
            request.abort();
        }
    }

    /// Fetches the edition at `url` (in `slot`): a Byline or JSON-LD document, or, with the
    /// language and country its `hreflang` said, another edition's page read in place (its
    /// JSON-LD, mapped with those for what it may not state).
    fn fetch_edition(&self, slot: Slot, url: String, hreflang: Option<(String, String)>) {
        let Some(signal) = self.new_request(slot) else {
            return self.fail(url, "AbortController is unavailable");
        };
        let (store, timeout_secs) = (*self, self.timeout_secs);
        let Some(hints) = self.hints.try_get_value() else {
            return;
        };
        spawn_local(async move {
            let result = match hreflang {
                None => fetch_edition(&url, &signal, timeout_secs, &hints).await,
                Some((lang, country)) => {
                    let hints = JsonLdOptions {
                        default_lang: Some(lang),
                        default_country: Some(country),
                        ..hints
                    };
                    fetch_page(&url, &signal, timeout_secs, hints).await
                }
            };
            store.answer(url, result);
        });
    }

    /// Shows the article of the page's own JSON-LD, once the formats module has mapped it.
    fn map_page(&self, url: String) {
        let Some(hints) = self.hints.try_get_value() else {
            return;
        };
        let (scripts, options) = read_page_json_ld(hints, &url);
        let store = *self;
        spawn_local(async move {
            let result = formats::map_jsonld(&scripts, &options).await;
            store.answer(url, result);
        });
    }

    fn answer(&self, url: String, result: Result<byline_model::Edition, LoadError>) {
        self.dispatch(match result {
            Ok(edition) => Action::Answered {
                url,
                edition: Arc::new(edition),
            },
            Err(error) => Action::Failed { url, error },
        });
    }

    fn fail(&self, url: String, reason: &str) {
        let error = LoadError::Network(reason.into());
        self.dispatch(Action::Failed { url, error });
    }

    /// Fetches the publisher's feed once; its items become the related news of every edition
    /// shown. A feed that fails leaves the article with its own related news, and says why.
    fn fetch_feed(&self, url: String) {
        let Some(signal) = self.new_request(FEED) else {
            return;
        };
        let (store, timeout_secs) = (*self, self.timeout_secs);
        spawn_local(async move {
            match fetch_feed(&url, &signal, timeout_secs).await {
                Ok(mut feed) => {
                    // The items' relative URLs are relative to the feed, not to an edition.
                    for entry in &mut feed.entries {
                        absolutize(&mut entry.item.url, &url);
                        if let Some(image) = entry.item.image.as_mut() {
                            absolutize(image, &url);
                        }
                    }
                    store.dispatch(Action::FeedArrived(feed));
                }
                Err(error) => store.dispatch(Action::FeedFailed { url, error }),
            }
        });
    }
}

/// Makes `link` absolute against `base`, keeping it as it was when that fails.
fn absolutize(link: &mut byline_model::url_check::LinkUrl, base: &str) {
    if let Some(absolute) = resolve_url(link, base).and_then(|url| url.try_into().ok()) {
        *link = absolute;
    }
}
