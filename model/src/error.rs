use thiserror::Error;

/// Why a document is not a usable Byline edition. Every variant names where the problem is,
/// as a JSON path such as `source.name` or `body[3].content`.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ModelError {
    /// The text is not JSON at all.
    #[error("not valid JSON (line {line}, column {column}): {message}")]
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

    /// Builds a typed error from serde's error and the path where it happened.
    pub(crate) fn from_serde(path: String, err: serde_json::Error) -> Self {
        use serde_json::error::Category;
        let (line, column) = (err.line(), err.column());
        // serde_json appends " at line L column C"; the path says more than that.
        let full = err.to_string();
        let message = match full.rfind(" at line ") {
            Some(cut) => full[..cut].to_string(),
            None => full,
        };
        match err.classify() {
            Category::Syntax | Category::Eof | Category::Io => ModelError::Syntax {
                line,
                column,
                message,
            },
            Category::Data => {
                if let Some(field) = backticked(&message, "missing field `") {
                    ModelError::MissingField {
                        path: join_path(&path, field),
                    }
                } else if message.starts_with("invalid type")
                    || message.starts_with("invalid length")
                    || message.starts_with("data did not match")
                {
                    ModelError::WrongType { path, message }
                } else {
                    ModelError::Invalid { path, message }
                }
            }
        }
    }
}

fn backticked<'a>(message: &'a str, prefix: &str) -> Option<&'a str> {
    let rest = message.strip_prefix(prefix)?;
    rest.split('`').next()
}

fn join_path(parent: &str, field: &str) -> String {
    if parent.is_empty() || parent == "." {
        field.to_string()
    } else {
        format!("{parent}.{field}")
    }
}
