//! schema.org `NewsArticle` JSON-LD, as news sites already publish it for search engines, mapped
//! to a Byline [`Edition`] (see `docs/formats.md` for the field-by-field table).
//!
//! The mapping is lenient where publishers' markup commonly varies (text as `@value` objects,
//! HTML in `articleBody`, dates without a zone, `@id` references into an `@graph`) and strict
//! where a guess would show readers something wrong (a wrong type, an unsafe URL): those are
//! [`ImportError`](super::ImportError)s naming the JSON path. What it skips or guesses is
//! reported as a [`Warning`]. The mapping itself needs the `import` feature.

use serde::{Deserialize, Serialize};

use super::Warning;
use crate::edition::Edition;

#[cfg(feature = "import")]
mod map;
#[cfg(feature = "import")]
pub use map::{map_jsonld, map_jsonld_documents, map_jsonld_scripts, map_jsonld_str};

/// What the page around the JSON-LD knows and the JSON-LD may not say.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct JsonLdOptions {
    /// The article id (`data-id`). Without it the id is made from the last segment of the
    /// article's URL, else from the headline, else it is `article`.
    pub id: Option<String>,
    /// Language tag to use when the article has no `inLanguage` (`data-lang`, `<html lang>`).
    /// Without one (and without the page's own hreflang link), the language is undetermined,
    /// `und`, with a warning.
    pub default_lang: Option<String>,
    /// Country to use when the language tag has no region (`data-country`). Without one, the
    /// edition is for no particular country (`ZZ`), with a warning: a made-up country would
    /// reach the picker.
    pub default_country: Option<String>,
    /// The URL of the page the JSON-LD came from: this edition's entry in `editions`.
    pub page_url: Option<String>,
    /// `(hreflang, href)` of the page's `<link rel="alternate" hreflang>` elements: the other
    /// editions. `x-default` is ignored; a tag without a region gets `default_country`.
    pub alternates: Vec<(String, String)>,
    /// For JSON-LD read from an HTML page: the page's `<link rel="canonical">`, else its
    /// address; the edition's `url` when the article names none. `None` for a JSON-LD
    /// document, which is no page to share.
    pub canonical_url: Option<String>,
}

/// An article mapped from JSON-LD: a valid [`Edition`] and what the edition has no place for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MappedArticle {
    pub edition: Edition,
    /// `alternativeHeadline` (also the standfirst when there is no `description`).
    pub alternative_headline: Option<String>,
    /// `isAccessibleForFree`: `Some(false)` for paywalled articles.
    pub accessible_for_free: Option<bool>,
    /// What was skipped or guessed, with its path.
    pub warnings: Vec<Warning>,
}
