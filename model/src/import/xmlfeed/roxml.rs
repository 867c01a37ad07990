//! roxmltree's tree as the mapping reads it (feature `xml`): RSS and Atom natively.

use roxmltree::{Document, Node};

use super::{map_xml_feed, XmlElement};
use crate::import::jsonfeed::RelatedFeed;
use crate::import::ImportError;
use crate::state::Resolve;

const XML: &str = "http://www.w3.org/XML/1998/namespace";

impl XmlElement for Node<'_, '_> {
    fn namespace(&self) -> String {
        self.tag_name().namespace().unwrap_or("").to_string()
    }

    fn local_name(&self) -> String {
        self.tag_name().name().to_string()
    }

    fn attribute(&self, name: &str) -> Option<String> {
        Node::attribute(self, name).map(str::to_string)
    }

    fn xml_attribute(&self, name: &str) -> Option<String> {
        Node::attribute(self, (XML, name)).map(str::to_string)
    }

    fn text(&self) -> String {
        self.descendants()
            .filter(Node::is_text)
            .filter_map(|n| n.text())
            .collect()
    }

    fn children(&self) -> Vec<Self> {
        Node::children(self).filter(Node::is_element).collect()
    }
}

/// Parses an RSS or Atom document's text and maps it (see [`map_xml_feed`]).
pub fn map_xml_feed_str(
    text: &str,
    feed_url: &str,
    resolve: Resolve,
) -> Result<RelatedFeed, ImportError> {
    // Feeds declare a DTD now and then (RSS 0.91's Netscape one); entities come from it rarely
    // and are never fetched.
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..roxmltree::ParsingOptions::default()
    };
    let doc = Document::parse_with_options(text.trim_start_matches('\u{feff}'), options).map_err(
        |err| {
            let pos = err.pos();
            let message = err.to_string();
            // The position is said once, by the error's own wording.
            let suffix = format!(" at {}:{}", pos.row, pos.col);
            ImportError::XmlSyntax {
                line: pos.row as usize,
                column: pos.col as usize,
                message: message
                    .strip_suffix(&suffix)
                    .unwrap_or(&message)
                    .to_string(),
            }
        },
    )?;
    map_xml_feed(doc.root_element(), feed_url, resolve)
}
