use leptos::html::Div;
use leptos::prelude::*;

use crate::sanitize::sanitize_html;
use crate::state::ShownEdition;

/// A block of article HTML, shown only after the sanitizer has rebuilt it.
#[component]
pub fn HtmlBlock(id: String, html: String, shown: ShownEdition) -> impl IntoView {
    let container = NodeRef::<Div>::new();
    Effect::new(move |done: Option<()>| {
        if done.is_some() {
            return;
        }
        let (Some(container), Some(document)) = (
            container.get(),
            web_sys::window().and_then(|w| w.document()),
        ) else {
            return;
        };
        let fragment = sanitize_html(&html, &document, &|url| shown.resolve(url));
        container.replace_children_with_node_1(&fragment);
    });
    view! { <div class="byline-html" data-block-id=id node_ref=container></div> }
}
