use byline_model::config::WidgetConfig;
use byline_model::i18n::Direction;
use leptos::either::Either;
use leptos::prelude::*;

use super::edition_chrome::EditionChrome;
use super::first_load::FirstLoad;
use crate::host_events::HostEvents;
use crate::image_sources::ImageSources;
use crate::store::WidgetStore;

/// A whole article widget: pickers, article, source, related news; or, before the first
/// edition, its loading and error states.
#[component]
pub fn ArticleWidget(
    /// The placeholder's configuration.
    config: WidgetConfig,
    /// The placeholder has content of its own (a headline and link, say): show it, rather
    /// than a skeleton, until the article renders, and again if loading fails.
    has_fallback: bool,
    /// Where the widget's events go: the placeholder.
    events: HostEvents,
) -> impl IntoView {
    let store = WidgetStore::new(&config, events);
    let ui = store.ui();
    let loading = store.select(|state| state.is_loading());
    let has_edition = store.select(|state| state.shown().is_some());
    let (theme, features) = (config.theme, config.features);
    let images = ImageSources::new(config.image_hosts.clone());
    store.start(&config);
    view! {
        <article
            class="byline"
            lang=move || ui.get()
            dir=move || Direction::of(&ui.get()).as_attr()
            data-theme=theme.as_attr()
            aria-busy=move || if loading.get() { "true" } else { "false" }
        >
            {move || {
                if has_edition.get() {
                    Either::Left(view! { <EditionChrome store=store features=features images=images.clone()/> })
                } else {
                    Either::Right(view! { <FirstLoad store=store has_fallback=has_fallback/> })
                }
            }}
        </article>
    }
}
