use byline_model::compare::is_comparable;
use byline_model::i18n::{self, text_dir, Labels};
use byline_model::state::ShownEdition;
use byline_model::typography::clean_text;
use byline_model::Block;
use leptos::prelude::*;

use super::block_original::{BlockOriginal, Comparing};
use super::html_block::HtmlBlock;
use super::inline_runs::inline_runs;
use super::markup::{el, external_link, image};
use crate::api::ResolveLinks;
use crate::image_sources::ImageSources;

/// The article's blocks. Each element carries its block id, shared by every edition. When
/// the reader can compare the translation with its original, each text block comes in a row
/// with the control and the place for its original.
#[component]
pub fn ArticleBody(
    shown: ShownEdition,
    /// The language of the widget's own words (a teaser's link); the edition's when not given.
    #[prop(optional)]
    ui: Option<String>,
    /// Where images may come from; by default any host.
    #[prop(optional)]
    images: ImageSources,
    /// The comparison with the original, when the edition is a translation that has one.
    #[prop(optional_no_strip)]
    comparing: Option<Comparing>,
) -> impl IntoView {
    let lang = &shown.edition.lang;
    let ui = ui.unwrap_or_else(|| lang.to_string());
    let labels = i18n::labels(&ui);
    let mut body = el("div", "byline-body")
        .attr("lang", lang)
        .attr("dir", text_dir(lang));
    if let Some(comparing) = &comparing {
        body = body.kid(comparing.column_labels(lang));
    }
    for (index, block) in shown.edition.body.iter().enumerate() {
        let Some(view) = block_view(block, &shown, &images, labels, &ui) else {
            continue;
        };
        body = match (&comparing, block.id()) {
            (Some(comparing), Some(id)) if is_comparable(block) => body.kid(
                el("div", "byline-row").child(view).child(
                    view! { <BlockOriginal comparing=comparing.clone() block=id.to_string() index=index/> }
                        .into_any(),
                ),
            ),
            _ => body.child(view),
        };
    }
    body.into_view()
}

/// One block as shown: of the edition on screen, or of its original beside it.
pub fn block_view(
    block: &Block,
    shown: &ShownEdition,
    images: &ImageSources,
    labels: &Labels,
    ui: &str,
) -> Option<AnyView> {
    let built = match block {
        Block::Paragraph { id, content } => inline_runs(
            el("p", "byline-paragraph").attr("data-block-id", id),
            content,
            shown,
        ),
        Block::Heading { id, content } => inline_runs(
            el("h3", "byline-subheading").attr("data-block-id", id),
            content,
            shown,
        ),
        Block::Quote { id, content, cite } => el("blockquote", "byline-quote")
            .attr("data-block-id", id)
            .kid(inline_runs(el("p", ""), content, shown))
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
            let src = images.resolve(shown, src).filter(|_| !tiny)?;
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
            return Some(
                view! { <HtmlBlock id=id.clone() html=html.clone() shown=shown.clone() images=images.clone()/> }
                    .into_any(),
            );
        }
        Block::More { id, href } => el("p", "byline-more")
            .attr("data-block-id", id)
            .attr("lang", ui)
            .kid(
                external_link("byline-more__link", shown.resolve(href).as_deref())
                    .text(labels.read_whole_article),
            ),
        Block::Unknown => return None,
    };
    Some(built.into_view())
}
