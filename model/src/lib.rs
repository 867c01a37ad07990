//! Byline's article model and the pure logic behind the widget.
//!
//! Nothing here touches the DOM, so all of it is tested natively with `cargo test`.
//! The widget crate renders what this crate has read, validated and computed.
//!
//! - [`edition`]: the article format as types that serde reads and writes, their validation
//!   with typed errors naming the field, and edition choice.
//! - [`import`]: schema.org JSON-LD and JSON Feed mapped to the format (the mappings with the
//!   `import` feature), their errors and warnings.
//! - configuration, image hosts, carousel arithmetic, reading time, reading aloud, retries, the
//!   sanitizer's policy, timestamps, typography, URL checks and UI strings ([`i18n`]) in a module
//!   each.
//!
//! Features: `json` reads JSON text (`parse_edition`); `import` adds the mappings. Both use
//! `serde_json`; the widget leaves them off and reads what the browser's `JSON.parse` made.

pub mod carousel;
pub mod compare;
pub mod config;
pub mod content_type;
pub mod edition;
pub mod i18n;
pub mod image_hosts;
pub mod import;
pub mod listen;
mod number_text;
pub mod reading_time;
pub mod retry;
pub mod sanitize_policy;
pub mod state;
pub mod timestamp;
pub mod typography;
pub mod url_check;

pub use edition::choice as edition_choice;
pub use edition::*;
pub use import::jsonfeed::{FeedEntry, RelatedFeed};
pub use import::jsonld::{JsonLdOptions, MappedArticle};
#[cfg(feature = "import")]
pub use import::xmlfeed;
#[cfg(feature = "xml")]
pub use import::xmlfeed::map_xml_feed_str;
#[cfg(feature = "import")]
pub use import::{
    html::{read_page_markup, PageMarkup},
    jsonfeed::{map_json_feed, map_json_feed_str},
    jsonld::{map_jsonld, map_jsonld_documents, map_jsonld_scripts, map_jsonld_str},
    xmlfeed::{feed_kind, looks_like_xml_feed, map_xml_feed, FeedKind, XmlElement},
};
pub use import::{jsonfeed, jsonld, ImportError, Warning};
