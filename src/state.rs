//! One widget's state: which edition is shown, what is loading, what went wrong.
//!
//! Views only read these signals; every change goes through the methods here.

use std::collections::HashMap;
use std::sync::Arc;

use byline_model::edition_choice::{self, ChoiceOutcome};
use byline_model::{CountryCode, Edition, LangCode};
use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::AbortController;

use crate::api::{fetch_edition, resolve_url, LoadError};

/// An edition on screen, with the absolute URL its relative links resolve against.
#[derive(Debug, Clone, PartialEq)]
pub struct ShownEdition {
    pub edition: Arc<Edition>,
    pub url: String,
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
}

impl WidgetState {
    /// A widget's state; each article request may take `timeout_secs`.
    pub fn new(timeout_secs: u32) -> Self {
        let state = WidgetState {
            shown: RwSignal::new(None),
            activity: RwSignal::new(Activity::Idle),
            unavailable: RwSignal::new(None),
            wanted: RwSignal::new(None),
            in_flight: StoredValue::new_local(None),
            cache: StoredValue::new(HashMap::new()),
            timeout_secs,
        };
        // A widget removed mid-request must not leave the request running.
        on_cleanup(move || state.abort_in_flight());
        // Back online after a failed load: try again without waiting for the reader.
        let online = window_event_listener_untyped("online", move |_| {
            let failed_for_connection = state.activity.with_untracked(|activity| {
                matches!(
                    activity,
                    Activity::Failed(LoadError::Offline | LoadError::Network(_) | LoadError::Timeout(_))
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
        spawn_local(async move {
            let result = fetch_edition(&url, &signal, state.timeout_secs).await;
            // The widget may be gone, or the reader may have chosen again meanwhile.
            if state.wanted.try_get_untracked().flatten().as_deref() != Some(url.as_str()) {
                return;
            }
            match result {
                Ok(edition) => {
                    let shown = ShownEdition { edition: Arc::new(edition), url: url.clone() };
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
        let Some(current) = self.shown.get_untracked() else { return };
        let edition = &current.edition;
        let outcome = edition_choice::choose_language(&edition.editions, lang, &edition.country);
        self.follow(&current, outcome);
    }

    /// The reader picked a country in the country picker.
    pub fn choose_country(&self, country: &str) {
        let Some(current) = self.shown.get_untracked() else { return };
        let edition = &current.edition;
        let original = edition.source.original_lang.as_deref().unwrap_or(&edition.lang);
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
        let unavailable = outcome.unavailable.map(|(lang, country)| Unavailable { lang, country });
        self.load(url, unavailable);
    }

    /// Shows `error`, keeping whatever edition is on screen, and tells the publisher why.
    pub fn fail(&self, error: LoadError) {
        web_sys::console::error_1(&format!("Byline: {error}").into());
        self.activity.set(Activity::Failed(error));
    }

    fn show(&self, shown: ShownEdition, unavailable: Option<Unavailable>) {
        self.unavailable.set(unavailable);
        self.shown.set(Some(shown));
        self.activity.set(Activity::Idle);
    }

    fn abort_in_flight(&self) {
        if let Some(Some(controller)) = self.in_flight.try_update_value(|slot| slot.take()) {
            controller.abort();
        }
    }
}
