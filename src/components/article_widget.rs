use std::sync::Arc;

use byline_model::config::{ArticleSource, WidgetConfig};
use byline_model::i18n::{self, Direction};
use byline_model::jsonld::JsonLdOptions;
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
use wasm_bindgen::JsCast;

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
    let hints = JsonLdOptions {
        id: config.id.clone(),
        default_lang: config.lang.clone(),
        default_country: config.country.clone(),
        ..JsonLdOptions::default()
    };
    let state = WidgetState::new(config.timeout_secs, hints.clone());
    provide_context(state);
    if let Some(events) = use_context::<HostEvents>() {
        report_state_changes(state, events);
    }
    let WidgetConfig {
        source,
        related_src,
        lang,
        ui_lang,
        theme,
        show_related,
        ..
    } = config;
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

    if let Some(feed) = related_src
        .as_deref()
        .and_then(|url| resolve_url(url, &page_url()))
    {
        state.load_feed(feed);
    }
    match source {
        ArticleSource::Url(src) => match resolve_url(&src, &page_url()) {
            Some(url) => state.load(url, None),
            None => state.fail(LoadError::Network(format!(
                "data-src `{src}` is not an http(s) URL"
            ))),
        },
        ArticleSource::PageJsonLd => {
            let (scripts, options) = read_page_json_ld(hints);
            state.load_page(scripts, options);
        }
    }

    let is_loading = move || state.activity.with(|a| *a == Activity::Loading);
    let has_edition = move || state.shown.with(Option::is_some);
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
                // Keyed by edition: a new edition gets fresh elements, not the previous
                // edition's patched (its carousel scroll, its HTML blocks).
                <For
                    each=move || state.shown.get()
                    key=|shown| (shown.url.clone(), Arc::as_ptr(&shown.edition) as usize)
                    let:shown
                >
                    <ArticleHeader shown=shown.clone()/>
                    <ArticleBody shown=shown.clone()/>
                    <SourceAttribution shown=shown.clone()/>
                    {show_related.then(|| view! { <RelatedCarousel shown=shown/> })}
                </For>
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
            Activity::Failed(error) => {
                Some(view! { <LoadErrorPanel error=error kept_article=false/> })
            }
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

/// The text of the page's own `<script type="application/ld+json">`, and the options that map
/// it: the page's URL, and its `<link rel="alternate" hreflang>` links as the other editions.
fn read_page_json_ld(hints: JsonLdOptions) -> (Vec<String>, JsonLdOptions) {
    let url = page_url();
    let elements = |selector: &str| -> Vec<web_sys::Element> {
        let Some(nodes) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector_all(selector).ok())
        else {
            return Vec::new();
        };
        (0..nodes.length())
            .filter_map(|i| nodes.item(i)?.dyn_into().ok())
            .collect()
    };
    let scripts = elements("script[type=\"application/ld+json\"]")
        .iter()
        .filter_map(|script| script.text_content())
        .collect();
    let alternates = elements("link[rel=alternate][hreflang][href]")
        .iter()
        .filter_map(|link| {
            let href = resolve_url(&link.get_attribute("href")?, &url)?;
            Some((link.get_attribute("hreflang")?, href))
        })
        .collect();
    let options = JsonLdOptions {
        page_url: Some(url),
        alternates,
        ..hints
    };
    (scripts, options)
}
