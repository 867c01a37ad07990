use crate::dom::{el, Build};

const BOX: &str = "byline-skeleton__box ";

/// Grey shapes where the article will be, so nothing jumps when it arrives; `label` is said
/// to assistive technology while they are shown.
pub fn article_skeleton(label: &str) -> Build {
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
    skeleton
}
