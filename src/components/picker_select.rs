use leptos::prelude::*;

use super::icons::ChevronDownIcon;

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
/// type-ahead, touch and screen readers work everywhere without code of ours.
#[component]
pub fn PickerSelect(
    /// The visible label, e.g. "Sprache auswählen".
    #[prop(into)]
    label: Signal<String>,
    /// The form name, also the CSS hook: `language` or `country`.
    name: &'static str,
    #[prop(into)] options: Signal<Vec<PickerOption>>,
    /// The value on screen; the select returns to it when a switch fails.
    #[prop(into)]
    selected: Signal<String>,
    /// Called with the value the reader picked.
    #[prop(into)]
    on_pick: Callback<String>,
) -> impl IntoView {
    view! {
        <label class="byline-picker">
            <span class="byline-picker__label">{label}</span>
            <span class="byline-picker__control">
                <select
                    class="byline-picker__select"
                    name=name
                    prop:value=move || selected.get()
                    on:change=move |ev| on_pick.run(event_target_value(&ev))
                >
                    {move || {
                        let current = selected.get();
                        options
                            .get()
                            .into_iter()
                            .map(|option| {
                                let is_current = option.value == current;
                                view! {
                                    <option value=option.value lang=option.lang selected=is_current>
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
