//! Byline's import formats, in a wasm module of their own: schema.org `NewsArticle` JSON-LD
//! (a `data-src` that returns JSON-LD, `data-jsonld="self"` pages) and JSON Feed
//! (`data-related-src`). Most pages use neither, so the loader imports this module only when a
//! widget first needs it (`src/formats.rs`, `embed/byline.js`) and other pages never download it.
//!
//! The results cross back as JSON text the widget reads with its ordinary readers: an edition
//! in the version 1 format (validated again, like any edition), a mapped feed, and on failure
//! the [`ImportError`] written by [`byline_model::write_import_error`], thrown as a string.

use byline_model::{
    map_json_feed, map_jsonld_documents, write_edition, write_feed, write_import_error,
    ImportError, JsonLdOptions,
};
use byline_web::js_json;
use js_sys::Array;
use wasm_bindgen::prelude::*;

/// Maps the text of JSON-LD documents (one fetched document, or each of a page's
/// `<script type="application/ld+json">`) to an edition's version 1 JSON text.
/// `alternates` holds the page's `hreflang, href` pairs one after the other.
#[wasm_bindgen]
pub fn map_jsonld(
    scripts: Array,
    id: Option<String>,
    default_lang: Option<String>,
    default_country: Option<String>,
    page_url: Option<String>,
    alternates: Array,
) -> Result<String, String> {
    let texts = strings(&scripts);
    let docs = texts.iter().map(|text| js_json::parse(text)).collect();
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
    };
    map_jsonld_documents(docs, &options)
        .map(|mapped| write_edition(&mapped.edition))
        .map_err(|error| write_import_error(&error))
}

/// Maps a JSON Feed's text to the mapped feed's JSON text.
#[wasm_bindgen]
pub fn map_feed(text: &str) -> Result<String, String> {
    js_json::parse(text)
        .map_err(ImportError::from)
        .and_then(|doc| map_json_feed(&doc))
        .map(|feed| write_feed(&feed))
        .map_err(|error| write_import_error(&error))
}

fn strings(array: &Array) -> Vec<String> {
    array
        .iter()
        .map(|value| value.as_string().unwrap_or_default())
        .collect()
}
