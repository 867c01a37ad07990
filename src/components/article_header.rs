use byline_model::i18n::{self, Direction};
use byline_model::timestamp::Timestamp;
use byline_model::typography::smarten_quotes;
use leptos::prelude::*;

use super::UiLang;
use crate::intl::format_date_time;
use crate::state::ShownEdition;

/// Headline, standfirst and the publication times.
#[component]
pub fn ArticleHeader(shown: ShownEdition) -> impl IntoView {
    let ui = expect_context::<UiLang>().0.get_untracked();
    let labels = i18n::labels(&ui);
    let edition = shown.edition;
    let lang = edition.lang.to_string();
    let time = |label: &'static str, at: &Timestamp| {
        let text = format_date_time(at.unix_millis(), &ui, &edition.country);
        view! {
            <span class="byline-meta__item">
                {label} " " <time datetime=at.as_str().to_string()>{text}</time>
            </span>
        }
    };
    view! {
        <header class="byline-header" lang=lang.clone() dir=Direction::of(&lang).as_attr()>
            <h2 class="byline-headline">{smarten_quotes(&edition.headline, &lang).into_owned()}</h2>
            {edition.standfirst.as_deref().map(|standfirst| view! {
                <p class="byline-standfirst">{smarten_quotes(standfirst, &lang).into_owned()}</p>
            })}
            <p class="byline-meta" lang=ui.clone()>
                {time(labels.published, &edition.published)}
                {edition.updated.as_ref().map(|updated| time(labels.updated, updated))}
            </p>
        </header>
    }
}
