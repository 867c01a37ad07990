//! The widget's components, one per file: each builds its elements from an edition or the
//! widget's state ([`crate::state::State`]); the ones that change in place keep their elements
//! and have an `update`. Every change of state goes through [`crate::state::Widget`].

mod article_body;
mod article_header;
mod article_skeleton;
mod article_widget;
mod country_picker;
mod edition_notice;
mod edition_pickers;
mod html_block;
mod icons;
mod inline_runs;
mod language_picker;
mod load_error;
mod picker_select;
mod related_carousel;
mod source_attribution;

pub use article_widget::ArticleWidget;
pub use load_error::RETRY_CLASS;
pub use related_carousel::{RelatedCarousel, NEXT_CLASS, PREVIOUS_CLASS, TRACK_CLASS};

/// `rel` for links that leave the publisher's page: no opener access, no referrer.
pub(crate) const EXTERNAL_REL: &str = "noopener noreferrer";
