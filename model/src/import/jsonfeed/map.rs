//! The mapping from a JSON Feed to a [`RelatedFeed`] (feature `import`).

use serde_json::Value;

use super::{FeedEntry, RelatedFeed};
use crate::edition::LangCode;
use crate::edition::RelatedItem;
use crate::import::lenient::{
    at, idx, language_tag, link, missing, one_line, opt_text, text, warning, wrong,
};
use crate::import::{ImportError, Warning};
use crate::number_text::number_text;
use crate::timestamp::Timestamp;

/// Reads a JSON Feed from its text.
pub fn map_json_feed_str(json: &str) -> Result<RelatedFeed, ImportError> {
    map_json_feed(&serde_json::from_str(json)?)
}

/// Reads a JSON Feed document.
pub fn map_json_feed(doc: &Value) -> Result<RelatedFeed, ImportError> {
    let not_a_feed = |path: &str, message: String| ImportError::NotAFeed {
        path: path.into(),
        message,
    };
    if !doc.is_object() {
        return Err(not_a_feed("$", "expected a JSON Feed object".into()));
    }
    match doc.get("version") {
        None => return Err(not_a_feed("version", "missing: not a JSON Feed".into())),
        Some(Value::String(version)) => {
            let number = version
                .strip_prefix("https://jsonfeed.org/version/")
                .or_else(|| version.strip_prefix("http://jsonfeed.org/version/"))
                .ok_or_else(|| {
                    not_a_feed(
                        "version",
                        format!("`{version}` is not a JSON Feed version URL"),
                    )
                })?;
            if !matches!(number.trim_end_matches('/'), "1" | "1.1") {
                return Err(crate::import::lenient::invalid(
                    "version",
                    format!("JSON Feed version `{number}` is not supported (1 and 1.1 are)"),
                ));
            }
        }
        Some(_) => {
            return Err(not_a_feed(
                "version",
                "expected a JSON Feed version URL".into(),
            ))
        }
    }
    let title = opt_text(doc, "", "title")?;
    let feed_lang = lang_of(doc);
    let feed_authors = author_names(doc);
    let items = match doc.get("items") {
        None => return Err(missing("items")),
        Some(Value::Array(items)) => items,
        Some(_) => return Err(wrong("items", "an array of items")),
    };

    let mut warnings = Vec::new();
    let home_page_url = match doc.get("home_page_url").and_then(text) {
        Some(url) => link(url, "home_page_url")
            .map_err(|err| warnings.push(warning("home_page_url", err.message() + "; dropped")))
            .ok(),
        None => None,
    };
    let mut feed = RelatedFeed {
        title,
        home_page_url,
        entries: Vec::new(),
        warnings,
    };
    let mut seen_ids: Vec<String> = Vec::new();
    for (index, item) in items.iter().enumerate() {
        let path = idx("items", index);
        match map_item(item, &path, &feed, &feed_authors, &mut seen_ids) {
            Ok((related, mut dropped)) => {
                feed.warnings.append(&mut dropped);
                let lang = lang_of(item).or_else(|| feed_lang.clone());
                feed.entries.push(FeedEntry {
                    item: related,
                    lang,
                });
            }
            Err(skipped) => feed.warnings.push(skipped),
        }
    }
    Ok(feed)
}

/// One item, with warnings for optional values dropped; `Err` is the reason it is skipped.
fn map_item(
    item: &Value,
    path: &str,
    feed: &RelatedFeed,
    feed_authors: &Option<String>,
    seen_ids: &mut Vec<String>,
) -> Result<(RelatedItem, Vec<Warning>), Warning> {
    if !item.is_object() {
        return Err(warning(path, "is not an object; skipped"));
    }
    // `id` is a string in 1.1; 1.0 feeds sometimes used numbers.
    let id = match item.get("id") {
        Some(Value::String(id)) => Some(id.clone()),
        Some(Value::Number(n)) => Some(number_text(n.as_f64().unwrap_or(f64::NAN))),
        _ => None,
    };
    if let Some(id) = id {
        if seen_ids.contains(&id) {
            return Err(warning(
                &at(path, "id"),
                format!("`{id}` repeats an earlier item's id; skipped"),
            ));
        }
        seen_ids.push(id);
    }

    let (url_text, url_path) = match ["url", "external_url"]
        .iter()
        .find_map(|k| item.get(k).map(|v| (v, at(path, k))))
    {
        Some((value, url_path)) => match text(value) {
            Some(url) => (url, url_path),
            None => return Err(warning(&url_path, "is not a URL; skipped")),
        },
        None => {
            return Err(warning(
                &at(path, "url"),
                "missing (and no external_url); skipped",
            ))
        }
    };
    let url =
        link(url_text, &url_path).map_err(|err| warning(&url_path, err.message() + "; skipped"))?;

    let headline = match opt_text(item, path, "title") {
        Ok(Some(title)) => title,
        _ => first_line(item)
            .ok_or_else(|| warning(&at(path, "title"), "missing (and no content_text); skipped"))?,
    };

    let mut dropped = Vec::new();
    let image = ["image", "banner_image"]
        .iter()
        .find_map(|k| item.get(k).map(|v| (v, at(path, k))));
    let image = image.and_then(|(value, image_path)| {
        let checked = text(value)
            .ok_or_else(|| "is not a URL".to_string())
            .and_then(|url| link(url, &image_path).map_err(|err| err.message()));
        checked
            .map_err(|why| dropped.push(warning(&image_path, why + "; image dropped")))
            .ok()
    });
    let published = match item.get("date_published") {
        None | Some(Value::Null) => None,
        Some(value) => {
            let stamp = text(value).and_then(Timestamp::parse);
            if stamp.is_none() {
                dropped.push(warning(
                    &at(path, "date_published"),
                    "is not an RFC 3339 date-time; date dropped",
                ));
            }
            stamp
        }
    };
    let source = feed
        .title
        .clone()
        .or_else(|| author_names(item))
        .or_else(|| feed_authors.clone());
    Ok((
        RelatedItem {
            headline,
            url,
            image,
            source,
            published,
        },
        dropped,
    ))
}

/// The first non-empty line of `content_text`, shortened for a carousel card.
fn first_line(item: &Value) -> Option<String> {
    let content = item.get("content_text").and_then(text)?;
    let line = content
        .lines()
        .map(one_line)
        .find(|line| !line.is_empty())?;
    const MAX: usize = 140;
    if line.chars().count() <= MAX {
        return Some(line);
    }
    let cut: String = line.chars().take(MAX).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    Some(format!("{}…", cut.trim_end()))
}

/// `authors[].name` (1.1), else `author.name` (1.0), joined with commas.
fn author_names(node: &Value) -> Option<String> {
    let names: Vec<String> = match (node.get("authors"), node.get("author")) {
        (Some(Value::Array(authors)), _) => authors
            .iter()
            .filter_map(|a| a.get("name").and_then(text))
            .map(one_line)
            .collect(),
        (_, Some(author)) => author
            .get("name")
            .and_then(text)
            .map(one_line)
            .into_iter()
            .collect(),
        _ => Vec::new(),
    };
    let names: Vec<String> = names.into_iter().filter(|n| !n.is_empty()).collect();
    (!names.is_empty()).then(|| names.join(", "))
}

/// The `language` of a feed or item, when it is a tag this crate can read.
fn lang_of(node: &Value) -> Option<LangCode> {
    node.get("language")
        .and_then(text)
        .and_then(language_tag)
        .map(|(lang, _)| lang)
}
