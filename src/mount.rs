//! Mounting one widget into a host element's shadow root.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CssStyleSheet, Element, HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode};

use crate::components::ArticleWidget;

/// The widget's stylesheet, adopted by every shadow root: the host page's CSS cannot reach in,
/// ours cannot leak out, and adopted sheets are allowed by strict style-src policies.
const WIDGET_CSS: &str = include_str!("../style/byline.css");

/// What a publisher configures on a placeholder.
#[derive(Debug, Clone, PartialEq)]
pub struct WidgetConfig {
    /// `data-src`: URL of the edition to show first, relative to the page.
    pub src: String,
    /// `data-lang`: the language of that edition, spoken by the widget until it has arrived.
    pub lang: Option<String>,
    /// `data-ui-lang`: the language of the widget's own words, whatever the edition's.
    pub ui_lang: Option<String>,
}

impl WidgetConfig {
    /// Reads the configuration from the placeholder's `data-*` attributes.
    pub fn from_element(element: &Element) -> Result<WidgetConfig, MountError> {
        let attribute = |name: &str| {
            element
                .get_attribute(name)
                .map(|value| value.trim().to_string())
                .filter(|value| !value.is_empty())
        };
        Ok(WidgetConfig {
            src: attribute("data-src").ok_or(MountError::MissingSource)?,
            lang: attribute("data-lang"),
            ui_lang: attribute("data-ui-lang"),
        })
    }
}

/// Why a widget could not be mounted.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum MountError {
    #[error("the placeholder has no data-src attribute naming the article JSON")]
    MissingSource,
    #[error("the placeholder cannot hold a shadow root ({0})")]
    NoShadowRoot(String),
}

/// A mounted widget. Dropping it removes the widget and everything it registered.
pub struct WidgetHandle {
    _unmount: Box<dyn std::any::Any>,
}

/// Renders a widget into `host`'s shadow root (created if needed, reused otherwise).
pub fn mount_widget(host: &Element, config: WidgetConfig) -> Result<WidgetHandle, MountError> {
    let shadow = shadow_root_of(host)?;
    adopt_widget_css(&shadow);
    let document = host.owner_document().ok_or_else(|| MountError::NoShadowRoot("no document".into()))?;
    let container: HtmlElement = document
        .create_element("div")
        .map_err(|e| MountError::NoShadowRoot(format!("{e:?}")))?
        .unchecked_into();
    container.set_class_name("byline-root");
    shadow
        .append_child(&container)
        .map_err(|e| MountError::NoShadowRoot(format!("{e:?}")))?;
    let WidgetConfig { src, lang, ui_lang } = config;
    let unmount = leptos::mount::mount_to(container, move || {
        view! { <ArticleWidget src=src ui_lang=ui_lang lang_hint=lang/> }
    });
    Ok(WidgetHandle { _unmount: Box::new(unmount) })
}

fn shadow_root_of(host: &Element) -> Result<ShadowRoot, MountError> {
    if let Some(existing) = host.shadow_root() {
        existing.set_inner_html("");
        return Ok(existing);
    }
    host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
        .map_err(|e| MountError::NoShadowRoot(format!("{e:?}")))
}

fn adopt_widget_css(shadow: &ShadowRoot) {
    // One sheet per widget; a failure leaves the widget unstyled but working.
    if let Ok(sheet) = CssStyleSheet::new() {
        if sheet.replace_sync(WIDGET_CSS).is_ok() {
            shadow.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
        }
    }
}
