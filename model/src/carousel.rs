//! Index arithmetic for the related-news carousel, from measured scroll geometry.

/// What the carousel shows, computed from its track's geometry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CarouselView {
    /// Index of the first slide in view.
    pub first: usize,
    /// How many whole slides fit in the viewport (at least 1).
    pub per_view: usize,
    /// Number of slides.
    pub count: usize,
}

impl CarouselView {
    /// Measures the view. `scrolled` is the distance scrolled from the start (positive in both
    /// writing directions), `stride` the distance from one slide's start to the next's.
    pub fn measure(
        scrolled: f64,
        stride: f64,
        slide_width: f64,
        viewport: f64,
        count: usize,
    ) -> Self {
        // NaN compares false both ways: geometry that is not a positive number is unusable.
        let usable = |x: f64| x > 0.0;
        if count == 0 || !usable(stride) || !usable(slide_width) {
            return CarouselView {
                first: 0,
                per_view: 1,
                count,
            };
        }
        let gap = (stride - slide_width).max(0.0);
        // Half a pixel of slack: layout widths are fractional.
        let per_view = (((viewport + gap + 0.5) / stride).floor() as usize).clamp(1, count);
        let first = ((scrolled.abs() / stride).round() as usize).min(count - per_view);
        CarouselView {
            first,
            per_view,
            count,
        }
    }

    pub fn can_go_back(&self) -> bool {
        self.first > 0
    }

    pub fn can_go_forward(&self) -> bool {
        self.first + self.per_view < self.count
    }

    /// The first slide after moving one page forward.
    pub fn next_page(&self) -> usize {
        (self.first + self.per_view).min(self.count.saturating_sub(self.per_view))
    }

    /// The first slide after moving one page back.
    pub fn previous_page(&self) -> usize {
        self.first.saturating_sub(self.per_view)
    }

    pub fn is_visible(&self, index: usize) -> bool {
        index >= self.first && index < self.first + self.per_view
    }

    /// The last slide in view, counting from 1, for "items 4–6 of 10".
    pub fn last_shown(&self) -> usize {
        (self.first + self.per_view).min(self.count)
    }
}

#[cfg(test)]
mod tests {
    use super::CarouselView;

    // Slides 240 px wide with a 16 px gap: a stride of 256 px.
    fn at(scrolled: f64, viewport: f64) -> CarouselView {
        CarouselView::measure(scrolled, 256.0, 240.0, viewport, 10)
    }

    #[test]
    fn counts_whole_slides_in_the_viewport() {
        assert_eq!(at(0.0, 752.0).per_view, 3); // 3 × 240 + 2 × 16
        assert_eq!(at(0.0, 751.0).per_view, 2);
        assert_eq!(at(0.0, 200.0).per_view, 1);
    }

    #[test]
    fn pages_forward_and_back_without_overshooting() {
        let start = at(0.0, 752.0);
        assert!(!start.can_go_back());
        assert!(start.can_go_forward());
        assert_eq!(start.next_page(), 3);
        let near_end = at(256.0 * 6.0, 752.0);
        assert_eq!(near_end.first, 6);
        assert_eq!(near_end.next_page(), 7);
        let end = at(256.0 * 7.0, 752.0);
        assert!(!end.can_go_forward());
        assert_eq!(end.previous_page(), 4);
        assert_eq!(end.last_shown(), 10);
    }

    #[test]
    fn right_to_left_scroll_offsets_are_negative_but_mean_the_same() {
        assert_eq!(at(-512.0, 752.0).first, 2);
    }

    #[test]
    fn visibility_follows_the_first_slide() {
        let view = at(512.0, 752.0);
        assert!(!view.is_visible(1));
        assert!(view.is_visible(2) && view.is_visible(4));
        assert!(!view.is_visible(5));
    }

    #[test]
    fn degenerate_geometry_is_safe() {
        assert_eq!(CarouselView::measure(0.0, 0.0, 0.0, 0.0, 0).per_view, 1);
        assert_eq!(
            CarouselView::measure(f64::NAN, f64::NAN, 1.0, 10.0, 3).first,
            0
        );
        let one = CarouselView::measure(0.0, 256.0, 240.0, 2000.0, 1);
        assert!(!one.can_go_forward() && !one.can_go_back());
    }
}
