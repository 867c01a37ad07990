//! RSS 2.0 (and RSS 1.0), and Atom 1.0 as sources of related news, next to JSON Feed: each
//! usable item becomes a [`RelatedItem`](crate::RelatedItem) of a [`RelatedFeed`].
//!
//! The mapping walks any XML tree through [`XmlElement`]: natively roxmltree's (feature `xml`,
//! for `byline-validate` and the tests), in the browser the formats module's walk of the
//! browser's own parser (`DOMParser`), so the wasm carries no XML parser. Which element holds
//! the link, which image wins, how dates are read and links resolved is decided here once.
//! Like the JSON Feed mapping, a bad item is skipped with a [`Warning`](super::Warning); only a
//! document that is not a feed at all is an [`ImportError`](super::ImportError).

mod map;
#[cfg(feature = "xml")]
mod roxml;

pub use map::{best_image, map_xml_feed, rss_date, ImageCandidate, ImageSource};
#[cfg(feature = "xml")]
pub use roxml::map_xml_feed_str;

/// One element of a parsed XML document, as the mapping reads it.
pub trait XmlElement: Sized {
    /// The namespace URI; empty for none.
    fn namespace(&self) -> String;
    /// The name without its prefix (`content` for `media:content`).
    fn local_name(&self) -> String;
    /// An attribute without a namespace (`href`, `rel`).
    fn attribute(&self, name: &str) -> Option<String>;
    /// An attribute in the `xml:` namespace (`xml:base`, `xml:lang`).
    fn xml_attribute(&self, name: &str) -> Option<String>;
    /// The text of the element and its descendants.
    fn text(&self) -> String;
    /// The child elements, in document order.
    fn children(&self) -> Vec<Self>;
}

/// What a related-news response holds, told from the response itself (publishers serve feeds
/// under every content type, and a URL says nothing).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeedKind {
    /// JSON Feed (or some other JSON: the JSON Feed mapping says what is wrong with it).
    Json,
    /// XML: RSS or Atom, told apart by the root element.
    Xml,
}

/// The body decides: markup is XML, anything else JSON. Only a body that starts with neither
/// (blank, or garbage) is judged by its `Content-Type`.
pub fn feed_kind(content_type: Option<&str>, text: &str) -> FeedKind {
    match text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .chars()
        .next()
    {
        Some('<') => FeedKind::Xml,
        Some('{' | '[') => FeedKind::Json,
        _ if content_type.is_some_and(|t| t.to_ascii_lowercase().contains("xml")) => FeedKind::Xml,
        _ => FeedKind::Json,
    }
}

/// True when the first element of `text` is an RSS `<rss>`/`<rdf:RDF>` or an Atom `<feed>`
/// (after the XML declaration, comments and a doctype): an XML feed rather than an HTML page.
pub fn looks_like_xml_feed(text: &str) -> bool {
    let mut rest = text.trim_start_matches('\u{feff}').trim_start();
    loop {
        let skipped = if rest.starts_with("<?") {
            rest.find("?>").map(|end| end + 2)
        } else if rest.starts_with("<!--") {
            rest.find("-->").map(|end| end + 3)
        } else if rest.starts_with("<!") {
            rest.find('>').map(|end| end + 1)
        } else {
            break;
        };
        match skipped {
            Some(end) => rest = rest[end..].trim_start(),
            None => return false,
        }
    }
    let Some(tag) = rest.strip_prefix('<') else {
        return false;
    };
    let name: String = tag
        .chars()
        .take_while(|c| !c.is_whitespace() && !matches!(c, '>' | '/'))
        .collect();
    let local = name.rsplit(':').next().unwrap_or("");
    matches!(local, "rss" | "feed" | "RDF")
}

/// The error for a browser's `<parsererror>` wording: Chromium's `error on line 9 at column
/// 3: Opening and ending tag mismatch: …` gives the position; any other wording is kept whole.
pub fn browser_xml_error(wording: &str) -> super::ImportError {
    let wording = wording.trim();
    let parsed = wording.strip_prefix("error on line ").and_then(|rest| {
        let (line, rest) = rest.split_once(" at column ")?;
        let (column, message) = rest.split_once(": ")?;
        Some((line.parse().ok()?, column.parse().ok()?, message.trim()))
    });
    let (line, column, message) = parsed.unwrap_or((0, 0, wording));
    super::ImportError::XmlSyntax {
        line,
        column,
        message: message.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_body_tells_the_kind() {
        assert_eq!(
            feed_kind(Some("application/json"), " <rss/>"),
            FeedKind::Xml
        );
        assert_eq!(feed_kind(Some("text/xml"), "\u{feff}{}"), FeedKind::Json);
        assert_eq!(feed_kind(Some("application/atom+xml"), ""), FeedKind::Xml);
        assert_eq!(feed_kind(None, "oops"), FeedKind::Json);
    }

    #[test]
    fn browser_parser_errors_keep_their_position() {
        assert_eq!(
            browser_xml_error(
                "error on line 9 at column 3: Opening and ending tag mismatch: item line 6 and channel\n"
            )
            .to_string(),
            "$: not well-formed XML (line 9, column 3): Opening and ending tag mismatch: item line 6 and channel"
        );
        assert_eq!(
            browser_xml_error("XML Parsing Error: mismatched tag").to_string(),
            "$: not well-formed XML: XML Parsing Error: mismatched tag"
        );
    }

    #[test]
    fn xml_feeds_are_told_from_html() {
        assert!(looks_like_xml_feed(
            "<?xml version=\"1.0\"?>\n<!-- hi --><rss version=\"2.0\">"
        ));
        assert!(looks_like_xml_feed(
            "<feed xmlns=\"http://www.w3.org/2005/Atom\">"
        ));
        assert!(looks_like_xml_feed("<?xml version=\"1.0\"?><rdf:RDF>"));
        assert!(looks_like_xml_feed("<atom:feed xmlns:atom=\"…\">"));
        assert!(!looks_like_xml_feed("<!doctype html><html lang=\"de\">"));
        assert!(!looks_like_xml_feed("{\"version\": 1}"));
        assert!(!looks_like_xml_feed("<!-- never closed"));
    }
}
