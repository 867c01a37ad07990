use byline_model::i18n::{self, fill, Labels};
use leptos::prelude::*;

use super::UiLang;
use crate::api::LoadError;
use crate::state::WidgetState;

/// What went wrong, in the reader's language, with a button to try again. With
/// `kept_article`, it says the article on screen is still the one they were reading.
#[component]
pub fn LoadErrorPanel(error: LoadError, kept_article: bool) -> impl IntoView {
    let state = expect_context::<WidgetState>();
    let ui = expect_context::<UiLang>().0;
    let message = move || {
        let labels = i18n::labels(&ui.get());
        let reason = reader_message(&error, labels);
        if kept_article {
            format!("{} {reason}", labels.switch_failed)
        } else {
            reason
        }
    };
    view! {
        <div class="byline-error" class:byline-error--inline=kept_article role="alert">
            <p class="byline-error__message">{message}</p>
            <button type="button" class="byline-error__retry" on:click=move |_| state.retry()>
                {move || i18n::labels(&ui.get()).retry}
            </button>
        </div>
    }
}

fn reader_message(error: &LoadError, labels: &Labels) -> String {
    match error {
        LoadError::Network(_) | LoadError::Module(_) | LoadError::Aborted => {
            labels.error_network.to_string()
        }
        LoadError::Offline => labels.error_offline.to_string(),
        LoadError::Timeout(_) => labels.error_timeout.to_string(),
        LoadError::Http(status) => fill(labels.error_http, &[("status", &status.to_string())]),
        LoadError::ContentType(_)
        | LoadError::TooLarge
        | LoadError::Invalid(_)
        | LoadError::Import(_) => labels.error_invalid.to_string(),
    }
}
