//! The widget's components, one per file. They read memos of the widget's state from the
//! [`WidgetStore`](crate::store::WidgetStore) they are given and dispatch the reader's actions
//! to it. (Passed as a prop rather than a context: contexts would add a hash map to the wasm.)
//!
//! Leptos writes an element whose attributes and children are all literals with `innerHTML`
//! (an "inert element"), which Trusted Types pages refuse: every element here has at least
//! one attribute given as a constant or an expression.

mod article_body;
mod article_header;
mod article_skeleton;
mod article_widget;
mod block_original;
mod compare_toggle;
mod edition_chrome;
mod edition_notice;
mod edition_pickers;
mod edition_view;
mod first_load;
mod html_block;
mod icons;
mod inline_runs;
mod listen_control;
mod load_error;
mod markup;
mod picker_select;
mod related_carousel;
mod share_control;
mod source_attribution;

pub use article_body::ArticleBody;
pub use article_header::ArticleHeader;
pub use article_skeleton::ArticleSkeleton;
pub use article_widget::ArticleWidget;
pub use listen_control::ListenControl;
pub use load_error::LoadErrorPanel;
pub use picker_select::{PickerOption, PickerSelect};
pub use related_carousel::RelatedCarousel;
pub use share_control::ShareControl;
