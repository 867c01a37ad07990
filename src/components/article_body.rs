use byline_model::i18n::Direction;
use byline_model::typography::clean_text;
use byline_model::Block;
use leptos::prelude::*;

use super::html_block::HtmlBlock;
use super::inline_runs::inline_runs;
use crate::state::ShownEdition;

/// The article's blocks. Each element carries its block id, shared by every edition.
#[component]
pub fn ArticleBody(shown: ShownEdition) -> impl IntoView {
    let lang = shown.edition.lang.to_string();
    let blocks = shown
        .edition
        .body
        .iter()
        .map(|block| match block {
            Block::Paragraph { id, content } => view! {
                <p class="byline-paragraph" data-block-id=id.clone()>{inline_runs(content, &shown)}</p>
            }
            .into_any(),
            Block::Heading { id, content } => view! {
                <h3 class="byline-subheading" data-block-id=id.clone()>{inline_runs(content, &shown)}</h3>
            }
            .into_any(),
            Block::Quote { id, content, cite } => view! {
                <blockquote class="byline-quote" data-block-id=id.clone()>
                    <p>{inline_runs(content, &shown)}</p>
                    {cite.as_deref().map(|cite| view! { <footer class="byline-quote__cite">{clean_text(cite).into_owned()}</footer> })}
                </blockquote>
            }
            .into_any(),
            Block::Image { id, src, alt, caption, credit, width, height } => {
                let Some(src) = shown.resolve(src) else { return ().into_any() };
                let has_caption = caption.is_some() || credit.is_some();
                view! {
                    <figure class="byline-figure" data-block-id=id.clone()>
                        <img
                            class="byline-figure__image" referrerpolicy="strict-origin-when-cross-origin"
                            src=src
                            alt=clean_text(alt).into_owned()
                            width=*width
                            height=*height
                            loading="lazy"
                            decoding="async"
                        />
                        {has_caption.then(|| view! {
                            <figcaption class="byline-figure__caption">
                                {caption.as_deref().map(|c| clean_text(c).into_owned())}
                                {credit.as_deref().map(|credit| view! {
                                    " " <span class="byline-figure__credit">{clean_text(credit).into_owned()}</span>
                                })}
                            </figcaption>
                        })}
                    </figure>
                }
                .into_any()
            }
            Block::Html { id, html } => view! {
                <HtmlBlock id=id.clone() html=html.clone() shown=shown.clone()/>
            }
            .into_any(),
            Block::Unknown => ().into_any(),
        })
        .collect_view();
    view! {
        <div class="byline-body" lang=lang.clone() dir=Direction::of(&lang).as_attr()>{blocks}</div>
    }
}
