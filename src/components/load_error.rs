use std::sync::Arc;

use byline_model::i18n;
use byline_model::state::{Action, LoadError};
use leptos::prelude::*;

use crate::store::WidgetStore;

/// What went wrong, in the reader's language, with a button to try again. With
/// `kept_article`, it says the article on screen is still the one they were reading.
/// A new panel for each failure, so each is announced (`role="alert"`).
#[component]
pub fn LoadErrorPanel(
    store: WidgetStore,
    error: Arc<LoadError>,
    kept_article: bool,
) -> impl IntoView {
    let labels = i18n::labels(&store.ui_now());
    let mut message = error.reader_message(labels);
    if kept_article {
        message = [labels.switch_failed, " ", &message].concat();
    }
    let class = if kept_article {
        "byline-error byline-error--inline"
    } else {
        "byline-error"
    };
    view! {
        <div class=class role="alert">
            <p class="byline-error__message">{message}</p>
            <button
                type="button"
                class="byline-error__retry"
                on:click=move |_| store.dispatch(Action::Retry)
            >
                {labels.retry}
            </button>
        </div>
    }
}
