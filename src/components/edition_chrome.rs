use byline_model::config::Features;
use leptos::prelude::*;

use super::edition_notice::EditionNotice;
use super::edition_pickers::EditionPickers;
use super::edition_view::EditionView;
use crate::image_sources::ImageSources;
use crate::store::WidgetStore;

const PROGRESS: &str = "byline-progress";

/// Once there is an edition: a progress bar while another loads, the pickers and notices
/// (they stay mounted across switches, so focus stays on the picker the reader used), and the
/// edition itself.
#[component]
pub fn EditionChrome(
    store: WidgetStore,
    features: Features,
    /// Where the article's images may come from.
    images: ImageSources,
) -> impl IntoView {
    let loading = store.select(|state| state.is_loading());
    let shown = store.select(|state| state.shown().cloned());
    view! {
        <div class=PROGRESS class:byline-progress--active=move || loading.get()></div>
        <EditionPickers store=store/>
        <EditionNotice store=store/>
        // A new edition gets fresh elements, not the previous edition's patched (its
        // carousel scroll, its HTML blocks).
        {move || shown.get().map(|shown| view! { <EditionView store=store shown=shown features=features images=images.clone()/> })}
    }
}
