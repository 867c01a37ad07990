use leptos::html::Select;
use leptos::prelude::*;
use web_sys::HtmlSelectElement;

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
    /// The value to show; `None` leaves the select as the reader set it.
    #[prop(into)]
    selected: Signal<Option<String>>,
    /// Called with the value the reader picked.
    #[prop(into)]
    on_pick: Callback<String>,
) -> impl IntoView {
    // The options are plain DOM, rebuilt when they or the selection change: the select itself
    // stays (and keeps focus), and this is far less code than a reactive list of views.
    let select = NodeRef::<Select>::new();
    Effect::new(move |_| {
        let current = selected.get();
        let options = options.get();
        if let Some(select) = select.get() {
            let current = current.unwrap_or_else(|| select.value());
            fill_options(&select, &options, &current);
        }
    });
    view! {
        <label class="byline-picker">
            <span class="byline-picker__label">{label}</span>
            <span class="byline-picker__control">
                <select
                    class="byline-picker__select"
                    name=name
                    node_ref=select
                    on:change=move |ev| on_pick.run(event_target_value(&ev))
                ></select>
                <ChevronDownIcon/>
            </span>
        </label>
    }
}

fn fill_options(select: &HtmlSelectElement, options: &[PickerOption], current: &str) {
    let Some(document) = select.owner_document() else {
        return;
    };
    let nodes = js_sys::Array::new();
    for option in options {
        let Ok(element) = document.create_element("option") else {
            continue;
        };
        let _ = element.set_attribute("value", &option.value);
        if let Some(lang) = &option.lang {
            let _ = element.set_attribute("lang", lang);
        }
        element.set_text_content(Some(&option.label));
        nodes.push(&element);
    }
    select.replace_children_with_node(&nodes);
    select.set_value(current);
}
