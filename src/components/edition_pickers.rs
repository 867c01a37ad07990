use byline_model::edition_choice;
use byline_model::i18n;
use byline_model::state::{Action, WidgetState};
use leptos::prelude::*;

use super::picker_select::{PickerOption, PickerSelect};
use crate::intl::{country_name, language_name};
use crate::store::WidgetStore;

const PICKERS: &str = "byline-pickers";

/// The language and country pickers, side by side; both are hidden when no edition has a
/// language to offer.
#[component]
pub fn EditionPickers(store: WidgetStore) -> impl IntoView {
    let ui = store.ui();
    let lang = store.select(|state| state.picker_lang().unwrap_or_default().to_string());
    let country = store.select(|state| state.picker_country().unwrap_or_default().to_string());
    let for_countries = store.select(for_countries);
    view! {
        <div
            class=PICKERS
            role="group"
            aria-label=move || i18n::labels(&ui.get()).edition
            hidden=store.select(no_languages)
        >
            <PickerSelect
                store=store
                name="language"
                label=|labels| labels.choose_language
                options=language_options
                selected=lang
                pick=Action::ChooseLanguage
            />
            {move || for_countries.get().then(|| view! {
                <PickerSelect
                    store=store
                    name="country"
                    label=|labels| labels.choose_country
                    options=country_options
                    selected=country
                    pick=Action::ChooseCountry
                />
            })}
        </div>
    }
}

/// True when some edition is for a particular country: editions for no particular country
/// (`ZZ`) have nothing to choose between.
fn for_countries(state: &WidgetState) -> bool {
    state
        .shown()
        .is_some_and(|shown| shown.edition.editions.iter().any(|l| !l.country.is_none()))
}

/// True when no edition's language is known (`und` is no language to offer), as for JSON-LD
/// that names none: then the pickers are hidden (a country alone, if one is known, would be
/// one option to pick from at most).
fn no_languages(state: &WidgetState) -> bool {
    state.shown().is_some_and(|shown| {
        shown
            .edition
            .editions
            .iter()
            .all(|l| l.lang.is_undetermined())
    })
}

/// "Sprache auswählen": the article's languages, each named in its own language. `und` is not
/// one: while such an edition is shown, the picker shows no language chosen.
fn language_options(state: &WidgetState) -> Vec<PickerOption> {
    let Some(shown) = state.shown() else {
        return Vec::new();
    };
    edition_choice::languages(&shown.edition.editions)
        .into_iter()
        .filter(|lang| !lang.is_undetermined())
        .map(|lang| PickerOption {
            value: lang.to_string(),
            label: i18n::autonym(lang)
                .map(str::to_string)
                .unwrap_or_else(|| language_name(lang, lang)),
            lang: Some(lang.to_string()),
        })
        .collect()
}

/// "Land auswählen": the article's countries, named in the widget's language. A country with
/// no edition in the current language says so, and choosing it shows another language there.
fn country_options(state: &WidgetState) -> Vec<PickerOption> {
    let Some(shown) = state.shown() else {
        return Vec::new();
    };
    let ui = state.ui_lang();
    let edition = &shown.edition;
    let other_language = i18n::labels(ui).other_language;
    edition_choice::countries(&edition.editions)
        .into_iter()
        .map(|country| {
            let mut label = country_name(country, ui);
            if !edition_choice::exists(&edition.editions, &edition.lang, country) {
                label = [&label, " ", other_language].concat();
            }
            PickerOption {
                value: country.to_string(),
                label,
                lang: None,
            }
        })
        .collect()
}
