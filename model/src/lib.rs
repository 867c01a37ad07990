//! Byline's article model and the pure logic behind the widget.
//!
//! Nothing here touches the DOM, so all of it is tested natively with `cargo test`.
//! The widget crate renders what this crate has parsed, validated and computed.

pub mod carousel;
pub mod config;
pub mod edition;
pub mod edition_choice;
pub mod error;
pub mod i18n;
pub mod import;
pub mod json;
#[cfg(feature = "text")]
mod json_text;
pub mod jsonfeed;
pub mod jsonld;
pub mod parse;
mod read;
pub mod retry;
pub mod sanitize_policy;
pub mod state;
pub mod timestamp;
pub mod typography;
pub mod url_check;
pub mod write;

pub use edition::*;
pub use error::ModelError;
pub use import::{ImportError, Warning};
pub use json::{Json, SyntaxError};
#[cfg(feature = "text")]
pub use jsonfeed::map_json_feed_str;
pub use jsonfeed::{map_json_feed, RelatedFeed};
pub use jsonld::{map_jsonld, map_jsonld_documents, JsonLdOptions, MappedArticle};
#[cfg(feature = "text")]
pub use jsonld::{map_jsonld_scripts, map_jsonld_str};
#[cfg(feature = "text")]
pub use parse::parse_edition;
pub use parse::read_edition;
pub use read::{read_feed, read_import_error};
pub use write::{write_edition, write_feed, write_import_error};
