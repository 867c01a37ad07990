use byline_model::i18n::{self, fill};
use leptos::prelude::*;

use super::load_error::LoadErrorPanel;
use super::UiLang;
use crate::intl::{country_name, language_name};
use crate::state::{Activity, WidgetState};

/// Under the pickers: why the edition shown is not exactly the one chosen, or why a switch
/// failed (the article that was shown stays). After a switch it also tells screen-reader
/// users, politely, which edition is now shown, while focus stays on the picker they used.
#[component]
pub fn EditionNotice() -> impl IntoView {
    let state = expect_context::<WidgetState>();
    let ui = expect_context::<UiLang>().0;
    let substitution = move || {
        let wanted = state.unavailable.get()?;
        let shown = state.shown.get()?;
        let ui = ui.get();
        let shown_name = format!(
            "{} · {}",
            i18n::autonym(&shown.edition.lang)
                .map(str::to_string)
                .unwrap_or_else(|| language_name(&shown.edition.lang, &ui)),
            country_name(&shown.edition.country, &ui)
        );
        let text = fill(
            i18n::labels(&ui).no_such_edition,
            &[
                ("language", &language_name(&wanted.lang, &ui)),
                ("country", &country_name(&wanted.country, &ui)),
                ("shown", &shown_name),
            ],
        );
        Some(view! { <p class="byline-notice">{text}</p> })
    };
    let failure = move || match state.activity.get() {
        Activity::Failed(error) => Some(view! { <LoadErrorPanel error=error kept_article=true/> }),
        _ => None,
    };
    // The first edition is announced by the page itself; later ones are news.
    let switched_to = RwSignal::new(None::<(String, String)>);
    Effect::new(move |previous: Option<Option<String>>| {
        let shown = state.shown.get()?;
        let url = shown.url.clone();
        if matches!(&previous, Some(Some(old)) if *old != url) {
            switched_to.set(Some((
                shown.edition.lang.to_string(),
                shown.edition.headline.clone(),
            )));
        }
        Some(url)
    });
    view! {
        <div class="byline-status" role="status">{substitution}</div>
        <p class="byline-visually-hidden" aria-live="polite"
            lang=move || switched_to.get().map(|(lang, _)| lang)>
            {move || switched_to.get().map(|(_, headline)| headline)}
        </p>
        {failure}
    }
}
