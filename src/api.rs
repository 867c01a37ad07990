//! Fetching editions and feeds with gloo-net: typed errors, timeouts, retries, aborting,
//! privacy-preserving requests.

use byline_model::content_type::{check_content_type, Expected};
use byline_model::jsonfeed::RelatedFeed;
use byline_model::jsonld::JsonLdOptions;
use byline_model::retry::{parse_retry_after, RetryPolicy};
use byline_model::state::{LoadError, ShownEdition, MAX_EDITION_BYTES};
use byline_model::{check_nesting, read_edition, Edition, ModelError};
use gloo_net::http::{Request, Response};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortSignal, ReferrerPolicy, RequestCredentials};

use crate::{formats, prefetch};

/// Fetches and validates the edition at `url` (absolute): a Byline edition, or a schema.org
/// NewsArticle JSON-LD document mapped to one (`hints` fill what JSON-LD may not say).
pub async fn fetch_edition(
    url: &str,
    cancel: &AbortSignal,
    timeout_secs: u32,
    hints: &JsonLdOptions,
) -> Result<Edition, LoadError> {
    let (text, _) = fetch_text(url, cancel, timeout_secs, Expected::Json).await?;
    if looks_like_json_ld(&text) {
        let options = JsonLdOptions {
            page_url: Some(url.to_string()),
            ..hints.clone()
        };
        return formats::map_jsonld(&[text], &options).await;
    }
    Ok(parse_edition(&text)?)
}

/// An edition's JSON text, parsed by the browser's `JSON.parse` and read from its result with
/// serde-wasm-bindgen: the wasm carries no JSON parser. `JSON.parse` takes any nesting, so the
/// format's limit is checked first.
fn parse_edition(text: &str) -> Result<Edition, ModelError> {
    check_nesting(text)?;
    let doc = js_sys::JSON::parse(text).map_err(|error| {
        ModelError::syntax_from_browser(text, &thrown_message(&error).unwrap_or_default())
    })?;
    read_edition(|| serde_wasm_bindgen::Deserializer::from(doc.clone()))
}

/// Fetches a feed of related news: JSON Feed, RSS or Atom (the formats module tells which from
/// the response).
pub async fn fetch_feed(
    url: &str,
    cancel: &AbortSignal,
    timeout_secs: u32,
) -> Result<RelatedFeed, LoadError> {
    let (text, content_type) = fetch_text(url, cancel, timeout_secs, Expected::Feed).await?;
    // Markup is parsed here, where the Trusted Types policy is: the formats module walks it.
    let xml = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('<')
        .then(|| crate::sanitize::parse_inert_as(&text, "application/xml"))
        .flatten();
    formats::map_feed(&text, content_type, url, xml).await
}

/// Fetches another edition's HTML page and maps its JSON-LD. The page is parsed inert
/// (`DOMParser`: its scripts never run, nothing it links to is loaded); only its JSON-LD and
/// `hreflang` links are read, and what they map to is validated and sanitized like any edition.
pub async fn fetch_page(
    url: &str,
    cancel: &AbortSignal,
    timeout_secs: u32,
    hints: JsonLdOptions,
) -> Result<Edition, LoadError> {
    let (html, _) = fetch_text(url, cancel, timeout_secs, Expected::Page).await?;
    let document = crate::sanitize::parse_inert_as(&html, "text/html")
        .ok_or_else(|| LoadError::Network("the page could not be parsed".into()))?;
    let (scripts, options) = crate::page_json_ld::read_json_ld(&document, hints, url);
    formats::map_jsonld(&scripts, &options).await
}

/// A Byline edition never has JSON-LD's keywords at its top level.
fn looks_like_json_ld(text: &str) -> bool {
    text.contains("\"@context\"") || text.contains("\"@graph\"") || text.contains("\"@type\"")
}

/// Fetches a document's text and `Content-Type`, retrying network errors, timeouts and 5xx
/// answers with backoff (honouring `Retry-After`). Cookies are never sent and the referrer is
/// cut to the page's origin. `cancel` aborts everything at once.
async fn fetch_text(
    url: &str,
    cancel: &AbortSignal,
    timeout_secs: u32,
    expected: Expected,
) -> Result<(String, Option<String>), LoadError> {
    let policy = RetryPolicy::default();
    let mut attempt = 0;
    loop {
        let (result, retry_after) = fetch_once(url, cancel, timeout_secs, expected).await;
        let error = match result {
            Ok(text) => return Ok(text),
            Err(error) => error,
        };
        let delay = error
            .as_attempt_failure()
            .and_then(|failure| policy.delay_after(attempt, failure, retry_after));
        match delay {
            // A page that cannot be read is navigated to at once: loading it is the retry.
            Some(_) if expected == Expected::Page => return Err(error),
            Some(ms) if !cancel.aborted() => sleep(ms).await,
            _ => return Err(error),
        }
        if cancel.aborted() {
            return Err(LoadError::Aborted);
        }
        attempt += 1;
    }
}

/// One attempt; on a failed answer, also the server's `Retry-After` in milliseconds.
async fn fetch_once(
    url: &str,
    cancel: &AbortSignal,
    timeout_secs: u32,
    expected: Expected,
) -> (Result<(String, Option<String>), LoadError>, Option<u64>) {
    if is_offline() {
        return (Err(LoadError::Offline), None);
    }
    // One signal for both: the reader's newer choice, and the time limit.
    let timeout = AbortSignal::timeout_with_u32(timeout_secs.saturating_mul(1_000));
    let either = AbortSignal::any(&js_sys::Array::of2(cancel, &timeout));
    let classify = |error: JsValue| {
        if cancel.aborted() {
            LoadError::Aborted
        } else if timeout.aborted() {
            LoadError::Timeout(timeout_secs)
        } else if is_offline() {
            LoadError::Offline
        } else {
            LoadError::Network(thrown_message(&error).unwrap_or_else(|| "fetch failed".into()))
        }
    };
    let response: Response = match send(url, &either).await {
        Ok(response) => response,
        Err(error) => return (Err(classify(error)), None),
    };
    if !response.ok() {
        let retry_after = header(&response, "retry-after")
            .and_then(|value| parse_retry_after(&value, js_sys::Date::now() as i64));
        return (Err(LoadError::Http(response.status())), retry_after);
    }
    let content_type = header(&response, "content-type");
    if let Err(error) = check_headers(&response, expected, content_type.as_deref()) {
        return (Err(error), None);
    }
    let text = match read_text(&response).await {
        Ok(text) => text,
        Err(error) => return (Err(classify(error)), None),
    };
    if text.len() > MAX_EDITION_BYTES {
        return (Err(LoadError::TooLarge), None);
    }
    (Ok((text, content_type)), None)
}

/// Refuses what is clearly not what was asked for before reading it (HTML error pages,
/// captive portals: see [`check_content_type`]), and oversized bodies.
fn check_headers(
    response: &Response,
    expected: Expected,
    content_type: Option<&str>,
) -> Result<(), LoadError> {
    check_content_type(expected, content_type).map_err(LoadError::ContentType)?;
    let declared =
        header(response, "content-length").and_then(|length| length.parse::<usize>().ok());
    if declared.is_some_and(|length| length > MAX_EDITION_BYTES) {
        return Err(LoadError::TooLarge);
    }
    Ok(())
}

/// A GET without cookies, with the referrer cut to the page's origin. The loader's prefetched
/// response for `url`, if it started one, is taken instead.
///
/// gloo-net turns a rejection into an error only when it is an `Error` (it panics on anything
/// else): every abort here is `abort()` without a reason or a timeout, whose reasons are
/// `DOMException`s, and the loader aborts its prefetch with the widget's own reason.
async fn send(url: &str, signal: &AbortSignal) -> Result<Response, JsValue> {
    if let Some(pending) = prefetch::take(url, signal) {
        let response = JsFuture::from(pending).await?;
        return Ok(Response::from(
            response.unchecked_into::<web_sys::Response>(),
        ));
    }
    Request::get(url)
        .credentials(RequestCredentials::Omit)
        .referrer_policy(ReferrerPolicy::StrictOriginWhenCrossOrigin)
        .abort_signal(Some(signal))
        .send()
        .await
        .map_err(gloo_error)
}

async fn read_text(response: &Response) -> Result<String, JsValue> {
    response.text().await.map_err(gloo_error)
}

/// gloo-net's error as the JavaScript error it wraps (what `classify` reads), or its text.
fn gloo_error(error: gloo_net::Error) -> JsValue {
    match error {
        gloo_net::Error::JsError(error) => js_sys::Error::new(&error.message).into(),
        other => JsValue::from_str(&other.to_string()),
    }
}

/// The message of what JavaScript threw or rejected with, when it is an `Error` (DOMExceptions
/// are too): other values have none to read.
pub(crate) fn thrown_message(thrown: &JsValue) -> Option<String> {
    thrown
        .dyn_ref::<js_sys::Error>()
        .and_then(|error| error.message().as_string())
}

fn header(response: &Response, name: &str) -> Option<String> {
    response.headers().get(name)
}

fn is_offline() -> bool {
    web_sys::window().is_some_and(|window| !window.navigator().on_line())
}

/// Resolves after `ms` milliseconds.
pub(crate) async fn sleep(ms: u32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                resolve.unchecked_ref(),
                ms.min(i32::MAX as u32) as i32,
            );
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// An edition's links, resolved against the edition's own URL.
pub trait ResolveLinks {
    fn resolve(&self, reference: &str) -> Option<String>;
}

impl ResolveLinks for ShownEdition {
    fn resolve(&self, reference: &str) -> Option<String> {
        resolve_url(reference, &self.url)
    }
}

/// Resolves `reference` against `base` and keeps it only if it is http(s).
pub fn resolve_url(reference: &str, base: &str) -> Option<String> {
    let url = web_sys::Url::new_with_base(reference, base).ok()?;
    matches!(url.protocol().as_str(), "http:" | "https:").then(|| url.href())
}

/// The page's own URL, against which a placeholder's `data-src` is resolved.
pub fn page_url() -> String {
    web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.base_uri().ok().flatten())
        .unwrap_or_default()
}
