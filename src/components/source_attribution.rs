use byline_model::i18n::{self, fill};
use byline_model::typography::clean_text;

use super::EXTERNAL_REL;
use crate::dom::{el, Build};
use crate::intl::language_name;
use crate::state::ShownEdition;

/// The outlet's logo and name, linked to the original; for a translation, "translated from
/// Spanish", also linked to the original.
pub fn source_attribution(shown: &ShownEdition, ui: &str) -> Build {
    let labels = i18n::labels(ui);
    let source = &shown.edition.source;
    let original = shown.resolve(&source.url);
    let link = |class: &str| {
        el("a", class)
            .maybe_attr("href", original.as_deref())
            .attr("target", "_blank")
            .attr("rel", EXTERNAL_REL)
    };
    let translation = shown.edition.translated_from().map(|original_lang| {
        let text = fill(
            labels.translated_from,
            &[("language", &language_name(original_lang, ui))],
        );
        link("byline-source__translation")
            .attr("hreflang", original_lang)
            .text(&text)
    });
    let logo = source.logo.as_deref().and_then(|logo| shown.resolve(logo));
    el("footer", "byline-source")
        .maybe_kid(logo.map(|logo| {
            el("img", "byline-source__logo")
                .attr("referrerpolicy", "strict-origin-when-cross-origin")
                .attr("src", &logo)
                .attr("alt", "")
                .attr("width", "40")
                .attr("height", "40")
        }))
        .kid(
            el("div", "byline-source__text")
                .kid(el("span", "byline-source__label").text(labels.source))
                .kid(link("byline-source__name").text(&clean_text(&source.name)))
                .maybe_kid(translation),
        )
}
