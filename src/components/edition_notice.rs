use byline_model::i18n::{self, fill};
use byline_model::state::Activity;
use leptos::prelude::*;

use super::load_error::LoadErrorPanel;
use crate::intl::{country_name, language_name};
use crate::store::WidgetStore;

const STATUS: &str = "byline-status";
const VISUALLY_HIDDEN: &str = "byline-visually-hidden";

/// Under the pickers: why the edition shown is not exactly the one chosen, or why a switch
/// failed (the article that was shown stays). After a switch it also tells screen-reader
/// users, politely, which edition is now shown, while focus stays on the picker they used.
#[component]
pub fn EditionNotice(store: WidgetStore) -> impl IntoView {
    let substitution = move || {
        store.read(|state| {
            let wanted = state.unavailable()?;
            let edition = &state.shown()?.edition;
            let ui = state.ui_lang();
            let shown_name = [
                i18n::autonym(&edition.lang)
                    .map(str::to_string)
                    .unwrap_or_else(|| language_name(&edition.lang, ui)),
                country_name(&edition.country, ui),
            ]
            .join(" · ");
            Some(fill(
                i18n::labels(ui).no_such_edition,
                &[
                    ("language", &language_name(&wanted.lang, ui)),
                    ("country", &country_name(&wanted.country, ui)),
                    ("shown", &shown_name),
                ],
            ))
        })
    };
    let announcement = move || store.read(|state| state.announcement().cloned());
    let activity = store.select(|state| state.activity().clone());
    let failure = move || match activity.get() {
        Activity::Failed(error) => {
            Some(view! { <LoadErrorPanel store=store error=error kept_article=true/> })
        }
        _ => None,
    };
    view! {
        <div class=STATUS role="status">
            {move || substitution().map(|text| view! { <p class="byline-notice">{text}</p> })}
        </div>
        <p
            class=VISUALLY_HIDDEN
            aria-live="polite"
            lang=move || announcement().map(|a| a.lang)
        >
            {move || announcement().map(|a| a.headline)}
        </p>
        {failure}
    }
}
