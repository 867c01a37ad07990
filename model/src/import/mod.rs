//! Formats publishers already have, mapped to Byline's: schema.org JSON-LD ([`jsonld`]), and
//! JSON Feed ([`jsonfeed`]) and RSS/Atom (`xmlfeed`) for related news. The mappings are
//! compiled with the `import` feature (natively, and in the formats module); what they return, and the
//! errors and warnings here, are always compiled, for the widget that receives them from the
//! formats module.

#[cfg(feature = "import")]
pub mod html;
pub mod jsonfeed;
pub mod jsonld;
#[cfg(feature = "import")]
mod lenient;
#[cfg(feature = "import")]
pub mod xmlfeed;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::edition::position;

/// Why a JSON-LD document or a JSON Feed cannot be mapped. Every variant's message starts with
/// the JSON path of the problem (`@graph[2].publisher.logo`, `items`), `$` for the document.
#[derive(Debug, Clone, PartialEq, Eq, Error, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ImportError {
    /// The text is not JSON at all. `line` is 0 when the parser did not say where.
    #[error("$: not valid JSON{}: {message}", position(.line, .column))]
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    /// No node of the document is an article (`NewsArticle`, `Article`, `BlogPosting`, …).
    #[error("$: no NewsArticle, Article or BlogPosting node found")]
    NoArticle,
    /// The document is not a JSON Feed (no `version`, or not a jsonfeed.org version URL).
    #[error("{path}: {message}")]
    NotAFeed { path: String, message: String },
    /// A property the mapping needs is absent.
    #[error("{path}: required but missing")]
    Missing { path: String },
    /// An RSS or Atom feed is not well-formed XML. `line` is 0 when the parser did not say
    /// where.
    #[error("$: not well-formed XML{}: {message}", position(.line, .column))]
    XmlSyntax {
        line: usize,
        column: usize,
        message: String,
    },
    /// A property holds the wrong kind of value.
    #[error("{path}: expected {expected}")]
    WrongType { path: String, expected: String },
    /// A property has the right type but a value that cannot be used.
    #[error("{path}: {message}")]
    Invalid { path: String, message: String },
}

impl ImportError {
    /// The JSON path of the problem; `$` for the document as a whole.
    pub fn path(&self) -> &str {
        match self {
            ImportError::Syntax { .. } | ImportError::XmlSyntax { .. } | ImportError::NoArticle => {
                "$"
            }
            ImportError::NotAFeed { path, .. }
            | ImportError::Missing { path }
            | ImportError::WrongType { path, .. }
            | ImportError::Invalid { path, .. } => path,
        }
    }

    /// The message without its leading path.
    pub fn message(&self) -> String {
        let full = self.to_string();
        match full
            .strip_prefix(self.path())
            .and_then(|rest| rest.strip_prefix(": "))
        {
            Some(rest) => rest.to_string(),
            None => full,
        }
    }
}

/// serde_json's error for text that is not JSON (or nested deeper than 128 levels).
#[cfg(feature = "import")]
impl From<serde_json::Error> for ImportError {
    fn from(err: serde_json::Error) -> Self {
        let (line, column, message) = crate::edition::json_syntax(&err);
        ImportError::Syntax {
            line,
            column,
            message,
        }
    }
}

/// Something skipped or guessed while mapping: the result is usable, but the publisher may
/// want to fix the source (`items[3].url: uses a scheme other than http or https`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    pub path: String,
    pub message: String,
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}
