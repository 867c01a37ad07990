use byline_model::carousel::CarouselView;
use byline_model::i18n::{self, fill};
use byline_model::typography::{clean_text, smarten_quotes};
use leptos::ev;
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, ScrollBehavior, ScrollToOptions};

use super::icons::ArrowIcon;
use super::{UiLang, EXTERNAL_REL};
use crate::intl::{format_recent, prefers_reduced_motion};
use crate::state::ShownEdition;

/// Most related items the carousel shows.
pub const MAX_RELATED_SHOWN: usize = 50;

/// "Ähnliche Nachrichten": related items in a scroll-snapping track (swipe and trackpad work
/// natively) with previous/next buttons that move one page of items. Items out of view are
/// inert, so keyboard and screen-reader users meet only what is shown.
#[component]
pub fn RelatedCarousel(shown: ShownEdition) -> impl IntoView {
    let ui = expect_context::<UiLang>().0.get_untracked();
    let labels = i18n::labels(&ui);
    let edition = &shown.edition;
    // A feed gone wrong may list thousands; the carousel shows the first ones.
    let count = edition.related.len().min(MAX_RELATED_SHOWN);
    let track = NodeRef::<Div>::new();
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
            view_state.try_set(geometry.view(count));
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
        options.set_behavior(if prefers_reduced_motion() {
            ScrollBehavior::Instant
        } else {
            ScrollBehavior::Smooth
        });
        track.scroll_to_with_scroll_to_options(&options);
    };
    // Measure once laid out, and whenever the viewport changes.
    Effect::new(move |_| {
        if track.get().is_some() {
            request_animation_frame(measure);
        }
    });
    let resize = window_event_listener(ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());

    let slides = edition
        .related
        .iter()
        .take(count)
        .enumerate()
        .map(|(index, item)| {
            let href = shown.resolve(&item.url);
            let image = item.image.as_deref().and_then(|image| shown.resolve(image));
            let position = fill(
                labels.slide_n_of_count,
                &[("n", &(index + 1).to_string()), ("count", &count.to_string())],
            );
            let meta = item.published.as_ref().map(|at| {
                let text = format_recent(at.unix_millis(), &ui, &edition.country);
                view! { <time datetime=at.as_str().to_string()>{text}</time> }
            });
            view! {
                <div
                    class="byline-carousel__slide"
                    role="group"
                    aria-roledescription=labels.slide
                    aria-label=position
                    inert=move || !view_state.get().is_visible(index)
                >
                    <a class="byline-card" href=href target="_blank" rel=EXTERNAL_REL>
                        <span class="byline-card__media">
                            {image.map(|src| view! {
                                <img class="byline-card__image" referrerpolicy="strict-origin-when-cross-origin" src=src alt="" width="320" height="180"
                                    loading="lazy" decoding="async"/>
                            })}
                        </span>
                        <span class="byline-card__headline">
                            {smarten_quotes(&item.headline, &edition.lang).into_owned()}
                        </span>
                        <span class="byline-card__meta">
                            {item.source.as_deref().map(|s| view! { <span class="byline-card__source">{clean_text(s).into_owned()}</span> })}
                            {meta}
                        </span>
                    </a>
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
                ("count", &count.to_string()),
            ],
        )
    };
    let all_news = edition
        .all_news_url
        .as_deref()
        .and_then(|url| shown.resolve(url));

    (count > 0 || all_news.is_some()).then(|| view! {
        <section class="byline-related" aria-roledescription=labels.carousel
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
            <div class="byline-carousel__track" node_ref=track on:scroll=move |_| measure()>
                {slides}
            </div>
            {all_news.map(|href| view! {
                <a class="byline-all-news" href=href target="_blank" rel=EXTERNAL_REL>
                    <span>{labels.all_news}</span>
                    <ArrowIcon/>
                </a>
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
    fn read(track: &Element) -> Option<TrackGeometry> {
        let slides = track.children();
        let first = slides.item(0)?.get_bounding_client_rect();
        let (stride, sign) = match slides.item(1) {
            Some(second) => {
                let delta = second.get_bounding_client_rect().left() - first.left();
                (delta.abs(), if delta < 0.0 { -1.0 } else { 1.0 })
            }
            None => (first.width(), 1.0),
        };
        let track: &web_sys::HtmlElement = track.dyn_ref()?;
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
