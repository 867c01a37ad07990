//! The import formats (schema.org JSON-LD, JSON Feed) live in a second wasm module,
//! `byline-formats` (formats/), that most pages never download: it is imported the first time
//! a widget meets JSON-LD or a feed, once per page, from next to the widget's own files.
//!
//! Its results are JSON text read here with the ordinary readers, so an imported edition is
//! validated like any other, and its errors become the same typed [`ImportError`]s.

use byline_model::jsonfeed::RelatedFeed;
use byline_model::jsonld::JsonLdOptions;
use byline_model::{read_edition, read_feed, read_import_error, Edition, ImportError};
use js_sys::{Array, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::api::LoadError;
use byline_web::js_json;

// wasm-bindgen writes this snippet to `snippets/byline-widget-<hash>/inline0.js`, two folders
// below the glue and the formats module. The module is imported once (a failed import is
// tried again next time); a mapping error is thrown as a string, a failed load as an Error.
#[wasm_bindgen(inline_js = r#"
let formats;
function load() {
  if (!formats) {
    formats = import(new URL('../../byline-formats.js', import.meta.url).href).then(function (glue) {
      return glue.default({ module_or_path: new URL('../../byline-formats_bg.wasm', import.meta.url) })
        .then(function () { return glue; });
    });
    formats.catch(function () { formats = undefined; });
  }
  return formats;
}
export function formats_map_jsonld(scripts, id, lang, country, pageUrl, alternates) {
  return load().then(function (glue) {
    return glue.map_jsonld(scripts, id, lang, country, pageUrl, alternates);
  });
}
export function formats_map_feed(text) {
  return load().then(function (glue) { return glue.map_feed(text); });
}
"#)]
extern "C" {
    fn formats_map_jsonld(
        scripts: Array,
        id: Option<String>,
        lang: Option<String>,
        country: Option<String>,
        page_url: Option<String>,
        alternates: Array,
    ) -> Promise;
    fn formats_map_feed(text: &str) -> Promise;
}

/// Maps JSON-LD documents' text (one fetched document, or each of a page's scripts).
pub async fn map_jsonld(scripts: &[String], options: &JsonLdOptions) -> Result<Edition, LoadError> {
    let alternates: Array = options
        .alternates
        .iter()
        .flat_map(|(lang, href)| [JsValue::from_str(lang), JsValue::from_str(href)])
        .collect();
    let promise = formats_map_jsonld(
        scripts.iter().map(|text| JsValue::from_str(text)).collect(),
        options.id.clone(),
        options.default_lang.clone(),
        options.default_country.clone(),
        options.page_url.clone(),
        alternates,
    );
    let text = result(promise).await?;
    let doc = js_json::parse(&text).map_err(|error| LoadError::Module(error.message))?;
    Ok(read_edition(&doc)?)
}

/// Maps a JSON Feed's text.
pub async fn map_feed(text: &str) -> Result<RelatedFeed, LoadError> {
    let text = result(formats_map_feed(text)).await?;
    let doc = js_json::parse(&text).map_err(|error| LoadError::Module(error.message))?;
    read_feed(&doc).map_err(|error| LoadError::Module(error.to_string()))
}

/// The module's JSON text; a thrown string is an import error, anything else a failed load.
async fn result(promise: Promise) -> Result<String, LoadError> {
    match JsFuture::from(promise).await {
        Ok(text) => text
            .as_string()
            .ok_or_else(|| LoadError::Module("the formats module returned no text".into())),
        Err(thrown) => Err(match thrown.as_string() {
            Some(error) => LoadError::Import(import_error(&error)?),
            None => LoadError::Module(
                thrown
                    .dyn_ref::<js_sys::Error>()
                    .map(|error| String::from(error.message()))
                    .unwrap_or_else(|| "the formats module could not be loaded".into()),
            ),
        }),
    }
}

fn import_error(text: &str) -> Result<ImportError, LoadError> {
    let doc = js_json::parse(text).map_err(|error| LoadError::Module(error.message))?;
    read_import_error(&doc).map_err(|error| LoadError::Module(error.to_string()))
}
