use byline_model::carousel::CarouselView;
use byline_model::i18n::{self, fill};
use byline_model::state::ShownEdition;
use byline_model::typography::{clean_text, smarten_quotes};
use leptos::html::Div;
use leptos::prelude::*;

use crate::api::ResolveLinks;
use crate::image_sources::ImageSources;
use web_sys::{HtmlElement, ScrollBehavior, ScrollToOptions};

use super::icons::ArrowIcon;
use super::markup::{el, external_link, image};
use crate::hooks::use_prefers_reduced_motion;
use crate::intl::format_recent;

/// Most related items the carousel shows.
pub const MAX_RELATED_SHOWN: usize = 50;

const SECTION: &str = "byline-related";
const TRACK: &str = "byline-carousel__track";
const SLIDE: &str = "byline-carousel__slide";

/// "Ähnliche Nachrichten": related items in a scroll-snapping track (swipe and trackpad work
/// natively) with previous/next buttons that move one page of items. Items out of view are
/// inert, so keyboard and screen-reader users meet only what is shown.
#[component]
pub fn RelatedCarousel(
    shown: ShownEdition,
    /// The language of the widget's own words.
    ui: String,
    /// Where the cards' images may come from; by default any host.
    #[prop(optional)]
    images: ImageSources,
) -> impl IntoView {
    let labels = i18n::labels(&ui);
    let edition = &shown.edition;
    // A feed gone wrong may list thousands; the carousel shows the first ones.
    let count = edition.related.len().min(MAX_RELATED_SHOWN);
    let all_news = edition
        .all_news_url
        .as_deref()
        .and_then(|url| shown.resolve(url));
    if count == 0 && all_news.is_none() {
        return None;
    }
    let track = NodeRef::<Div>::new();
    // Until it is laid out and measured: one item per view.
    let view_state = RwSignal::new(CarouselView {
        first: 0,
        per_view: 1,
        count,
    });

    // Layout callbacks (a frame, a scroll, a resize) may arrive after the reader has switched
    // editions and this carousel is gone: every access here is a `try_`.
    let measure = move || {
        let track = track.try_get_untracked().flatten();
        if let Some(geometry) = track.and_then(|t| TrackGeometry::read(&t)) {
            let view = geometry.view(count);
            if view_state
                .try_get_untracked()
                .is_some_and(|old| old != view)
            {
                view_state.try_set(view);
            }
        }
    };
    let go_to = move |index: usize| {
        let Some(track) = track.try_get_untracked().flatten() else {
            return;
        };
        let Some(geometry) = TrackGeometry::read(&track) else {
            return;
        };
        let options = ScrollToOptions::new();
        options.set_left(geometry.offset_of(index));
        options.set_behavior(if use_prefers_reduced_motion() {
            ScrollBehavior::Instant
        } else {
            ScrollBehavior::Smooth
        });
        track.scroll_to_with_scroll_to_options(&options);
    };
    // Measured once laid out, and whenever the viewport changes.
    track.on_load(move |_| request_animation_frame(measure));
    let resize = window_event_listener_untyped("resize", move |_| measure());
    on_cleanup(move || resize.remove());

    let count_text = count.to_string();
    let slides = edition
        .related
        .iter()
        .take(count)
        .enumerate()
        .map(|(index, item)| {
            let position = fill(
                labels.slide_n_of_count,
                &[("n", &(index + 1).to_string()), ("count", &count_text)],
            );
            let picture = item
                .image
                .as_deref()
                .and_then(|src| images.resolve(&shown, src));
            let time = item.published.as_ref().map(|at| {
                let text = format_recent(at.unix_millis(), &ui, &edition.country);
                el("time", "").attr("datetime", at.as_str()).text(text)
            });
            let card = external_link("byline-card", shown.resolve(&item.url).as_deref())
                .kid(
                    el("span", "byline-card__media").maybe_kid(picture.map(|src| {
                        image("byline-card__image", &src)
                            .attr("alt", "")
                            .attr("width", "320")
                            .attr("height", "180")
                            .attr("loading", "lazy")
                            .attr("decoding", "async")
                    })),
                )
                .kid(
                    el("span", "byline-card__headline")
                        .text(smarten_quotes(&item.headline, &edition.lang)),
                )
                .kid(
                    el("span", "byline-card__meta")
                        .maybe_kid(item.source.as_deref().map(|source| {
                            el("span", "byline-card__source").text(clean_text(source))
                        }))
                        .maybe_kid(time),
                );
            view! {
                <div
                    class=SLIDE
                    role="group"
                    aria-roledescription=labels.slide
                    aria-label=position
                    inert=move || !view_state.get().is_visible(index)
                >
                    {card.into_view()}
                </div>
            }
        })
        .collect_view();

    let showing = move || {
        let view = view_state.get();
        fill(
            labels.showing_items,
            &[
                ("from", &(view.first + 1).to_string()),
                ("to", &view.last_shown().to_string()),
                ("count", &view.count.to_string()),
            ],
        )
    };
    Some(view! {
        <section class=SECTION aria-roledescription=labels.carousel
            aria-labelledby="byline-related-title">
            <div class="byline-related__bar">
                <h3 class="byline-related__title" id="byline-related-title">{labels.related}</h3>
                <div class="byline-related__controls" hidden=count < 2>
                    <button type="button" class="byline-arrow byline-carousel__prev"
                        aria-label=labels.previous
                        disabled=move || !view_state.get().can_go_back()
                        on:click=move |_| go_to(view_state.get_untracked().previous_page())>
                        <ArrowIcon/>
                    </button>
                    <button type="button" class="byline-arrow byline-carousel__next"
                        aria-label=labels.next
                        disabled=move || !view_state.get().can_go_forward()
                        on:click=move |_| go_to(view_state.get_untracked().next_page())>
                        <ArrowIcon/>
                    </button>
                </div>
            </div>
            <p class="byline-visually-hidden" aria-live="polite" aria-atomic="true">{showing}</p>
            <div class=TRACK node_ref=track on:scroll=move |_| measure()>
                {slides}
            </div>
            {all_news.map(|href| {
                external_link("byline-all-news", Some(&href))
                    .kid(el("span", "").text(labels.all_news))
                    .child(view! { <ArrowIcon/> }.into_any())
                    .into_view()
            })}
        </section>
    })
}

/// The track's scroll geometry, read from layout.
struct TrackGeometry {
    scrolled: f64,
    stride: f64,
    slide_width: f64,
    viewport: f64,
    /// -1 when slides run leftwards (right-to-left), where scroll offsets are negative.
    sign: f64,
}

impl TrackGeometry {
    fn read(track: &HtmlElement) -> Option<TrackGeometry> {
        let slides = track.children();
        let first = slides.item(0)?.get_bounding_client_rect();
        let (stride, sign) = match slides.item(1) {
            Some(second) => {
                let delta = second.get_bounding_client_rect().left() - first.left();
                (delta.abs(), if delta < 0.0 { -1.0 } else { 1.0 })
            }
            None => (first.width(), 1.0),
        };
        Some(TrackGeometry {
            scrolled: track.scroll_left() as f64,
            stride,
            slide_width: first.width(),
            viewport: track.client_width() as f64,
            sign,
        })
    }

    fn view(&self, count: usize) -> CarouselView {
        CarouselView::measure(
            self.scrolled,
            self.stride,
            self.slide_width,
            self.viewport,
            count,
        )
    }

    fn offset_of(&self, index: usize) -> f64 {
        self.sign * self.stride * index as f64
    }
}
