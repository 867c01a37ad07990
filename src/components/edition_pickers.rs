use byline_model::i18n;
use web_sys::Element;

use super::country_picker::country_options;
use super::language_picker::language_options;
use super::picker_select::PickerSelect;
use crate::dom::el;
use crate::state::{Activity, State};

/// The language and country pickers, side by side. They stay mounted across switches, so
/// keyboard focus stays on the picker the reader used.
pub struct EditionPickers {
    pub element: Element,
    language: PickerSelect,
    country: PickerSelect,
}

impl EditionPickers {
    pub fn new() -> Self {
        let language = PickerSelect::new("language");
        let country = PickerSelect::new("country");
        let element = el("div", "byline-pickers")
            .attr("role", "group")
            .child(&language.element)
            .child(&country.element)
            .done();
        EditionPickers {
            element,
            language,
            country,
        }
    }

    /// Shows the editions of the article on screen. While a switch is under way the selects
    /// stay as the reader set them; a failed switch puts the edition on screen back.
    pub fn update(&self, state: &State, ui: &str) {
        let Some(shown) = &state.shown else { return };
        let edition = &shown.edition;
        let labels = i18n::labels(ui);
        let settled = state.activity != Activity::Loading;
        let _ = self.element.set_attribute("aria-label", labels.edition);
        self.language.update(
            labels.choose_language,
            &language_options(edition),
            settled.then_some(&*edition.lang),
        );
        self.country.update(
            labels.choose_country,
            &country_options(edition, ui),
            settled.then_some(&*edition.country),
        );
    }
}
