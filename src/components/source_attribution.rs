use byline_model::i18n::{self, fill};
use byline_model::state::ShownEdition;
use byline_model::typography::clean_text;
use leptos::prelude::*;

use super::markup::{el, external_link, image};
use crate::api::ResolveLinks;
use crate::image_sources::ImageSources;
use crate::intl::language_name;

/// The outlet's logo and name, linked to the original; for a translation, "translated from
/// Spanish", also linked to the original.
#[component]
pub fn SourceAttribution(
    shown: ShownEdition,
    /// The language of the widget's own words.
    ui: String,
    /// Where the logo may come from; by default any host.
    #[prop(optional)]
    images: ImageSources,
) -> impl IntoView {
    let labels = i18n::labels(&ui);
    let source = &shown.edition.source;
    let original = shown.resolve(&source.url);
    let link = |class: &str| external_link(class, original.as_deref());
    let translation = shown.edition.translated_from().map(|original_lang| {
        let text = fill(
            labels.translated_from,
            &[("language", &language_name(original_lang, &ui))],
        );
        link("byline-source__translation")
            .attr("hreflang", original_lang)
            .text(text)
    });
    let logo = source
        .logo
        .as_deref()
        .and_then(|logo| images.resolve(&shown, logo));
    el("footer", "byline-source")
        .maybe_kid(logo.map(|logo| {
            image("byline-source__logo", &logo)
                .attr("alt", "")
                .attr("width", "40")
                .attr("height", "40")
        }))
        .kid(
            el("div", "byline-source__text")
                .kid(el("span", "byline-source__label").text(labels.source))
                .kid(link("byline-source__name").text(clean_text(&source.name)))
                .maybe_kid(translation),
        )
        .into_view()
}
