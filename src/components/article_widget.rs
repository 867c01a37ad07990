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
use crate::state::{Activity, WidgetState};

/// A whole article widget: pickers, article, source, related news; or its loading and error
/// states. `src` is the first edition's URL, relative to the page.
#[component]
pub fn ArticleWidget(
    /// URL of the edition to show first.
    src: String,
    /// Language of the widget's own words; by default the shown edition's language.
    #[prop(optional_no_strip)]
    ui_lang: Option<String>,
    /// Language to speak before the first edition has arrived.
    #[prop(optional_no_strip)]
    lang_hint: Option<String>,
) -> impl IntoView {
    let state = WidgetState::new();
    provide_context(state);
    let ui = Memo::new(move |_| {
        ui_lang.clone().unwrap_or_else(|| {
            state
                .shown
                .with(|shown| shown.as_ref().map(|s| s.edition.lang.to_string()))
                .or_else(|| lang_hint.clone())
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
                <RelatedCarousel shown=shown/>
            }
        })
    };

    view! {
        <article
            class="byline"
            lang=move || ui.get()
            dir=move || Direction::of(&ui.get()).as_attr()
            aria-busy=move || is_loading().to_string()
        >
            <Show when=has_edition fallback=move || view! { <FirstLoad/> }>
                <div class="byline-progress" class:byline-progress--active=is_loading></div>
                <EditionPickers/>
                <EditionNotice/>
                {article}
            </Show>
        </article>
    }
}

/// Before the first edition: a skeleton reserving the article's space, or the error.
#[component]
fn FirstLoad() -> impl IntoView {
    let state = expect_context::<WidgetState>();
    let ui = expect_context::<UiLang>().0;
    move || match state.activity.get() {
        Activity::Failed(error) => view! { <LoadErrorPanel error=error kept_article=false/> }.into_any(),
        _ => view! { <ArticleSkeleton label=i18n::labels(&ui.get()).loading/> }.into_any(),
    }
}
