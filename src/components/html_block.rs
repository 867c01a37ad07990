use crate::dom::{document, el, Build};
use crate::sanitize::sanitize_html;
use crate::state::ShownEdition;

/// A block of article HTML, shown only after the sanitizer has rebuilt it.
pub fn html_block(id: &str, html: &str, shown: &ShownEdition) -> Build {
    let block = el("div", "byline-html").attr("data-block-id", id);
    match document() {
        Some(document) => block.child(&sanitize_html(html, &document, &|url| shown.resolve(url))),
        None => block,
    }
}
