//! Components in a real browser (headless Chromium via wasm-bindgen-test-runner). The runner
//! serves the crate folder, so the bundled editions are fetched as the demo fetches them.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlSelectElement, ShadowRoot};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A placeholder on the test page, as a publisher would write it.
fn placeholder(src: Option<&str>) -> Element {
    let host = document().create_element("div").unwrap();
    host.set_class_name("byline-article");
    if let Some(src) = src {
        host.set_attribute("data-src", src).unwrap();
    }
    document().body().unwrap().append_child(&host).unwrap();
    host
}

fn shadow(host: &Element) -> ShadowRoot {
    host.shadow_root()
        .expect("the widget renders into an open shadow root")
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Waits (up to 5 s) until `selector` matches in the widget, optionally with `text` in it.
async fn wait_for(host: &Element, selector: &str, text: &str) -> Element {
    for _ in 0..250 {
        sleep(0).await;
        if let Some(found) = shadow(host).query_selector(selector).unwrap() {
            if found.text_content().unwrap_or_default().contains(text) {
                return found;
            }
        }
        sleep(20).await;
    }
    panic!("`{selector}` containing {text:?} never appeared");
}

/// The widget's language or country `<select>`.
fn picker(host: &Element, name: &str) -> HtmlSelectElement {
    shadow(host)
        .query_selector(&format!("select[name={name}]"))
        .unwrap()
        .expect("the picker is rendered")
        .unchecked_into()
}

fn texts(host: &Element, selector: &str) -> Vec<String> {
    let nodes = shadow(host).query_selector_all(selector).unwrap();
    (0..nodes.length())
        .map(|i| nodes.item(i).unwrap().text_content().unwrap_or_default())
        .collect()
}

fn mount(src: &str) -> (Element, byline_widget::WidgetHandle) {
    let host = placeholder(Some(src));
    let config = byline_widget::config_from_element(&host).unwrap();
    let handle = byline_widget::mount_widget(&host, config).unwrap();
    (host, handle)
}

#[wasm_bindgen_test]
async fn shows_a_skeleton_then_the_whole_german_article() {
    let (host, _handle) = mount("/data/editions/de-MX.json");
    sleep(0).await;
    assert!(shadow(&host)
        .query_selector(".byline-skeleton[role=status]")
        .unwrap()
        .is_some());

    let headline = wait_for(&host, ".byline-headline", "Selenskyj").await;
    assert_eq!(
        headline.text_content().unwrap(),
        "Selenskyj stimmt mit Trump überein, die ukrainische Luftabwehr zu stärken"
    );
    assert!(shadow(&host)
        .query_selector(".byline-skeleton")
        .unwrap()
        .is_none());
    let root = shadow(&host).query_selector(".byline").unwrap().unwrap();
    assert_eq!(root.get_attribute("lang").as_deref(), Some("de"));
    assert_eq!(root.get_attribute("dir").as_deref(), Some("ltr"));

    assert_eq!(
        texts(&host, ".byline-picker__label"),
        ["Sprache auswählen", "Land auswählen"]
    );
    assert_eq!(texts(&host, ".byline-paragraph").len(), 8);
    assert!(texts(&host, ".byline-standfirst")[0].contains("„unzufrieden“"));
    assert_eq!(texts(&host, ".byline-source__name"), ["Expansión"]);
    assert_eq!(
        texts(&host, ".byline-source__translation"),
        ["Übersetzt aus dem Original auf Spanisch"]
    );
    assert_eq!(
        texts(&host, ".byline-related__title"),
        ["Ähnliche Nachrichten"]
    );
    assert_eq!(texts(&host, ".byline-carousel__slide").len(), 10);
    assert_eq!(texts(&host, ".byline-all-news"), ["Alle News"]);
    let block_ids: Vec<String> = {
        let nodes = shadow(&host).query_selector_all("[data-block-id]").unwrap();
        (0..nodes.length())
            .map(|i| {
                nodes
                    .item(i)
                    .unwrap()
                    .unchecked_into::<Element>()
                    .get_attribute("data-block-id")
                    .unwrap()
            })
            .collect()
    };
    assert_eq!(
        block_ids,
        ["p1", "p2", "img1", "p3", "p4", "p5", "q1", "p6", "p7", "p8"]
    );
}

#[wasm_bindgen_test]
async fn pickers_list_languages_by_their_own_names_and_countries_in_german() {
    let (host, _handle) = mount("/data/editions/de-MX.json");
    wait_for(&host, ".byline-headline", "Selenskyj").await;
    let language = picker(&host, "language");
    assert_eq!(language.value(), "de");
    let options = texts(&host, "select[name=language] option");
    for autonym in [
        "Deutsch",
        "Español",
        "English",
        "Українська",
        "العربية",
        "日本語",
    ] {
        assert!(
            options.iter().any(|o| o == autonym),
            "{autonym} missing from {options:?}"
        );
    }
    let countries = texts(&host, "select[name=country] option");
    assert!(countries.iter().any(|c| c == "Mexiko"), "{countries:?}");
    // No German edition for Spain: the option says so.
    assert!(
        countries
            .iter()
            .any(|c| c.starts_with("Spanien") && c.contains("andere Sprache")),
        "{countries:?}"
    );
}

#[wasm_bindgen_test]
async fn choosing_spanish_switches_edition_and_labels_without_reload() {
    let (host, _handle) = mount("/data/editions/de-MX.json");
    wait_for(&host, ".byline-headline", "Selenskyj").await;
    let language = picker(&host, "language");
    language.set_value("es");
    let change = web_sys::Event::new("change").unwrap();
    language.dispatch_event(&change).unwrap();
    wait_for(&host, ".byline-headline", "Zelenski").await;
    assert_eq!(
        texts(&host, ".byline-picker__label"),
        ["Seleccionar idioma", "Seleccionar país"]
    );
    assert_eq!(
        texts(&host, ".byline-related__title"),
        ["Noticias relacionadas"]
    );
    // The Spanish edition is the original: no "translated from" line.
    assert!(texts(&host, ".byline-source__translation").is_empty());
}

#[wasm_bindgen_test]
async fn arabic_edition_is_right_to_left() {
    let (host, _handle) = mount("/data/editions/ar-MX.json");
    wait_for(&host, ".byline-headline", "").await;
    let root = shadow(&host).query_selector(".byline").unwrap().unwrap();
    assert_eq!(root.get_attribute("dir").as_deref(), Some("rtl"));
    assert_eq!(texts(&host, ".byline-related__title"), ["أخبار ذات صلة"]);
}

#[wasm_bindgen_test]
async fn a_missing_edition_shows_the_http_error_with_a_retry_button() {
    let (host, _handle) = mount("/data/editions/xx-XX.json");
    let error = wait_for(&host, ".byline-error[role=alert]", "404").await;
    assert!(error
        .text_content()
        .unwrap()
        .contains("not available right now"));
    let retry: HtmlElement = shadow(&host)
        .query_selector(".byline-error__retry")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(retry.text_content().unwrap(), "Try again");

    // Trying again fails again: a new alert, so that screen readers hear it again.
    retry.click();
    for _ in 0..250 {
        let now = shadow(&host).query_selector(".byline-error").unwrap();
        if now.is_some_and(|now| !now.is_same_node(Some(&error))) {
            return;
        }
        sleep(20).await;
    }
    panic!("retrying did not show the error afresh");
}

#[wasm_bindgen_test]
async fn the_ready_event_finds_the_skeleton_already_rendered() {
    let host = placeholder(Some("/data/editions/de-MX.json"));
    let seen = std::rc::Rc::new(std::cell::Cell::new(None));
    let record = seen.clone();
    let watched = host.clone();
    let on_ready = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
        record.set(Some(
            shadow(&watched)
                .query_selector(".byline-skeleton[role=status]")
                .unwrap()
                .is_some(),
        ));
    });
    host.add_event_listener_with_callback("ready", on_ready.as_ref().unchecked_ref())
        .unwrap();
    let config = byline_widget::config_from_element(&host).unwrap();
    let _handle = byline_widget::mount_widget(&host, config).unwrap();
    assert_eq!(seen.get(), Some(true));
}

#[wasm_bindgen_test]
async fn json_of_the_wrong_shape_is_reported_as_invalid_data() {
    let (host, _handle) = mount("/docs/edition-v1.schema.json");
    wait_for(&host, ".byline-error", "data is invalid").await;
}

#[wasm_bindgen_test]
async fn dropping_the_handle_removes_the_widget() {
    let (host, handle) = mount("/data/editions/en-US.json");
    wait_for(&host, ".byline-headline", "Zelensky").await;
    drop(handle);
    sleep(0).await;
    assert!(shadow(&host).query_selector(".byline").unwrap().is_none());
}

#[wasm_bindgen_test]
fn a_placeholder_without_data_src_is_refused_with_a_reason() {
    let host = placeholder(None);
    assert_eq!(
        byline_widget::config_from_element(&host),
        Err(byline_widget::ConfigError::MissingSource)
    );
    // The loader's entry point refuses too, and leaves the placeholder without a shadow root.
    assert!(byline_widget::mount_from_loader(host.clone(), JsValue::UNDEFINED).is_err());
    assert!(host.shadow_root().is_none());
}
