use byline_model::i18n::{self, fill, Labels};

use crate::api::LoadError;
use crate::dom::{el, Build};

/// Class of the button that loads the last requested edition again (the widget listens).
pub const RETRY_CLASS: &str = "byline-error__retry";

/// What went wrong, in the reader's language `ui`, with a button to try again. With
/// `kept_article`, it says the article on screen is still the one they were reading.
pub fn load_error_panel(error: &LoadError, kept_article: bool, ui: &str) -> Build {
    let labels = i18n::labels(ui);
    let mut message = reader_message(error, labels);
    if kept_article {
        message = [labels.switch_failed, " ", &message].concat();
    }
    let class = if kept_article {
        "byline-error byline-error--inline"
    } else {
        "byline-error"
    };
    el("div", class)
        .attr("role", "alert")
        .kid(el("p", "byline-error__message").text(&message))
        .kid(
            el("button", RETRY_CLASS)
                .attr("type", "button")
                .text(labels.retry),
        )
}

fn reader_message(error: &LoadError, labels: &Labels) -> String {
    let text = match error {
        LoadError::Network(_) | LoadError::Module(_) | LoadError::Aborted => labels.error_network,
        LoadError::Offline => labels.error_offline,
        LoadError::Timeout(_) => labels.error_timeout,
        LoadError::Http(status) => {
            return fill(labels.error_http, &[("status", &status.to_string())])
        }
        LoadError::ContentType(_)
        | LoadError::TooLarge
        | LoadError::Invalid(_)
        | LoadError::Import(_) => labels.error_invalid,
    };
    text.to_string()
}
