//! Components mounted one at a time with Leptos's `mount_to` in headless Chromium, asserted
//! after `tick().await` (the effects a change queued have run).

use std::sync::Arc;

use byline_model::config::read_config;
use byline_model::state::{Action, ArticleRequest, LoadError, ShownEdition, WidgetState};
use byline_model::Edition;
use byline_widget::components::{
    ArticleBody, ArticleHeader, ArticleSkeleton, LoadErrorPanel, PickerOption, PickerSelect,
    RelatedCarousel,
};
use byline_widget::{HostEvents, WidgetStore};
use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::task::tick;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

const DE_MX: &str = include_str!("../data/editions/de-MX.json");

/// Where the test runner serves the sample edition (it serves the crate folder): relative
/// links resolve there, and a switch fetches its neighbours from there.
fn edition_url() -> String {
    let origin = web_sys::window().unwrap().location().origin().unwrap();
    format!("{origin}/data/editions/de-MX.json")
}

fn edition(json: &str) -> Edition {
    let value = js_sys::JSON::parse(json).expect("the sample is JSON");
    byline_model::read_edition(|| serde_wasm_bindgen::Deserializer::from(value.clone()))
        .expect("the sample is a valid edition")
}

fn shown() -> ShownEdition {
    ShownEdition {
        edition: Arc::new(edition(DE_MX)),
        url: edition_url(),
        from_page: false,
    }
}

fn container() -> HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let element: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&element).unwrap();
    element
}

/// The store of a widget on a fresh placeholder, as `ArticleWidget` makes it; with `shown`,
/// it has asked for that edition and got it. Called inside `mount_to`, which owns it.
fn new_store(shown: Option<ShownEdition>) -> WidgetStore {
    let placeholder = container();
    let config = read_config(|name| (name == "src").then(edition_url), |_| None).unwrap();
    let store = WidgetStore::new(&config, HostEvents::new(placeholder.into()));
    if let Some(shown) = shown {
        let url = shown.url.clone();
        store.dispatch(Action::Start {
            article: ArticleRequest::Url(url.clone()),
            feed: None,
        });
        store.dispatch(Action::Answered {
            url,
            edition: shown.edition,
        });
    }
    store
}

fn texts(root: &Element, selector: &str) -> Vec<String> {
    let nodes = root.query_selector_all(selector).unwrap();
    (0..nodes.length())
        .map(|i| nodes.item(i).unwrap().text_content().unwrap_or_default())
        .collect()
}

fn attribute(root: &Element, selector: &str, name: &str) -> Option<String> {
    root.query_selector(selector).unwrap()?.get_attribute(name)
}

#[wasm_bindgen_test]
async fn the_header_shows_headline_standfirst_and_dates_in_the_widget_language() {
    let root = container();
    let _view = mount_to(root.clone(), || {
        let store = new_store(Some(shown()));
        view! { <ArticleHeader shown=shown() ui=store.ui_now() reading_time=true/> }
    });
    tick().await;
    assert_eq!(
        texts(&root, "h2.byline-headline"),
        ["Selenskyj stimmt mit Trump überein, die ukrainische Luftabwehr zu stärken"]
    );
    assert!(texts(&root, ".byline-standfirst")[0].contains("„unzufrieden“"));
    assert_eq!(attribute(&root, "header", "lang").as_deref(), Some("de"));
    assert_eq!(
        attribute(&root, "time", "datetime").as_deref(),
        shown().edition.published.as_ref().map(|t| t.as_str())
    );
    assert!(texts(&root, ".byline-meta__item")[0].starts_with("Veröffentlicht"));
    assert_eq!(
        texts(&root, ".byline-reading-time"),
        ["Lesezeit: 2 Minuten"]
    );
}

#[wasm_bindgen_test]
async fn the_header_leaves_the_reading_time_out_when_switched_off() {
    let root = container();
    let _view = mount_to(root.clone(), || {
        let store = new_store(Some(shown()));
        view! { <ArticleHeader shown=shown() ui=store.ui_now() reading_time=false/> }
    });
    tick().await;
    assert_eq!(texts(&root, ".byline-reading-time").len(), 0);
    assert_eq!(texts(&root, "time").len(), 2);
}

/// The sample as the JSON-LD mapping makes an article with no date and no language: no
/// `published`, `und` (read as the widget reads the formats module's editions).
fn undated_undetermined() -> ShownEdition {
    let mut doc: serde_json::Value = serde_json::from_str(DE_MX).unwrap();
    let doc = doc.as_object_mut().unwrap();
    doc.remove("published");
    doc.remove("updated");
    doc["lang"] = "und".into();
    doc["editions"] = serde_json::json!([{ "lang": "und", "country": "MX", "url": "de-MX.json" }]);
    let value = js_sys::JSON::parse(&serde_json::Value::from(doc.clone()).to_string()).unwrap();
    let edition =
        byline_model::read_mapped_edition(|| serde_wasm_bindgen::Deserializer::from(value.clone()))
            .expect("a mapped edition may lack `published`");
    ShownEdition {
        edition: Arc::new(edition),
        url: edition_url(),
        from_page: true,
    }
}

#[wasm_bindgen_test]
async fn the_header_of_an_undated_edition_in_an_undetermined_language() {
    let root = container();
    let _view = mount_to(root.clone(), || {
        let store = new_store(Some(undated_undetermined()));
        view! { <ArticleHeader shown=undated_undetermined() ui=store.ui_now() reading_time=false/> }
    });
    tick().await;
    // No date: no "Published" with nothing after it, and no empty line for one.
    assert_eq!(texts(&root, "time").len(), 0);
    assert_eq!(texts(&root, ".byline-meta").len(), 0);
    // `und` is valid in `lang`; the direction follows the text.
    assert_eq!(attribute(&root, "header", "lang").as_deref(), Some("und"));
    assert_eq!(attribute(&root, "header", "dir").as_deref(), Some("auto"));

    // The widget's own words, and so the reading time, are English: `und` is none of its
    // languages.
    let root = container();
    let _view = mount_to(root.clone(), || {
        let store = new_store(Some(undated_undetermined()));
        assert_eq!(store.ui_now(), "en");
        view! { <ArticleHeader shown=undated_undetermined() ui=store.ui_now() reading_time=true/> }
    });
    tick().await;
    assert_eq!(texts(&root, ".byline-meta__item").len(), 1);
    assert_eq!(
        attribute(&root, ".byline-reading-time", "lang").as_deref(),
        Some("en")
    );
    assert_eq!(
        attribute(&root, ".byline-meta", "lang").as_deref(),
        Some("en")
    );
}

#[wasm_bindgen_test]
async fn the_body_renders_every_block_with_its_id_in_order() {
    let root = container();
    let _view = mount_to(root.clone(), || {
        view! { <ArticleBody shown=shown()/> }
    });
    tick().await;
    let ids: Vec<String> = {
        let nodes = root.query_selector_all("[data-block-id]").unwrap();
        (0..nodes.length())
            .map(|i| {
                let node: Element = nodes.item(i).unwrap().unchecked_into();
                node.get_attribute("data-block-id").unwrap()
            })
            .collect()
    };
    assert_eq!(
        ids,
        ["p1", "p2", "img1", "p3", "p4", "p5", "q1", "p6", "p7", "p8"]
    );
    assert_eq!(texts(&root, "p.byline-paragraph").len(), 8);
    // Relative image sources resolve against the edition's URL.
    let src = attribute(&root, "img.byline-figure__image", "src").unwrap();
    let origin = web_sys::window().unwrap().location().origin().unwrap();
    assert_eq!(src, format!("{origin}/data/img/air-defence.svg"));
}

#[wasm_bindgen_test]
async fn a_picker_shows_its_options_and_dispatches_the_pick() {
    fn options(_: &WidgetState) -> Vec<PickerOption> {
        ["de", "es"]
            .into_iter()
            .map(|lang| PickerOption {
                value: lang.into(),
                label: lang.to_uppercase(),
                lang: Some(lang.into()),
            })
            .collect()
    }
    let root = container();
    let store = std::rc::Rc::new(std::cell::Cell::new(None));
    let kept = store.clone();
    let _view = mount_to(root.clone(), move || {
        let store = new_store(Some(shown()));
        kept.set(Some(store));
        let selected = store.select(|state| state.picker_lang().unwrap_or_default().to_string());
        view! {
            <PickerSelect
                store=store
                name="language"
                label=|labels| labels.choose_language
                options=options
                selected=selected
                pick=Action::ChooseLanguage
            />
        }
    });
    tick().await;
    assert_eq!(texts(&root, ".byline-picker__label"), ["Sprache auswählen"]);
    assert_eq!(texts(&root, "option"), ["DE", "ES"]);
    let select: HtmlSelectElement = root
        .query_selector("select")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(select.value(), "de");

    select.set_value("es");
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    tick().await;
    let store = store.get().unwrap();
    assert_eq!(
        store.read(|state| state.picker_lang().map(str::to_string)),
        Some("es".into())
    );
    assert!(
        store.read(WidgetState::is_loading),
        "the chosen edition is being fetched"
    );
    assert_eq!(
        select.value(),
        "es",
        "the picker keeps the reader's choice while it loads"
    );
}

#[wasm_bindgen_test]
async fn the_error_panel_words_the_failure_and_retries() {
    let root = container();
    let store = std::rc::Rc::new(std::cell::Cell::new(None));
    let kept = store.clone();
    let _view = mount_to(root.clone(), move || {
        let store = new_store(Some(shown()));
        // A switch to an edition that failed: Retry asks for it again.
        let missing = edition_url().replace("de-MX", "xx-XX");
        store.dispatch(Action::Start {
            article: ArticleRequest::Url(missing.clone()),
            feed: None,
        });
        store.dispatch(Action::Failed {
            url: missing,
            error: LoadError::Http(503),
        });
        kept.set(Some(store));
        view! { <LoadErrorPanel store=store error=Arc::new(LoadError::Http(503)) kept_article=true/> }
    });
    tick().await;
    let panel = root
        .query_selector("[role=alert]")
        .unwrap()
        .expect("an alert");
    let message = panel.text_content().unwrap();
    assert!(message.contains("503"), "{message}");
    assert!(
        message.starts_with("Die gewählte Ausgabe konnte nicht geladen werden"),
        "says the article stays: {message}"
    );
    let retry: HtmlElement = root
        .query_selector("button.byline-error__retry")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(retry.text_content().unwrap(), "Erneut versuchen");
    retry.click();
    tick().await;
    assert!(
        store.get().unwrap().read(WidgetState::is_loading),
        "Retry asked again"
    );
}

#[wasm_bindgen_test]
async fn the_carousel_groups_each_item_and_labels_its_controls() {
    let root = container();
    let _view = mount_to(root.clone(), || {
        let store = new_store(Some(shown()));
        view! { <RelatedCarousel shown=shown() ui=store.ui_now()/> }
    });
    tick().await;
    let slides = root
        .query_selector_all(".byline-carousel__slide[role=group]")
        .unwrap();
    assert_eq!(slides.length(), 10);
    let first: Element = slides.item(0).unwrap().unchecked_into();
    assert_eq!(
        first.get_attribute("aria-label").as_deref(),
        Some("1 von 10")
    );
    assert_eq!(
        attribute(&root, ".byline-carousel__prev", "aria-label").as_deref(),
        Some("Vorherige Nachrichten")
    );
    assert!(root
        .query_selector(".byline-carousel__prev[disabled]")
        .unwrap()
        .is_some());
    // Until measured, one item is in view: the others are inert.
    let second: Element = slides.item(1).unwrap().unchecked_into();
    assert!(second.has_attribute("inert"));
    assert!(!first.has_attribute("inert"));
}

#[wasm_bindgen_test]
async fn the_skeleton_is_a_labelled_status() {
    let root = container();
    let _view = mount_to(
        root.clone(),
        || view! { <ArticleSkeleton label="Artikel wird geladen"/> },
    );
    tick().await;
    assert_eq!(
        attribute(&root, ".byline-skeleton", "role").as_deref(),
        Some("status")
    );
    assert_eq!(
        attribute(&root, ".byline-skeleton", "aria-label").as_deref(),
        Some("Artikel wird geladen")
    );
    assert_eq!(
        root.query_selector_all(".byline-skeleton__paragraph")
            .unwrap()
            .length(),
        8
    );
}
