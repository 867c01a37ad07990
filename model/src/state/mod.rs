//! One widget's state and every change of it, as a reducer (after Yew's `function_todomvc`):
//! [`WidgetState::reduce`] takes an [`Action`] (the reader chose a language, an answer
//! arrived, …), changes the state and returns the [`Effect`]s the widget must carry out
//! (fetch this URL, tell the page). Components only read signals derived from the state.

mod comparison;
mod load_error;

use std::sync::Arc;

pub use comparison::{CompareEvent, Comparison, OriginalStatus};
pub use load_error::{LoadError, MAX_EDITION_BYTES};

use crate::edition_choice::{self, ChoiceOutcome};
use crate::jsonfeed::RelatedFeed;
use crate::{CountryCode, Edition, EditionLink, LangCode};

/// Resolves a URL reference against a base URL; `None` unless the result is http(s).
pub type Resolve<'a> = &'a dyn Fn(&str, &str) -> Option<String>;

/// An edition on screen, with the absolute URL its relative links resolve against.
#[derive(Debug, Clone)]
pub struct ShownEdition {
    pub edition: Arc<Edition>,
    pub url: String,
    /// The edition came from a page's JSON-LD (this page's, or another edition's page read
    /// in place): other editions are other pages, read the same way or navigated to.
    pub from_page: bool,
}

/// The same edition object at the same URL: what views key on (comparing whole articles
/// would cost more than rendering them).
impl PartialEq for ShownEdition {
    fn eq(&self, other: &Self) -> bool {
        self.url == other.url
            && self.from_page == other.from_page
            && Arc::ptr_eq(&self.edition, &other.edition)
    }
}

/// What the widget is doing besides showing an edition.
#[derive(Debug, Clone, Default)]
pub enum Activity {
    #[default]
    Idle,
    Loading,
    /// Each failure is its own `Arc`: a failure that repeats the last one is still news, shown
    /// and announced afresh.
    Failed(Arc<LoadError>),
}

impl PartialEq for Activity {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Activity::Idle, Activity::Idle) | (Activity::Loading, Activity::Loading) => true,
            (Activity::Failed(a), Activity::Failed(b)) => Arc::ptr_eq(a, b),
            _ => false,
        }
    }
}

/// The reader asked for an edition that does not exist; another one is shown instead.
#[derive(Debug, Clone, PartialEq)]
pub struct Unavailable {
    pub lang: LangCode,
    pub country: CountryCode,
}

/// Where a widget's article comes from, as the widget starts.
#[derive(Debug, Clone, PartialEq)]
pub enum ArticleRequest {
    /// An edition (or JSON-LD document) at this absolute URL.
    Url(String),
    /// The page's own JSON-LD; the page is at this URL.
    Page(String),
    /// `data-src` is not an http(s) URL.
    Unusable(String),
}

/// Something that happened to the widget.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// The widget starts: its article, and the publisher's related-news feed if any.
    Start {
        article: ArticleRequest,
        feed: Option<String>,
    },
    /// The edition requested from `url` arrived (for the page's own JSON-LD, `url` is the
    /// page's).
    Answered { url: String, edition: Arc<Edition> },
    /// The request for `url` failed.
    Failed { url: String, error: LoadError },
    /// The related-news feed arrived, its URLs already absolute.
    FeedArrived(RelatedFeed),
    /// The related-news feed at `url` could not be fetched or read.
    FeedFailed { url: String, error: LoadError },
    /// The reader picked a language in the language picker.
    ChooseLanguage(String),
    /// The reader picked a country in the country picker.
    ChooseCountry(String),
    /// The reader pressed Retry.
    Retry,
    /// The browser is back online.
    BackOnline,
    /// The reader opened or closed the original of the block with this id.
    ToggleOriginal(String),
    /// The reader turned the side-by-side view with the original on or off.
    SideBySide(bool),
    /// The reader pressed Retry where the original failed to load.
    RetryOriginal,
    /// The widget is being removed.
    Destroy,
}

/// What the widget must do after a change of state.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Fetch the edition at this absolute URL, aborting any earlier edition request.
    Fetch(String),
    /// Read and map the page's own JSON-LD (the page at this URL).
    MapPage(String),
    /// Fetch another edition's page and map its JSON-LD, never running the page: `lang` and
    /// `country` are what the page's `hreflang` said. Failing that, the widget navigates there.
    FetchPage {
        url: String,
        lang: String,
        country: String,
    },
    /// An edition from the cache replaced the one being fetched: abort that request.
    CancelFetch,
    /// Fetch the related-news feed at this URL.
    FetchFeed(String),
    /// Fetch the original of the translation on screen, to compare: an edition, or another
    /// edition's page when `hreflang` (its language and country) is set.
    FetchOriginal {
        url: String,
        hreflang: Option<(String, String)>,
    },
    /// The reader switched edition while the original loaded: abort that request.
    CancelOriginal,
    /// Go to another page (an edition published as a page of its own).
    Navigate(String),
    /// Tell the publisher's page.
    Notify(Notice),
    /// Abort every request: the widget is gone.
    Release,
}

/// The events a widget sends its placeholder.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    Render(EditionEvent),
    LanguageChange(EditionEvent),
    CountryChange(EditionEvent),
    Error(Arc<LoadError>),
    /// The related-news feed at `url` failed; the article stays, with its own related news.
    FeedError {
        url: String,
        error: Arc<LoadError>,
    },
    Compare(CompareEvent),
    /// The original at `url` failed to load; the translation stays.
    OriginalError {
        url: String,
        error: Arc<LoadError>,
    },
}

/// Which edition an event is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditionEvent {
    pub id: String,
    pub lang: String,
    pub country: String,
    /// Where the edition was fetched from; `None` for the page's own JSON-LD. The loader
    /// remounts a widget at this URL after a panic.
    pub url: Option<String>,
}

impl EditionEvent {
    fn of(shown: &ShownEdition) -> Self {
        let edition = &shown.edition;
        EditionEvent {
            id: edition.id.to_string(),
            lang: edition.lang.to_string(),
            country: edition.country.to_string(),
            url: (!shown.from_page).then(|| shown.url.clone()),
        }
    }
}

/// The request whose answer the widget waits for; answers to any other are stale.
#[derive(Debug, Clone, PartialEq)]
struct Wanted {
    url: String,
    source: Source,
    unavailable: Option<Unavailable>,
}

/// What kind of document an edition is read from.
#[derive(Debug, Clone, PartialEq)]
enum Source {
    /// A Byline edition or JSON-LD document.
    Document,
    /// This page's own JSON-LD.
    ThisPage,
    /// Another edition's page, as its `hreflang` link announced it.
    OtherPage { lang: String, country: String },
}

/// A switch to another edition, told politely to screen-reader users while focus stays on
/// the picker they used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Announcement {
    pub lang: String,
    pub headline: String,
}

/// One widget's state.
#[derive(Debug, Clone, Default)]
pub struct WidgetState {
    shown: Option<ShownEdition>,
    activity: Activity,
    unavailable: Option<Unavailable>,
    announcement: Option<Announcement>,
    /// What the reader picked in each picker, while the switch it asked for is under way.
    picked_lang: Option<String>,
    picked_country: Option<String>,
    wanted: Option<Wanted>,
    /// Editions already fetched: switching back to one is instant.
    cache: Vec<ShownEdition>,
    /// Related news from the publisher's feed (`data-related-src`), once fetched.
    feed: Option<Arc<RelatedFeed>>,
    /// The translation on screen compared with its original, once the reader asks.
    comparison: Option<Comparison>,
    /// `data-ui-lang`, and `data-lang` for the widget's words until an edition is shown.
    ui_lang: Option<String>,
    lang: Option<String>,
    destroyed: bool,
}

impl WidgetState {
    /// A widget whose own words are in `ui_lang` (`data-ui-lang`) if set, else in the
    /// language of the edition shown, else in `lang` (`data-lang`), else in English.
    pub fn new(ui_lang: Option<String>, lang: Option<String>) -> Self {
        WidgetState {
            ui_lang,
            lang,
            ..WidgetState::default()
        }
    }

    /// The edition on screen.
    pub fn shown(&self) -> Option<&ShownEdition> {
        self.shown.as_ref()
    }

    pub fn activity(&self) -> &Activity {
        &self.activity
    }

    pub fn is_loading(&self) -> bool {
        self.activity == Activity::Loading
    }

    /// Set when the shown edition is a stand-in for one the reader asked for.
    pub fn unavailable(&self) -> Option<&Unavailable> {
        self.unavailable.as_ref()
    }

    /// The last switch to another edition (the first edition shown is announced by the page
    /// itself).
    pub fn announcement(&self) -> Option<&Announcement> {
        self.announcement.as_ref()
    }

    /// The language the language picker shows: the edition's, or what the reader picked while
    /// its edition loads. A failed switch puts the edition's back.
    pub fn picker_lang(&self) -> Option<&str> {
        let shown = self.shown.as_ref().map(|shown| &*shown.edition.lang);
        self.picked_lang.as_deref().or(shown)
    }

    /// The country the country picker shows, like [`WidgetState::picker_lang`].
    pub fn picker_country(&self) -> Option<&str> {
        let shown = self.shown.as_ref().map(|shown| &*shown.edition.country);
        self.picked_country.as_deref().or(shown)
    }

    /// The comparison of the translation on screen with its original.
    pub fn comparison(&self) -> Option<&Comparison> {
        self.comparison.as_ref()
    }

    /// The language of the widget's own words. An edition whose language is undetermined
    /// (`und`) has none to give them: then `data-lang`, else English.
    pub fn ui_lang(&self) -> &str {
        self.ui_lang
            .as_deref()
            .or_else(|| {
                let lang = &self.shown.as_ref()?.edition.lang;
                (!lang.is_undetermined()).then_some(&**lang)
            })
            .or(self.lang.as_deref())
            .unwrap_or("en")
    }

    /// Applies `action`; returns what the widget must do about it, in order. `resolve` makes
    /// an edition's links absolute.
    pub fn reduce(&mut self, action: Action, resolve: Resolve) -> Vec<Effect> {
        if self.destroyed {
            return Vec::new();
        }
        match action {
            Action::Start { article, feed } => {
                let mut effects: Vec<Effect> = feed.into_iter().map(Effect::FetchFeed).collect();
                effects.extend(match article {
                    ArticleRequest::Url(url) => self.load(url, Source::Document, None),
                    ArticleRequest::Page(url) => self.load(url, Source::ThisPage, None),
                    ArticleRequest::Unusable(src) => self.fail(LoadError::Network(format!(
                        "data-src `{src}` is not an http(s) URL"
                    ))),
                });
                effects
            }
            Action::Answered { url, edition } => {
                self.original_answered(&url, &edition);
                let Some(wanted) = self.wanted.clone().filter(|w| w.url == url) else {
                    return Vec::new(); // stale: the reader has chosen again since
                };
                let shown = ShownEdition {
                    edition,
                    url,
                    from_page: wanted.source != Source::Document,
                };
                self.cache.retain(|cached| cached.url != shown.url);
                self.cache.push(shown.clone());
                self.show(shown, wanted.unavailable)
            }
            Action::Failed { url, error } => {
                if let Some(comparison) = self
                    .comparison
                    .as_mut()
                    .filter(|c| c.url == url && c.is_loading())
                {
                    if matches!(error, LoadError::Aborted) {
                        return Vec::new();
                    }
                    let error = Arc::new(error);
                    comparison.original = OriginalStatus::Failed(error.clone());
                    return vec![Effect::Notify(Notice::OriginalError { url, error })];
                }
                let Some(wanted) = self.wanted.as_ref().filter(|w| w.url == url) else {
                    return Vec::new();
                };
                match (&wanted.source, error) {
                    (_, LoadError::Aborted) => Vec::new(),
                    // The page could not be read in place (CORS, no JSON-LD, …): it is still the
                    // reader's choice, so go there. Offline, going there would fail too.
                    (Source::OtherPage { .. }, error) if error != LoadError::Offline => {
                        vec![Effect::Navigate(url)]
                    }
                    (_, error) => self.fail(error),
                }
            }
            Action::FeedArrived(feed) => {
                self.feed = Some(Arc::new(feed));
                match self.shown.clone() {
                    Some(shown) => self.replace_shown(shown),
                    None => Vec::new(),
                }
            }
            Action::FeedFailed { url, error } => match error {
                LoadError::Aborted => Vec::new(),
                error => vec![Effect::Notify(Notice::FeedError {
                    url,
                    error: Arc::new(error),
                })],
            },
            Action::ChooseLanguage(lang) => {
                let Some(current) = self.shown.clone() else {
                    return Vec::new();
                };
                self.picked_lang = Some(lang.clone());
                let edition = &current.edition;
                let outcome =
                    edition_choice::choose_language(&edition.editions, &lang, &edition.country);
                self.follow(&current, outcome, resolve)
            }
            Action::ChooseCountry(country) => {
                let Some(current) = self.shown.clone() else {
                    return Vec::new();
                };
                self.picked_country = Some(country.clone());
                let edition = &current.edition;
                let original = edition.source.original_lang.as_deref();
                let outcome = edition_choice::choose_country(
                    &edition.editions,
                    &edition.lang,
                    &country,
                    Some(original.unwrap_or(&edition.lang)),
                );
                self.follow(&current, outcome, resolve)
            }
            Action::Retry => self.retry(),
            Action::BackOnline => match &self.activity {
                Activity::Failed(error) if error.is_connection() => self.retry(),
                _ => Vec::new(),
            },
            Action::ToggleOriginal(block) => {
                let open = !self
                    .comparison
                    .as_ref()
                    .is_some_and(|c| c.open.contains(&block));
                self.compare(resolve, Some(block), open)
            }
            Action::SideBySide(on) => self.compare(resolve, None, on),
            Action::RetryOriginal => match &mut self.comparison {
                Some(comparison) if matches!(comparison.original, OriginalStatus::Failed(_)) => {
                    comparison.original = OriginalStatus::Loading;
                    let url = comparison.url.clone();
                    vec![self.fetch_original(url)]
                }
                _ => Vec::new(),
            },
            Action::Destroy => {
                self.destroyed = true;
                vec![Effect::Release]
            }
        }
    }

    /// Shows the edition at `url` (absolute), from the cache or the network.
    fn load(
        &mut self,
        url: String,
        source: Source,
        unavailable: Option<Unavailable>,
    ) -> Vec<Effect> {
        let mut effects = self.cancel_original();
        self.wanted = Some(Wanted {
            url: url.clone(),
            source: source.clone(),
            unavailable: unavailable.clone(),
        });
        if let Some(cached) = self.cache.iter().find(|c| c.url == url).cloned() {
            effects.push(Effect::CancelFetch);
            effects.extend(self.show(cached, unavailable));
            return effects;
        }
        self.activity = Activity::Loading;
        effects.push(match source {
            Source::Document => Effect::Fetch(url),
            Source::ThisPage => Effect::MapPage(url),
            Source::OtherPage { lang, country } => Effect::FetchPage { url, lang, country },
        });
        effects
    }

    fn retry(&mut self) -> Vec<Effect> {
        match self.wanted.clone() {
            Some(wanted) => self.load(wanted.url, wanted.source, wanted.unavailable),
            None => Vec::new(),
        }
    }

    fn follow(
        &mut self,
        current: &ShownEdition,
        outcome: Option<ChoiceOutcome<'_>>,
        resolve: Resolve,
    ) -> Vec<Effect> {
        let Some(outcome) = outcome else {
            return Vec::new();
        };
        let Some(url) = resolve(&outcome.link.url, &current.url) else {
            let reason = format!("cannot resolve the edition URL {}", &*outcome.link.url);
            return self.fail(LoadError::Network(reason));
        };
        let source = if current.from_page {
            Source::OtherPage {
                lang: outcome.link.lang.to_string(),
                country: outcome.link.country.to_string(),
            }
        } else {
            Source::Document
        };
        let unavailable = outcome
            .unavailable
            .map(|(lang, country)| Unavailable { lang, country });
        self.load(url, source, unavailable)
    }

    fn fail(&mut self, error: LoadError) -> Vec<Effect> {
        self.settle();
        let error = Arc::new(error);
        self.activity = Activity::Failed(error.clone());
        vec![Effect::Notify(Notice::Error(error))]
    }

    fn show(&mut self, shown: ShownEdition, unavailable: Option<Unavailable>) -> Vec<Effect> {
        self.settle();
        self.unavailable = unavailable;
        self.activity = Activity::Idle;
        self.replace_shown(shown)
    }

    /// The switch is over: the pickers show the edition on screen again.
    fn settle(&mut self) {
        self.picked_lang = None;
        self.picked_country = None;
    }

    /// Puts `shown` on screen, with the feed's related news, and tells the page: `render`,
    /// after `languagechange` and `countrychange` when they changed.
    fn replace_shown(&mut self, shown: ShownEdition) -> Vec<Effect> {
        let shown = with_feed(self.feed.as_deref(), shown);
        let event = EditionEvent::of(&shown);
        if self.shown.as_ref().is_some_and(|old| old.url != shown.url) {
            self.announcement = Some(Announcement {
                lang: shown.edition.lang.to_string(),
                headline: shown.edition.headline.clone(),
            });
        }
        if self.shown.as_ref().is_some_and(|old| old.url != shown.url) {
            self.comparison = None;
        }
        let previous = self.shown.replace(shown).map(|s| EditionEvent::of(&s));
        let mut effects = Vec::new();
        if let Some(previous) = previous {
            if previous.lang != event.lang {
                effects.push(Effect::Notify(Notice::LanguageChange(event.clone())));
            }
            if previous.country != event.country {
                effects.push(Effect::Notify(Notice::CountryChange(event.clone())));
            }
        }
        effects.push(Effect::Notify(Notice::Render(event)));
        effects
    }

    /// Opens (`open`) or closes the original of `block`, or the side-by-side view when `block`
    /// is `None`; the first time, the original starts loading.
    fn compare(&mut self, resolve: Resolve, block: Option<String>, open: bool) -> Vec<Effect> {
        let mut effects = Vec::new();
        if self.comparison.is_none() {
            let Some((lang, url)) = self.original_link().and_then(|(shown, link)| {
                Some((link.lang.to_string(), resolve(&link.url, &shown.url)?))
            }) else {
                return effects;
            };
            let cached = self.cache.iter().find(|c| c.url == url).cloned();
            if cached.is_none() {
                effects.push(self.fetch_original(url.clone()));
            }
            self.comparison = Some(Comparison {
                url,
                lang,
                original: cached.map_or(OriginalStatus::Loading, OriginalStatus::Ready),
                open: Vec::new(),
                side_by_side: false,
            });
        }
        let Some(comparison) = self.comparison.as_mut() else {
            return effects;
        };
        match &block {
            Some(id) if open => comparison.open.push(id.clone()),
            Some(id) => comparison.open.retain(|shown| shown != id),
            None => comparison.side_by_side = open,
        }
        effects.push(Effect::Notify(Notice::Compare(CompareEvent {
            open,
            block,
            lang: comparison.lang.clone(),
            url: comparison.url.clone(),
        })));
        effects
    }

    /// The translation on screen and the link to its original, chosen by the rule of
    /// `docs/format.md` ([`edition_choice::original_of`]).
    fn original_link(&self) -> Option<(&ShownEdition, &EditionLink)> {
        let shown = self.shown.as_ref()?;
        Some((shown, edition_choice::original_of(&shown.edition)?))
    }

    fn fetch_original(&self, url: String) -> Effect {
        let hreflang = self
            .original_link()
            .filter(|(shown, _)| shown.from_page)
            .map(|(_, link)| (link.lang.to_string(), link.country.to_string()));
        Effect::FetchOriginal { url, hreflang }
    }

    /// The original arrived: kept for the comparison, and in the cache (switching to it is
    /// then instant too).
    fn original_answered(&mut self, url: &str, edition: &Arc<Edition>) {
        let from_page = self.shown.as_ref().is_some_and(|shown| shown.from_page);
        let Some(comparison) = self
            .comparison
            .as_mut()
            .filter(|c| c.url == url && c.is_loading())
        else {
            return;
        };
        let original = ShownEdition {
            edition: edition.clone(),
            url: url.to_string(),
            from_page,
        };
        comparison.original = OriginalStatus::Ready(original.clone());
        self.cache.retain(|cached| cached.url != url);
        self.cache.push(original);
    }

    /// A switch of edition starts: a request for the original under way is aborted, and its
    /// comparison ends. Any other comparison stays until the new edition shows (a switch that
    /// fails keeps the edition); a fetched original stays in the cache.
    fn cancel_original(&mut self) -> Vec<Effect> {
        if !self.comparison.as_ref().is_some_and(Comparison::is_loading) {
            return Vec::new();
        }
        self.comparison = None;
        vec![Effect::CancelOriginal]
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
