//! Inline SVG icons: decorative (`aria-hidden`), coloured by `currentColor`.

use leptos::prelude::*;

/// The chevron of the language and country pickers.
#[component]
pub fn ChevronDownIcon() -> impl IntoView {
    view! {
        <svg class="byline-icon byline-icon--chevron" viewBox="0 0 16 16" width="16" height="16"
            aria-hidden="true" focusable="false">
            <path d="M3.5 6l4.5 4.5L12.5 6" fill="none" stroke="currentColor" stroke-width="1.75"
                stroke-linecap="round" stroke-linejoin="round"/>
        </svg>
    }
}

/// The animated arrow of the carousel buttons and the "all news" link. It points forward in
/// the reading direction; CSS mirrors it for "previous" and for right-to-left.
#[component]
pub fn ArrowIcon() -> impl IntoView {
    view! {
        <svg class="byline-icon byline-icon--arrow" viewBox="0 0 24 24" width="20" height="20"
            aria-hidden="true" focusable="false">
            <path class="byline-icon__shaft" d="M4 12h15" fill="none" stroke="currentColor"
                stroke-width="2" stroke-linecap="round"/>
            <path class="byline-icon__head" d="M13 6l6 6-6 6" fill="none" stroke="currentColor"
                stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/>
        </svg>
    }
}
