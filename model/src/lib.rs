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
pub mod jsonfeed;
pub mod jsonld;
pub mod parse;
pub mod retry;
pub mod sanitize_policy;
pub mod timestamp;
pub mod typography;
pub mod url_check;

pub use edition::*;
pub use error::ModelError;
pub use import::{ImportError, Warning};
pub use jsonfeed::{map_json_feed, map_json_feed_str, RelatedFeed};
pub use jsonld::{map_jsonld, map_jsonld_scripts, map_jsonld_str, JsonLdOptions, MappedArticle};
pub use parse::parse_edition;
