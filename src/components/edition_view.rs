use byline_model::config::Features;
use byline_model::edition_choice;
use byline_model::state::ShownEdition;
use leptos::prelude::*;

use crate::image_sources::ImageSources;
use crate::store::WidgetStore;

use super::article_body::ArticleBody;
use super::article_header::ArticleHeader;
use super::block_original::Comparing;
use super::compare_toggle::CompareToggle;
use super::listen_control::ListenControl;
use super::markup::el;
use super::related_carousel::RelatedCarousel;
use super::share_control::ShareControl;
use super::source_attribution::SourceAttribution;

/// One edition: headline and standfirst, the reader's controls (listen, compare with the
/// original, share), body, source, and related news, as far as the publisher has them
/// switched on.
#[component]
pub fn EditionView(
    store: WidgetStore,
    shown: ShownEdition,
    features: Features,
    /// Where the article's images may come from.
    images: ImageSources,
) -> impl IntoView {
    let ui = store.ui_now();
    let original = edition_choice::original_of(&shown.edition).filter(|_| features.compare);
    let comparing = original.map(|original| {
        Comparing::new(store, ui.clone(), images.clone(), original.lang.to_string())
    });
    // Built with `el`: another typed view tree here would cost kilobytes.
    let actions = el("div", "byline-actions")
        .maybe_child(features.listen.then(|| {
            view! { <ListenControl store=store shown=shown.clone() ui=ui.clone()/> }.into_any()
        }))
        .maybe_child(
            comparing
                .clone()
                .map(|comparing| view! { <CompareToggle comparing=comparing/> }.into_any()),
        )
        .maybe_child(features.share.then(|| {
            view! { <ShareControl store=store shown=shown.clone() ui=ui.clone()/> }.into_any()
        }));
    view! {
        <ArticleHeader shown=shown.clone() ui=ui.clone() reading_time=features.reading_time/>
        {actions.into_view()}
        <ArticleBody shown=shown.clone() ui=ui.clone() images=images.clone() comparing=comparing/>
        <SourceAttribution shown=shown.clone() ui=ui.clone() images=images.clone()/>
        {features.related.then(|| view! { <RelatedCarousel shown=shown ui=ui images=images/> })}
    }
}
