use byline_model::state::Action;
use leptos::prelude::*;

use super::block_original::Comparing;

/// Turns the side-by-side view with the original on and off (a toggle button,
/// `aria-pressed`): two columns aligned block by block where the widget is wide, each
/// original under its translation where it is narrow.
#[component]
pub fn CompareToggle(comparing: Comparing) -> impl IntoView {
    let store = comparing.store;
    let on = store.select(|state| state.comparison().is_some_and(|c| c.side_by_side));
    view! {
        <button type="button" class="byline-compare-toggle byline-listen__button"
            aria-pressed=move || on.get().to_string()
            on:click=move |_| store.dispatch(Action::SideBySide(!on.get_untracked()))>
            {comparing.labels().side_by_side}
        </button>
    }
}
