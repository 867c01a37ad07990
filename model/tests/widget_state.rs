//! The widget's reducer, one transition at a time: what each action does to the state and
//! which effects it asks for.

use std::sync::Arc;

use byline_model::state::{
    Action, Activity, ArticleRequest, CompareEvent, EditionEvent, Effect, LoadError, Notice,
    OriginalStatus, Unavailable, WidgetState,
};
use byline_model::{parse_edition, CountryCode, Edition, LangCode};

const BASE: &str = "https://news.example/articles/";

fn edition(name: &str) -> Arc<Edition> {
    let path = format!(
        "{}/../data/editions/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    Arc::new(parse_edition(&std::fs::read_to_string(path).unwrap()).unwrap())
}

fn url(name: &str) -> String {
    format!("{BASE}{name}.json")
}

/// Joins a relative reference to its base the simple way the sample links need, and refuses
/// absolute URLs other than https (standing in for a link the browser cannot resolve).
fn resolve(reference: &str, base: &str) -> Option<String> {
    if reference.contains(':') {
        return reference
            .starts_with("https:")
            .then(|| reference.to_string());
    }
    Some(format!("{}{reference}", &base[..base.rfind('/')? + 1]))
}

fn reduce(state: &mut WidgetState, action: Action) -> Vec<Effect> {
    state.reduce(action, &resolve)
}

/// The edition `name` (`es-MX`) arrives, as asked for.
fn answer(state: &mut WidgetState, name: &str) -> Vec<Effect> {
    reduce(
        state,
        Action::Answered {
            url: url(name),
            edition: edition(name),
        },
    )
}

fn event(name: &str) -> EditionEvent {
    let (lang, country) = name.split_once('-').unwrap();
    EditionEvent {
        id: "zelensky-trump-air-defence-2025-07-04".into(),
        lang: lang.into(),
        country: country.into(),
        url: Some(url(name)),
    }
}

/// A widget showing the edition `name` (`de-MX`).
fn showing(name: &str) -> WidgetState {
    let mut state = WidgetState::new(None, Some("de".into()));
    reduce(&mut state, start(&url(name)));
    reduce(
        &mut state,
        Action::Answered {
            url: url(name),
            edition: edition(name),
        },
    );
    state
}

/// A widget showing the German edition for Mexico, the seed page.
fn showing_de_mx() -> WidgetState {
    showing("de-MX")
}

fn start(article: &str) -> Action {
    Action::Start {
        article: ArticleRequest::Url(article.into()),
        feed: None,
    }
}

fn shown_name(state: &WidgetState) -> String {
    let edition = &state.shown().expect("an edition is shown").edition;
    format!("{}-{}", edition.lang, edition.country)
}

#[test]
fn the_sample_editions_have_the_id_the_events_carry() {
    assert_eq!(&*edition("de-MX").id, event("de-MX").id.as_str());
}

#[test]
fn start_fetches_the_article_and_the_feed() {
    let mut state = WidgetState::new(None, None);
    let effects = reduce(
        &mut state,
        Action::Start {
            article: ArticleRequest::Url(url("de-MX")),
            feed: Some("https://news.example/feed.json".into()),
        },
    );
    assert_eq!(
        effects,
        [
            Effect::FetchFeed("https://news.example/feed.json".into()),
            Effect::Fetch(url("de-MX")),
        ]
    );
    assert!(state.is_loading());
    assert!(state.shown().is_none() && state.picker_lang().is_none());
}

#[test]
fn start_from_the_page_maps_its_json_ld() {
    let mut state = WidgetState::new(None, None);
    let page = "https://news.example/de/artikel".to_string();
    let effects = reduce(
        &mut state,
        Action::Start {
            article: ArticleRequest::Page(page.clone()),
            feed: None,
        },
    );
    assert_eq!(effects, [Effect::MapPage(page.clone())]);
    let effects = reduce(
        &mut state,
        Action::Answered {
            url: page.clone(),
            edition: edition("de-MX"),
        },
    );
    assert!(state.shown().unwrap().from_page);
    // Nothing to fetch again after a restart: the page is read again.
    let page_render = EditionEvent {
        url: None,
        ..event("de-MX")
    };
    assert_eq!(effects, [Effect::Notify(Notice::Render(page_render))]);
    // Another language of a page edition is another page, read in place.
    assert_eq!(
        reduce(&mut state, Action::ChooseLanguage("es".into())),
        [Effect::FetchPage {
            url: "https://news.example/de/es-MX.json".into(),
            lang: "es".into(),
            country: "MX".into(),
        }]
    );
    assert!(state.is_loading());
}

/// A widget showing the page `https://news.example/de/artikel` (its JSON-LD is `de-MX`).
fn showing_page() -> (WidgetState, String) {
    let mut state = WidgetState::new(None, None);
    let page = "https://news.example/de/artikel".to_string();
    reduce(
        &mut state,
        Action::Start {
            article: ArticleRequest::Page(page.clone()),
            feed: None,
        },
    );
    reduce(
        &mut state,
        Action::Answered {
            url: page.clone(),
            edition: edition("de-MX"),
        },
    );
    (state, page)
}

#[test]
fn another_page_edition_is_shown_in_place_and_seen_again_at_once() {
    let (mut state, _) = showing_page();
    let other = "https://news.example/de/es-MX.json".to_string();
    reduce(&mut state, Action::ChooseLanguage("es".into()));
    assert_eq!(state.picker_lang(), Some("es"));
    let effects = reduce(
        &mut state,
        Action::Answered {
            url: other.clone(),
            edition: edition("es-MX"),
        },
    );
    // An edition of a page is read again from its page after a restart: no URL to resume.
    let from_page = EditionEvent {
        url: None,
        ..event("es-MX")
    };
    assert_eq!(
        effects,
        [
            Effect::Notify(Notice::LanguageChange(from_page.clone())),
            Effect::Notify(Notice::Render(from_page)),
        ]
    );
    let shown = state.shown().unwrap();
    assert_eq!(
        (shown.url.as_str(), shown.from_page),
        (other.as_str(), true)
    );
    assert_eq!(shown_name(&state), "es-MX");
    assert!(!state.is_loading());
    // Back to German (the sample's link is another page), then Spanish again: from the cache,
    // without a request.
    reduce(&mut state, Action::ChooseLanguage("de".into()));
    let german = "https://news.example/de/de-MX.json".to_string();
    reduce(
        &mut state,
        Action::Answered {
            url: german,
            edition: edition("de-MX"),
        },
    );
    let effects = reduce(&mut state, Action::ChooseLanguage("es".into()));
    assert_eq!(effects[0], Effect::CancelFetch);
    assert_eq!(state.shown().unwrap().url, other);
    assert_eq!(shown_name(&state), "es-MX");
}

#[test]
fn another_page_that_cannot_be_read_is_navigated_to() {
    let (mut state, _) = showing_page();
    let other = "https://news.example/de/es-MX.json".to_string();
    for error in [
        LoadError::Network("Failed to fetch".into()),
        LoadError::ContentType("image/png".into()),
        LoadError::Import(byline_model::ImportError::NoArticle),
        LoadError::Http(404),
    ] {
        reduce(&mut state, Action::ChooseLanguage("es".into()));
        let effects = reduce(
            &mut state,
            Action::Failed {
                url: other.clone(),
                error: error.clone(),
            },
        );
        assert_eq!(effects, [Effect::Navigate(other.clone())], "{error}");
        // Nothing shows an error while the browser leaves.
        assert!(!matches!(state.activity(), Activity::Failed(_)), "{error}");
        assert_eq!(shown_name(&state), "de-MX");
    }
    // A newer choice's abort is no reason to leave; offline, leaving would fail too.
    reduce(&mut state, Action::ChooseLanguage("es".into()));
    let aborted = Action::Failed {
        url: other.clone(),
        error: LoadError::Aborted,
    };
    assert!(reduce(&mut state, aborted).is_empty());
    let offline = Action::Failed {
        url: other.clone(),
        error: LoadError::Offline,
    };
    assert!(matches!(
        reduce(&mut state, offline).as_slice(),
        [Effect::Notify(Notice::Error(_))]
    ));
    // Back online, the page is asked for again, still in place.
    assert!(matches!(
        reduce(&mut state, Action::BackOnline).as_slice(),
        [Effect::FetchPage { url, .. }] if *url == other
    ));
}

#[test]
fn a_failed_feed_is_told_and_keeps_the_article() {
    let mut state = showing("es-MX");
    let related = state.shown().unwrap().edition.related.clone();
    let feed = "https://news.example/feed.rss".to_string();
    let error = LoadError::Import(byline_model::ImportError::XmlSyntax {
        line: 3,
        column: 1,
        message: "unexpected end of stream".into(),
    });
    let effects = reduce(
        &mut state,
        Action::FeedFailed {
            url: feed.clone(),
            error: error.clone(),
        },
    );
    assert_eq!(
        effects,
        [Effect::Notify(Notice::FeedError {
            url: feed.clone(),
            error: Arc::new(error),
        })]
    );
    assert_eq!(shown_name(&state), "es-MX");
    assert_eq!(state.shown().unwrap().edition.related, related);
    assert_eq!(state.activity(), &Activity::Idle);
    let aborted = Action::FeedFailed {
        url: feed,
        error: LoadError::Aborted,
    };
    assert!(reduce(&mut state, aborted).is_empty());
}

#[test]
fn a_data_src_that_is_not_http_fails_at_once() {
    let mut state = WidgetState::new(None, None);
    let effects = reduce(
        &mut state,
        Action::Start {
            article: ArticleRequest::Unusable("ftp://x".into()),
            feed: None,
        },
    );
    let Activity::Failed(error) = state.activity().clone() else {
        panic!("expected a failure, got {:?}", state.activity());
    };
    assert_eq!(effects, [Effect::Notify(Notice::Error(error.clone()))]);
    assert_eq!(error.reason(), "network");
}

#[test]
fn an_answer_shows_the_edition_and_tells_the_page() {
    let mut state = WidgetState::new(None, None);
    reduce(&mut state, start(&url("de-MX")));
    let effects = answer(&mut state, "de-MX");
    assert_eq!(effects, [Effect::Notify(Notice::Render(event("de-MX")))]);
    assert_eq!(shown_name(&state), "de-MX");
    assert_eq!(state.activity(), &Activity::Idle);
    assert_eq!(state.picker_lang(), Some("de"));
    assert_eq!(
        state.announcement(),
        None,
        "the first edition is announced by the page"
    );
    assert_eq!(state.shown().unwrap().url, url("de-MX"));
}

#[test]
fn a_stale_answer_is_dropped() {
    let mut state = showing_de_mx();
    reduce(&mut state, Action::ChooseLanguage("es".into()));
    reduce(&mut state, Action::ChooseLanguage("en".into()));
    // Spanish arrives after the reader moved on to English: nothing changes.
    let effects = answer(&mut state, "es-MX");
    assert!(effects.is_empty());
    assert_eq!(shown_name(&state), "de-MX");
    assert!(state.is_loading());
    // And a stale failure is dropped too.
    let effects = reduce(
        &mut state,
        Action::Failed {
            url: url("es-MX"),
            error: LoadError::Http(500),
        },
    );
    assert!(effects.is_empty() && state.is_loading());
}

#[test]
fn a_failure_keeps_the_article_and_tells_the_page() {
    let mut state = showing_de_mx();
    reduce(&mut state, Action::ChooseLanguage("es".into()));
    let effects = reduce(
        &mut state,
        Action::Failed {
            url: url("es-MX"),
            error: LoadError::Http(503),
        },
    );
    let Activity::Failed(error) = state.activity().clone() else {
        panic!("expected a failure");
    };
    assert_eq!(*error, LoadError::Http(503));
    assert_eq!(effects, [Effect::Notify(Notice::Error(error))]);
    assert_eq!(shown_name(&state), "de-MX", "the article on screen stays");
    assert_eq!(
        state.picker_lang(),
        Some("de"),
        "the pickers go back to the edition shown"
    );
}

#[test]
fn an_aborted_request_changes_nothing() {
    let mut state = showing_de_mx();
    reduce(&mut state, Action::ChooseLanguage("es".into()));
    let effects = reduce(
        &mut state,
        Action::Failed {
            url: url("es-MX"),
            error: LoadError::Aborted,
        },
    );
    assert!(effects.is_empty());
    assert!(state.is_loading());
}

#[test]
fn choosing_a_language_fetches_that_edition_for_the_same_country() {
    let mut state = showing_de_mx();
    assert_eq!(
        reduce(&mut state, Action::ChooseLanguage("es".into())),
        [Effect::Fetch(url("es-MX"))]
    );
    assert!(state.is_loading());
    assert_eq!(
        (state.picker_lang(), state.picker_country()),
        (Some("es"), Some("MX")),
        "the pickers stay as the reader set them"
    );
    let effects = answer(&mut state, "es-MX");
    assert_eq!(
        effects,
        [
            Effect::Notify(Notice::LanguageChange(event("es-MX"))),
            Effect::Notify(Notice::Render(event("es-MX"))),
        ]
    );
    assert_eq!(
        state.ui_lang(),
        "es",
        "the widget's words follow the edition"
    );
    assert_eq!(state.picker_lang(), Some("es"));
    let announced = state.announcement().expect("a switch is announced");
    assert_eq!(announced.lang, "es");
    assert_eq!(announced.headline, edition("es-MX").headline);
}

#[test]
fn a_language_missing_in_the_country_is_shown_elsewhere_and_said_so() {
    // German exists for Mexico and Germany only: Spain gets the original, in Spanish.
    let mut state = showing_de_mx();
    reduce(&mut state, Action::ChooseCountry("ES".into()));
    let effects = answer(&mut state, "es-ES");
    assert_eq!(
        state.unavailable(),
        Some(&Unavailable {
            lang: LangCode::new("de"),
            country: CountryCode::new("ES"),
        })
    );
    assert_eq!(
        effects,
        [
            Effect::Notify(Notice::LanguageChange(event("es-ES"))),
            Effect::Notify(Notice::CountryChange(event("es-ES"))),
            Effect::Notify(Notice::Render(event("es-ES"))),
        ]
    );
}

#[test]
fn choosing_a_country_keeps_the_language_where_it_exists() {
    let mut state = showing_de_mx();
    assert_eq!(
        reduce(&mut state, Action::ChooseCountry("DE".into())),
        [Effect::Fetch(url("de-DE"))]
    );
    answer(&mut state, "de-DE");
    assert_eq!(shown_name(&state), "de-DE");
    assert_eq!(state.unavailable(), None);
}

#[test]
fn an_edition_seen_before_comes_from_the_cache_at_once() {
    let mut state = showing_de_mx();
    reduce(&mut state, Action::ChooseLanguage("es".into()));
    answer(&mut state, "es-MX");
    let effects = reduce(&mut state, Action::ChooseLanguage("de".into()));
    assert_eq!(
        effects,
        [
            Effect::CancelFetch,
            Effect::Notify(Notice::LanguageChange(event("de-MX"))),
            Effect::Notify(Notice::Render(event("de-MX"))),
        ]
    );
    assert_eq!(shown_name(&state), "de-MX");
    assert!(!state.is_loading());
}

#[test]
fn an_unresolvable_edition_link_is_a_failure() {
    let mut state = WidgetState::new(None, None);
    reduce(&mut state, start(&url("de-MX")));
    let mut broken = (*edition("de-MX")).clone();
    broken.editions[0].url = "http://news.example/es-MX.json"
        .to_string()
        .try_into()
        .unwrap();
    let lang = broken.editions[0].lang.to_string();
    reduce(
        &mut state,
        Action::Answered {
            url: url("de-MX"),
            edition: Arc::new(broken),
        },
    );
    let effects = reduce(&mut state, Action::ChooseLanguage(lang));
    assert!(matches!(state.activity(), Activity::Failed(e) if e.reason() == "network"));
    assert!(matches!(effects[..], [Effect::Notify(Notice::Error(_))]));
}

#[test]
fn retry_asks_again_for_what_failed() {
    let mut state = WidgetState::new(None, None);
    reduce(&mut state, start(&url("de-MX")));
    reduce(
        &mut state,
        Action::Failed {
            url: url("de-MX"),
            error: LoadError::Timeout(10),
        },
    );
    let first = state.activity().clone();
    assert_eq!(
        reduce(&mut state, Action::Retry),
        [Effect::Fetch(url("de-MX"))]
    );
    assert!(state.is_loading());
    reduce(
        &mut state,
        Action::Failed {
            url: url("de-MX"),
            error: LoadError::Timeout(10),
        },
    );
    assert_ne!(
        state.activity(),
        &first,
        "the same failure again is a new failure, shown and announced afresh"
    );
}

#[test]
fn retry_keeps_the_substitution_it_was_asked_with() {
    let mut state = showing_de_mx();
    reduce(&mut state, Action::ChooseCountry("ES".into()));
    reduce(
        &mut state,
        Action::Failed {
            url: url("es-ES"),
            error: LoadError::Http(500),
        },
    );
    reduce(&mut state, Action::Retry);
    answer(&mut state, "es-ES");
    assert_eq!(state.unavailable().map(|u| &*u.lang), Some("de"));
}

#[test]
fn back_online_retries_only_a_connection_failure() {
    let mut state = WidgetState::new(None, None);
    reduce(&mut state, start(&url("de-MX")));
    reduce(
        &mut state,
        Action::Failed {
            url: url("de-MX"),
            error: LoadError::Offline,
        },
    );
    assert_eq!(
        reduce(&mut state, Action::BackOnline),
        [Effect::Fetch(url("de-MX"))]
    );
    reduce(
        &mut state,
        Action::Failed {
            url: url("de-MX"),
            error: LoadError::Http(404),
        },
    );
    assert!(reduce(&mut state, Action::BackOnline).is_empty());
}

#[test]
fn the_feed_replaces_the_related_news_of_its_language() {
    let mut state = showing("es-MX");
    let feed_text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/jsonfeed/feed-1.1.json"
    ))
    .unwrap();
    let feed = byline_model::map_json_feed_str(&feed_text).unwrap();
    let expected = feed.items_for(&LangCode::new("es"));
    assert!(!expected.is_empty(), "the fixture has items for Spanish");
    let effects = reduce(&mut state, Action::FeedArrived(feed));
    assert_eq!(effects, [Effect::Notify(Notice::Render(event("es-MX")))]);
    assert_eq!(state.shown().unwrap().edition.related, expected);
}

#[test]
fn destroy_releases_everything_and_ignores_what_comes_after() {
    let mut state = showing_de_mx();
    reduce(&mut state, Action::ChooseLanguage("es".into()));
    assert_eq!(reduce(&mut state, Action::Destroy), [Effect::Release]);
    assert!(answer(&mut state, "es-MX").is_empty());
    assert_eq!(shown_name(&state), "de-MX");
    assert!(reduce(&mut state, Action::Retry).is_empty());
}

#[test]
fn the_widget_speaks_the_configured_language_first() {
    let state = WidgetState::new(Some("fr".into()), Some("de".into()));
    assert_eq!(state.ui_lang(), "fr");
    let state = WidgetState::new(None, Some("de".into()));
    assert_eq!(state.ui_lang(), "de");
    assert_eq!(WidgetState::new(None, None).ui_lang(), "en");
    let mut state = showing_de_mx();
    reduce(&mut state, Action::ChooseLanguage("uk".into()));
    answer(&mut state, "uk-MX");
    assert_eq!(state.ui_lang(), "uk");
}

fn compared(open: bool, block: Option<&str>) -> Effect {
    Effect::Notify(Notice::Compare(CompareEvent {
        open,
        block: block.map(str::to_string),
        lang: "es".into(),
        url: url("es-MX"),
    }))
}

fn fetch_original(name: &str) -> Effect {
    Effect::FetchOriginal {
        url: url(name),
        hreflang: None,
    }
}

#[test]
fn opening_an_original_fetches_the_original_edition_once() {
    let mut state = showing_de_mx();
    assert_eq!(state.comparison(), None);
    let effects = reduce(&mut state, Action::ToggleOriginal("p2".into()));
    assert_eq!(
        effects,
        [fetch_original("es-MX"), compared(true, Some("p2"))]
    );
    let comparison = state.comparison().unwrap();
    assert_eq!(comparison.original, OriginalStatus::Loading);
    assert!(comparison.shows("p2") && !comparison.shows("p1"));
    // A second block while it loads: no second request.
    assert_eq!(
        reduce(&mut state, Action::ToggleOriginal("q1".into())),
        [compared(true, Some("q1"))]
    );
    // The original arrives: kept, not shown in place of the translation, no render event.
    assert_eq!(answer(&mut state, "es-MX"), []);
    assert_eq!(shown_name(&state), "de-MX");
    let OriginalStatus::Ready(original) = &state.comparison().unwrap().original else {
        panic!("the original is ready");
    };
    assert_eq!(original.edition.lang.to_string(), "es");
    assert_eq!(
        reduce(&mut state, Action::ToggleOriginal("p2".into())),
        [compared(false, Some("p2"))]
    );
    let comparison = state.comparison().unwrap();
    assert!(!comparison.shows("p2") && comparison.shows("q1"));
}

#[test]
fn the_side_by_side_view_shows_every_original() {
    let mut state = showing_de_mx();
    assert_eq!(
        reduce(&mut state, Action::SideBySide(true)),
        [fetch_original("es-MX"), compared(true, None)]
    );
    assert!(["p1", "p8", "q1"]
        .iter()
        .all(|id| state.comparison().unwrap().shows(id)));
    assert_eq!(
        reduce(&mut state, Action::SideBySide(false)),
        [compared(false, None)]
    );
    assert!(!state.comparison().unwrap().shows("p1"));
}

#[test]
fn an_original_already_fetched_is_not_fetched_again() {
    let mut state = showing("es-MX");
    reduce(&mut state, Action::ChooseLanguage("de".into()));
    answer(&mut state, "de-MX");
    assert_eq!(
        reduce(&mut state, Action::ToggleOriginal("p1".into())),
        [compared(true, Some("p1"))]
    );
    assert!(matches!(
        state.comparison().unwrap().original,
        OriginalStatus::Ready(_)
    ));
}

#[test]
fn an_original_is_never_compared_with_itself() {
    let mut state = showing("es-MX");
    assert_eq!(reduce(&mut state, Action::ToggleOriginal("p1".into())), []);
    assert_eq!(reduce(&mut state, Action::SideBySide(true)), []);
    assert_eq!(state.comparison(), None);
}

#[test]
fn an_original_that_fails_says_so_and_can_be_tried_again() {
    let mut state = showing_de_mx();
    reduce(&mut state, Action::ToggleOriginal("p2".into()));
    let effects = reduce(
        &mut state,
        Action::Failed {
            url: url("es-MX"),
            error: LoadError::Http(503),
        },
    );
    let OriginalStatus::Failed(error) = &state.comparison().unwrap().original else {
        panic!("the original failed");
    };
    assert_eq!(
        effects,
        [Effect::Notify(Notice::OriginalError {
            url: url("es-MX"),
            error: error.clone(),
        })]
    );
    // The translation is untouched.
    assert_eq!(shown_name(&state), "de-MX");
    assert_eq!(state.activity(), &Activity::Idle);
    assert_eq!(
        reduce(&mut state, Action::RetryOriginal),
        [fetch_original("es-MX")]
    );
    assert!(state.comparison().unwrap().is_loading());
    assert_eq!(reduce(&mut state, Action::RetryOriginal), []);
}

#[test]
fn switching_edition_while_the_original_loads_aborts_it() {
    let mut state = showing_de_mx();
    reduce(&mut state, Action::ToggleOriginal("p2".into()));
    let effects = reduce(&mut state, Action::ChooseLanguage("en".into()));
    assert_eq!(
        effects,
        [Effect::CancelOriginal, Effect::Fetch(url("en-MX"))]
    );
    assert_eq!(state.comparison(), None);
    // Its answer, late, changes nothing.
    assert_eq!(answer(&mut state, "es-MX"), []);
    assert_eq!(state.comparison(), None);
    answer(&mut state, "en-MX");
    assert_eq!(shown_name(&state), "en-MX");
    assert_eq!(state.comparison(), None);
}

#[test]
fn a_new_edition_starts_without_a_comparison() {
    let mut state = showing_de_mx();
    reduce(&mut state, Action::ToggleOriginal("p2".into()));
    answer(&mut state, "es-MX");
    reduce(&mut state, Action::ChooseLanguage("en".into()));
    assert!(
        state.comparison().is_some(),
        "kept while the switch is under way"
    );
    answer(&mut state, "en-MX");
    assert_eq!(state.comparison(), None);
}

#[test]
fn the_original_of_a_page_edition_is_read_from_its_page() {
    let (mut state, _) = showing_page();
    let effects = reduce(&mut state, Action::ToggleOriginal("p1".into()));
    assert_eq!(
        effects[0],
        Effect::FetchOriginal {
            url: "https://news.example/de/es-MX.json".into(),
            hreflang: Some(("es".into(), "MX".into())),
        }
    );
}

#[test]
fn destroying_the_widget_during_a_comparison_releases_its_requests() {
    let mut state = showing_de_mx();
    reduce(&mut state, Action::ToggleOriginal("p2".into()));
    assert_eq!(reduce(&mut state, Action::Destroy), [Effect::Release]);
    assert_eq!(reduce(&mut state, Action::ToggleOriginal("p3".into())), []);
}

#[test]
fn an_edition_in_an_undetermined_language_leaves_the_widget_its_own() {
    // What the JSON-LD mapping makes when nothing names the language.
    let mut undetermined = (*edition("de-MX")).clone();
    undetermined.lang = LangCode::undetermined();
    undetermined.editions = vec![byline_model::EditionLink {
        lang: LangCode::undetermined(),
        country: CountryCode::new("MX"),
        url: "de-MX.json".to_string().try_into().unwrap(),
    }];
    let show = |ui_lang: Option<&str>, lang: Option<&str>| {
        let mut state = WidgetState::new(ui_lang.map(Into::into), lang.map(Into::into));
        reduce(&mut state, start(&url("de-MX")));
        let effects = reduce(
            &mut state,
            Action::Answered {
                url: url("de-MX"),
                edition: Arc::new(undetermined.clone()),
            },
        );
        // The page hears the language as it is: undetermined.
        assert!(effects.iter().any(|effect| matches!(
            effect,
            Effect::Notify(Notice::Render(event)) if event.lang == "und"
        )));
        state
    };
    // Its words are English, not `und` (which no table has), unless the page says otherwise.
    assert_eq!(show(None, None).ui_lang(), "en");
    assert_eq!(show(None, Some("pl")).ui_lang(), "pl");
    assert_eq!(show(Some("fr"), None).ui_lang(), "fr");
    assert_eq!(show(None, None).picker_lang(), Some("und"));
}
