//! Byline's import formats, in a wasm module of their own: schema.org `NewsArticle` JSON-LD
//! (a `data-src` that returns JSON-LD, `data-jsonld="self"` pages) and JSON Feed, RSS and Atom
//! (`data-related-src`). Most pages use neither, so the loader imports this module only when a
//! widget first needs it (`src/formats.rs`, `embed/byline.js`) and other pages never download it.
//! It parses JSON with serde_json, which only this module carries, and RSS and Atom with the
//! browser's `DOMParser` (`xml_dom`).
//!
//! The results cross back as JavaScript values the widget reads with serde-wasm-bindgen: an
//! edition in the version 1 format (validated again, like any edition), a mapped feed, and on
//! failure the [`ImportError`], thrown.

mod xml_dom;

use byline_model::{
    feed_kind, map_json_feed_str, map_jsonld_scripts, FeedKind, ImportError, JsonLdOptions,
};
use js_sys::Array;
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// Maps the text of JSON-LD documents (one fetched document, or each of a page's
/// `<script type="application/ld+json">`) to an edition, as a version 1 object.
/// `alternates` holds the page's `hreflang, href` pairs one after the other; `canonical_url`
/// is the page's canonical link (else its address) for JSON-LD read from an HTML page.
#[wasm_bindgen]
pub fn map_jsonld(
    scripts: Array,
    id: Option<String>,
    default_lang: Option<String>,
    default_country: Option<String>,
    page_url: Option<String>,
    alternates: Array,
    canonical_url: Option<String>,
) -> Result<JsValue, JsValue> {
    let alternates = strings(&alternates);
    let options = JsonLdOptions {
        id,
        default_lang,
        default_country,
        page_url,
        alternates: alternates
            .chunks_exact(2)
            .map(|pair| (pair[0].clone(), pair[1].clone()))
            .collect(),
        canonical_url,
    };
    match map_jsonld_scripts(&strings(&scripts), &options) {
        Ok(mapped) => to_js(&mapped.edition),
        Err(error) => Err(thrown(&error)),
    }
}

/// Maps a related-news feed's text, fetched from `feed_url` with `content_type`: a JSON Feed,
/// or RSS or Atom, told apart by the text itself. `xml`, when given, is `text` already parsed by the widget (which holds the page's Trusted
/// Types policy for the parser).
#[wasm_bindgen]
pub fn map_feed(
    text: &str,
    content_type: Option<String>,
    feed_url: &str,
    xml: Option<web_sys::Document>,
) -> Result<JsValue, JsValue> {
    let mapped = match feed_kind(content_type.as_deref(), text) {
        FeedKind::Json => map_json_feed_str(text),
        FeedKind::Xml => xml_dom::map_xml_feed_text(text, feed_url, xml),
    };
    match mapped {
        Ok(feed) => to_js(&feed),
        Err(error) => Err(thrown(&error)),
    }
}

/// `value` as plain JavaScript objects and arrays, as `JSON.parse` would have made them.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let serializer = serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true);
    value.serialize(&serializer).map_err(JsValue::from)
}

/// What is thrown for `error`; a value that cannot even be serialized throws serde's error,
/// which the widget reports as a broken module.
fn thrown(error: &ImportError) -> JsValue {
    to_js(error).unwrap_or_else(|serde_error| serde_error)
}

fn strings(array: &Array) -> Vec<String> {
    array
        .iter()
        .map(|value| value.as_string().unwrap_or_default())
        .collect()
}
