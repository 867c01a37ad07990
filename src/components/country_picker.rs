use byline_model::edition_choice;
use byline_model::i18n;
use byline_model::Edition;

use super::picker_select::PickerOption;
use crate::intl::country_name;

/// "Land auswählen": the article's countries, named in the widget's language `ui`. A country
/// with no edition in the current language says so, and choosing it shows another language
/// there.
pub fn country_options(edition: &Edition, ui: &str) -> Vec<PickerOption> {
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
