//! What the JSON-LD and JSON Feed mappings share: paths and error builders, and lenient
//! readers for the text, URLs, dates and language tags found in publishers' markup (which is
//! written for search engines, not validated like Byline's format).

use serde_json::Value;

use super::{ImportError, Warning};
use crate::edition::{CountryCode, LangCode};
use crate::timestamp::Timestamp;
use crate::url_check::LinkUrl;

// ------------------------------------------------------------------ paths and error builders
// Paths are built with "" for the document itself and shown as `$`.

fn shown(path: &str) -> String {
    if path.is_empty() {
        "$".into()
    } else {
        path.into()
    }
}

pub(crate) fn at(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.into()
    } else {
        format!("{path}.{key}")
    }
}

pub(crate) fn idx(path: &str, index: usize) -> String {
    format!("{path}[{index}]")
}

pub(crate) fn missing(path: &str) -> ImportError {
    ImportError::Missing { path: shown(path) }
}

pub(crate) fn wrong(path: &str, expected: &'static str) -> ImportError {
    ImportError::WrongType {
        path: shown(path),
        expected: expected.into(),
    }
}

pub(crate) fn invalid(path: &str, message: impl Into<String>) -> ImportError {
    ImportError::Invalid {
        path: shown(path),
        message: message.into(),
    }
}

pub(crate) fn warning(path: &str, message: impl Into<String>) -> Warning {
    Warning {
        path: shown(path),
        message: message.into(),
    }
}

// ---------------------------------------------------------------------------- value readers

/// The text of a JSON-LD value: a string, a `{"@value": "…"}` literal, or the first of an array.
pub(crate) fn text(value: &Value) -> Option<&str> {
    match value {
        Value::String(s) => Some(s),
        Value::Object(_) => value.get("@value").and_then(Value::as_str),
        Value::Array(items) => items.first().and_then(|first| match first {
            Value::Array(_) => None,
            other => text(other),
        }),
        _ => None,
    }
}

/// Optional text at `key`: absent, `null` or blank is `None`; anything but text is an error.
pub(crate) fn opt_text(node: &Value, path: &str, key: &str) -> Result<Option<String>, ImportError> {
    match node.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(value) => match text(value) {
            Some(s) => Ok(Some(one_line(s)).filter(|s| !s.is_empty())),
            None => Err(wrong(&at(path, key), "text")),
        },
    }
}

/// A whole number that fits in `u32` (a pixel size), else `None`.
pub(crate) fn whole_u32(value: &Value) -> Option<u32> {
    let n = value.as_f64()?;
    (n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&n)).then_some(n as u32)
}

/// A URL the widget may put in `href`/`src`, or an error naming the path.
pub(crate) fn link(url: &str, path: &str) -> Result<LinkUrl, ImportError> {
    LinkUrl::try_from(url.trim().replace("&amp;", "&")).map_err(|why| invalid(path, why))
}

/// Plain text on one line: tags dropped, character references decoded, whitespace collapsed
/// (ASCII whitespace, as HTML collapses it: a no-break space stays).
pub(crate) fn one_line(s: &str) -> String {
    collapse(&plain(s))
}

/// Runs of ASCII whitespace made one space, none at either end.
fn collapse(s: &str) -> String {
    s.split_ascii_whitespace().collect::<Vec<_>>().join(" ")
}

/// Paragraphs of an `articleBody`. Blank lines separate paragraphs when there are any (lines
/// within one are joined, as hard-wrapped text needs); otherwise every line is a paragraph.
/// HTML block tags count as blank lines, since some CMSs put their HTML in `articleBody`.
pub(crate) fn paragraphs(s: &str) -> Vec<String> {
    let text = plain(s);
    let lines: Vec<&str> = text.trim().lines().map(str::trim).collect();
    let mut out = Vec::new();
    if lines.iter().any(|line| line.is_empty()) {
        for group in lines.split(|line| line.is_empty()) {
            let joined = group.join(" ");
            if !joined.is_empty() {
                out.push(collapse(&joined));
            }
        }
    } else {
        out.extend(lines.iter().filter(|l| !l.is_empty()).map(|l| collapse(l)));
    }
    out
}

/// Drops HTML tags (block-level ones become blank lines, `<br>` a line break) and decodes
/// character references as a browser decodes them in text: markup in JSON-LD text is common,
/// and Byline text is never HTML. References are decoded in the text between tags only, so an
/// escaped `&lt;b&gt;` stays text.
fn plain(s: &str) -> String {
    const BLOCKS: [&str; 15] = [
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "blockquote",
        "figure",
        "section",
        "article",
    ];
    let mut out = String::with_capacity(s.len());
    let (mut run_start, mut at) = (0, 0);
    while let Some(pos) = s[at..].find('<').map(|i| at + i) {
        let after = &s[pos + 1..];
        let is_tag = after.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!');
        let Some(end) = after.find('>').filter(|_| is_tag) else {
            at = pos + 1;
            continue;
        };
        out.push_str(&htmlize::unescape(&s[run_start..pos]));
        let name: String = after
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_lowercase())
            .collect();
        if name == "br" {
            out.push('\n');
        } else if BLOCKS.contains(&name.as_str()) {
            out.push_str("\n\n");
        }
        at = pos + 1 + end + 1;
        run_start = at;
    }
    out.push_str(&htmlize::unescape(&s[run_start..]));
    out
}

/// An ISO 8601 date-time as schema.org markup writes it, made RFC 3339: `+0200` becomes
/// `+02:00`, missing seconds `:00`. A missing zone is read as UTC and a bare date as noon UTC
/// (the same calendar day almost everywhere); the `bool` says such a guess was made.
pub(crate) fn date(s: &str) -> Option<(Timestamp, bool)> {
    let s = s.trim();
    if let Some(exact) = Timestamp::parse(s) {
        return Some((exact, false));
    }
    if s.len() == 10 {
        return Timestamp::parse(&format!("{s}T12:00:00Z")).map(|t| (t, true));
    }
    let (day, time) = (s.get(..11)?, s.get(11..)?);
    let zone_at = time.find(['Z', 'z', '+', '-']).unwrap_or(time.len());
    let (clock, zone) = time.split_at(zone_at);
    let clock = if clock.len() == 5 {
        format!("{clock}:00")
    } else {
        clock.to_string()
    };
    let (zone, guessed) = match zone.len() {
        0 => ("Z".to_string(), true),
        3 => (format!("{zone}:00"), false),
        5 => (format!("{}:{}", &zone[..3], &zone[3..]), false),
        _ => (zone.to_string(), false),
    };
    Timestamp::parse(&format!("{day}{clock}{zone}")).map(|t| (t, guessed))
}

/// The language and, when the tag has one, the region of a BCP 47 tag (`de`, `de-DE`, `es_MX`,
/// `zh-Hant-TW`). Regions that are not countries (`es-419`) give no country.
pub(crate) fn language_tag(tag: &str) -> Option<(LangCode, Option<CountryCode>)> {
    let mut parts = tag.trim().split(['-', '_']);
    let lang = LangCode::try_from(parts.next()?.to_ascii_lowercase()).ok()?;
    let country = parts
        .take(2)
        .find(|p| p.len() == 2 && p.bytes().all(|b| b.is_ascii_alphabetic()))
        .and_then(|p| CountryCode::try_from(p.to_ascii_uppercase()).ok());
    Some((lang, country))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_drops_tags_and_decodes_entities() {
        assert_eq!(
            one_line("Tom &amp; Jerry&#8217;s <b>big</b>  day &copy; a<b &lt;i&gt;"),
            "Tom & Jerry’s big day © a<b <i>"
        );
        assert_eq!(
            paragraphs("<p>One</p><p>Two<br>lines</p>"),
            ["One", "Two lines"]
        );
        assert_eq!(paragraphs("One\nTwo\n\n"), ["One", "Two"]);
        assert_eq!(
            paragraphs("One\nstill one\n\nTwo"),
            ["One still one", "Two"]
        );
    }

    #[test]
    fn dates_are_made_rfc3339() {
        let ms = |s: &str| date(s).map(|(t, guessed)| (t.as_str().to_string(), guessed));
        assert_eq!(
            ms("2025-07-04T17:45:00-06:00"),
            Some(("2025-07-04T17:45:00-06:00".into(), false))
        );
        assert_eq!(
            ms("2025-07-04T17:45:00+0200"),
            Some(("2025-07-04T17:45:00+02:00".into(), false))
        );
        assert_eq!(
            ms("2025-07-04T17:45+02"),
            Some(("2025-07-04T17:45:00+02:00".into(), false))
        );
        assert_eq!(
            ms("2025-07-04T17:45:00.123"),
            Some(("2025-07-04T17:45:00.123Z".into(), true))
        );
        assert_eq!(
            ms("2025-07-04"),
            Some(("2025-07-04T12:00:00Z".into(), true))
        );
        assert_eq!(ms("4 July 2025"), None);
        assert_eq!(ms("2025-07-04T1"), None);
    }

    #[test]
    fn language_tags() {
        let tag = |s| language_tag(s).map(|(l, c)| (l.to_string(), c.map(|c| c.to_string())));
        assert_eq!(tag("de"), Some(("de".into(), None)));
        assert_eq!(tag("de-de"), Some(("de".into(), Some("DE".into()))));
        assert_eq!(tag("es_MX"), Some(("es".into(), Some("MX".into()))));
        assert_eq!(tag("zh-Hant-TW"), Some(("zh".into(), Some("TW".into()))));
        assert_eq!(tag("es-419"), Some(("es".into(), None)));
        assert_eq!(tag("German"), None);
        assert_eq!(tag(""), None);
    }
}
