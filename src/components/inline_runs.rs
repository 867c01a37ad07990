use byline_model::typography::QuoteSmartener;
use byline_model::Inline;
use leptos::prelude::*;

use super::EXTERNAL_REL;
use crate::state::ShownEdition;

/// The runs of one block as text, emphasis and links. Text is only ever inserted as text.
pub fn inline_runs(runs: &[Inline], shown: &ShownEdition) -> impl IntoView {
    let mut quotes = QuoteSmartener::new(&shown.edition.lang);
    runs.iter()
        .map(|run| {
            let text = quotes.apply(run.text()).into_owned();
            let Inline::Styled(style) = run else {
                return text.into_any();
            };
            let mut node = text.into_any();
            if style.em {
                node = view! { <em>{node}</em> }.into_any();
            }
            if style.strong {
                node = view! { <strong>{node}</strong> }.into_any();
            }
            match style.href.as_deref().and_then(|href| shown.resolve(href)) {
                Some(href) => view! {
                    <a class="byline-link" href=href target="_blank" rel=EXTERNAL_REL>{node}</a>
                }
                .into_any(),
                None => node,
            }
        })
        .collect_view()
}
