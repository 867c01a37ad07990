use thiserror::Error;

use crate::json::{position, SyntaxError};

/// Why a document is not a usable Byline edition. Every variant names where the problem is,
/// as a JSON path such as `source.name` or `body[3].content`.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ModelError {
    /// The text is not JSON at all. `line` is 0 when the parser did not say where.
    #[error("not valid JSON{}: {message}", position(.line, .column))]
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    /// A required field is absent.
    #[error("missing required field `{path}`")]
    MissingField { path: String },
    /// A field holds the wrong kind of value (a number where text belongs, …).
    #[error("wrong type at `{path}`: {message}")]
    WrongType { path: String, message: String },
    /// A field has the right type but a value the format does not allow.
    #[error("invalid value at `{path}`: {message}")]
    Invalid { path: String, message: String },
    /// The document declares a format version this widget does not understand.
    #[error("unsupported format version {found} (this widget reads version 1)")]
    UnsupportedVersion { found: String },
}

impl ModelError {
    pub(crate) fn invalid(path: impl Into<String>, message: impl Into<String>) -> Self {
        ModelError::Invalid {
            path: path.into(),
            message: message.into(),
        }
    }
}

impl From<SyntaxError> for ModelError {
    fn from(err: SyntaxError) -> Self {
        ModelError::Syntax {
            line: err.line,
            column: err.column,
            message: err.message,
        }
    }
}
