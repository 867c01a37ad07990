use web_sys::{Element, HtmlSelectElement};

use super::icons::chevron_down_icon;
use crate::dom::el;

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
/// type-ahead, touch and screen readers work everywhere without code of ours. The widget
/// listens for its `change` events; its `name` says which picker it is.
pub struct PickerSelect {
    pub element: Element,
    label: Element,
    select: HtmlSelectElement,
}

impl PickerSelect {
    /// `name` is the form name, also the CSS hook: `language` or `country`.
    pub fn new(name: &str) -> Self {
        let label = el("span", "byline-picker__label").done();
        let select: HtmlSelectElement = el("select", "byline-picker__select")
            .attr("name", name)
            .cast();
        let element = el("label", "byline-picker")
            .child(&label)
            .kid(
                el("span", "byline-picker__control")
                    .child(&select)
                    .kid(chevron_down_icon()),
            )
            .done();
        PickerSelect {
            element,
            label,
            select,
        }
    }

    /// Shows `label` and `options`, with `selected` chosen; `None` leaves the select as the
    /// reader set it (a switch is under way). The select itself stays, and keeps focus.
    pub fn update(&self, label: &str, options: &[PickerOption], selected: Option<&str>) {
        self.label.set_text_content(Some(label));
        let current = selected.map_or_else(|| self.select.value(), str::to_string);
        let nodes = js_sys::Array::new();
        for option in options {
            let node = el("option", "")
                .attr("value", &option.value)
                .maybe_attr("lang", option.lang.as_deref())
                .text(&option.label);
            nodes.push(&node.0);
        }
        self.select.replace_children_with_node(&nodes);
        self.select.set_value(&current);
    }
}
