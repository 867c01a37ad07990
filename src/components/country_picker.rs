use byline_model::edition_choice;
use byline_model::i18n;
use leptos::prelude::*;

use super::picker_select::{PickerOption, PickerSelect};
use super::UiLang;
use crate::intl::country_name;
use crate::state::WidgetState;

/// "Land auswählen": the article's countries, named in the widget's language. A country with
/// no edition in the current language says so, and choosing it shows another language there.
#[component]
pub fn CountryPicker() -> impl IntoView {
    let state = expect_context::<WidgetState>();
    let ui = expect_context::<UiLang>().0;
    let options = Signal::derive(move || {
        let ui = ui.get();
        let other_language = i18n::labels(&ui).other_language;
        state.shown.with(|shown| {
            let Some(shown) = shown else {
                return Vec::new();
            };
            let edition = &shown.edition;
            edition_choice::countries(&edition.editions)
                .into_iter()
                .map(|country| {
                    let mut label = country_name(country, &ui);
                    if !edition_choice::exists(&edition.editions, &edition.lang, country) {
                        label = format!("{label} {other_language}");
                    }
                    PickerOption {
                        value: country.to_string(),
                        label,
                        lang: None,
                    }
                })
                .collect()
        })
    });
    let selected = state.picker_value(|edition| edition.country.to_string());
    view! {
        <PickerSelect
            label=Signal::derive(move || i18n::labels(&ui.get()).choose_country.to_string())
            name="country"
            options=options
            selected=selected
            on_pick=move |country: String| state.choose_country(&country)
        />
    }
}
