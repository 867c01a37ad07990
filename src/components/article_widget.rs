use byline_model::config::WidgetConfig;
use byline_model::i18n::{self, Direction};
use leptos::prelude::*;

use super::article_body::ArticleBody;
use super::article_header::ArticleHeader;
use super::article_skeleton::ArticleSkeleton;
use super::edition_notice::EditionNotice;
use super::edition_pickers::EditionPickers;
use super::load_error::LoadErrorPanel;
use super::related_carousel::RelatedCarousel;
use super::source_attribution::SourceAttribution;
use super::UiLang;
use crate::api::{page_url, resolve_url, LoadError};
use crate::host_events::{report_state_changes, HostEvents};
use crate::state::{Activity, WidgetState};

/// A whole article widget: pickers, article, source, related news; or its loading and error
/// states.
#[component]
pub fn ArticleWidget(
    /// The placeholder's configuration.
    config: WidgetConfig,
    /// The placeholder has content of its own (a headline and link, say): show it, rather
    /// than a skeleton, until the article renders, and again if loading fails.
    #[prop(optional)]
    has_fallback: bool,
) -> impl IntoView {
    let state = WidgetState::new(config.timeout_secs);
    provide_context(state);
    if let Some(events) = use_context::<HostEvents>() {
        report_state_changes(state, events);
    }
    let WidgetConfig { src, lang, ui_lang, theme, show_related, .. } = config;
    let ui = Memo::new(move |_| {
        ui_lang.clone().unwrap_or_else(|| {
            state
                .shown
                .with(|shown| shown.as_ref().map(|s| s.edition.lang.to_string()))
                .or_else(|| lang.clone())
                .unwrap_or_else(|| "en".into())
        })
    });
    provide_context(UiLang(ui));

    match resolve_url(&src, &page_url()) {
        Some(url) => state.load(url, None),
        None => state.fail(LoadError::Network(format!("data-src `{src}` is not an http(s) URL"))),
    }

    let is_loading = move || state.activity.with(|a| *a == Activity::Loading);
    let has_edition = move || state.shown.with(Option::is_some);
    let article = move || {
        state.shown.get().map(|shown| {
            view! {
                <ArticleHeader shown=shown.clone()/>
                <ArticleBody shown=shown.clone()/>
                <SourceAttribution shown=shown.clone()/>
                {show_related.then(|| view! { <RelatedCarousel shown=shown/> })}
            }
        })
    };

    view! {
        <article
            class="byline"
            lang=move || ui.get()
            dir=move || Direction::of(&ui.get()).as_attr()
            data-theme=theme.as_attr()
            aria-busy=move || is_loading().to_string()
        >
            <Show when=has_edition fallback=move || view! { <FirstLoad has_fallback=has_fallback/> }>
                <div class="byline-progress" class:byline-progress--active=is_loading></div>
                <EditionPickers/>
                <EditionNotice/>
                {article}
            </Show>
        </article>
    }
}

/// Before the first edition: the placeholder's own content or a skeleton reserving the
/// article's space; after a failure, the error (and the placeholder's content again).
#[component]
fn FirstLoad(has_fallback: bool) -> impl IntoView {
    let state = expect_context::<WidgetState>();
    let ui = expect_context::<UiLang>().0;
    move || {
        let failed = match state.activity.get() {
            Activity::Failed(error) => Some(view! { <LoadErrorPanel error=error kept_article=false/> }),
            _ => None,
        };
        let failed_now = failed.is_some();
        let waiting = match (has_fallback, failed_now) {
            (true, _) => Some(
                view! {
                    <div class="byline-waiting" aria-busy=(!failed_now).to_string()>
                        <slot></slot>
                    </div>
                }
                .into_any(),
            ),
            (false, false) => {
                Some(view! { <ArticleSkeleton label=i18n::labels(&ui.get()).loading/> }.into_any())
            }
            (false, true) => None,
        };
        view! { {failed} {waiting} }
    }
}
