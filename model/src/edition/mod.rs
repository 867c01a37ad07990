//! The article format, version 1 (`docs/format.md`), as Rust types that serde reads and
//! writes in that format, from and to any serde data format: `serde_json` natively,
//! serde-wasm-bindgen (the browser's `JSON.parse` result) in the widget.
//!
//! [`read_edition`] reads one (`read.rs`): the `version`, then the edition, whose field-level
//! rules (codes, times, URL schemes, pixel sizes) are the `Deserialize` impls of the checked
//! types (`checked.rs`), then the rules that span fields (`validate.rs`). Unknown fields are
//! ignored and an optional field that is `null` is absent. Errors become [`ModelError`]s in
//! `error.rs`. [`read_mapped_edition`] reads what the formats module mapped from JSON-LD the
//! same way, except that it may have no `published`.

mod checked;
pub mod choice;
mod error;
mod read;
mod validate;

use serde::de::value::MapAccessDeserializer;
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};

use crate::timestamp::Timestamp;
use crate::url_check::LinkUrl;
use checked::Pixels;
use read::{
    is_false, list, null_as_default, object, object_list, optional_list, optional_object_list,
    List, Object,
};

pub use checked::{
    ArticleId, CountryCode, FormatVersion, LangCode, FORMAT_VERSION, NO_COUNTRY, UNDETERMINED_LANG,
};
#[cfg(feature = "import")]
pub(crate) use error::json_syntax;
pub(crate) use error::position;
pub use error::ModelError;
#[cfg(feature = "json")]
pub use read::parse_edition;
pub use read::{check_nesting, read_edition, read_mapped_edition, MAX_NESTING};
pub(crate) use validate::validate;
pub use validate::{MAX_BLOCKS, MAX_EDITIONS, MAX_HEADLINE_CHARS, MAX_STANDFIRST_CHARS};

/// One edition of an article: the article in one language, for one country.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Edition {
    /// Always 1 (`"version": 1`).
    pub version: FormatVersion,
    pub id: ArticleId,
    pub lang: LangCode,
    pub country: CountryCode,
    pub headline: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub standfirst: Option<String>,
    /// First publication. Required in format v1: [`read_edition`] refuses a document without
    /// it. Only an edition mapped from JSON-LD may have none (schema.org requires no date, and
    /// some pages give none): the formats module writes it without `published`, the widget
    /// reads that with [`read_mapped_edition`] and shows no date line. An `Option` here rather
    /// than a second edition type, so the widget, the validator's `--emit` and the mapping
    /// share one type, and every reader of the date has to say what happens without one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<Timestamp>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated: Option<Timestamp>,
    #[serde(default, deserialize_with = "optional_list")]
    pub authors: Vec<String>,
    #[serde(deserialize_with = "object")]
    pub source: Source,
    #[serde(deserialize_with = "list")]
    pub body: Vec<Block>,
    #[serde(deserialize_with = "object_list")]
    pub editions: Vec<EditionLink>,
    #[serde(default, deserialize_with = "optional_object_list")]
    pub related: Vec<RelatedItem>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub all_news_url: Option<LinkUrl>,
    /// The canonical URL of this edition's page (absolute http(s)): what readers share.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<LinkUrl>,
}

impl Edition {
    /// True when the edition is a teaser: its body links to the whole article elsewhere.
    pub fn is_teaser(&self) -> bool {
        self.body
            .iter()
            .any(|block| matches!(block, Block::More { .. }))
    }

    /// What a reader shares: the edition's own page (`url`), else the original article
    /// (`source.url`, which may be relative to the edition's document).
    pub fn share_url(&self) -> &str {
        self.url.as_deref().unwrap_or(&self.source.url)
    }

    /// True when this edition is a translation of an original in another language.
    pub fn translated_from(&self) -> Option<&LangCode> {
        self.source
            .original_lang
            .as_ref()
            .filter(|original| **original != self.lang)
    }
}

/// The outlet the article comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub name: String,
    pub url: LinkUrl,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub logo: Option<LinkUrl>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub original_lang: Option<LangCode>,
}

/// A block of the article body. `id` is the same in every edition of the article. Written
/// with its `type`; read by [`Block::deserialize`].
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Block {
    Paragraph {
        id: String,
        content: Vec<Inline>,
    },
    Heading {
        id: String,
        content: Vec<Inline>,
    },
    Quote {
        id: String,
        content: Vec<Inline>,
        #[serde(skip_serializing_if = "Option::is_none")]
        cite: Option<String>,
    },
    Image {
        id: String,
        src: LinkUrl,
        alt: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        caption: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        credit: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        width: Option<u32>,
        #[serde(skip_serializing_if = "Option::is_none")]
        height: Option<u32>,
    },
    /// Article HTML from a CMS export. Rendered only through the widget's sanitizer.
    Html {
        id: String,
        html: String,
    },
    /// The link to the whole article, "Read the whole article": what makes an edition a
    /// teaser.
    More {
        id: String,
        href: LinkUrl,
    },
    /// A block type from a newer version of the format: skipped, like HTML skips unknown tags.
    /// Written as `{"type": "unknown"}`, which reads back as this.
    Unknown,
}

impl Block {
    pub fn id(&self) -> Option<&str> {
        match self {
            Block::Paragraph { id, .. }
            | Block::Heading { id, .. }
            | Block::Quote { id, .. }
            | Block::Image { id, .. }
            | Block::Html { id, .. }
            | Block::More { id, .. } => Some(id),
            Block::Unknown => None,
        }
    }
}

/// Every field a block of format v1 may have; which of them its `type` needs is decided in
/// [`BlockFields::into_block`]. One flat struct, not serde's internally tagged enum, which
/// would buffer the block and lose the path of errors inside it. So a field of format v1 is
/// checked against its type in every block (a future block type may add fields, not give
/// these another shape), and a block of an unknown type needs nothing but its `type`.
#[derive(Deserialize)]
struct BlockFields {
    id: Option<String>,
    #[serde(rename = "type")]
    kind: String,
    content: Option<List<Inline>>,
    cite: Option<String>,
    src: Option<LinkUrl>,
    alt: Option<String>,
    caption: Option<String>,
    credit: Option<String>,
    width: Option<Pixels>,
    height: Option<Pixels>,
    html: Option<String>,
    href: Option<LinkUrl>,
}

impl BlockFields {
    /// The block these fields make; `Err` is a field its type needs and the block lacks.
    fn into_block(self) -> Result<Block, &'static str> {
        let kind = self.kind.as_str();
        if !matches!(
            kind,
            "paragraph" | "heading" | "quote" | "image" | "html" | "more"
        ) {
            return Ok(Block::Unknown);
        }
        let id = self.id.ok_or("id")?;
        let content = self.content.map(|List(runs)| runs).ok_or("content");
        Ok(match kind {
            "paragraph" => Block::Paragraph {
                id,
                content: content?,
            },
            "heading" => Block::Heading {
                id,
                content: content?,
            },
            "quote" => Block::Quote {
                id,
                content: content?,
                cite: self.cite,
            },
            "image" => Block::Image {
                id,
                src: self.src.ok_or("src")?,
                alt: self.alt.ok_or("alt")?,
                caption: self.caption,
                credit: self.credit,
                width: self.width.map(|Pixels(n)| n),
                height: self.height.map(|Pixels(n)| n),
            },
            "more" => Block::More {
                id,
                href: self.href.ok_or("href")?,
            },
            _ => Block::Html {
                id,
                html: self.html.ok_or("html")?,
            },
        })
    }
}

impl<'de> Deserialize<'de> for Block {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let Object(fields) = Object::<BlockFields>::deserialize(deserializer)?;
        fields.into_block().map_err(de::Error::missing_field)
    }
}

/// A run of text inside a block: plain, or with emphasis, strong emphasis and/or a link.
/// Written as a string or a map; read by [`Inline::deserialize`].
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Inline {
    Plain(String),
    Styled(StyledRun),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StyledRun {
    pub text: String,
    #[serde(
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "is_false"
    )]
    pub em: bool,
    #[serde(
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "is_false"
    )]
    pub strong: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub href: Option<LinkUrl>,
}

impl Inline {
    pub fn text(&self) -> &str {
        match self {
            Inline::Plain(text) => text,
            Inline::Styled(run) => &run.text,
        }
    }
}

/// A string, or a map read as a [`StyledRun`] (the map handed on as it is, so errors inside it
/// keep their path).
impl<'de> Deserialize<'de> for Inline {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct InlineVisitor;

        impl<'de> Visitor<'de> for InlineVisitor {
            type Value = Inline;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a string or a map")
            }

            fn visit_str<E: de::Error>(self, text: &str) -> Result<Inline, E> {
                Ok(Inline::Plain(text.to_string()))
            }

            fn visit_string<E: de::Error>(self, text: String) -> Result<Inline, E> {
                Ok(Inline::Plain(text))
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Inline, A::Error> {
                StyledRun::deserialize(MapAccessDeserializer::new(map)).map(Inline::Styled)
            }
        }

        deserializer.deserialize_any(InlineVisitor)
    }
}

/// Where another edition of the same article can be fetched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditionLink {
    pub lang: LangCode,
    pub country: CountryCode,
    pub url: LinkUrl,
}

/// An item of the related-news carousel.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RelatedItem {
    pub headline: String,
    pub url: LinkUrl,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image: Option<LinkUrl>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<Timestamp>,
}
