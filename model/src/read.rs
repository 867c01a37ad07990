//! The article format read from a [`Json`] document into the types of [`crate::edition`],
//! field by field. A problem comes back as a [`ModelError`] naming its JSON path, such as
//! `body[3].content`. Unknown fields are ignored; an optional field that is `null` is absent.

use crate::edition::{Block, Edition, EditionLink, Inline, RelatedItem, Source, StyledRun};
use crate::error::ModelError;
use crate::import::{ImportError, Warning};
use crate::json::{number_text, Json};
use crate::jsonfeed::{FeedEntry, RelatedFeed};
use crate::parse::FORMAT_VERSION;

/// Reads an edition (without the rules that span fields: see [`crate::parse::validate`]).
/// `version` is read first, so a document from a future format gets a version error instead
/// of a confusing complaint about some field that format renamed.
pub(crate) fn edition(doc: &Json) -> Result<Edition, ModelError> {
    let doc = Node::root(doc).object()?;
    let version = doc
        .present("version")
        .ok_or_else(|| doc.missing("version"))?;
    match version.value.as_f64() {
        Some(n) if n == FORMAT_VERSION as f64 => {}
        Some(n) => {
            return Err(ModelError::UnsupportedVersion {
                found: number_text(n),
            })
        }
        None => return Err(version.wrong_type("the number 1")),
    }
    Ok(Edition {
        id: doc.field("id")?.checked()?,
        lang: doc.field("lang")?.checked()?,
        country: doc.field("country")?.checked()?,
        headline: doc.field("headline")?.string()?,
        standfirst: doc.optional("standfirst", Node::string)?,
        published: doc.field("published")?.checked()?,
        updated: doc.optional("updated", Node::checked)?,
        authors: doc.optional_list("authors", Node::string)?,
        source: source(doc.field("source")?)?,
        body: doc.field("body")?.list(block)?,
        editions: doc.field("editions")?.list(edition_link)?,
        related: doc.optional_list("related", related_item)?,
        all_news_url: doc.optional("all_news_url", Node::checked)?,
    })
}

fn source(node: Node) -> Result<Source, ModelError> {
    let node = node.object()?;
    Ok(Source {
        name: node.field("name")?.string()?,
        url: node.field("url")?.checked()?,
        logo: node.optional("logo", Node::checked)?,
        original_lang: node.optional("original_lang", Node::checked)?,
    })
}

/// A block: `id` and `type` first, then the fields its type needs. A type from a newer
/// version of the format is skipped (like HTML skips unknown tags), whatever its fields.
fn block(node: Node) -> Result<Block, ModelError> {
    let node = node.object()?;
    let id = node.field("id")?.string()?;
    let kind = node.field("type")?.string()?;
    let content = || node.field("content")?.list(inline);
    let text = |key: &str| node.optional(key, Node::string);
    Ok(match kind.as_str() {
        "paragraph" => Block::Paragraph {
            id,
            content: content()?,
        },
        "heading" => Block::Heading {
            id,
            content: content()?,
        },
        "quote" => Block::Quote {
            id,
            content: content()?,
            cite: text("cite")?,
        },
        "image" => Block::Image {
            id,
            src: node.field("src")?.checked()?,
            alt: node.field("alt")?.string()?,
            caption: text("caption")?,
            credit: text("credit")?,
            width: node.optional("width", Node::pixels)?,
            height: node.optional("height", Node::pixels)?,
        },
        "html" => Block::Html {
            id,
            html: node.field("html")?.string()?,
        },
        _ => Block::Unknown,
    })
}

/// A run of text: a plain string, or an object with `text` and its styles.
fn inline(node: Node) -> Result<Inline, ModelError> {
    if let Json::String(text) = node.value {
        return Ok(Inline::Plain(text.clone()));
    }
    if !node.value.is_object() {
        return Err(node.wrong_type("a string or a map"));
    }
    Ok(Inline::Styled(StyledRun {
        text: node.field("text")?.string()?,
        em: node.optional("em", Node::bool)?.unwrap_or(false),
        strong: node.optional("strong", Node::bool)?.unwrap_or(false),
        href: node.optional("href", Node::checked)?,
    }))
}

fn edition_link(node: Node) -> Result<EditionLink, ModelError> {
    let node = node.object()?;
    Ok(EditionLink {
        lang: node.field("lang")?.checked()?,
        country: node.field("country")?.checked()?,
        url: node.field("url")?.checked()?,
    })
}

fn related_item(node: Node) -> Result<RelatedItem, ModelError> {
    let node = node.object()?;
    Ok(RelatedItem {
        headline: node.field("headline")?.string()?,
        url: node.field("url")?.checked()?,
        image: node.optional("image", Node::checked)?,
        source: node.optional("source", Node::string)?,
        published: node.optional("published", Node::checked)?,
    })
}

/// Reads a mapped feed as [`crate::write::write_feed`] wrote it.
pub fn read_feed(doc: &Json) -> Result<RelatedFeed, ModelError> {
    let doc = Node::root(doc).object()?;
    Ok(RelatedFeed {
        title: doc.optional("title", Node::string)?,
        home_page_url: doc.optional("home_page_url", Node::checked)?,
        entries: doc.optional_list("entries", |node| {
            let node = node.object()?;
            Ok(FeedEntry {
                item: related_item(node.field("item")?)?,
                lang: node.optional("lang", Node::checked)?,
            })
        })?,
        warnings: doc.optional_list("warnings", |node| {
            let node = node.object()?;
            Ok(Warning {
                path: node.field("path")?.string()?,
                message: node.field("message")?.string()?,
            })
        })?,
    })
}

/// Reads an import error as [`crate::write::write_import_error`] wrote it.
pub fn read_import_error(doc: &Json) -> Result<ImportError, ModelError> {
    let doc = Node::root(doc).object()?;
    let text = |key: &str| doc.field(key)?.string();
    let count = |key: &str| -> Result<usize, ModelError> {
        let node = doc.field(key)?;
        node.value
            .as_u32()
            .map(|n| n as usize)
            .ok_or_else(|| node.wrong_type("a whole number"))
    };
    let kind = text("kind")?;
    Ok(match kind.as_str() {
        "syntax" => ImportError::Syntax {
            line: count("line")?,
            column: count("column")?,
            message: text("message")?,
        },
        "no-article" => ImportError::NoArticle,
        "not-a-feed" => ImportError::NotAFeed {
            path: text("path")?,
            message: text("message")?,
        },
        "missing" => ImportError::Missing {
            path: text("path")?,
        },
        "wrong-type" => ImportError::WrongType {
            path: text("path")?,
            expected: text("expected")?,
        },
        "invalid" => ImportError::Invalid {
            path: text("path")?,
            message: text("message")?,
        },
        other => {
            return Err(ModelError::invalid(
                "kind",
                format!("`{other}` is not an import error kind"),
            ))
        }
    })
}

/// A value of the document and its path (`""` for the document itself).
struct Node<'a> {
    value: &'a Json,
    path: String,
}

impl<'a> Node<'a> {
    fn root(value: &'a Json) -> Self {
        Node {
            value,
            path: String::new(),
        }
    }

    /// This node, if it is an object (whose fields are then read by name).
    fn object(self) -> Result<Self, ModelError> {
        if self.value.is_object() {
            Ok(self)
        } else {
            Err(self.wrong_type("a map"))
        }
    }

    /// The required field `key` of this object.
    fn field(&self, key: &str) -> Result<Node<'a>, ModelError> {
        match self.value.get(key) {
            Some(value) => Ok(self.child(key, value)),
            None => Err(self.missing(key)),
        }
    }

    /// The field `key` of this object, unless it is absent or `null`.
    fn present(&self, key: &str) -> Option<Node<'a>> {
        let value = self.value.get(key).filter(|value| !value.is_null())?;
        Some(self.child(key, value))
    }

    /// The optional field `key` of this object, read by `read` when present.
    fn optional<T>(
        &self,
        key: &str,
        read: impl FnOnce(Node<'a>) -> Result<T, ModelError>,
    ) -> Result<Option<T>, ModelError> {
        self.present(key).map(read).transpose()
    }

    /// The optional list `key` of this object, read item by item; absent is empty.
    fn optional_list<T>(
        &self,
        key: &str,
        read: impl Fn(Node<'a>) -> Result<T, ModelError>,
    ) -> Result<Vec<T>, ModelError> {
        Ok(self
            .optional(key, |list| list.list(read))?
            .unwrap_or_default())
    }

    /// This array, read item by item.
    fn list<T>(
        self,
        read: impl Fn(Node<'a>) -> Result<T, ModelError>,
    ) -> Result<Vec<T>, ModelError> {
        let Some(items) = self.value.as_array() else {
            return Err(self.wrong_type("a sequence"));
        };
        items
            .iter()
            .enumerate()
            .map(|(index, value)| {
                read(Node {
                    value,
                    path: format!("{}[{index}]", self.path),
                })
            })
            .collect()
    }

    fn string(self) -> Result<String, ModelError> {
        match self.value {
            Json::String(text) => Ok(text.clone()),
            _ => Err(self.wrong_type("a string")),
        }
    }

    /// A string that must pass a check (codes, times, URLs): [`ModelError::Invalid`] if not.
    fn checked<T: TryFrom<String, Error = String>>(self) -> Result<T, ModelError> {
        let path = self.path.clone();
        T::try_from(self.string()?).map_err(|message| ModelError::Invalid { path, message })
    }

    fn bool(self) -> Result<bool, ModelError> {
        self.value
            .as_bool()
            .ok_or_else(|| self.wrong_type("a boolean"))
    }

    /// An image's width or height in pixels.
    fn pixels(self) -> Result<u32, ModelError> {
        match self.value {
            Json::Number(n) => self.value.as_u32().ok_or_else(|| ModelError::Invalid {
                path: self.path.clone(),
                message: format!("`{}` is not a whole number of pixels", number_text(*n)),
            }),
            _ => Err(self.wrong_type("a whole number")),
        }
    }

    fn child(&self, key: &str, value: &'a Json) -> Node<'a> {
        Node {
            value,
            path: self.child_path(key),
        }
    }

    fn child_path(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_string()
        } else {
            format!("{}.{key}", self.path)
        }
    }

    fn missing(&self, key: &str) -> ModelError {
        ModelError::MissingField {
            path: self.child_path(key),
        }
    }

    /// Worded as serde worded it: `invalid type: string "…", expected a sequence`.
    fn wrong_type(&self, expected: &str) -> ModelError {
        let found = match self.value {
            Json::String(text) => format!("string {text:?}"),
            Json::Bool(b) => format!("boolean `{b}`"),
            Json::Number(n) => format!("number `{}`", number_text(*n)),
            other => other.kind().to_string(),
        };
        ModelError::WrongType {
            path: self.path.clone(),
            message: format!("invalid type: {found}, expected {expected}"),
        }
    }
}
