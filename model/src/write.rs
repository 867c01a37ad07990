//! Model values written back as JSON text: an [`Edition`] in the version 1 format (what
//! [`crate::read_edition`] reads), a mapped [`RelatedFeed`] (what [`crate::read_feed`] reads)
//! and an [`ImportError`] (what [`crate::read_import_error`] reads).
//!
//! The widget maps JSON-LD and JSON Feeds in a separate, lazily loaded wasm module; these
//! texts are how the results cross from that module to the widget, which reads them with its
//! ordinary readers, so an imported edition is validated like any other.

use crate::edition::{Block, Edition, EditionLink, Inline, RelatedItem, Source};
use crate::import::{ImportError, Warning};
use crate::json::{number_text, Json};
use crate::jsonfeed::{FeedEntry, RelatedFeed};
use crate::parse::FORMAT_VERSION;

/// An edition as version 1 JSON text.
pub fn write_edition(edition: &Edition) -> String {
    edition_json(edition).to_text()
}

/// A mapped feed (its items, their languages and the mapping's warnings) as JSON text.
pub fn write_feed(feed: &RelatedFeed) -> String {
    let mut out = Obj::new();
    out.opt("title", feed.title.as_deref());
    out.opt("home_page_url", feed.home_page_url.as_deref());
    out.list("entries", feed.entries.iter().map(feed_entry));
    out.list("warnings", feed.warnings.iter().map(warning));
    out.done().to_text()
}

/// An import error as JSON text, every field of its variant included.
pub fn write_import_error(error: &ImportError) -> String {
    let mut out = Obj::new();
    match error {
        ImportError::Syntax {
            line,
            column,
            message,
        } => {
            out.str("kind", "syntax");
            out.num("line", *line as f64);
            out.num("column", *column as f64);
            out.str("message", message);
        }
        ImportError::NoArticle => out.str("kind", "no-article"),
        ImportError::NotAFeed { path, message } => {
            out.str("kind", "not-a-feed");
            out.str("path", path);
            out.str("message", message);
        }
        ImportError::Missing { path } => {
            out.str("kind", "missing");
            out.str("path", path);
        }
        ImportError::WrongType { path, expected } => {
            out.str("kind", "wrong-type");
            out.str("path", path);
            out.str("expected", expected);
        }
        ImportError::Invalid { path, message } => {
            out.str("kind", "invalid");
            out.str("path", path);
            out.str("message", message);
        }
    }
    out.done().to_text()
}

fn edition_json(edition: &Edition) -> Json {
    let mut out = Obj::new();
    out.num("version", FORMAT_VERSION as f64);
    out.str("id", &edition.id);
    out.str("lang", &edition.lang);
    out.str("country", &edition.country);
    out.str("headline", &edition.headline);
    out.opt("standfirst", edition.standfirst.as_deref());
    out.str("published", edition.published.as_str());
    out.opt("updated", edition.updated.as_ref().map(|t| t.as_str()));
    out.list(
        "authors",
        edition.authors.iter().map(|a| Json::String(a.clone())),
    );
    out.put("source", source(&edition.source));
    out.list("body", edition.body.iter().map(block));
    out.list("editions", edition.editions.iter().map(edition_link));
    out.list("related", edition.related.iter().map(related_item));
    out.opt("all_news_url", edition.all_news_url.as_deref());
    out.done()
}

fn source(source: &Source) -> Json {
    let mut out = Obj::new();
    out.str("name", &source.name);
    out.str("url", &source.url);
    out.opt("logo", source.logo.as_deref());
    out.opt("original_lang", source.original_lang.as_deref());
    out.done()
}

fn block(block: &Block) -> Json {
    let mut out = Obj::new();
    let content = |out: &mut Obj, content: &[Inline]| {
        out.list("content", content.iter().map(inline));
    };
    match block {
        Block::Paragraph { id, content: runs } => {
            out.str("id", id);
            out.str("type", "paragraph");
            content(&mut out, runs);
        }
        Block::Heading { id, content: runs } => {
            out.str("id", id);
            out.str("type", "heading");
            content(&mut out, runs);
        }
        Block::Quote {
            id,
            content: runs,
            cite,
        } => {
            out.str("id", id);
            out.str("type", "quote");
            content(&mut out, runs);
            out.opt("cite", cite.as_deref());
        }
        Block::Image {
            id,
            src,
            alt,
            caption,
            credit,
            width,
            height,
        } => {
            out.str("id", id);
            out.str("type", "image");
            out.str("src", src);
            out.str("alt", alt);
            out.opt("caption", caption.as_deref());
            out.opt("credit", credit.as_deref());
            if let Some(width) = width {
                out.num("width", *width as f64);
            }
            if let Some(height) = height {
                out.num("height", *height as f64);
            }
        }
        Block::Html { id, html } => {
            out.str("id", id);
            out.str("type", "html");
            out.str("html", html);
        }
        // Read back as unknown, and skipped, as it was.
        Block::Unknown => {
            out.str("id", "");
            out.str("type", "unknown");
        }
    }
    out.done()
}

fn inline(run: &Inline) -> Json {
    match run {
        Inline::Plain(text) => Json::String(text.clone()),
        Inline::Styled(run) => {
            let mut out = Obj::new();
            out.str("text", &run.text);
            out.put("em", Json::Bool(run.em));
            out.put("strong", Json::Bool(run.strong));
            out.opt("href", run.href.as_deref());
            out.done()
        }
    }
}

fn edition_link(link: &EditionLink) -> Json {
    let mut out = Obj::new();
    out.str("lang", &link.lang);
    out.str("country", &link.country);
    out.str("url", &link.url);
    out.done()
}

fn related_item(item: &RelatedItem) -> Json {
    let mut out = Obj::new();
    out.str("headline", &item.headline);
    out.str("url", &item.url);
    out.opt("image", item.image.as_deref());
    out.opt("source", item.source.as_deref());
    out.opt("published", item.published.as_ref().map(|t| t.as_str()));
    out.done()
}

fn feed_entry(entry: &FeedEntry) -> Json {
    let mut out = Obj::new();
    out.put("item", related_item(&entry.item));
    out.opt("lang", entry.lang.as_deref());
    out.done()
}

fn warning(warning: &Warning) -> Json {
    let mut out = Obj::new();
    out.str("path", &warning.path);
    out.str("message", &warning.message);
    out.done()
}

/// An object being written, members in order.
struct Obj(Vec<(String, Json)>);

impl Obj {
    fn new() -> Self {
        Obj(Vec::new())
    }

    fn put(&mut self, key: &str, value: Json) {
        self.0.push((key.to_string(), value));
    }

    fn str(&mut self, key: &str, value: &str) {
        self.put(key, Json::String(value.to_string()));
    }

    fn num(&mut self, key: &str, value: f64) {
        self.put(key, Json::Number(value));
    }

    /// Absent values are left out.
    fn opt(&mut self, key: &str, value: Option<&str>) {
        if let Some(value) = value {
            self.str(key, value);
        }
    }

    fn list(&mut self, key: &str, items: impl Iterator<Item = Json>) {
        self.put(key, Json::Array(items.collect()));
    }

    fn done(self) -> Json {
        Json::Object(self.0)
    }
}

impl Json {
    /// This value as compact JSON text. Numbers are written as [`number_text`] writes them
    /// (exact for whole numbers, which is all the model writes).
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        write_value(self, &mut out);
        out
    }
}

fn write_value(value: &Json, out: &mut String) {
    match value {
        Json::Null => out.push_str("null"),
        Json::Bool(true) => out.push_str("true"),
        Json::Bool(false) => out.push_str("false"),
        Json::Number(n) if n.is_finite() => out.push_str(&number_text(*n)),
        Json::Number(_) => out.push_str("null"),
        Json::String(text) => write_string(text, out),
        Json::Array(items) => {
            out.push('[');
            for (index, item) in items.iter().enumerate() {
                if index > 0 {
                    out.push(',');
                }
                write_value(item, out);
            }
            out.push(']');
        }
        Json::Object(members) => {
            out.push('{');
            for (index, (key, item)) in members.iter().enumerate() {
                if index > 0 {
                    out.push(',');
                }
                write_string(key, out);
                out.push(':');
                write_value(item, out);
            }
            out.push('}');
        }
    }
}

fn write_string(text: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let code = c as usize;
                out.push_str("\\u00");
                out.push(HEX[code >> 4] as char);
                out.push(HEX[code & 0xf] as char);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped() {
        let value = Json::Array(vec![
            Json::String("a\"b\\c\n\u{1}ä😀".into()),
            Json::Number(-12.0),
            Json::Null,
            Json::Object(vec![("k".into(), Json::Bool(false))]),
        ]);
        assert_eq!(
            value.to_text(),
            r#"["a\"b\\c\n\u0001ä😀",-12,null,{"k":false}]"#
        );
    }
}
