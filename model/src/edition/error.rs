//! [`ModelError`], and how serde's errors become one.

use std::cell::RefCell;
use std::fmt;

use serde::{de, Deserialize, Deserializer};
use serde_path_to_error::{Path, Segment};
use thiserror::Error;

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

    /// The text was refused by a browser's `JSON.parse` with `message`. Chromium says "… at
    /// position N (line L column C)" (older versions only the position, a UTF-16 offset into
    /// `text`), Firefox "… at line L column C of the JSON data"; the position leaves the
    /// message for `line` and `column`. Only the part after any quoted excerpt of the text is
    /// searched for it.
    pub fn syntax_from_browser(text: &str, message: &str) -> ModelError {
        let tail_at = message.rfind('"').map_or(0, |quote| quote + 1);
        let tail = &message[tail_at..];
        let (line, column) = match (number_after(tail, "line "), number_after(tail, "column ")) {
            (Some(line), Some(column)) => (line, column),
            _ => match number_after(tail, "position ") {
                Some(at) => line_column(text, at),
                None if tail.contains("end of") => line_column(text, usize::MAX),
                None => (0, 0),
            },
        };
        let cut = [" at position ", " at line "]
            .iter()
            .filter_map(|marker| tail.find(marker))
            .min()
            .map_or(message.len(), |at| tail_at + at);
        ModelError::Syntax {
            line,
            column,
            message: message[..cut].to_string(),
        }
    }
}

/// serde_json's error for text that is not JSON (or nested deeper than 128 levels).
#[cfg(feature = "json")]
impl From<serde_json::Error> for ModelError {
    fn from(err: serde_json::Error) -> Self {
        let (line, column, message) = json_syntax(&err);
        ModelError::Syntax {
            line,
            column,
            message,
        }
    }
}

/// Line, column and message of serde_json's error, without the " at line L column C" that
/// serde_json appends and `line` and `column` already say.
#[cfg(feature = "json")]
pub(crate) fn json_syntax(err: &serde_json::Error) -> (usize, usize, String) {
    let full = err.to_string();
    let message = full.rfind(" at line ").map_or(&*full, |cut| &full[..cut]);
    (err.line(), err.column(), message.to_string())
}

/// How `Syntax` errors show where the problem is: ` (line L, column C)`, or nothing.
pub(crate) fn position(line: &usize, column: &usize) -> String {
    if *line == 0 {
        String::new()
    } else {
        format!(" (line {line}, column {column})")
    }
}

/// The error for text nested deeper than [`MAX_NESTING`](super::read::MAX_NESTING), at byte
/// `at` (an opening bracket).
pub(crate) fn too_deep(text: &str, at: usize) -> ModelError {
    let before = &text[..at];
    let line_start = before.rfind('\n').map_or(0, |newline| newline + 1);
    ModelError::Syntax {
        line: before.matches('\n').count() + 1,
        column: before[line_start..].chars().count() + 1,
        message: format!(
            "arrays and objects nested deeper than {}",
            super::read::MAX_NESTING
        ),
    }
}

/// The number right after the first `marker` in `message`.
fn number_after(message: &str, marker: &str) -> Option<usize> {
    let rest = &message[message.find(marker)? + marker.len()..];
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    rest[..digits].parse().ok()
}

/// The 1-based line and column of the UTF-16 offset `at` in `text` (as JavaScript counts),
/// or of its end.
fn line_column(text: &str, at: usize) -> (usize, usize) {
    let (mut line, mut column, mut offset) = (1, 1, 0);
    for c in text.chars() {
        if offset >= at {
            break;
        }
        offset += c.len_utf16();
        if c == '\n' {
            (line, column) = (line + 1, 1);
        } else {
            column += 1;
        }
    }
    (line, column)
}

// ------------------------------------------------------------------ serde errors as ModelErrors

/// A value refused by this crate's own `Deserialize` impls (the checked types, pixel sizes,
/// the format version).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Refusal {
    /// Becomes [`ModelError::Invalid`]: why the value is not allowed.
    Invalid(String),
    /// Becomes [`ModelError::UnsupportedVersion`]: the version found.
    UnsupportedVersion(String),
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::Invalid(message) => f.write_str(message),
            Refusal::UnsupportedVersion(found) => write!(f, "unsupported format version {found}"),
        }
    }
}

thread_local! {
    /// The refusal behind the error being returned, when this crate raised it. The error
    /// itself has the data format's type (serde_json's, serde-wasm-bindgen's), which carries
    /// nothing but text, so the refusal travels beside it and is classified by its type.
    static REFUSAL: RefCell<Option<Refusal>> = const { RefCell::new(None) };
}

/// The data format's error for `refusal`, which [`deserialize`] classifies without its text.
pub(crate) fn refuse<E: de::Error>(refusal: Refusal) -> E {
    let error = E::custom(&refusal);
    REFUSAL.with(|slot| slot.replace(Some(refusal)));
    error
}

/// Deserializes a `T` from `document`, any error as a [`ModelError`] with its JSON path.
pub(crate) fn deserialize<'de, T, D>(document: D) -> Result<T, ModelError>
where
    T: Deserialize<'de>,
    D: Deserializer<'de>,
{
    REFUSAL.with(|slot| slot.take());
    let result = serde_path_to_error::deserialize(document);
    // None of this crate's types goes on after an error, so a refusal is the one that ended
    // the deserialization.
    let refusal = REFUSAL.with(|slot| slot.take());
    result.map_err(|error| classify(path_text(error.path()), refusal, error.inner()))
}

/// The one place where serde's errors get their kind. This crate's own refusals are typed.
/// serde's errors are text only: a missing field is reported, by the struct that lacks it,
/// as ``missing field `name` `` (so the path names the struct, and the field is read from the
/// text); everything else serde refuses is a value of the wrong type or shape.
fn classify(path: String, refusal: Option<Refusal>, error: &dyn fmt::Display) -> ModelError {
    match refusal {
        Some(Refusal::Invalid(message)) => return ModelError::Invalid { path, message },
        Some(Refusal::UnsupportedVersion(found)) => {
            return ModelError::UnsupportedVersion { found }
        }
        None => {}
    }
    let text = error.to_string();
    // serde-wasm-bindgen's errors are JavaScript `Error`s, shown as `Error: message`.
    let message = text.strip_prefix("Error: ").unwrap_or(&text);
    let missing = message
        .strip_prefix("missing field `")
        .and_then(|rest| rest.strip_suffix('`'));
    match missing {
        Some(field) => ModelError::MissingField {
            path: if path.is_empty() {
                field.to_string()
            } else {
                format!("{path}.{field}")
            },
        },
        None => ModelError::WrongType {
            path,
            message: message.to_string(),
        },
    }
}

/// A path as the errors show it: `body[3].content`, `""` for the document itself.
fn path_text(path: &Path) -> String {
    let mut text = String::new();
    for segment in path.iter() {
        match segment {
            Segment::Seq { index } => text.push_str(&format!("[{index}]")),
            Segment::Map { key } | Segment::Enum { variant: key } => {
                if !text.is_empty() {
                    text.push('.');
                }
                text.push_str(key);
            }
            Segment::Unknown => text.push_str(if text.is_empty() { "?" } else { ".?" }),
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn syntax(line: usize, column: usize, message: &str) -> ModelError {
        ModelError::Syntax {
            line,
            column,
            message: message.into(),
        }
    }

    #[test]
    fn browser_messages_give_the_position_as_line_and_column() {
        let text = "{\n  \"version\": 1,\n  oops\n}";
        let chromium = ModelError::syntax_from_browser(
            text,
            "Expected double-quoted property name in JSON at position 20",
        );
        assert_eq!(
            chromium,
            syntax(3, 3, "Expected double-quoted property name in JSON")
        );
        let newer = ModelError::syntax_from_browser(
            text,
            "Expected double-quoted property name in JSON at position 20 (line 3 column 3)",
        );
        assert_eq!(newer, chromium);
        let firefox = ModelError::syntax_from_browser(
            text,
            "JSON.parse: expected double-quoted property name at line 3 column 3 of the JSON data",
        );
        assert_eq!(
            firefox,
            syntax(3, 3, "JSON.parse: expected double-quoted property name")
        );
    }

    #[test]
    fn positions_count_utf16_units_and_unknown_positions_are_zero() {
        let at = |text: &str, message: &str| match ModelError::syntax_from_browser(text, message) {
            ModelError::Syntax { line, column, .. } => (line, column),
            other => panic!("{other:?}"),
        };
        // "ä" is one UTF-16 unit, "😀" two.
        assert_eq!(at("[\"ä😀\", x]", "Unexpected token at position 7"), (1, 7));
        assert_eq!(at("{\n", "Unexpected end of JSON input"), (2, 1));
        // An excerpt of the text is not the position.
        assert_eq!(
            at(
                "<p>line 9 column 9</p>",
                "Unexpected token '<', \"<p>line 9 column 9</p>\" is not valid JSON"
            ),
            (0, 0)
        );
        let safari = ModelError::syntax_from_browser("{", "JSON Parse error: Expected '}'");
        assert_eq!(safari, syntax(0, 0, "JSON Parse error: Expected '}'"));
        assert_eq!(
            safari.to_string(),
            "not valid JSON: JSON Parse error: Expected '}'"
        );
        assert_eq!(position(&3, &1), " (line 3, column 1)");
    }

    #[test]
    fn serde_errors_are_classified_by_kind() {
        let wrong = "invalid type: integer `42`, expected a string";
        assert_eq!(
            classify("headline".into(), None, &wrong),
            ModelError::WrongType {
                path: "headline".into(),
                message: wrong.into()
            }
        );
        assert_eq!(
            classify("source".into(), None, &"Error: missing field `name`"),
            ModelError::MissingField {
                path: "source.name".into()
            }
        );
        assert_eq!(
            classify("".into(), None, &"missing field `version`"),
            ModelError::MissingField {
                path: "version".into()
            }
        );
        let refusal = Refusal::Invalid("`mx` is not a country".into());
        assert_eq!(
            classify("country".into(), Some(refusal), &"anything"),
            ModelError::invalid("country", "`mx` is not a country")
        );
    }
}
