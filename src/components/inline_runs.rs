use byline_model::state::ShownEdition;
use byline_model::typography::QuoteSmartener;
use byline_model::Inline;

use super::markup::{el, external_link, Markup};
use crate::api::ResolveLinks;

/// Appends the runs of one block to `block` as text, emphasis and links. Text is only ever
/// inserted as text.
pub fn inline_runs(mut block: Markup, runs: &[Inline], shown: &ShownEdition) -> Markup {
    let mut quotes = QuoteSmartener::new(&shown.edition.lang);
    for run in runs {
        let text = quotes.apply(run.text()).into_owned();
        let Inline::Styled(style) = run else {
            block = block.text(text);
            continue;
        };
        let mut node = None::<Markup>;
        let mut wrap = |outer: Markup| {
            node = Some(match node.take() {
                Some(inner) => outer.kid(inner),
                None => outer.text(text.clone()),
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
            None => block.text(text),
        };
    }
    block
}
