use byline_model::carousel::CarouselView;
use byline_model::i18n::{self, fill, Labels};
use byline_model::typography::{clean_text, smarten_quotes};
use web_sys::{Element, HtmlElement, ScrollBehavior, ScrollToOptions};

use super::icons::arrow_icon;
use super::{external_link, image};
use crate::dom::{el, toggle, Build};
use crate::intl::{format_recent, prefers_reduced_motion};
use crate::state::ShownEdition;

/// Most related items the carousel shows.
pub const MAX_RELATED_SHOWN: usize = 50;

/// Classes the widget listens on: the buttons move a page, the track reports scrolling.
pub const PREVIOUS_CLASS: &str = "byline-carousel__prev";
pub const NEXT_CLASS: &str = "byline-carousel__next";
pub const TRACK_CLASS: &str = "byline-carousel__track";

/// "Ähnliche Nachrichten": related items in a scroll-snapping track (swipe and trackpad work
/// natively) with previous/next buttons that move one page of items. Items out of view are
/// inert, so keyboard and screen-reader users meet only what is shown.
pub struct RelatedCarousel {
    track: HtmlElement,
    slides: Vec<Element>,
    previous: Element,
    next: Element,
    /// Says politely which items are shown.
    live: Element,
    labels: &'static Labels,
    view: CarouselView,
}

impl RelatedCarousel {
    /// The section, and the carousel to keep up to date once it is laid out; nothing when
    /// there is nothing related to show.
    pub fn build(shown: &ShownEdition, ui: &str) -> Option<(Build, RelatedCarousel)> {
        let labels = i18n::labels(ui);
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
        let button = |class: &str, label: &str| {
            el("button", &["byline-arrow ", class].concat())
                .attr("type", "button")
                .attr("aria-label", label)
                .kid(arrow_icon())
                .done()
        };
        let previous = button(PREVIOUS_CLASS, labels.previous);
        let next = button(NEXT_CLASS, labels.next);
        let live = el("p", "byline-visually-hidden")
            .attr("aria-live", "polite")
            .attr("aria-atomic", "true")
            .done();
        let track: HtmlElement = el("div", TRACK_CLASS).cast();
        let count_text = count.to_string();
        let slides: Vec<Element> = edition
            .related
            .iter()
            .take(count)
            .enumerate()
            .map(|(index, item)| {
                let position = fill(
                    labels.slide_n_of_count,
                    &[("n", &(index + 1).to_string()), ("count", &count_text)],
                );
                let picture = item.image.as_deref().and_then(|src| shown.resolve(src));
                let time = item.published.as_ref().map(|at| {
                    let text = format_recent(at.unix_millis(), ui, &edition.country);
                    el("time", "").attr("datetime", at.as_str()).text(&text)
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
                            .text(&smarten_quotes(&item.headline, &edition.lang)),
                    )
                    .kid(
                        el("span", "byline-card__meta")
                            .maybe_kid(item.source.as_deref().map(|source| {
                                el("span", "byline-card__source").text(&clean_text(source))
                            }))
                            .maybe_kid(time),
                    );
                let slide = el("div", "byline-carousel__slide")
                    .attr("role", "group")
                    .attr("aria-roledescription", labels.slide)
                    .attr("aria-label", &position)
                    .kid(card)
                    .done();
                let _ = track.append_child(&slide);
                slide
            })
            .collect();
        let controls = el("div", "byline-related__controls")
            .child(&previous)
            .child(&next)
            .done();
        toggle(&controls, "hidden", count < 2);
        let section = el("section", "byline-related")
            .attr("aria-roledescription", labels.carousel)
            .attr("aria-labelledby", "byline-related-title")
            .kid(
                el("div", "byline-related__bar")
                    .kid(
                        el("h3", "byline-related__title")
                            .attr("id", "byline-related-title")
                            .text(labels.related),
                    )
                    .child(&controls),
            )
            .child(&live)
            .child(&track)
            .maybe_kid(all_news.map(|href| {
                external_link("byline-all-news", Some(&href))
                    .kid(el("span", "").text(labels.all_news))
                    .kid(arrow_icon())
            }));
        let carousel = RelatedCarousel {
            track,
            slides,
            previous,
            next,
            live,
            labels,
            // Until it is laid out and measured: one item per view.
            view: CarouselView {
                first: 0,
                per_view: 1,
                count,
            },
        };
        carousel.show_view();
        Some((section, carousel))
    }

    /// Reads which items are in view, after a scroll, a resize or the first layout.
    pub fn measure(&mut self) {
        if let Some(geometry) = TrackGeometry::read(&self.track) {
            let view = geometry.view(self.view.count);
            if view != self.view {
                self.view = view;
                self.show_view();
            }
        }
    }

    /// Scrolls a page of items forward or back, smoothly unless the reader asked for less
    /// motion.
    pub fn turn_page(&self, forward: bool) {
        let Some(geometry) = TrackGeometry::read(&self.track) else {
            return;
        };
        let index = if forward {
            self.view.next_page()
        } else {
            self.view.previous_page()
        };
        let options = ScrollToOptions::new();
        options.set_left(geometry.offset_of(index));
        options.set_behavior(if prefers_reduced_motion() {
            ScrollBehavior::Instant
        } else {
            ScrollBehavior::Smooth
        });
        self.track.scroll_to_with_scroll_to_options(&options);
    }

    fn show_view(&self) {
        let view = &self.view;
        for (index, slide) in self.slides.iter().enumerate() {
            toggle(slide, "inert", !view.is_visible(index));
        }
        toggle(&self.previous, "disabled", !view.can_go_back());
        toggle(&self.next, "disabled", !view.can_go_forward());
        let showing = fill(
            self.labels.showing_items,
            &[
                ("from", &(view.first + 1).to_string()),
                ("to", &view.last_shown().to_string()),
                ("count", &view.count.to_string()),
            ],
        );
        if self.live.text_content().as_deref() != Some(showing.as_str()) {
            self.live.set_text_content(Some(&showing));
        }
    }
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
