//! Fetching editions: typed errors, aborting, privacy-preserving requests.

use byline_model::{parse_edition, Edition, ModelError};
use gloo_net::http::Request;
use web_sys::{AbortSignal, ReferrerPolicy, RequestCredentials};

/// Why an edition could not be shown. The widget words each kind for the reader.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LoadError {
    /// No response: offline, DNS, CORS, connection dropped.
    #[error("network error: {0}")]
    Network(String),
    /// The server answered with a non-success status.
    #[error("the server answered HTTP {0}")]
    Http(u16),
    /// The response is not a valid Byline edition.
    #[error("invalid article data: {0}")]
    Invalid(#[from] ModelError),
    /// A newer choice replaced this request; nothing to show.
    #[error("request cancelled")]
    Aborted,
}

impl LoadError {
    /// The machine-readable reason carried by the `error` event.
    pub fn reason(&self) -> &'static str {
        match self {
            LoadError::Network(_) => "network",
            LoadError::Http(_) => "http",
            LoadError::Invalid(_) => "invalid",
            LoadError::Aborted => "aborted",
        }
    }
}

/// Fetches and validates the edition at `url` (absolute). Cookies are never sent and the
/// referrer is cut to the page's origin.
pub async fn fetch_edition(url: &str, signal: &AbortSignal) -> Result<Edition, LoadError> {
    let response = Request::get(url)
        .credentials(RequestCredentials::Omit)
        .referrer_policy(ReferrerPolicy::StrictOriginWhenCrossOrigin)
        .abort_signal(Some(signal))
        .send()
        .await
        .map_err(|e| classify(e, signal))?;
    if !response.ok() {
        return Err(LoadError::Http(response.status()));
    }
    let text = response.text().await.map_err(|e| classify(e, signal))?;
    Ok(parse_edition(&text)?)
}

fn classify(error: gloo_net::Error, signal: &AbortSignal) -> LoadError {
    if signal.aborted() {
        LoadError::Aborted
    } else {
        LoadError::Network(error.to_string())
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
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default()
}
