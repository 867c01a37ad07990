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

use crate::dom::{el, Build};

/// A link that leaves the publisher's page: a new tab, no opener access, no referrer.
pub(crate) fn external_link(class: &str, href: Option<&str>) -> Build {
    el("a", class)
        .maybe_attr("href", href)
        .attr("target", "_blank")
        .attr("rel", "noopener noreferrer")
}

/// An image named by the article's data: its request tells the image host the page's origin
/// at most, never the page's URL.
pub(crate) fn image(class: &str, src: &str) -> Build {
    el("img", class)
        .attr("referrerpolicy", "strict-origin-when-cross-origin")
        .attr("src", src)
}
