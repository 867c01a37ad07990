//! Mounting one widget into a placeholder's shadow root, from Rust or from the loader.

use byline_model::config::{read_config, ConfigError, WidgetConfig};
use wasm_bindgen::prelude::*;
use web_sys::{
    CssStyleSheet, Element, HtmlElement, ResizeObserver, ShadowRoot, ShadowRootInit, ShadowRootMode,
};

use crate::host_events::HostEvents;
use crate::state::Widget;

/// The widget's stylesheet, adopted by every shadow root: the host page's CSS cannot reach in,
/// ours cannot leak out, and adopted sheets are allowed by strict style-src policies.
const WIDGET_CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/byline.min.css"));

/// Why a widget could not be mounted.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum MountError {
    #[error("{0}")]
    Config(#[from] ConfigError),
    #[error("the placeholder cannot hold a shadow root ({0})")]
    NoShadowRoot(String),
}

impl MountError {
    /// The machine-readable reason carried by the `error` event.
    pub fn reason(&self) -> &'static str {
        match self {
            MountError::Config(_) => "config",
            MountError::NoShadowRoot(_) => "shadow-root",
        }
    }
}

/// Reads a placeholder's configuration from its `data-*` attributes and the page's
/// `<meta name="byline:…">` defaults.
pub fn config_from_element(host: &Element) -> Result<WidgetConfig, ConfigError> {
    let document = host.owner_document();
    read_config(
        |name| host.get_attribute(&format!("data-{name}")),
        |name| {
            let selector = format!("meta[name=\"byline:{name}\"]");
            document
                .as_ref()?
                .query_selector(&selector)
                .ok()??
                .get_attribute("content")
        },
    )
}

/// A mounted widget. Dropping it or calling [`WidgetHandle::destroy`] removes the widget and
/// everything it registered; the placeholder's own content shows again.
#[wasm_bindgen]
pub struct WidgetHandle {
    widget: Option<Widget>,
    shadow: ShadowRoot,
    /// The observer behind the `resize` event, and the callback it holds.
    resize: Option<(ResizeObserver, ResizeCallback)>,
}

#[wasm_bindgen]
impl WidgetHandle {
    /// Removes the widget. Safe to call twice.
    pub fn destroy(&mut self) {
        if let Some((observer, _callback)) = self.resize.take() {
            observer.disconnect();
        }
        if self.widget.take().is_some() {
            // Only a slot is left, through which the placeholder's own content shows again.
            // (Not innerHTML: under Trusted Types even an empty string there is refused.)
            match self
                .shadow
                .owner_document()
                .and_then(|d| d.create_element("slot").ok())
            {
                Some(slot) => self.shadow.replace_children_with_node_1(&slot),
                None => self.shadow.replace_children_with_node_0(),
            }
            // Our :host rules go too, so the placeholder looks as the publisher styled it.
            self.shadow.set_adopted_style_sheets(&js_sys::Array::new());
        }
    }
}

impl Drop for WidgetHandle {
    fn drop(&mut self) {
        self.destroy();
    }
}

/// Renders a widget into `host`'s shadow root (created if needed, reused otherwise).
pub fn mount_widget(host: &Element, config: WidgetConfig) -> Result<WidgetHandle, MountError> {
    if crate::dom::document().is_none() {
        return Err(MountError::NoShadowRoot("cannot create elements".into()));
    }
    let shadow = shadow_root_of(host)?;
    adopt_widget_css(&shadow);
    let has_fallback = host.child_element_count() > 0
        || host
            .text_content()
            .is_some_and(|text| !text.trim().is_empty());
    let events = HostEvents::new(host.clone());
    let widget = Widget::new(&config, has_fallback, events.clone());
    let container = crate::dom::el("div", "byline-root")
        .child(&widget.root())
        .cast::<HtmlElement>();
    shadow
        .append_child(&container)
        .map_err(|e| MountError::NoShadowRoot(js_error_text(&e)))?;
    let resize = report_resizes(&container, events.clone());
    events.emit("ready", &[]);
    widget.start(&config.source, config.related_src.as_deref());
    Ok(WidgetHandle {
        widget: Some(widget),
        shadow,
        resize,
    })
}

/// The loader's entry point: mounts a widget on `host` configured by its attributes.
/// On failure, emits the `error` event, logs why, and leaves the placeholder as it was.
#[wasm_bindgen(js_name = mount)]
pub fn mount_from_loader(host: Element) -> Result<WidgetHandle, JsValue> {
    let result = config_from_element(&host)
        .map_err(MountError::from)
        .and_then(|config| mount_widget(&host, config));
    result.map_err(|error| {
        let message = format!("Byline: {error}");
        web_sys::console::error_1(&message.clone().into());
        HostEvents::new(host).emit(
            "error",
            &[
                ("reason", error.reason().into()),
                ("message", message.clone().into()),
            ],
        );
        JsValue::from_str(&message)
    })
}

/// Emits `resize` with the widget's new height, so an iframe or a layout can follow it.
fn report_resizes(
    container: &HtmlElement,
    events: HostEvents,
) -> Option<(ResizeObserver, ResizeCallback)> {
    let watched = container.clone();
    let on_resize = ResizeCallback::new(move |_entries| {
        let height = watched.get_bounding_client_rect().height();
        events.emit("resize", &[("height", height.into())]);
    });
    let observer = ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok()?;
    observer.observe(container);
    Some((observer, on_resize))
}

type ResizeCallback = Closure<dyn FnMut(js_sys::Array)>;

/// Test-only: panics inside the module, to prove that every widget falls back safely. A panic
/// aborts the instance every widget shares; the loader recognises the trap (embed/byline.js).
#[cfg(feature = "test-hooks")]
#[wasm_bindgen(js_name = "__testPanic")]
pub fn test_panic() {
    panic!("deliberate panic from the test-only hook");
}

fn shadow_root_of(host: &Element) -> Result<ShadowRoot, MountError> {
    if let Some(existing) = host.shadow_root() {
        existing.replace_children_with_node_0();
        return Ok(existing);
    }
    host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
        .map_err(|e| MountError::NoShadowRoot(js_error_text(&e)))
}

fn adopt_widget_css(shadow: &ShadowRoot) {
    // A failure leaves the widget unstyled but working.
    if let Ok(sheet) = CssStyleSheet::new() {
        if sheet.replace_sync(WIDGET_CSS).is_ok() {
            shadow.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
        }
    }
}

/// A thrown JavaScript value as text ("NotSupportedError: …"): `Error.prototype.toString`,
/// which DOMExceptions share. (Debug formatting is compiled out of release builds.)
fn js_error_text(error: &JsValue) -> String {
    js_sys::Error::from(error.clone()).to_string().into()
}
