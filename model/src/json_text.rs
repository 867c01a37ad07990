//! JSON text to [`Json`] with serde_json, for native use (feature `text`): tests and
//! `byline-validate`. The widget uses the browser's `JSON.parse` instead.

use crate::json::{Json, SyntaxError};

impl Json {
    /// Parses JSON text. Nesting deeper than [`crate::json::MAX_DEPTH`] is a syntax error.
    pub fn parse_str(text: &str) -> Result<Json, SyntaxError> {
        match serde_json::from_str::<serde_json::Value>(text) {
            Ok(value) => Ok(value.into()),
            Err(err) => {
                // serde_json appends " at line L column C", which `line`/`column` already say.
                let full = err.to_string();
                let message = full.rfind(" at line ").map_or(&*full, |cut| &full[..cut]);
                Err(SyntaxError {
                    line: err.line(),
                    column: err.column(),
                    message: message.to_string(),
                })
            }
        }
    }
}

impl From<serde_json::Value> for Json {
    fn from(value: serde_json::Value) -> Json {
        use serde_json::Value;
        match value {
            Value::Null => Json::Null,
            Value::Bool(b) => Json::Bool(b),
            // Every JSON number is an f64 here, as in the browser.
            Value::Number(n) => Json::Number(n.as_f64().unwrap_or(f64::NAN)),
            Value::String(s) => Json::String(s),
            Value::Array(items) => Json::Array(items.into_iter().map(Json::from).collect()),
            Value::Object(members) => Json::Object(
                members
                    .into_iter()
                    .map(|(key, value)| (key, value.into()))
                    .collect(),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::MAX_DEPTH;

    #[test]
    fn values_of_every_kind() {
        let doc = Json::parse_str(r#"{"a": [null, true, -1.5e3, 7, "ä\n"], "b": {}}"#).unwrap();
        assert_eq!(
            doc,
            Json::Object(vec![
                (
                    "a".into(),
                    Json::Array(vec![
                        Json::Null,
                        Json::Bool(true),
                        Json::Number(-1500.0),
                        Json::Number(7.0),
                        Json::String("ä\n".into()),
                    ])
                ),
                ("b".into(), Json::Object(vec![])),
            ])
        );
        // Large integers are rounded to the nearest f64, as JavaScript does.
        assert_eq!(
            Json::parse_str("12345678901234567891").unwrap(),
            Json::Number(12_345_678_901_234_567_000.0)
        );
    }

    #[test]
    fn syntax_errors_say_where() {
        let err = Json::parse_str("{\n  \"version\": 1,\n  oops\n}").unwrap_err();
        assert_eq!((err.line, err.column), (3, 3));
        assert_eq!(err.message, "key must be a string");
    }

    #[test]
    fn nesting_beyond_the_limit_is_a_syntax_error() {
        let nested = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        assert!(Json::parse_str(&nested(MAX_DEPTH)).is_ok());
        let err = Json::parse_str(&nested(MAX_DEPTH + 1)).unwrap_err();
        assert_eq!(err.message, "recursion limit exceeded");
        assert!(
            Json::parse_str(&nested(100_000)).is_err(),
            "no stack overflow"
        );
    }
}
