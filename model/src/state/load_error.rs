//! Why an edition could not be shown, and how each failure is worded for the reader.

use thiserror::Error;

use crate::i18n::{fill, Labels};
use crate::retry::AttemptFailure;
use crate::{ImportError, ModelError};

/// The largest edition document read, in bytes. A CMS export gone wrong should not freeze the
/// reader's tab; real articles are a few tens of kilobytes.
pub const MAX_EDITION_BYTES: usize = 2 * 1024 * 1024;

/// Why an edition could not be shown. The widget words each kind for the reader.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum LoadError {
    /// No response: connection refused or dropped, DNS, CORS.
    #[error("network error: {0}")]
    Network(String),
    /// The browser is offline; loading resumes when it is back online.
    #[error("the browser is offline")]
    Offline,
    /// No complete response in time.
    #[error("no complete response within {0} s")]
    Timeout(u32),
    /// The server answered with a non-success status.
    #[error("the server answered HTTP {0}")]
    Http(u16),
    /// The response is not what was asked for (an HTML error page for an edition, say).
    #[error("the response is {0}, not what Byline asked for")]
    ContentType(String),
    /// The response is larger than [`MAX_EDITION_BYTES`].
    #[error("the response is larger than {} bytes", MAX_EDITION_BYTES)]
    TooLarge,
    /// The response is not a valid Byline edition.
    #[error("invalid article data: {0}")]
    Invalid(#[from] ModelError),
    /// The JSON-LD article or JSON Feed cannot be mapped.
    #[error("invalid article data: {0}")]
    Import(#[from] ImportError),
    /// The module that maps JSON-LD and JSON Feeds (loaded on demand) could not be loaded
    /// or answered nonsense.
    #[error("the JSON-LD and JSON Feed module could not be loaded: {0}")]
    Module(String),
    /// A newer choice replaced this request; nothing to show.
    #[error("request cancelled")]
    Aborted,
}

impl LoadError {
    /// The machine-readable reason carried by the `error` event.
    pub fn reason(&self) -> &'static str {
        match self {
            LoadError::Network(_) => "network",
            LoadError::Offline => "offline",
            LoadError::Timeout(_) => "timeout",
            LoadError::Http(_) => "http",
            LoadError::ContentType(_) => "content-type",
            LoadError::TooLarge => "too-large",
            LoadError::Invalid(_) | LoadError::Import(_) => "invalid",
            LoadError::Module(_) => "module",
            LoadError::Aborted => "aborted",
        }
    }

    /// The HTTP status, for the `error` event.
    pub fn status(&self) -> Option<u16> {
        match self {
            LoadError::Http(status) => Some(*status),
            _ => None,
        }
    }

    /// How the retry policy sees this failure; `None` for failures worth no retry.
    pub fn as_attempt_failure(&self) -> Option<AttemptFailure> {
        match self {
            LoadError::Network(_) => Some(AttemptFailure::Network),
            LoadError::Timeout(_) => Some(AttemptFailure::Timeout),
            LoadError::Http(status) => Some(AttemptFailure::Status(*status)),
            _ => None,
        }
    }

    /// A failure of the connection: coming back online is worth another try.
    pub fn is_connection(&self) -> bool {
        matches!(
            self,
            LoadError::Offline | LoadError::Network(_) | LoadError::Timeout(_)
        )
    }

    /// What the reader is told, in the widget's language.
    pub fn reader_message(&self, labels: &Labels) -> String {
        let text = match self {
            LoadError::Network(_) | LoadError::Module(_) | LoadError::Aborted => {
                labels.error_network
            }
            LoadError::Offline => labels.error_offline,
            LoadError::Timeout(_) => labels.error_timeout,
            LoadError::Http(status) => {
                return fill(labels.error_http, &[("status", &status.to_string())])
            }
            LoadError::ContentType(_)
            | LoadError::TooLarge
            | LoadError::Invalid(_)
            | LoadError::Import(_) => labels.error_invalid,
        };
        text.to_string()
    }
}
