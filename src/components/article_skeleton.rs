use leptos::prelude::*;

/// Grey shapes where the article will be, so nothing jumps when it arrives.
#[component]
pub fn ArticleSkeleton(
    /// Said to assistive technology while the shapes are shown.
    label: &'static str,
) -> impl IntoView {
    let line = |class: &'static str| view! { <span class=class></span> };
    view! {
        <div class="byline-skeleton" role="status" aria-label=label>
            <div class="byline-skeleton__pickers">
                {line("byline-skeleton__box byline-skeleton__picker")}
                {line("byline-skeleton__box byline-skeleton__picker")}
            </div>
            {line("byline-skeleton__box byline-skeleton__headline")}
            {line("byline-skeleton__box byline-skeleton__headline byline-skeleton__short")}
            {line("byline-skeleton__box byline-skeleton__standfirst")}
            {(0..8).map(|_| view! {
                <span class="byline-skeleton__paragraph">
                    {line("byline-skeleton__box byline-skeleton__line")}
                    {line("byline-skeleton__box byline-skeleton__line")}
                    {line("byline-skeleton__box byline-skeleton__line byline-skeleton__short")}
                </span>
            }).collect_view()}
        </div>
    }
}
