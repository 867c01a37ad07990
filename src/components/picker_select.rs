use byline_model::i18n::{self, Labels};
use byline_model::state::{Action, WidgetState};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlSelectElement;

use super::icons::ChevronDownIcon;
use crate::store::WidgetStore;

const PICKER: &str = "byline-picker";

/// One entry of a picker.
#[derive(Debug, Clone, PartialEq)]
pub struct PickerOption {
    pub value: String,
    pub label: String,
    /// Language of the label, when it differs from the widget's (language names in their own
    /// language).
    pub lang: Option<String>,
}

/// A labelled native `<select>` styled to the design, with a chevron. Native, so keyboard,
/// type-ahead, touch and screen readers work everywhere without code of ours. The select
/// itself stays across switches (and keeps focus); its options follow the edition.
#[component]
pub fn PickerSelect(
    store: WidgetStore,
    /// The form name, also the CSS hook: `language` or `country`.
    name: &'static str,
    /// The visible label, e.g. "Sprache auswählen", from the widget's labels.
    label: fn(&Labels) -> &'static str,
    /// The entries for the widget's state (rebuilt after each change of it: a switch's start
    /// and end, cheaply).
    options: fn(&WidgetState) -> Vec<PickerOption>,
    /// The value shown.
    selected: Memo<String>,
    /// What picking a value means.
    pick: fn(String) -> Action,
) -> impl IntoView {
    let ui = store.ui();
    let on_change = move |event: web_sys::Event| {
        // Only a select's own `change` says which value was picked.
        let picked = event
            .target()
            .and_then(|target| target.dyn_into::<HtmlSelectElement>().ok());
        if let Some(select) = picked {
            store.dispatch(pick(select.value()));
        }
    };
    view! {
        <label class=PICKER>
            <span class="byline-picker__label">{move || label(i18n::labels(&ui.get()))}</span>
            <span class="byline-picker__control">
                <select
                    class="byline-picker__select"
                    name=name
                    prop:value=move || selected.get()
                    on:change=on_change
                >
                    {move || {
                        let current = selected.get_untracked();
                        store
                            .read(options)
                            .into_iter()
                            .map(|option| {
                                let chosen = option.value == current;
                                view! {
                                    <option value=option.value lang=option.lang selected=chosen>
                                        {option.label}
                                    </option>
                                }
                            })
                            .collect_view()
                    }}
                </select>
                <ChevronDownIcon/>
            </span>
        </label>
    }
}
