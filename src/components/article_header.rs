use byline_model::i18n::{self, Direction};
use byline_model::state::ShownEdition;
use byline_model::timestamp::Timestamp;
use byline_model::typography::smarten_quotes;
use leptos::prelude::*;

use super::markup::el;
use crate::intl::format_date_time;

/// Headline, standfirst and the publication times, with labels in the widget's language.
#[component]
pub fn ArticleHeader(
    shown: ShownEdition,
    /// The language of the widget's own words.
    ui: String,
) -> impl IntoView {
    let labels = i18n::labels(&ui);
    let edition = &shown.edition;
    let lang = &edition.lang;
    let time = |label: &str, at: &Timestamp| {
        let text = format_date_time(at.unix_millis(), &ui, &edition.country);
        el("span", "byline-meta__item")
            .text(label)
            .text(" ")
            .kid(el("time", "").attr("datetime", at.as_str()).text(text))
    };
    el("header", "byline-header")
        .attr("lang", lang)
        .attr("dir", Direction::of(lang).as_attr())
        .kid(el("h2", "byline-headline").text(smarten_quotes(&edition.headline, lang)))
        .maybe_kid(
            edition.standfirst.as_deref().map(|standfirst| {
                el("p", "byline-standfirst").text(smarten_quotes(standfirst, lang))
            }),
        )
        .kid(
            el("p", "byline-meta")
                .attr("lang", &ui)
                .kid(time(labels.published, &edition.published))
                .maybe_kid(
                    edition
                        .updated
                        .as_ref()
                        .map(|updated| time(labels.updated, updated)),
                ),
        )
        .into_view()
}
