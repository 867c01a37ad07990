//! A page's article, for `data-jsonld="self"`: its JSON-LD scripts and its
//! `<link rel="alternate" hreflang>` editions, on this page or on another edition's page.

use byline_model::jsonld::JsonLdOptions;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element};

use crate::api::resolve_url;

/// The text of this page's `<script type="application/ld+json">`, and the options that map it.
pub fn read_page_json_ld(hints: JsonLdOptions, page_url: &str) -> (Vec<String>, JsonLdOptions) {
    match web_sys::window().and_then(|window| window.document()) {
        Some(document) => read_json_ld(&document, hints, page_url),
        None => (Vec::new(), hints),
    }
}

/// The JSON-LD of the page `document` (at `page_url`), and the options that map it: the
/// page's URL, its alternate links, resolved against it, as the other editions, and its
/// canonical link.
pub fn read_json_ld(
    document: &Document,
    hints: JsonLdOptions,
    page_url: &str,
) -> (Vec<String>, JsonLdOptions) {
    let elements = |selector| elements(document, selector);
    let scripts = elements("script[type=\"application/ld+json\"]")
        .iter()
        .filter_map(|script| script.text_content())
        .collect();
    let alternates = elements("link[rel=alternate][hreflang][href]")
        .iter()
        .filter_map(|link| {
            let href = resolve_url(&link.get_attribute("href")?, page_url)?;
            Some((link.get_attribute("hreflang")?, href))
        })
        .collect();
    // Without `inLanguage`, the page's own language, then the placeholder's `data-lang`.
    let page_lang = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.document_element())
        .and_then(|html| html.get_attribute("lang"))
        .filter(|lang| !lang.trim().is_empty());
    // The page readers share when the article names none: its canonical link, else its
    // address without the fragment it was opened at.
    let canonical = elements("link[rel~=canonical][href]")
        .first()
        .and_then(|link| resolve_url(&link.get_attribute("href")?, page_url))
        .unwrap_or_else(|| page_url[..page_url.find('#').unwrap_or(page_url.len())].to_string());
    let options = JsonLdOptions {
        page_url: Some(page_url.to_string()),
        alternates,
        default_lang: page_lang.or(hints.default_lang),
        canonical_url: Some(canonical),
        ..hints
    };
    (scripts, options)
}

fn elements(document: &Document, selector: &str) -> Vec<Element> {
    let Ok(nodes) = document.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..nodes.length())
        .filter_map(|index| nodes.item(index)?.dyn_into().ok())
        .collect()
}
