//! Demo entry: mounts a widget on every `.byline-article` placeholder of the demo page.

fn main() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Ok(placeholders) = document.query_selector_all(".byline-article") else { return };
    for index in 0..placeholders.length() {
        let Some(element) = placeholders.item(index).and_then(|n| n.dyn_into().ok()) else {
            continue;
        };
        match byline::WidgetConfig::from_element(&element)
            .and_then(|config| byline::mount_widget(&element, config))
        {
            // The demo widgets live as long as the page.
            Ok(handle) => std::mem::forget(handle),
            Err(error) => web_sys::console::error_1(&format!("Byline: {error}").into()),
        }
    }
}

use wasm_bindgen::JsCast;
