use byline_model::config::Features;
use byline_model::state::ShownEdition;
use leptos::prelude::*;

use crate::image_sources::ImageSources;
use crate::store::WidgetStore;

use super::article_body::ArticleBody;
use super::article_header::ArticleHeader;
use super::listen_control::ListenControl;
use super::related_carousel::RelatedCarousel;
use super::source_attribution::SourceAttribution;

/// One edition: headline and standfirst, body, source, and related news, as far as the
/// publisher has them switched on.
#[component]
pub fn EditionView(
    store: WidgetStore,
    shown: ShownEdition,
    features: Features,
    /// Where the article's images may come from.
    images: ImageSources,
) -> impl IntoView {
    let ui = store.ui_now();
    view! {
        <ArticleHeader shown=shown.clone() ui=ui.clone() reading_time=features.reading_time/>
        {features.listen.then(|| view! { <ListenControl store=store shown=shown.clone() ui=ui.clone()/> }.into_any())}
        <ArticleBody shown=shown.clone() ui=ui.clone() images=images.clone()/>
        <SourceAttribution shown=shown.clone() ui=ui.clone() images=images.clone()/>
        {features.related.then(|| view! { <RelatedCarousel shown=shown ui=ui images=images/> })}
    }
}
