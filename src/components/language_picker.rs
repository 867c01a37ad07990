use byline_model::edition_choice;
use byline_model::i18n;
use leptos::prelude::*;

use super::picker_select::{PickerOption, PickerSelect};
use super::UiLang;
use crate::intl::language_name;
use crate::state::WidgetState;

/// "Sprache auswählen": the article's languages, each named in its own language.
#[component]
pub fn LanguagePicker() -> impl IntoView {
    let state = expect_context::<WidgetState>();
    let ui = expect_context::<UiLang>().0;
    let options = Signal::derive(move || {
        state.shown.with(|shown| {
            let Some(shown) = shown else {
                return Vec::new();
            };
            edition_choice::languages(&shown.edition.editions)
                .into_iter()
                .map(|lang| PickerOption {
                    value: lang.to_string(),
                    label: i18n::autonym(lang)
                        .map(str::to_string)
                        .unwrap_or_else(|| language_name(lang, lang)),
                    lang: Some(lang.to_string()),
                })
                .collect()
        })
    });
    let selected = state.picker_value(|edition| edition.lang.to_string());
    view! {
        <PickerSelect
            label=Signal::derive(move || i18n::labels(&ui.get()).choose_language.to_string())
            name="language"
            options=options
            selected=selected
            on_pick=move |lang: String| state.choose_language(&lang)
        />
    }
}
