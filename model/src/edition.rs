//! The article JSON format, version 1 (`docs/format.md`), as Rust types.
//!
//! Field-level rules (codes, times, URL schemes) are enforced while deserializing, through the
//! `try_from` newtypes below, so serde reports them with the path of the offending field.
//! Rules that span fields live in [`crate::parse`].

use serde::Deserialize;

use crate::timestamp::Timestamp;
use crate::url_check::LinkUrl;

/// One edition of an article: the article in one language, for one country.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Edition {
    pub id: ArticleId,
    pub lang: LangCode,
    pub country: CountryCode,
    pub headline: String,
    #[serde(default)]
    pub standfirst: Option<String>,
    pub published: Timestamp,
    #[serde(default)]
    pub updated: Option<Timestamp>,
    #[serde(default)]
    pub authors: Vec<String>,
    pub source: Source,
    pub body: Vec<Block>,
    pub editions: Vec<EditionLink>,
    #[serde(default)]
    pub related: Vec<RelatedItem>,
    #[serde(default)]
    pub all_news_url: Option<LinkUrl>,
}

impl Edition {
    /// True when this edition is a translation of an original in another language.
    pub fn translated_from(&self) -> Option<&LangCode> {
        self.source
            .original_lang
            .as_ref()
            .filter(|original| **original != self.lang)
    }
}

/// The outlet the article comes from.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Source {
    pub name: String,
    pub url: LinkUrl,
    #[serde(default)]
    pub logo: Option<LinkUrl>,
    #[serde(default)]
    pub original_lang: Option<LangCode>,
}

/// A block of the article body. `id` is the same in every edition of the article.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(try_from = "RawBlock")]
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
        cite: Option<String>,
    },
    Image {
        id: String,
        src: LinkUrl,
        alt: String,
        caption: Option<String>,
        credit: Option<String>,
        width: Option<u32>,
        height: Option<u32>,
    },
    /// Article HTML from a CMS export. Rendered only through the widget's sanitizer.
    Html {
        id: String,
        html: String,
    },
    /// A block type from a newer version of the format: skipped, like HTML skips unknown tags.
    Unknown,
}

/// A block as written, before its `type` says which fields it needs. A flat struct (rather
/// than a serde-tagged enum) keeps the exact path of a wrong field in error messages.
#[derive(Deserialize)]
struct RawBlock {
    id: String,
    #[serde(rename = "type")]
    kind: String,
    content: Option<Vec<Inline>>,
    cite: Option<String>,
    src: Option<LinkUrl>,
    alt: Option<String>,
    caption: Option<String>,
    credit: Option<String>,
    width: Option<u32>,
    height: Option<u32>,
    html: Option<String>,
}

impl TryFrom<RawBlock> for Block {
    type Error = String;
    fn try_from(raw: RawBlock) -> Result<Block, String> {
        // Same wording as serde's own, so the error names the field the same way.
        fn required<T>(value: Option<T>, field: &str) -> Result<T, String> {
            value.ok_or_else(|| format!("missing field `{field}`"))
        }
        let id = raw.id;
        Ok(match raw.kind.as_str() {
            "paragraph" => Block::Paragraph {
                id,
                content: required(raw.content, "content")?,
            },
            "heading" => Block::Heading {
                id,
                content: required(raw.content, "content")?,
            },
            "quote" => Block::Quote {
                id,
                content: required(raw.content, "content")?,
                cite: raw.cite,
            },
            "image" => Block::Image {
                id,
                src: required(raw.src, "src")?,
                alt: required(raw.alt, "alt")?,
                caption: raw.caption,
                credit: raw.credit,
                width: raw.width,
                height: raw.height,
            },
            "html" => Block::Html {
                id,
                html: required(raw.html, "html")?,
            },
            _ => Block::Unknown,
        })
    }
}

impl Block {
    pub fn id(&self) -> Option<&str> {
        match self {
            Block::Paragraph { id, .. }
            | Block::Heading { id, .. }
            | Block::Quote { id, .. }
            | Block::Image { id, .. }
            | Block::Html { id, .. } => Some(id),
            Block::Unknown => None,
        }
    }
}

/// A run of text inside a block: plain, or with emphasis, strong emphasis and/or a link.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum Inline {
    Plain(String),
    Styled(StyledRun),
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct StyledRun {
    pub text: String,
    #[serde(default)]
    pub em: bool,
    #[serde(default)]
    pub strong: bool,
    #[serde(default)]
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

/// Where another edition of the same article can be fetched.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct EditionLink {
    pub lang: LangCode,
    pub country: CountryCode,
    pub url: LinkUrl,
}

/// An item of the related-news carousel.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct RelatedItem {
    pub headline: String,
    pub url: LinkUrl,
    #[serde(default)]
    pub image: Option<LinkUrl>,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub published: Option<Timestamp>,
}

macro_rules! checked_string {
    ($(#[$doc:meta])* $name:ident, $check:expr, $what:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
        #[serde(try_from = "String")]
        pub struct $name(String);

        impl TryFrom<String> for $name {
            type Error = String;
            fn try_from(value: String) -> Result<Self, String> {
                let check: fn(&str) -> bool = $check;
                if check(&value) {
                    Ok($name(value))
                } else {
                    Err(format!(concat!("`{}` is not ", $what), value.chars().take(40).collect::<String>()))
                }
            }
        }

        impl std::ops::Deref for $name {
            type Target = str;
            fn deref(&self) -> &str {
                &self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.0 == *other
            }
        }
    };
}

checked_string!(
    /// A lowercase ISO 639 language code such as `de` or `uk`.
    LangCode,
    |s| (2..=3).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_lowercase()),
    "a lowercase ISO 639 language code like `de`"
);
checked_string!(
    /// An uppercase ISO 3166-1 alpha-2 country code such as `MX`.
    CountryCode,
    |s| s.len() == 2 && s.bytes().all(|b| b.is_ascii_uppercase()),
    "an uppercase ISO 3166-1 country code like `MX`"
);
checked_string!(
    /// The article's id, shared by all its editions.
    ArticleId,
    |s| (1..=200).contains(&s.len())
        && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
    "an article id (1 to 200 of a-z, 0-9 and -)"
);

impl LangCode {
    /// For tests and tables: panics on a bad literal, which is a programming error.
    pub fn new(code: &str) -> Self {
        Self::try_from(code.to_string()).expect("valid language code literal")
    }
}

impl CountryCode {
    /// For tests and tables: panics on a bad literal, which is a programming error.
    pub fn new(code: &str) -> Self {
        Self::try_from(code.to_string()).expect("valid country code literal")
    }
}
