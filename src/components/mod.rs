//! The widget's components, one per file. They read [`crate::state::WidgetState`] from context
//! and render; every change of state goes through its methods.

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

/// The language the widget's own words are in, shared by all its components.
#[derive(Clone, Copy)]
pub(crate) struct UiLang(pub leptos::prelude::Memo<String>);

/// `rel` for links that leave the publisher's page: no opener access, no referrer.
pub(crate) const EXTERNAL_REL: &str = "noopener noreferrer";
