use byline_model::i18n::{self, text_dir};
use byline_model::state::ShownEdition;
use byline_model::typography::clean_text;
use byline_model::Block;
use leptos::prelude::*;

use super::html_block::HtmlBlock;
use super::inline_runs::inline_runs;
use super::markup::{el, external_link, image};
use crate::api::ResolveLinks;
use crate::image_sources::ImageSources;

/// The article's blocks. Each element carries its block id, shared by every edition.
#[component]
pub fn ArticleBody(
    shown: ShownEdition,
    /// The language of the widget's own words (a teaser's link); the edition's when not given.
    #[prop(optional)]
    ui: Option<String>,
    /// Where images may come from; by default any host.
    #[prop(optional)]
    images: ImageSources,
) -> impl IntoView {
    let lang = &shown.edition.lang;
    let labels = i18n::labels(ui.as_deref().unwrap_or(lang));
    let mut body = el("div", "byline-body")
        .attr("lang", lang)
        .attr("dir", text_dir(lang));
    for block in &shown.edition.body {
        let built = match block {
            Block::Paragraph { id, content } => inline_runs(
                el("p", "byline-paragraph").attr("data-block-id", id),
                content,
                &shown,
            ),
            Block::Heading { id, content } => inline_runs(
                el("h3", "byline-subheading").attr("data-block-id", id),
                content,
                &shown,
            ),
            Block::Quote { id, content, cite } => el("blockquote", "byline-quote")
                .attr("data-block-id", id)
                .kid(inline_runs(el("p", ""), content, &shown))
                .maybe_kid(
                    cite.as_deref()
                        .map(|cite| el("footer", "byline-quote__cite").text(clean_text(cite))),
                ),
            Block::Image {
                id,
                src,
                alt,
                caption,
                credit,
                width,
                height,
            } => {
                // A 1×1 "photo" is a tracking pixel.
                let tiny = [width, height]
                    .iter()
                    .any(|side| side.is_some_and(|px| px <= 2));
                let Some(src) = images.resolve(&shown, src).filter(|_| !tiny) else {
                    continue;
                };
                let mut figure = el("figure", "byline-figure").attr("data-block-id", id).kid(
                    image("byline-figure__image", &src)
                        .attr("alt", &clean_text(alt))
                        .maybe_attr("width", width.map(|w| w.to_string()).as_deref())
                        .maybe_attr("height", height.map(|h| h.to_string()).as_deref())
                        .attr("loading", "lazy")
                        .attr("decoding", "async"),
                );
                if caption.is_some() || credit.is_some() {
                    let mut figcaption = el("figcaption", "byline-figure__caption");
                    if let Some(caption) = caption {
                        figcaption = figcaption.text(clean_text(caption));
                    }
                    if let Some(credit) = credit {
                        figcaption = figcaption
                            .text(" ")
                            .kid(el("span", "byline-figure__credit").text(clean_text(credit)));
                    }
                    figure = figure.kid(figcaption);
                }
                figure
            }
            Block::Html { id, html } => {
                let block = view! { <HtmlBlock id=id.clone() html=html.clone() shown=shown.clone() images=images.clone()/> };
                body = body.child(block.into_any());
                continue;
            }
            Block::More { id, href } => el("p", "byline-more")
                .attr("data-block-id", id)
                .attr("lang", ui.as_deref().unwrap_or(lang))
                .kid(
                    external_link("byline-more__link", shown.resolve(href).as_deref())
                        .text(labels.read_whole_article),
                ),
            Block::Unknown => continue,
        };
        body = body.kid(built);
    }
    body.into_view()
}
