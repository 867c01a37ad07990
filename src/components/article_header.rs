use byline_model::i18n::{self, text_dir, Direction, UI_LANGUAGES};
use byline_model::reading_time::edition_reading_minutes;
use byline_model::state::ShownEdition;
use byline_model::timestamp::Timestamp;
use byline_model::typography::smarten_quotes;
use leptos::prelude::*;

use super::markup::el;
use crate::intl::{format_date_time, format_minutes};
use crate::sanitize::html_text;

/// Headline, standfirst, the publication times with labels in the widget's language, and the
/// reading time in the edition's. An edition mapped from JSON-LD without a date has no
/// "Published" time; a line with nothing in it is left out.
#[component]
pub fn ArticleHeader(
    shown: ShownEdition,
    /// The language of the widget's own words.
    ui: String,
    /// Show the reading time (`data-reading-time`).
    reading_time: bool,
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
    let meta = [
        edition
            .published
            .as_ref()
            .map(|published| time(labels.published, published)),
        edition
            .updated
            .as_ref()
            .map(|updated| time(labels.updated, updated)),
        // A teaser's reading time would be that of a few lines: the article is elsewhere.
        (reading_time && !edition.is_teaser()).then(|| reading_time_item(&shown)),
    ];
    let meta = meta.into_iter().flatten().fold(None, |line, item| {
        let line = line.unwrap_or_else(|| el("p", "byline-meta").attr("lang", &ui));
        Some(line.kid(item))
    });
    el("header", "byline-header")
        .attr("lang", lang)
        .attr("dir", text_dir(lang))
        .kid(el("h2", "byline-headline").text(smarten_quotes(&edition.headline, lang)))
        .maybe_kid(
            edition.standfirst.as_deref().map(|standfirst| {
                el("p", "byline-standfirst").text(smarten_quotes(standfirst, lang))
            }),
        )
        .maybe_kid(meta)
        .into_view()
}

/// "Lesezeit: 2 Minuten", in the edition's language when the widget speaks it.
fn reading_time_item(shown: &ShownEdition) -> super::markup::Markup {
    let edition = &shown.edition;
    let primary = edition.lang.split('-').next().unwrap_or_default();
    let lang = if UI_LANGUAGES.contains(&primary) {
        &*edition.lang
    } else {
        "en"
    };
    let minutes = edition_reading_minutes(edition, html_text);
    let text = i18n::fill(
        i18n::labels(lang).reading_time,
        &[("duration", &format_minutes(minutes, lang))],
    );
    el("span", "byline-meta__item byline-reading-time")
        .attr("lang", lang)
        .attr("dir", Direction::of(lang).as_attr())
        .text(text)
}
