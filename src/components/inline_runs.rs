use byline_model::typography::QuoteSmartener;
use byline_model::Inline;

use super::EXTERNAL_REL;
use crate::dom::{el, Build};
use crate::state::ShownEdition;

/// Appends the runs of one block to `block` as text, emphasis and links. Text is only ever
/// inserted as text.
pub fn inline_runs(mut block: Build, runs: &[Inline], shown: &ShownEdition) -> Build {
    let mut quotes = QuoteSmartener::new(&shown.edition.lang);
    for run in runs {
        let text = quotes.apply(run.text());
        let Inline::Styled(style) = run else {
            block = block.text(&text);
            continue;
        };
        let mut node = None::<Build>;
        let mut wrap = |tag: &str, class: &str| {
            let outer = el(tag, class);
            node = Some(match node.take() {
                Some(inner) => outer.kid(inner),
                None => outer.text(&text),
            });
        };
        if style.em {
            wrap("em", "");
        }
        if style.strong {
            wrap("strong", "");
        }
        if let Some(href) = style.href.as_deref().and_then(|href| shown.resolve(href)) {
            wrap("a", "byline-link");
            node = node.map(|a| {
                a.attr("href", &href)
                    .attr("target", "_blank")
                    .attr("rel", EXTERNAL_REL)
            });
        }
        block = match node {
            Some(node) => block.kid(node),
            None => block.text(&text),
        };
    }
    block
}
