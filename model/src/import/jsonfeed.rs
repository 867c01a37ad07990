//! JSON Feed 1.0 / 1.1 (<https://jsonfeed.org/version/1.1>) as a source of related news: each
//! usable item becomes a [`RelatedItem`] for the carousel.
//!
//! One bad item must not cost the reader the whole carousel, so items without a usable URL or
//! title are skipped and reported as [`Warning`]s; only a document that is not a feed at all,
//! or whose `items` is not a list, is an [`ImportError`](super::ImportError). The mapping
//! itself needs the `import` feature.

use serde::{Deserialize, Serialize};

use super::Warning;
use crate::edition::{LangCode, RelatedItem};
use crate::url_check::LinkUrl;

#[cfg(feature = "import")]
mod map;
#[cfg(feature = "import")]
pub use map::{map_json_feed, map_json_feed_str};

/// A feed's usable items, in feed order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RelatedFeed {
    /// The feed's `title`, also each item's `source`.
    pub title: Option<String>,
    /// The feed's `home_page_url`: a candidate for the edition's "all news" link.
    pub home_page_url: Option<LinkUrl>,
    pub entries: Vec<FeedEntry>,
    /// Items skipped and values dropped, with their paths (`items[2].url: …`).
    pub warnings: Vec<Warning>,
}

/// One item and its language (the item's `language`, else the feed's).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FeedEntry {
    pub item: RelatedItem,
    pub lang: Option<LangCode>,
}

impl RelatedFeed {
    /// The items for an edition in `lang`: those in that language and those that declare none
    /// (a multilingual feed then serves every edition with its own items).
    pub fn items_for(&self, lang: &LangCode) -> Vec<RelatedItem> {
        self.entries
            .iter()
            .filter(|entry| entry.lang.as_ref().is_none_or(|l| l == lang))
            .map(|entry| entry.item.clone())
            .collect()
    }

    /// Every item, whatever its language.
    pub fn items(&self) -> Vec<RelatedItem> {
        self.entries
            .iter()
            .map(|entry| entry.item.clone())
            .collect()
    }
}
