use byline_model::i18n;
use byline_model::state::Activity;
use leptos::prelude::*;

use super::article_skeleton::ArticleSkeleton;
use super::load_error::LoadErrorPanel;
use crate::store::WidgetStore;

const WAITING: &str = "byline-waiting";

/// Before the first edition: the placeholder's own content or a skeleton reserving the
/// article's space; after a failure, the error (and the placeholder's content again).
#[component]
pub fn FirstLoad(store: WidgetStore, has_fallback: bool) -> impl IntoView {
    let ui = store.ui();
    let activity = store.select(|state| state.activity().clone());
    move || {
        let failure = match activity.get() {
            Activity::Failed(error) => Some(error),
            _ => None,
        };
        let failed = failure.is_some();
        let panel = failure
            .map(|error| view! { <LoadErrorPanel store=store error=error kept_article=false/> });
        let fallback = has_fallback.then(|| {
            view! {
                <div class=WAITING aria-busy=if failed { "false" } else { "true" }>
                    <slot></slot>
                </div>
            }
        });
        let skeleton = (!has_fallback && !failed).then(|| {
            view! { <ArticleSkeleton label=i18n::labels(&ui.get_untracked()).loading/> }
        });
        view! { {panel} {fallback} {skeleton} }
    }
}
