use leptos::prelude::*;

use super::markup::el;

const BOX: &str = "byline-skeleton__box ";

/// Grey shapes where the article will be, so nothing jumps when it arrives.
#[component]
pub fn ArticleSkeleton(
    /// Said to assistive technology while the shapes are shown.
    label: &'static str,
) -> impl IntoView {
    let line = |class: &str| el("span", &[BOX, class].concat());
    let mut skeleton = el("div", "byline-skeleton")
        .attr("role", "status")
        .attr("aria-label", label)
        .kid(
            el("div", "byline-skeleton__pickers")
                .kid(line("byline-skeleton__picker"))
                .kid(line("byline-skeleton__picker")),
        )
        .kid(line("byline-skeleton__headline"))
        .kid(line("byline-skeleton__headline byline-skeleton__short"))
        .kid(line("byline-skeleton__standfirst"));
    for _ in 0..8 {
        skeleton = skeleton.kid(
            el("span", "byline-skeleton__paragraph")
                .kid(line("byline-skeleton__line"))
                .kid(line("byline-skeleton__line"))
                .kid(line("byline-skeleton__line byline-skeleton__short")),
        );
    }
    skeleton.into_view()
}
