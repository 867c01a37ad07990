use byline_model::typography::QuoteSmartener;
use byline_model::Inline;

use super::external_link;
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
        let mut wrap = |outer: Build| {
            node = Some(match node.take() {
                Some(inner) => outer.kid(inner),
                None => outer.text(&text),
            });
        };
        if style.em {
            wrap(el("em", ""));
        }
        if style.strong {
            wrap(el("strong", ""));
        }
        if let Some(href) = style.href.as_deref().and_then(|href| shown.resolve(href)) {
            wrap(external_link("byline-link", Some(&href)));
        }
        block = match node {
            Some(node) => block.kid(node),
            None => block.text(&text),
        };
    }
    block
}
