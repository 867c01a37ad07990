use byline_model::i18n::{self, fill};
use byline_model::typography::clean_text;
use leptos::prelude::*;

use super::{UiLang, EXTERNAL_REL};
use crate::intl::language_name;
use crate::state::ShownEdition;

/// The outlet's logo and name, linked to the original; for a translation, "translated from
/// Spanish", also linked to the original.
#[component]
pub fn SourceAttribution(shown: ShownEdition) -> impl IntoView {
    let ui = expect_context::<UiLang>().0.get_untracked();
    let labels = i18n::labels(&ui);
    let source = &shown.edition.source;
    let original = shown.resolve(&source.url);
    let logo = source.logo.as_deref().and_then(|logo| shown.resolve(logo));
    let translation = shown.edition.translated_from().map(|original_lang| {
        let text = fill(
            labels.translated_from,
            &[("language", &language_name(original_lang, &ui))],
        );
        view! {
            <a class="byline-source__translation" href=original.clone() target="_blank"
                rel=EXTERNAL_REL hreflang=original_lang.to_string()>
                {text}
            </a>
        }
    });
    view! {
        <footer class="byline-source">
            {logo.map(|logo| view! {
                <img class="byline-source__logo" referrerpolicy="strict-origin-when-cross-origin" src=logo alt="" width="40" height="40"/>
            })}
            <div class="byline-source__text">
                <span class="byline-source__label">{labels.source}</span>
                <a class="byline-source__name" href=original.clone() target="_blank" rel=EXTERNAL_REL>
                    {clean_text(&source.name).into_owned()}
                </a>
                {translation}
            </div>
        </footer>
    }
}
