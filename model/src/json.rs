//! A parsed JSON document, owned and independent of the parser that read it: the browser's
//! `JSON.parse` in the widget (no JSON parser in the wasm), serde_json natively (`text`).

/// A JSON value. Numbers are `f64`, as in JavaScript; an object is a list of its members
/// (articles' objects are small, and [`Json::get`] finds a member by name).
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

/// The most arrays and objects nested inside one another that a document may have (the
/// limit of serde_json, which parses natively): readers of JSON are recursive, and no article
/// needs more than a handful of levels.
pub const MAX_DEPTH: usize = 127;

impl Json {
    /// The member `key` of an object; `None` for absent members and for other values.
    pub fn get(&self, key: &str) -> Option<&Json> {
        self.as_object()?
            .iter()
            .find(|(name, _)| name == key)
            .map(|(_, value)| value)
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Json::Number(n) => Some(*n),
            _ => None,
        }
    }

    /// A whole number that fits in `u32` (a pixel size), else `None`.
    pub fn as_u32(&self) -> Option<u32> {
        let n = self.as_f64()?;
        (n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&n)).then_some(n as u32)
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Json::Bool(b) => Some(*b),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Json]> {
        match self {
            Json::Array(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&[(String, Json)]> {
        match self {
            Json::Object(members) => Some(members),
            _ => None,
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Json::Null)
    }

    pub fn is_object(&self) -> bool {
        matches!(self, Json::Object(_))
    }

    /// What kind of value this is, for error messages (the words serde used before).
    pub fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "boolean",
            Json::Number(_) => "number",
            Json::String(_) => "string",
            Json::Array(_) => "sequence",
            Json::Object(_) => "map",
        }
    }
}

/// A JSON number as text, for messages and JSON Feed ids: whole numbers below 10^19 exactly,
/// others to six decimals (and large ones as `1.5e+20`). Rust's own float formatting would
/// add some 18 kB to the widget's wasm for these few uses.
pub fn number_text(n: f64) -> String {
    if n.is_nan() {
        return "NaN".into();
    }
    let sign = if n < 0.0 { "-" } else { "" };
    let (mut magnitude, mut exponent) = (n.abs(), 0);
    if magnitude.is_infinite() {
        return format!("{sign}Infinity");
    }
    if magnitude.fract() == 0.0 && magnitude < 1e19 {
        return format!("{sign}{}", magnitude as u64);
    }
    // Six decimals must fit in a u64.
    if magnitude >= 1e13 {
        while magnitude >= 10.0 {
            magnitude /= 10.0;
            exponent += 1;
        }
    }
    let millionths = (magnitude * 1e6).round() as u64;
    let mut text = format!("{sign}{}", millionths / 1_000_000);
    let fraction = format!("{:06}", millionths % 1_000_000);
    let fraction = fraction.trim_end_matches('0');
    if !fraction.is_empty() {
        text = format!("{text}.{fraction}");
    }
    if exponent > 0 {
        text = format!("{text}e+{exponent}");
    }
    text
}

/// Text that is not JSON. `line` and `column` count from 1; both are 0 when the parser did
/// not say where (some browsers do not).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl SyntaxError {
    /// From a browser's `JSON.parse` error message. Chromium says "… at position N (line L
    /// column C)" (older versions only the position, a UTF-16 offset into `text`), Firefox "…
    /// at line L column C of the JSON data"; the position leaves the message for `line` and
    /// `column`. Only the part after any quoted excerpt of the text is searched for it.
    pub fn from_browser(text: &str, message: &str) -> SyntaxError {
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
        SyntaxError {
            line,
            column,
            message: message[..cut].to_string(),
        }
    }

    /// For a document nested deeper than [`MAX_DEPTH`].
    pub fn too_deep() -> SyntaxError {
        SyntaxError {
            line: 0,
            column: 0,
            message: format!("nested deeper than {MAX_DEPTH} arrays and objects"),
        }
    }
}

/// How `Syntax` errors show where the problem is: ` (line L, column C)`, or nothing.
pub(crate) fn position(line: &usize, column: &usize) -> String {
    if *line == 0 {
        String::new()
    } else {
        format!(" (line {line}, column {column})")
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_are_found_by_name_and_other_values_have_none() {
        let doc = Json::Object(vec![
            ("a".into(), Json::Number(1.0)),
            ("b".into(), Json::String("x".into())),
        ]);
        assert_eq!(doc.get("b").and_then(Json::as_str), Some("x"));
        assert_eq!(doc.get("c"), None);
        assert_eq!(Json::Array(vec![]).get("a"), None);
        assert_eq!(Json::Null.kind(), "null");
        assert_eq!(doc.kind(), "map");
    }

    #[test]
    fn only_whole_numbers_in_range_are_u32() {
        assert_eq!(Json::Number(1280.0).as_u32(), Some(1280));
        assert_eq!(Json::Number(4_294_967_295.0).as_u32(), Some(u32::MAX));
        for bad in [-1.0, 1.5, 4_294_967_296.0, f64::NAN, f64::INFINITY] {
            assert_eq!(Json::Number(bad).as_u32(), None, "{bad}");
        }
        assert_eq!(Json::String("12".into()).as_u32(), None);
    }

    #[test]
    fn numbers_as_text() {
        for (n, text) in [
            (1.0, "1"),
            (-0.0, "0"),
            (720.5, "720.5"),
            (-1.25, "-1.25"),
            (0.1 + 0.2, "0.3"),
            (1e-9, "0"),
            (9_007_199_254_740_991.0, "9007199254740991"),
            (12_345_678_901_234.5, "1.234568e+13"),
            (4_294_967_296.0, "4294967296"),
            (1.5e300, "1.5e+300"),
            (f64::NEG_INFINITY, "-Infinity"),
            (f64::NAN, "NaN"),
        ] {
            assert_eq!(number_text(n), text, "{n:?}");
        }
    }

    #[test]
    fn browser_messages_give_the_position_as_line_and_column() {
        let text = "{\n  \"version\": 1,\n  oops\n}";
        let chromium = SyntaxError::from_browser(
            text,
            "Expected double-quoted property name in JSON at position 20",
        );
        assert_eq!(
            chromium,
            SyntaxError {
                line: 3,
                column: 3,
                message: "Expected double-quoted property name in JSON".into()
            }
        );
        let newer = SyntaxError::from_browser(
            text,
            "Expected double-quoted property name in JSON at position 20 (line 3 column 3)",
        );
        assert_eq!(newer, chromium);
        let firefox = SyntaxError::from_browser(
            text,
            "JSON.parse: expected double-quoted property name at line 3 column 3 of the JSON data",
        );
        assert_eq!((firefox.line, firefox.column), (3, 3));
        assert_eq!(
            firefox.message,
            "JSON.parse: expected double-quoted property name"
        );
    }

    #[test]
    fn positions_count_utf16_units_and_unknown_positions_are_zero() {
        // "ä" is one UTF-16 unit, "😀" two.
        let error = SyntaxError::from_browser("[\"ä😀\", x]", "Unexpected token at position 7");
        assert_eq!((error.line, error.column), (1, 7));
        let end = SyntaxError::from_browser("{\n", "Unexpected end of JSON input");
        assert_eq!((end.line, end.column), (2, 1));
        // An excerpt of the text is not the position.
        let excerpt = SyntaxError::from_browser(
            "<p>line 9 column 9</p>",
            "Unexpected token '<', \"<p>line 9 column 9</p>\" is not valid JSON",
        );
        assert_eq!((excerpt.line, excerpt.column), (0, 0));
        let safari = SyntaxError::from_browser("{", "JSON Parse error: Expected '}'");
        assert_eq!((safari.line, safari.column), (0, 0));
        assert_eq!(safari.message, "JSON Parse error: Expected '}'");
        assert_eq!(position(&0, &0), "");
        assert_eq!(position(&3, &1), " (line 3, column 1)");
    }
}
