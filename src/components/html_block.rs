use byline_model::state::ShownEdition;
use leptos::html::Div;
use leptos::prelude::*;

use crate::api::ResolveLinks;
use crate::image_sources::ImageSources;
use crate::sanitize::sanitize_html;

/// A block of article HTML, shown only as the sanitizer has rebuilt it.
#[component]
pub fn HtmlBlock(
    id: String,
    html: String,
    shown: ShownEdition,
    images: ImageSources,
) -> impl IntoView {
    let container = NodeRef::<Div>::new();
    container.on_load(move |container| {
        if let Some(document) = container.owner_document() {
            let fragment = sanitize_html(&html, &document, &|url| shown.resolve(url), &|url| {
                images.allows(url)
            });
            container.replace_children_with_node_1(&fragment);
        }
    });
    view! { <div class="byline-html" data-block-id=id node_ref=container></div> }
}
