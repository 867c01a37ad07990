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
pub mod parse;
pub mod retry;
pub mod timestamp;
pub mod typography;
pub mod url_check;

pub use edition::*;
pub use error::ModelError;
pub use parse::parse_edition;
