//! One widget's state: which edition is shown, what is loading, what went wrong.
//!
//! Views only read these signals; every change goes through the methods here.

use std::collections::HashMap;
use std::sync::Arc;

use byline_model::edition_choice::{self, ChoiceOutcome};
use byline_model::jsonfeed::RelatedFeed;
use byline_model::jsonld::JsonLdOptions;
use byline_model::{CountryCode, Edition, LangCode};
use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::AbortController;

use crate::api::{fetch_edition, fetch_feed, resolve_url, LoadError};
use crate::formats;

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

#[derive(Clone, Copy)]
pub struct WidgetState {
    pub shown: RwSignal<Option<ShownEdition>>,
    pub activity: RwSignal<Activity>,
    /// Set when the shown edition is a stand-in for one the reader asked for.
    pub unavailable: RwSignal<Option<Unavailable>>,
    /// The URL asked for last; a response for any other URL is stale and dropped.
    wanted: RwSignal<Option<String>>,
    in_flight: StoredValue<Option<AbortController>, LocalStorage>,
    /// Editions already fetched, by URL: switching back to one is instant.
    cache: StoredValue<HashMap<String, ShownEdition>>,
    timeout_secs: u32,
    /// What the placeholder says that JSON-LD may not (id, language, country).
    hints: StoredValue<JsonLdOptions>,
    /// Related news from the publisher's JSON Feed (`data-related-src`), once fetched.
    feed: StoredValue<Option<RelatedFeed>>,
}

impl WidgetState {
    /// What a picker shows: `read` of the edition on screen, but nothing (`None`: leave the
    /// select as the reader set it) while a switch is under way; a failed switch puts the
    /// edition on screen back.
    pub fn picker_value(&self, read: fn(&Edition) -> String) -> Signal<Option<String>> {
        let state = *self;
        Signal::derive(move || {
            if state.activity.with(|a| *a == Activity::Loading) {
                return None;
            }
            state.shown.with(|s| s.as_ref().map(|s| read(&s.edition)))
        })
    }

    /// A widget's state; each article request may take `timeout_secs`.
    pub fn new(timeout_secs: u32, hints: JsonLdOptions) -> Self {
        let state = WidgetState {
            shown: RwSignal::new(None),
            activity: RwSignal::new(Activity::Idle),
            unavailable: RwSignal::new(None),
            wanted: RwSignal::new(None),
            in_flight: StoredValue::new_local(None),
            cache: StoredValue::new(HashMap::new()),
            timeout_secs,
            hints: StoredValue::new(hints),
            feed: StoredValue::new(None),
        };
        // A widget removed mid-request must not leave the request running.
        on_cleanup(move || state.abort_in_flight());
        // Back online after a failed load: try again without waiting for the reader.
        let online = window_event_listener_untyped("online", move |_| {
            let failed_for_connection = state.activity.with_untracked(|activity| {
                matches!(
                    activity,
                    Activity::Failed(
                        LoadError::Offline | LoadError::Network(_) | LoadError::Timeout(_)
                    )
                )
            });
            if failed_for_connection {
                state.retry();
            }
        });
        on_cleanup(move || online.remove());
        state
    }

    /// Shows the edition at `url` (absolute), from the cache or the network.
    pub fn load(&self, url: String, unavailable: Option<Unavailable>) {
        self.abort_in_flight();
        self.wanted.set(Some(url.clone()));
        if let Some(cached) = self.cache.with_value(|cache| cache.get(&url).cloned()) {
            self.show(cached, unavailable);
            return;
        }
        let Ok(controller) = AbortController::new() else {
            self.fail(LoadError::Network("AbortController is unavailable".into()));
            return;
        };
        let signal = controller.signal();
        self.in_flight.set_value(Some(controller));
        self.activity.set(Activity::Loading);
        let state = *self;
        // Read now: by the time the task runs, the widget may already be gone.
        let hints = self.hints.get_value();
        spawn_local(async move {
            let result = fetch_edition(&url, &signal, state.timeout_secs, &hints).await;
            // The widget may be gone, or the reader may have chosen again meanwhile.
            if state.wanted.try_get_untracked().flatten().as_deref() != Some(url.as_str()) {
                return;
            }
            match result {
                Ok(edition) => {
                    let shown = ShownEdition {
                        edition: Arc::new(edition),
                        url: url.clone(),
                        is_page: false,
                    };
                    state.cache.update_value(|cache| {
                        cache.insert(url, shown.clone());
                    });
                    state.show(shown, unavailable);
                }
                Err(LoadError::Aborted) => {}
                Err(error) => state.fail(error),
            }
        });
    }

    /// Loads the last requested URL again.
    pub fn retry(&self) {
        if let Some(url) = self.wanted.get_untracked() {
            let unavailable = self.unavailable.get_untracked();
            self.load(url, unavailable);
        }
    }

    /// The reader picked a language in the language picker.
    pub fn choose_language(&self, lang: &str) {
        let Some(current) = self.shown.get_untracked() else {
            return;
        };
        let edition = &current.edition;
        let outcome = edition_choice::choose_language(&edition.editions, lang, &edition.country);
        self.follow(&current, outcome);
    }

    /// The reader picked a country in the country picker.
    pub fn choose_country(&self, country: &str) {
        let Some(current) = self.shown.get_untracked() else {
            return;
        };
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
        self.activity.set(Activity::Failed(error));
    }

    /// Shows the article of the page's own JSON-LD `scripts` (their text), once the formats
    /// module has mapped it. `options.page_url` is the page's URL.
    pub fn load_page(&self, scripts: Vec<String>, options: JsonLdOptions) {
        self.activity.set(Activity::Loading);
        let state = *self;
        spawn_local(async move {
            let result = formats::map_jsonld(&scripts, &options).await;
            if state.activity.try_get_untracked().is_none() {
                return; // the widget is gone
            }
            match result {
                Ok(edition) => {
                    let shown = ShownEdition {
                        edition: Arc::new(edition),
                        url: options.page_url.unwrap_or_default(),
                        is_page: true,
                    };
                    state.show(shown, None);
                }
                Err(error) => state.fail(error),
            }
        });
    }

    fn show(&self, shown: ShownEdition, unavailable: Option<Unavailable>) {
        self.unavailable.set(unavailable);
        self.shown.set(Some(self.with_feed(shown)));
        self.activity.set(Activity::Idle);
    }

    /// Fetches the publisher's JSON Feed once; its items become the related news of every
    /// edition shown. A feed that fails leaves the editions' own related news, and says why.
    pub fn load_feed(&self, url: String) {
        let state = *self;
        spawn_local(async move {
            let Ok(controller) = AbortController::new() else {
                return;
            };
            match fetch_feed(&url, &controller.signal(), state.timeout_secs).await {
                Ok(mut feed) => {
                    // The items' relative URLs are relative to the feed, not to an edition.
                    for entry in &mut feed.entries {
                        absolutize(&mut entry.item.url, &url);
                        if let Some(image) = entry.item.image.as_mut() {
                            absolutize(image, &url);
                        }
                    }
                    if state.feed.try_set_value(Some(feed)).is_some() {
                        return; // the widget is gone
                    }
                    if let Some(shown) = state.shown.get_untracked() {
                        state.shown.set(Some(state.with_feed(shown)));
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

    fn with_feed(&self, mut shown: ShownEdition) -> ShownEdition {
        let items = self
            .feed
            .with_value(|feed| feed.as_ref().map(|f| f.items_for(&shown.edition.lang)));
        if let Some(items) = items.filter(|items| !items.is_empty()) {
            Arc::make_mut(&mut shown.edition).related = items;
        }
        shown
    }

    fn abort_in_flight(&self) {
        if let Some(Some(controller)) = self.in_flight.try_update_value(|slot| slot.take()) {
            controller.abort();
        }
    }
}

/// Makes `link` absolute against `base`, keeping it as it was when that fails.
fn absolutize(link: &mut byline_model::url_check::LinkUrl, base: &str) {
    if let Some(absolute) = resolve_url(link, base).and_then(|url| url.try_into().ok()) {
        *link = absolute;
    }
}
