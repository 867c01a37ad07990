//! The import formats (schema.org JSON-LD, JSON Feed, RSS, Atom) live in a second wasm module,
//! `byline-formats` (formats/), that most pages never download: the loader imports it, from
//! next to the widget's own files, the first time a widget meets JSON-LD or a feed, once per
//! page.
//!
//! Its results are JavaScript values read here with serde-wasm-bindgen: an imported edition
//! with [`read_mapped_edition`], so it is validated like any other (but may have no
//! `published`: a JSON-LD article without a date is shown without one, while a Byline document
//! without one, read with `read_edition`, is an error), and a thrown [`ImportError`] becomes
//! that typed error.

use byline_model::jsonfeed::RelatedFeed;
use byline_model::jsonld::JsonLdOptions;
use byline_model::{read_mapped_edition, Edition, ImportError};
use std::cell::RefCell;

use js_sys::{Array, Function, Promise};
use serde_wasm_bindgen::{from_value, Deserializer};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use byline_model::state::LoadError;

use crate::api::thrown_message;

thread_local! {
    /// Set by the loader: returns a promise of the formats module's initialised glue.
    static LOADER: RefCell<Option<Function>> = const { RefCell::new(None) };
}

/// Called by the loader (`embed/byline.js`) once the widget is initialised: `load()` imports
/// `byline-formats.js` from next to the widget's files, initialises it and resolves to its
/// exports, once per page (a failed load is tried again on the next call). The loader knows
/// where the files are; a wasm-bindgen JS snippet would know too, but the glue would import it
/// on every page, formats or not.
#[wasm_bindgen(js_name = setFormatsLoader)]
pub fn set_formats_loader(load: Function) {
    LOADER.with(|loader| *loader.borrow_mut() = Some(load));
}

/// Maps JSON-LD documents' text (one fetched document, or each of a page's scripts).
pub async fn map_jsonld(scripts: &[String], options: &JsonLdOptions) -> Result<Edition, LoadError> {
    let alternates: Array = options
        .alternates
        .iter()
        .flat_map(|(lang, href)| [JsValue::from_str(lang), JsValue::from_str(href)])
        .collect();
    let option =
        |value: &Option<String>| value.as_deref().map_or(JsValue::UNDEFINED, JsValue::from);
    let args: Array = [
        scripts
            .iter()
            .map(|text| JsValue::from_str(text))
            .collect::<Array>()
            .into(),
        option(&options.id),
        option(&options.default_lang),
        option(&options.default_country),
        option(&options.page_url),
        alternates.into(),
        option(&options.canonical_url),
    ]
    .into_iter()
    .collect();
    let edition = call("map_jsonld", &args).await?;
    Ok(read_mapped_edition(|| Deserializer::from(edition.clone()))?)
}

/// Maps a feed's text (JSON Feed, RSS or Atom), fetched from `url` with `content_type`; `xml`
/// is the text already parsed as XML, when it looks like markup.
pub async fn map_feed(
    text: &str,
    content_type: Option<String>,
    url: &str,
    xml: Option<web_sys::Document>,
) -> Result<RelatedFeed, LoadError> {
    let content_type = content_type.map_or(JsValue::UNDEFINED, JsValue::from);
    let xml = xml.map_or(JsValue::UNDEFINED, JsValue::from);
    let args = Array::of4(
        &JsValue::from_str(text),
        &content_type,
        &JsValue::from_str(url),
        &xml,
    );
    let feed = call("map_feed", &args).await?;
    from_value(feed).map_err(|error| LoadError::Module(error.to_string()))
}

/// Calls the formats module's `function` (loading the module first, once per page): its
/// answer. A thrown import error is that error; anything else thrown means the module did not
/// load or broke.
async fn call(function: &str, args: &Array) -> Result<JsValue, LoadError> {
    let load = LOADER
        .with(|loader| loader.borrow().clone())
        .ok_or_else(|| LoadError::Module("no loader: mount the widget with byline.js".into()))?;
    let promise = load.call0(&JsValue::NULL).map_err(module_error)?;
    let glue = JsFuture::from(Promise::resolve(&promise))
        .await
        .map_err(module_error)?;
    let exported = js_sys::Reflect::get(&glue, &JsValue::from_str(function))
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .ok_or_else(|| LoadError::Module(format!("the formats module has no `{function}`")))?;
    exported.apply(&JsValue::NULL, args).map_err(|thrown| {
        match from_value::<ImportError>(thrown.clone()) {
            Ok(error) => LoadError::Import(error),
            Err(_) => module_error(thrown),
        }
    })
}

fn module_error(thrown: JsValue) -> LoadError {
    LoadError::Module(
        thrown_message(&thrown).unwrap_or_else(|| "the formats module could not be loaded".into()),
    )
}
