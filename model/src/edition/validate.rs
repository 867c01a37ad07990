//! The rules of format v1 that span fields, and its size limits.

use super::{Block, Edition, EditionLink, ModelError};
use crate::url_check::is_absolute;

/// Longest headline accepted, in characters; longer is a broken export, not a headline.
pub const MAX_HEADLINE_CHARS: usize = 1_000;
/// Longest standfirst accepted, in characters.
pub const MAX_STANDFIRST_CHARS: usize = 5_000;
/// Most body blocks accepted.
pub const MAX_BLOCKS: usize = 2_000;
/// Most editions listed.
pub const MAX_EDITIONS: usize = 500;

/// Rules that involve more than one field, and the size limits.
pub(crate) fn validate(edition: &Edition) -> Result<(), ModelError> {
    if edition.headline.trim().is_empty() {
        return Err(ModelError::invalid("headline", "must not be empty"));
    }
    let too_long = |text: &str, limit: usize| text.chars().nth(limit).is_some();
    if too_long(&edition.headline, MAX_HEADLINE_CHARS) {
        let message = format!("is longer than {MAX_HEADLINE_CHARS} characters");
        return Err(ModelError::invalid("headline", message));
    }
    if edition
        .standfirst
        .as_deref()
        .is_some_and(|s| too_long(s, MAX_STANDFIRST_CHARS))
    {
        let message = format!("is longer than {MAX_STANDFIRST_CHARS} characters");
        return Err(ModelError::invalid("standfirst", message));
    }
    if edition.body.len() > MAX_BLOCKS {
        let message = format!("has more than {MAX_BLOCKS} blocks");
        return Err(ModelError::invalid("body", message));
    }
    if edition.editions.len() > MAX_EDITIONS {
        let message = format!("lists more than {MAX_EDITIONS} editions");
        return Err(ModelError::invalid("editions", message));
    }
    if edition.source.name.trim().is_empty() {
        return Err(ModelError::invalid("source.name", "must not be empty"));
    }
    if edition.body.is_empty() {
        return Err(ModelError::invalid("body", "must hold at least one block"));
    }
    // Quadratic, but bounded by MAX_BLOCKS and MAX_EDITIONS; a hash set costs the wasm more.
    for (index, block) in edition.body.iter().enumerate() {
        let Some(id) = block.id() else { continue };
        if id.is_empty() {
            return Err(ModelError::invalid(
                format!("body[{index}].id"),
                "must not be empty",
            ));
        }
        if edition.body[..index]
            .iter()
            .any(|earlier| earlier.id() == Some(id))
        {
            return Err(ModelError::invalid(
                format!("body[{index}].id"),
                format!("`{id}` is used by an earlier block"),
            ));
        }
    }
    if edition
        .body
        .iter()
        .all(|block| matches!(block, Block::Unknown))
    {
        return Err(ModelError::invalid(
            "body",
            "holds no block type this widget knows",
        ));
    }
    let lists = |links: &[EditionLink], lang: &str, country: &str| {
        links
            .iter()
            .any(|link| *link.lang == *lang && *link.country == *country)
    };
    for (index, link) in edition.editions.iter().enumerate() {
        if lists(&edition.editions[..index], &link.lang, &link.country) {
            return Err(ModelError::invalid(
                format!("editions[{index}]"),
                format!("{}-{} is listed twice", link.lang, link.country),
            ));
        }
    }
    if !lists(&edition.editions, &edition.lang, &edition.country) {
        return Err(ModelError::invalid(
            "editions",
            format!(
                "must list this edition itself ({}-{})",
                edition.lang, edition.country
            ),
        ));
    }
    if edition.url.as_deref().is_some_and(|url| !is_absolute(url)) {
        return Err(ModelError::invalid(
            "url",
            "must be an absolute http(s) URL, like https://news.example/article",
        ));
    }
    if let (Some(updated), Some(published)) = (&edition.updated, &edition.published) {
        if updated.unix_millis() < published.unix_millis() {
            return Err(ModelError::invalid(
                "updated",
                "is earlier than `published`",
            ));
        }
    }
    Ok(())
}
