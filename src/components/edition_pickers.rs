use byline_model::i18n;
use leptos::prelude::*;

use super::country_picker::CountryPicker;
use super::language_picker::LanguagePicker;
use super::UiLang;

/// The language and country pickers, side by side. They stay mounted across switches, so
/// keyboard focus stays on the picker the reader used.
#[component]
pub fn EditionPickers() -> impl IntoView {
    let ui = expect_context::<UiLang>().0;
    view! {
        <div class="byline-pickers" role="group" aria-label=move || i18n::labels(&ui.get()).edition>
            <LanguagePicker/>
            <CountryPicker/>
        </div>
    }
}
