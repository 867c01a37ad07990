use byline_model::edition_choice;
use byline_model::i18n;
use byline_model::Edition;

use super::picker_select::PickerOption;
use crate::intl::language_name;

/// "Sprache auswählen": the article's languages, each named in its own language.
pub fn language_options(edition: &Edition) -> Vec<PickerOption> {
    edition_choice::languages(&edition.editions)
        .into_iter()
        .map(|lang| PickerOption {
            value: lang.to_string(),
            label: i18n::autonym(lang)
                .map(str::to_string)
                .unwrap_or_else(|| language_name(lang, lang)),
            lang: Some(lang.to_string()),
        })
        .collect()
}
