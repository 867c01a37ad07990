use std::sync::Arc;

use byline_model::config::Theme;
use byline_model::i18n::{self, Direction};
use web_sys::Element;

use super::article_body::article_body;
use super::article_header::article_header;
use super::article_skeleton::article_skeleton;
use super::edition_notice::EditionNotice;
use super::edition_pickers::EditionPickers;
use super::load_error::load_error_panel;
use super::related_carousel::RelatedCarousel;
use super::source_attribution::source_attribution;
use crate::dom::el;
use crate::state::{Activity, State};

/// A whole article widget: pickers, article, source, related news; or its loading and error
/// states. [`ArticleWidget::render`] brings it up to date with the widget's state.
pub struct ArticleWidget {
    pub root: Element,
    /// The placeholder has content of its own (a headline and link, say): show it, rather
    /// than a skeleton, until the article renders, and again if loading fails.
    has_fallback: bool,
    show_related: bool,
    /// What is shown before the first edition, and for which failure ([`State::failures`];
    /// 0 while loading).
    first_load: Vec<Element>,
    first_load_failure: u32,
    /// Once there is an edition.
    chrome: Option<Chrome>,
}

struct Chrome {
    progress: Element,
    pickers: EditionPickers,
    notice: EditionNotice,
    edition: Option<EditionView>,
}

/// One edition's elements. A new edition gets fresh elements, not the previous edition's
/// patched (its carousel scroll, its HTML blocks).
struct EditionView {
    key: (String, usize),
    elements: Vec<Element>,
    carousel: Option<RelatedCarousel>,
}

impl ArticleWidget {
    pub fn new(theme: Theme, has_fallback: bool, show_related: bool) -> Self {
        let root = el("article", "byline")
            .attr("data-theme", theme.as_attr())
            .done();
        ArticleWidget {
            root,
            has_fallback,
            show_related,
            first_load: Vec::new(),
            first_load_failure: 0,
            chrome: None,
        }
    }

    /// Shows `state` with the widget's own words in `ui`. True when a new carousel was built:
    /// it needs measuring once laid out.
    pub fn render(&mut self, state: &State, ui: &str) -> bool {
        let root = &self.root;
        let loading = state.activity == Activity::Loading;
        let _ = root.set_attribute("lang", ui);
        let _ = root.set_attribute("dir", Direction::of(ui).as_attr());
        let _ = root.set_attribute("aria-busy", if loading { "true" } else { "false" });
        let Some(shown) = &state.shown else {
            self.show_first_load(state, ui);
            return false;
        };
        for element in self.first_load.drain(..) {
            element.remove();
        }
        let chrome = self.chrome.get_or_insert_with(|| {
            let chrome = Chrome {
                progress: el("div", "").done(),
                pickers: EditionPickers::new(),
                notice: EditionNotice::new(),
                edition: None,
            };
            for element in [
                &chrome.progress,
                &chrome.pickers.element,
                &chrome.notice.status,
                &chrome.notice.announcer,
            ] {
                let _ = root.append_child(element);
            }
            chrome
        });
        chrome.progress.set_class_name(if loading {
            "byline-progress byline-progress--active"
        } else {
            "byline-progress"
        });
        chrome.pickers.update(state, ui);
        chrome.notice.update(state, ui);

        let key = (shown.url.clone(), Arc::as_ptr(&shown.edition) as usize);
        if chrome
            .edition
            .as_ref()
            .is_some_and(|edition| edition.key == key)
        {
            return false;
        }
        if let Some(old) = chrome.edition.take() {
            for element in old.elements {
                element.remove();
            }
        }
        let mut elements = vec![
            article_header(shown, ui).done(),
            article_body(shown).done(),
            source_attribution(shown, ui).done(),
        ];
        let mut carousel = None;
        if self.show_related {
            if let Some((section, related)) = RelatedCarousel::build(shown, ui) {
                elements.push(section.done());
                carousel = Some(related);
            }
        }
        for element in &elements {
            let _ = root.append_child(element);
        }
        let built = carousel.is_some();
        chrome.edition = Some(EditionView {
            key,
            elements,
            carousel,
        });
        built
    }

    /// The carousel of the edition on screen, if it has one.
    pub fn carousel(&mut self) -> Option<&mut RelatedCarousel> {
        self.chrome.as_mut()?.edition.as_mut()?.carousel.as_mut()
    }

    /// Before the first edition: the placeholder's own content or a skeleton reserving the
    /// article's space; after a failure, the error (and the placeholder's content again).
    /// Rebuilt only when that changes: a new failure, or loading again.
    fn show_first_load(&mut self, state: &State, ui: &str) {
        let failed = match &state.activity {
            Activity::Failed(error) => Some(error),
            _ => None,
        };
        let failure = failed.map_or(0, |_| state.failures);
        if !self.first_load.is_empty() && failure == self.first_load_failure {
            return;
        }
        for element in self.first_load.drain(..) {
            element.remove();
        }
        if let Some(error) = failed {
            self.first_load
                .push(load_error_panel(error, false, ui).done());
        }
        if self.has_fallback {
            self.first_load.push(
                el("div", "byline-waiting")
                    .attr("aria-busy", if failed.is_some() { "false" } else { "true" })
                    .kid(el("slot", ""))
                    .done(),
            );
        } else if failed.is_none() {
            self.first_load
                .push(article_skeleton(i18n::labels(ui).loading).done());
        }
        for element in &self.first_load {
            let _ = self.root.append_child(element);
        }
        self.first_load_failure = failure;
    }
}
