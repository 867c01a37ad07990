//! A page's JSON-LD and its editions, read from its HTML as the widget's `data-jsonld="self"`
//! reads them from the DOM: `<script type="application/ld+json">`, `<link rel="alternate"
//! hreflang>` and `<html lang>`. For the validator and tests (the widget has the DOM).

use super::jsonld::JsonLdOptions;

/// What an HTML page says for the JSON-LD mapping.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageMarkup {
    /// The text of each `<script type="application/ld+json">`, in order.
    pub scripts: Vec<String>,
    /// `(hreflang, href)` of each `<link rel="alternate" hreflang href>`.
    pub alternates: Vec<(String, String)>,
    /// `<html lang>`, when set.
    pub lang: Option<String>,
    /// `<link rel="canonical" href>`, when there is one.
    pub canonical: Option<String>,
}

impl PageMarkup {
    /// The mapping options for this page, as the widget reads it: its alternates as the other
    /// editions, its `<html lang>` before `options`' default language (`data-lang`), and its
    /// canonical link, else its URL (`options.page_url`), as the page readers share.
    pub fn options(&self, options: &JsonLdOptions) -> JsonLdOptions {
        let mut options = options.clone();
        options.alternates.extend(self.alternates.iter().cloned());
        if let Some(lang) = &self.lang {
            options.default_lang = Some(lang.clone());
        }
        options.canonical_url = self.canonical.clone().or(options.page_url.clone());
        options
    }
}

/// Reads a page's JSON-LD scripts, hreflang alternates and `<html lang>`.
pub fn read_page_markup(html: &str) -> PageMarkup {
    let mut page = PageMarkup::default();
    for Tag { name, attrs, end } in tags(html) {
        if name == "script"
            && attr(&attrs, "type")
                .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
        {
            let body = &html[end..];
            let close = body
                .to_ascii_lowercase()
                .find("</script")
                .unwrap_or(body.len());
            page.scripts.push(body[..close].to_string());
        } else if name == "link" {
            let rel = |value: &str| {
                attr(&attrs, "rel").is_some_and(|rel| {
                    rel.split_ascii_whitespace()
                        .any(|r| r.eq_ignore_ascii_case(value))
                })
            };
            let href = attr(&attrs, "href").map(|href| href.replace("&amp;", "&"));
            if let (true, Some(lang), Some(href)) =
                (rel("alternate"), attr(&attrs, "hreflang"), &href)
            {
                page.alternates.push((lang.to_string(), href.clone()));
            }
            if rel("canonical") && page.canonical.is_none() {
                page.canonical = href
                    .map(|href| href.trim().to_string())
                    .filter(|href| !href.is_empty());
            }
        } else if name == "html" && page.lang.is_none() {
            page.lang = attr(&attrs, "lang")
                .map(str::trim)
                .filter(|lang| !lang.is_empty())
                .map(str::to_string);
        }
    }
    page
}

/// A start tag: its lowercase name, its attributes, and the byte offset just after it.
struct Tag {
    name: String,
    attrs: Vec<(String, String)>,
    end: usize,
}

/// The start tags of a page. A small scanner, not an HTML parser: enough for the `<script>`
/// and `<link>` elements of a page's head. Script bodies are skipped, so a `<link` inside
/// JavaScript does not count.
fn tags(html: &str) -> Vec<Tag> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(open) = html[at..].find('<').map(|i| at + i) {
        // A comment may mention tags; none of them count.
        if html[open..].starts_with("<!--") {
            at = html[open + 4..]
                .find("-->")
                .map_or(html.len(), |i| open + 4 + i + 3);
            continue;
        }
        let rest = &html[open + 1..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if name.is_empty() {
            at = open + 1;
            continue;
        }
        let mut pos = open + 1 + name.len();
        let mut attrs = Vec::new();
        let bytes = html.as_bytes();
        loop {
            while pos < bytes.len() && (bytes[pos].is_ascii_whitespace() || bytes[pos] == b'/') {
                pos += 1;
            }
            if pos >= bytes.len() || bytes[pos] == b'>' {
                break;
            }
            let key_start = pos;
            while pos < bytes.len()
                && !bytes[pos].is_ascii_whitespace()
                && !matches!(bytes[pos], b'=' | b'>')
            {
                pos += 1;
            }
            let key = html[key_start..pos].to_ascii_lowercase();
            let mut value = String::new();
            if bytes.get(pos) == Some(&b'=') {
                pos += 1;
                let quote = bytes
                    .get(pos)
                    .copied()
                    .filter(|q| matches!(q, b'"' | b'\''));
                let value_start = if quote.is_some() { pos + 1 } else { pos };
                let value_end = match quote {
                    Some(q) => html[value_start..]
                        .find(q as char)
                        .map_or(html.len(), |i| value_start + i),
                    None => html[value_start..]
                        .find(|c: char| c.is_ascii_whitespace() || c == '>')
                        .map_or(html.len(), |i| value_start + i),
                };
                value = html[value_start..value_end].to_string();
                pos = if quote.is_some() {
                    (value_end + 1).min(html.len())
                } else {
                    value_end
                };
            }
            attrs.push((key, value));
        }
        let end = (pos + 1).min(html.len());
        at = end;
        if name == "script" {
            // Skip the script body, whatever it holds.
            at = html[end..]
                .to_ascii_lowercase()
                .find("</script")
                .map_or(html.len(), |i| end + i);
        }
        out.push(Tag { name, attrs, end });
    }
    out
}

fn attr<'a>(attrs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    attrs
        .iter()
        .find(|(key, _)| key == name)
        .map(|(_, value)| value.as_str())
}
