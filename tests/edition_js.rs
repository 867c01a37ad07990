//! Editions read in the browser as the widget reads them (`JSON.parse`, then serde-wasm-bindgen
//! and `read_edition`: `src/api.rs`) come out as serde_json reads them natively
//! (`parse_edition`): the same editions, the same typed errors at the same paths. And what the
//! formats module hands the widget (serde-wasm-bindgen's objects) reads back unchanged.

use byline_model::{
    map_json_feed_str, map_jsonld_str, parse_edition, read_edition, read_mapped_edition, Edition,
    ImportError, JsonLdOptions, ModelError, RelatedFeed,
};
use serde::Serialize;
use serde_json::{json, Value};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const EDITIONS: [(&str, &str); 11] = [
    ("ar-MX", include_str!("../data/editions/ar-MX.json")),
    ("de-DE", include_str!("../data/editions/de-DE.json")),
    ("de-MX", include_str!("../data/editions/de-MX.json")),
    ("en-MX", include_str!("../data/editions/en-MX.json")),
    ("en-US", include_str!("../data/editions/en-US.json")),
    ("es-ES", include_str!("../data/editions/es-ES.json")),
    ("es-MX", include_str!("../data/editions/es-MX.json")),
    ("es-US", include_str!("../data/editions/es-US.json")),
    ("ja-MX", include_str!("../data/editions/ja-MX.json")),
    ("uk-MX", include_str!("../data/editions/uk-MX.json")),
    ("uk-UA", include_str!("../data/editions/uk-UA.json")),
];

/// As the widget reads an edition's text.
fn read_in_browser(text: &str) -> Result<Edition, ModelError> {
    let doc = js_sys::JSON::parse(text).map_err(|error| {
        let message = error
            .dyn_ref::<js_sys::Error>()
            .and_then(|error| error.message().as_string())
            .unwrap_or_default();
        ModelError::syntax_from_browser(text, &message)
    })?;
    read_edition(|| serde_wasm_bindgen::Deserializer::from(doc.clone()))
}

/// As the formats module hands values over.
fn to_js<T: Serialize>(value: &T) -> JsValue {
    let serializer = serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true);
    value.serialize(&serializer).unwrap()
}

fn sample() -> Value {
    serde_json::from_str(EDITIONS[2].1).unwrap()
}

#[wasm_bindgen_test]
fn bundled_editions_read_as_natively() {
    for (name, text) in EDITIONS {
        let native = parse_edition(text).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(read_in_browser(text), Ok(native), "{name}");
    }
}

#[wasm_bindgen_test]
fn bad_documents_give_the_same_errors_as_natively() {
    let mut cases: Vec<(String, Value)> = Vec::new();
    let mut change = |pointer: &str, value: Option<Value>| {
        let (case, mut doc) = (format!("{pointer} = {value:?}"), sample());
        match value {
            Some(value) => *doc.pointer_mut(pointer).unwrap() = value,
            None => {
                let (parent, field) = pointer.rsplit_once('/').unwrap();
                let parent = doc.pointer_mut(parent).unwrap();
                parent.as_object_mut().unwrap().remove(field).unwrap();
            }
        }
        cases.push((case, doc));
    };
    for missing in [
        "/version",
        "/headline",
        // Required in a Byline document, read as the widget reads one (`read_edition`).
        "/published",
        "/source/name",
        "/body/0/id",
        "/body/0/content",
        "/body/2/src",
        "/editions/3/url",
        "/related/4/headline",
    ] {
        change(missing, None);
    }
    for (pointer, value) in [
        ("/version", json!(2)),
        ("/version", json!(1.5)),
        ("/version", json!("1")),
        ("/lang", json!("German")),
        ("/country", json!("mx")),
        ("/published", json!("4. Juli 2025")),
        ("/source/url", json!("javascript:alert(1)")),
        ("/headline", json!("   ")),
        ("/body", json!([])),
        ("/body/1/id", json!("p1")),
        ("/body/2/width", json!(-1)),
        ("/body/2/width", json!(1e10)),
        ("/body/2/height", json!(720.5)),
        ("/body/3/content", json!("Ein Absatz als Text.")),
        ("/body/5/content/1", json!({ "em": true })),
        ("/body/5/content/1", json!({ "text": "x", "em": "yes" })),
        ("/body/5/content/1/href", json!("javascript:x")),
        ("/editions/1", json!("es-MX.json")),
        ("/headline", json!(42)),
        ("/body/0/content/0", json!(7)),
        ("/authors/0", json!(null)),
        ("/body", json!("text")),
        ("/related", json!({})),
        ("/body/0/content", json!(true)),
        ("/source", json!(["Expansión", "https://expansion.mx/"])),
        ("/editions/0", json!(["es", "MX", "es-MX.json"])),
    ] {
        change(pointer, Some(value));
    }
    for (case, doc) in cases {
        let text = doc.to_string();
        let (browser, native) = (read_in_browser(&text), parse_edition(&text));
        match (browser, native) {
            // Numbers and null are named in serde-wasm-bindgen's words ("floating point `42`",
            // "unit value"), the rest of the message is the same.
            (
                Err(ModelError::WrongType { path, message }),
                Err(ModelError::WrongType {
                    path: native_path,
                    message: native_message,
                }),
            ) => {
                assert_eq!(path, native_path, "{case}");
                let expected = |m: &str| m.rsplit_once(", expected ").map(|(_, e)| e.to_string());
                assert_eq!(expected(&message), expected(&native_message), "{case}");
                if native_message.starts_with("invalid type: string") {
                    assert_eq!(message, native_message, "{case}");
                }
            }
            (browser, native) => {
                assert!(native.is_err(), "{case}");
                assert_eq!(browser, native, "{case}");
            }
        }
    }
}

#[wasm_bindgen_test]
fn null_optional_fields_and_whole_decimals_read_as_natively() {
    let mut doc = sample();
    for field in [
        "standfirst",
        "updated",
        "authors",
        "related",
        "all_news_url",
    ] {
        doc[field] = Value::Null;
    }
    doc["body"][2]["width"] = json!(1280.0);
    doc["version"] = json!(1.0);
    doc["future_field"] = json!({ "deep": [[[[[[1]]]]]] });
    let text = doc.to_string();
    assert_eq!(read_in_browser(&text), parse_edition(&text));
    assert!(read_in_browser(&text).is_ok());
}

#[wasm_bindgen_test]
fn text_that_is_not_an_edition_object() {
    match read_in_browser("{\n  \"version\": 1,\n  oops\n}") {
        Err(ModelError::Syntax { line, column, .. }) => assert_eq!((line, column), (3, 3)),
        other => panic!("{other:?}"),
    }
    for text in ["42", "\"text\"", "null", "true", "[]", "[1]"] {
        assert!(
            matches!(read_in_browser(text), Err(ModelError::WrongType { .. })),
            "{text}"
        );
        assert!(
            matches!(parse_edition(text), Err(ModelError::WrongType { .. })),
            "{text}"
        );
    }
}

#[wasm_bindgen_test]
fn what_the_formats_module_hands_over_reads_back_unchanged() {
    let options = JsonLdOptions {
        default_country: Some("MX".into()),
        ..JsonLdOptions::default()
    };
    let mapped = map_jsonld_str(
        include_str!("../model/tests/fixtures/jsonld/yoast-graph.json"),
        &options,
    )
    .unwrap();
    let edition = mapped.edition;
    let js = to_js(&edition);
    assert_eq!(
        read_edition(|| serde_wasm_bindgen::Deserializer::from(js.clone())),
        Ok(edition.clone())
    );
    // Plain objects, as format v1 JSON.
    let text = String::from(js_sys::JSON::stringify(&js).unwrap());
    let as_json: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(as_json, serde_json::to_value(&edition).unwrap());
    assert_eq!(as_json["version"], json!(1));

    // An article with no date crosses without `published` (not as `null`), and the widget's
    // reading of a mapped edition takes it; a Byline document's reading would not.
    let undated = map_jsonld_str(
        include_str!("../model/tests/fixtures/jsonld/no-date.json"),
        &options,
    )
    .unwrap()
    .edition;
    assert_eq!(undated.published, None);
    let js = to_js(&undated);
    assert!(!js_sys::Reflect::has(&js, &"published".into()).unwrap());
    assert_eq!(
        read_mapped_edition(|| serde_wasm_bindgen::Deserializer::from(js.clone())),
        Ok(undated)
    );
    assert_eq!(
        read_edition(|| serde_wasm_bindgen::Deserializer::from(js.clone())),
        Err(ModelError::MissingField {
            path: "published".into()
        })
    );

    let feed = map_json_feed_str(include_str!(
        "../model/tests/fixtures/jsonfeed/feed-1.1.json"
    ))
    .unwrap();
    let read: RelatedFeed = serde_wasm_bindgen::from_value(to_js(&feed)).unwrap();
    assert_eq!(read, feed);

    for error in [
        ImportError::NoArticle,
        ImportError::Syntax {
            line: 1,
            column: 56,
            message: "EOF while parsing a value".into(),
        },
        ImportError::WrongType {
            path: "@graph[2].publisher.logo".into(),
            expected: "a URL or ImageObject".into(),
        },
    ] {
        let read: ImportError = serde_wasm_bindgen::from_value(to_js(&error)).unwrap();
        assert_eq!(read, error);
    }
    // What else a module may throw is not an import error.
    let thrown: JsValue = js_sys::Error::new("unreachable").into();
    assert!(serde_wasm_bindgen::from_value::<ImportError>(thrown).is_err());
}
