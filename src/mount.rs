//! Mounting one widget into a placeholder's shadow root, from Rust or from the loader.

use byline_model::config::{read_config, ConfigError, Resume, WidgetConfig};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlElement, ShadowRoot};

use crate::components::ArticleWidget;
use crate::hooks::{use_adopted_stylesheet, use_resize_observer, use_shadow_root};
use crate::host_events::HostEvents;

/// The widget's stylesheet, adopted by every shadow root.
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
    /// Leptos's handle of the mounted view: dropping it unmounts the view and runs every
    /// cleanup (requests aborted, listeners and observers removed, stylesheet dropped).
    unmount: Option<Box<dyn std::any::Any>>,
    shadow: ShadowRoot,
}

#[wasm_bindgen]
impl WidgetHandle {
    /// Removes the widget. Safe to call twice.
    pub fn destroy(&mut self) {
        if self.unmount.take().is_some() {
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
        }
    }
}

impl Drop for WidgetHandle {
    fn drop(&mut self) {
        self.destroy();
    }
}

/// Mounts a widget into `host`'s shadow root (created if needed, reused otherwise) with
/// Leptos's `mount_to`, and tells the page it is `ready` once its first view (the skeleton,
/// or the placeholder's own content) is in place.
pub fn mount_widget(host: &Element, config: WidgetConfig) -> Result<WidgetHandle, MountError> {
    let document = host
        .owner_document()
        .ok_or_else(|| MountError::NoShadowRoot("the placeholder has no document".into()))?;
    let shadow = use_shadow_root(host).map_err(|e| MountError::NoShadowRoot(js_error_text(&e)))?;
    let container: HtmlElement = document
        .create_element("div")
        .map_err(|e| MountError::NoShadowRoot(js_error_text(&e)))?
        .unchecked_into();
    container.set_class_name("byline-root");
    shadow
        .append_child(&container)
        .map_err(|e| MountError::NoShadowRoot(js_error_text(&e)))?;
    let has_fallback = host.child_element_count() > 0
        || host
            .text_content()
            .is_some_and(|text| !text.trim().is_empty());
    let events = HostEvents::new(host.clone());
    let (root, sheet_root) = (container.clone(), shadow.clone());
    let resize_events = events.clone();
    let widget_events = events.clone();
    #[cfg(feature = "test-hooks")]
    let panic_host = host.clone();
    let unmount = leptos::mount::mount_to(container, move || {
        use_adopted_stylesheet(&sheet_root, WIDGET_CSS);
        // So an iframe or a layout can follow the widget's height.
        use_resize_observer(&root, move |height| {
            resize_events.emit("resize", &[("height", height.into())])
        });
        #[cfg(feature = "test-hooks")]
        panic_on_test_event(&panic_host);
        view! { <ArticleWidget config=config has_fallback=has_fallback events=widget_events/> }
    });
    events.emit("ready", &[]);
    Ok(WidgetHandle {
        unmount: Some(Box::new(unmount)),
        shadow,
    })
}

/// The loader's entry point: mounts a widget on `host` configured by its attributes, or,
/// when the loader restarts the module after a panic, at the edition `resume` (`{url, lang,
/// country}`, from the widget's last `render` event). On failure, emits the `error` event,
/// logs why, and leaves the placeholder as it was.
#[wasm_bindgen(js_name = mount)]
pub fn mount_from_loader(host: Element, resume: JsValue) -> Result<WidgetHandle, JsValue> {
    let result = config_from_element(&host)
        .map(|config| match resume_from_js(&resume) {
            Some(at) => config.resumed(at),
            None => config,
        })
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

/// Test-only: panics inside the module, to prove that every widget falls back safely. A panic
/// aborts the instance every widget shares; the loader recognises the trap (embed/byline.js).
#[cfg(feature = "test-hooks")]
#[wasm_bindgen(js_name = "__testPanic")]
pub fn test_panic() {
    panic!("deliberate panic from the test-only hook");
}

/// Test-only: a `byline-test-panic` event on the placeholder panics inside the module instance
/// that mounted the widget (after the loader has restarted the module, `__testPanic` of the
/// first instance no longer reaches the live one).
#[cfg(feature = "test-hooks")]
fn panic_on_test_event(host: &Element) {
    let on_event = Closure::<dyn Fn()>::new(|| panic!("deliberate panic from the test-only event"));
    let _ = host
        .add_event_listener_with_callback("byline-test-panic", on_event.as_ref().unchecked_ref());
    let kept = send_wrapper::SendWrapper::new((host.clone(), on_event));
    on_cleanup(move || {
        let (host, on_event) = &*kept;
        let _ = host.remove_event_listener_with_callback(
            "byline-test-panic",
            on_event.as_ref().unchecked_ref(),
        );
    });
}

/// `{url, lang, country}` with three strings, or nothing.
fn resume_from_js(value: &JsValue) -> Option<Resume> {
    let text = |key: &str| js_sys::Reflect::get(value, &key.into()).ok()?.as_string();
    if !value.is_object() {
        return None;
    }
    Some(Resume {
        url: text("url")?,
        lang: text("lang")?,
        country: text("country")?,
    })
}

/// A thrown JavaScript value as text ("NotSupportedError: …"): `Error.prototype.toString`,
/// which DOMExceptions share. (Debug formatting is compiled out of release builds.)
fn js_error_text(error: &JsValue) -> String {
    js_sys::Error::from(error.clone()).to_string().into()
}
