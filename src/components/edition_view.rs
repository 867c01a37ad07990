use byline_model::state::ShownEdition;
use leptos::prelude::*;

use crate::image_sources::ImageSources;
use crate::store::WidgetStore;

use super::article_body::ArticleBody;
use super::article_header::ArticleHeader;
use super::related_carousel::RelatedCarousel;
use super::source_attribution::SourceAttribution;

/// One edition: headline and standfirst, body, source, and related news.
#[component]
pub fn EditionView(
    store: WidgetStore,
    shown: ShownEdition,
    show_related: bool,
    /// Where the article's images may come from.
    images: ImageSources,
) -> impl IntoView {
    let ui = store.ui_now();
    view! {
        <ArticleHeader shown=shown.clone() ui=ui.clone()/>
        <ArticleBody shown=shown.clone() images=images.clone()/>
        <SourceAttribution shown=shown.clone() ui=ui.clone() images=images.clone()/>
        {show_related.then(|| view! { <RelatedCarousel shown=shown ui=ui images=images/> })}
    }
}
