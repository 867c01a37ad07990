//! What the Share control shares: the edition's own page (`url`), else the original article
//! (`source.url`); and `url` as the format reads and writes it.

use byline_model::{parse_edition, ModelError};
use serde_json::{json, Value};

fn document(url: Value) -> Value {
    json!({
        "version": 1, "id": "a", "lang": "de", "country": "MX",
        "headline": "Die Schlagzeile",
        "published": "2025-07-04T16:20:00Z",
        "source": { "name": "Expansión", "url": "https://expansion.mx/mundo/original", "original_lang": "es" },
        "editions": [{ "lang": "de", "country": "MX", "url": "de-MX.json" }],
        "body": [{ "id": "p1", "type": "paragraph", "content": ["Text."] }],
        "url": url,
    })
}

#[test]
fn an_edition_with_a_page_of_its_own_shares_it() {
    let edition =
        parse_edition(&document(json!("https://news.example/de/mx/a")).to_string()).unwrap();
    assert_eq!(edition.url.as_deref(), Some("https://news.example/de/mx/a"));
    assert_eq!(edition.share_url(), "https://news.example/de/mx/a");
}

#[test]
fn an_edition_without_one_shares_the_original_article() {
    // `null`, or no `url` at all.
    let mut doc = document(Value::Null);
    let edition = parse_edition(&doc.to_string()).unwrap();
    assert_eq!(edition.url, None);
    assert_eq!(edition.share_url(), "https://expansion.mx/mundo/original");
    doc.as_object_mut().unwrap().remove("url");
    let edition = parse_edition(&doc.to_string()).unwrap();
    assert_eq!(edition.share_url(), "https://expansion.mx/mundo/original");
    // Even a relative original: the widget resolves it against the edition's document.
    let mut doc = document(Value::Null);
    doc["source"]["url"] = json!("../original.html");
    assert_eq!(
        parse_edition(&doc.to_string()).unwrap().share_url(),
        "../original.html"
    );
}

#[test]
fn url_must_be_absolute_http_or_https() {
    let absolute = "must be an absolute http(s) URL, like https://news.example/article";
    for relative in [
        "de-MX.html",
        "/de/mx/a",
        "//news.example/a",
        "https:/a",
        "#top",
    ] {
        assert_eq!(
            parse_edition(&document(json!(relative)).to_string()).unwrap_err(),
            ModelError::Invalid {
                path: "url".into(),
                message: absolute.into()
            },
            "{relative}"
        );
    }
    for bad in [
        json!("javascript:alert(1)"),
        json!("https://a b.example"),
        json!(""),
    ] {
        match parse_edition(&document(bad.clone()).to_string()).unwrap_err() {
            ModelError::Invalid { path, .. } => assert_eq!(path, "url", "{bad}"),
            other => panic!("{bad}: {other:?}"),
        }
    }
    match parse_edition(&document(json!(42)).to_string()).unwrap_err() {
        ModelError::WrongType { path, .. } => assert_eq!(path, "url"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn url_is_written_back_and_left_out_when_absent() {
    let edition = parse_edition(&document(json!("HTTPS://news.example/a")).to_string()).unwrap();
    let written = serde_json::to_value(&edition).unwrap();
    assert_eq!(written["url"], json!("HTTPS://news.example/a"));
    let without = parse_edition(&document(Value::Null).to_string()).unwrap();
    let written = serde_json::to_value(&without).unwrap();
    assert!(written.get("url").is_none());
}
