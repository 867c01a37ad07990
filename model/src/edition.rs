//! The article JSON format, version 1 (`docs/format.md`), as Rust types.
//!
//! Field-level rules (codes, times, URL schemes) are the `TryFrom<String>` of the newtypes
//! below, which [`crate::read`] applies to each field so errors name its path. Rules that span
//! fields live in [`crate::parse`].

use crate::timestamp::Timestamp;
use crate::url_check::LinkUrl;

/// One edition of an article: the article in one language, for one country.
#[derive(Debug, Clone, PartialEq)]
pub struct Edition {
    pub id: ArticleId,
    pub lang: LangCode,
    pub country: CountryCode,
    pub headline: String,
    pub standfirst: Option<String>,
    pub published: Timestamp,
    pub updated: Option<Timestamp>,
    pub authors: Vec<String>,
    pub source: Source,
    pub body: Vec<Block>,
    pub editions: Vec<EditionLink>,
    pub related: Vec<RelatedItem>,
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
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub name: String,
    pub url: LinkUrl,
    pub logo: Option<LinkUrl>,
    pub original_lang: Option<LangCode>,
}

/// A block of the article body. `id` is the same in every edition of the article.
#[derive(Debug, Clone, PartialEq)]
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
#[derive(Debug, Clone, PartialEq)]
pub enum Inline {
    Plain(String),
    Styled(StyledRun),
}

#[derive(Debug, Clone, PartialEq)]
pub struct StyledRun {
    pub text: String,
    pub em: bool,
    pub strong: bool,
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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditionLink {
    pub lang: LangCode,
    pub country: CountryCode,
    pub url: LinkUrl,
}

/// An item of the related-news carousel.
#[derive(Debug, Clone, PartialEq)]
pub struct RelatedItem {
    pub headline: String,
    pub url: LinkUrl,
    pub image: Option<LinkUrl>,
    pub source: Option<String>,
    pub published: Option<Timestamp>,
}

macro_rules! checked_string {
    ($(#[$doc:meta])* $name:ident, $check:expr, $what:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
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
