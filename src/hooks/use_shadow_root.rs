use wasm_bindgen::JsValue;
use web_sys::{Element, ShadowRoot, ShadowRootInit, ShadowRootMode};

/// The open shadow root the widget renders into: `host`'s own if it has one (emptied: a
/// second `attachShadow` would throw), else a new one.
///
/// Attaching hides the placeholder's children; the widget shows them again through a
/// `<slot>` while it loads and after it fails.
///
/// ## Usage
/// ```ignore
/// let shadow = use_shadow_root(&host)?;
/// ```
pub fn use_shadow_root(host: &Element) -> Result<ShadowRoot, JsValue> {
    if let Some(existing) = host.shadow_root() {
        existing.replace_children_with_node_0();
        return Ok(existing);
    }
    host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
}
