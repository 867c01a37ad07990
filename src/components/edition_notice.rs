use byline_model::i18n::{self, fill};
use web_sys::Element;

use super::load_error::load_error_panel;
use crate::dom::el;
use crate::intl::{country_name, language_name};
use crate::state::{Activity, State};

/// Under the pickers: why the edition shown is not exactly the one chosen, or why a switch
/// failed (the article that was shown stays). After a switch it also tells screen-reader
/// users, politely, which edition is now shown, while focus stays on the picker they used.
pub struct EditionNotice {
    /// The substitution notice's region, and its text now.
    pub status: Element,
    substitution: String,
    /// The polite announcement of a switch, and the URL of the edition it is about.
    pub announcer: Element,
    announced_url: Option<String>,
    /// The failed switch's panel, and which failure it shows ([`State::failures`]).
    failure: Option<(u32, Element)>,
}

impl EditionNotice {
    pub fn new() -> Self {
        EditionNotice {
            status: el("div", "byline-status").attr("role", "status").done(),
            substitution: String::new(),
            announcer: el("p", "byline-visually-hidden")
                .attr("aria-live", "polite")
                .done(),
            announced_url: None,
            failure: None,
        }
    }

    pub fn update(&mut self, state: &State, ui: &str) {
        let Some(shown) = &state.shown else { return };
        let edition = &shown.edition;

        let substitution = match &state.unavailable {
            Some(wanted) => {
                let shown_name = [
                    i18n::autonym(&edition.lang)
                        .map(str::to_string)
                        .unwrap_or_else(|| language_name(&edition.lang, ui)),
                    country_name(&edition.country, ui),
                ]
                .join(" · ");
                fill(
                    i18n::labels(ui).no_such_edition,
                    &[
                        ("language", &language_name(&wanted.lang, ui)),
                        ("country", &country_name(&wanted.country, ui)),
                        ("shown", &shown_name),
                    ],
                )
            }
            None => String::new(),
        };
        if substitution != self.substitution {
            self.status.replace_children_with_node_0();
            if !substitution.is_empty() {
                let _ = self
                    .status
                    .append_child(&el("p", "byline-notice").text(&substitution).0);
            }
            self.substitution = substitution;
        }

        // The first edition is announced by the page itself; later ones are news.
        if self
            .announced_url
            .as_ref()
            .is_some_and(|url| *url != shown.url)
        {
            let _ = self.announcer.set_attribute("lang", &edition.lang);
            self.announcer.set_text_content(Some(&edition.headline));
        }
        self.announced_url = Some(shown.url.clone());

        let failed = match &state.activity {
            Activity::Failed(error) => Some((state.failures, error)),
            _ => None,
        };
        if self.failure.as_ref().map(|(failure, _)| *failure) != failed.map(|(failure, _)| failure)
        {
            if let Some((_, panel)) = self.failure.take() {
                panel.remove();
            }
            if let Some((failure, error)) = failed {
                let panel = load_error_panel(error, true, ui).done();
                let _ = self.announcer.after_with_node_1(&panel);
                self.failure = Some((failure, panel));
            }
        }
    }
}
