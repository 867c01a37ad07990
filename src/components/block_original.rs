use byline_model::compare::original_block;
use byline_model::i18n::{self, text_dir, Labels};
use byline_model::state::{Action, Comparison, OriginalStatus, ShownEdition};
use leptos::prelude::*;

use super::article_body::block_view;
use super::markup::{el, Markup};
use crate::image_sources::ImageSources;
use crate::intl::language_name;
use crate::store::WidgetStore;

/// What every block's original needs: the widget's comparison of the translation on screen
/// with its original (`None` until the reader first asks), and how to show a block.
#[derive(Clone)]
pub struct Comparing {
    pub store: WidgetStore,
    comparison: Memo<Option<Comparison>>,
    labels: &'static Labels,
    ui: String,
    images: ImageSources,
    /// The original's language.
    original_lang: String,
}

impl Comparing {
    pub fn new(
        store: WidgetStore,
        ui: String,
        images: ImageSources,
        original_lang: String,
    ) -> Self {
        Comparing {
            store,
            comparison: store.select(|state| state.comparison().cloned()),
            labels: i18n::labels(&ui),
            ui,
            images,
            original_lang,
        }
    }

    pub fn labels(&self) -> &'static Labels {
        self.labels
    }

    /// Over the two columns of the side-by-side view (the stylesheet shows them only there):
    /// which language is which.
    pub fn column_labels(&self, lang: &str) -> Markup {
        let label = |text: String| {
            el("p", "byline-column-label")
                .attr("lang", &self.ui)
                .text(text)
        };
        let original = language_name(&self.original_lang, &self.ui);
        el("div", "byline-row byline-row--labels")
            .kid(label(language_name(lang, &self.ui)))
            .kid(label(format!("{} · {original}", self.labels.original)))
    }
}

/// What a block's place for its original shows.
#[derive(Clone, PartialEq)]
enum Phase {
    Hidden,
    Loading,
    Failed,
    Ready(ShownEdition),
}

impl Phase {
    fn of(comparison: Option<&Comparison>, block: &str) -> Phase {
        match comparison {
            Some(comparison) if comparison.shows(block) => match &comparison.original {
                OriginalStatus::Loading => Phase::Loading,
                OriginalStatus::Failed(_) => Phase::Failed,
                OriginalStatus::Ready(original) => Phase::Ready(original.clone()),
            },
            _ => Phase::Hidden,
        }
    }
}

/// The original of one translated block, after the disclosure pattern: a button
/// (`aria-expanded`, `aria-controls`) and the place it opens, where the original's block of
/// the same id is shown in its own language and direction, or a word that it has none.
/// (In the side-by-side view the stylesheet hides the button: every original is shown.)
#[component]
pub fn BlockOriginal(comparing: Comparing, block: String, index: usize) -> impl IntoView {
    let Comparing {
        store,
        comparison,
        labels,
        ..
    } = comparing.clone();
    let place = format!("byline-original-{index}");
    let id = block.clone();
    let phase = Memo::new(move |_| comparison.with(|c| Phase::of(c.as_ref(), &id)));
    let shown = move || phase.get() != Phase::Hidden;
    let toggle = {
        let block = block.clone();
        move |_| store.dispatch(Action::ToggleOriginal(block.clone()))
    };
    let status = |text: &'static str, ui: &str| {
        el("p", "byline-original__status")
            .attr("lang", ui)
            .text(text)
    };
    let content = move || {
        let Comparing { ui, images, .. } = &comparing;
        match phase.get() {
            Phase::Hidden => None,
            Phase::Loading => Some(status(labels.loading_original, ui).into_view()),
            Phase::Failed => Some(
                status(labels.original_failed, ui)
                    .text(" ")
                    .child(
                        view! {
                            <button type="button" class="byline-original__retry"
                                on:click=move |_| store.dispatch(Action::RetryOriginal)>
                                {labels.retry}
                            </button>
                        }
                        .into_any(),
                    )
                    .into_view(),
            ),
            Phase::Ready(original) => {
                let lang = &original.edition.lang;
                let shown = original_block(&original.edition, &block)
                    .and_then(|b| block_view(b, &original, images, labels, ui));
                Some(match shown {
                    Some(view) => el("div", "byline-original__text")
                        .attr("lang", lang)
                        .attr("dir", text_dir(lang))
                        .child(view)
                        .into_view(),
                    None => status(labels.not_in_original, ui).into_view(),
                })
            }
        }
    };
    view! {
        <button type="button" class="byline-original-toggle"
            aria-expanded=move || shown().to_string()
            aria-controls=place.clone()
            on:click=toggle>
            {labels.original}
        </button>
        <div id=place class="byline-original" hidden=move || !shown()>
            {content}
        </div>
    }
}
