//! RSS and Atom read with the browser's XML parser (`DOMParser`, `application/xml`): its tree
//! walked as the model's [`XmlElement`], so the mapping is the one tested natively.

use byline_model::xmlfeed::{browser_xml_error, map_xml_feed, XmlElement};
use byline_model::{ImportError, RelatedFeed};
use web_sys::{Document, DomParser, Element, SupportedType};

const XML: &str = "http://www.w3.org/XML/1998/namespace";

struct Dom(Element);

impl XmlElement for Dom {
    fn namespace(&self) -> String {
        self.0.namespace_uri().unwrap_or_default()
    }

    fn local_name(&self) -> String {
        self.0.local_name()
    }

    fn attribute(&self, name: &str) -> Option<String> {
        self.0.get_attribute_ns(None, name)
    }

    fn xml_attribute(&self, name: &str) -> Option<String> {
        self.0.get_attribute_ns(Some(XML), name)
    }

    fn text(&self) -> String {
        self.0.text_content().unwrap_or_default()
    }

    fn children(&self) -> Vec<Self> {
        let children = self.0.children();
        (0..children.length())
            .filter_map(|index| children.item(index))
            .map(Dom)
            .collect()
    }
}

/// Parses `text` as XML (unless the widget did) and maps it. A document that is not well-formed gets the parser's
/// own `<parsererror>` instead of (or inside) its tree: that is the error.
pub fn map_xml_feed_text(
    text: &str,
    feed_url: &str,
    parsed: Option<Document>,
) -> Result<RelatedFeed, ImportError> {
    let unreadable = |message: &str| ImportError::XmlSyntax {
        line: 0,
        column: 0,
        message: message.into(),
    };
    let document = match parsed {
        Some(document) => document,
        None => DomParser::new()
            .and_then(|parser| {
                parser.parse_from_string(
                    text.trim_start_matches('\u{feff}'),
                    SupportedType::ApplicationXml,
                )
            })
            .map_err(|_| unreadable("the browser's XML parser refused the feed"))?,
    };
    if let Some(error) = document.get_elements_by_tag_name("parsererror").item(0) {
        // Chromium words the problem in the first <div>; others in the element's text.
        let wording = error
            .query_selector("div")
            .ok()
            .flatten()
            .unwrap_or(error)
            .text_content()
            .unwrap_or_default();
        return Err(browser_xml_error(&wording));
    }
    let root = document
        .document_element()
        .ok_or_else(|| unreadable("the document has no root element"))?;
    map_xml_feed(Dom(root), feed_url, &resolve)
}

/// Resolves as the widget does: the browser's `URL`, http(s) only.
fn resolve(reference: &str, base: &str) -> Option<String> {
    let url = web_sys::Url::new_with_base(reference, base).ok()?;
    matches!(url.protocol().as_str(), "http:" | "https:").then(|| url.href())
}
