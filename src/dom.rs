//! Building the widget's DOM: elements with classes, attributes, text and children.
//!
//! Text is only ever inserted as text nodes and attribute values as values, so nothing built
//! here is parsed as HTML. (Article HTML goes through [`crate::sanitize`] instead.)

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Node};

const SVG: &str = "http://www.w3.org/2000/svg";

thread_local! {
    static DOCUMENT: Option<Document> = web_sys::window().and_then(|window| window.document());
}

/// The page's document, which every widget element belongs to.
pub fn document() -> Option<Document> {
    DOCUMENT.with(Clone::clone)
}

/// An element under construction.
pub struct Build(pub Element);

/// A new HTML element `tag` with `class` (none when empty).
pub fn el(tag: &str, class: &str) -> Build {
    created(
        DOCUMENT.with(|d| d.as_ref().map(|d| d.create_element(tag))),
        class,
    )
}

/// A new SVG element `tag` with `class` (none when empty).
pub fn svg(tag: &str, class: &str) -> Build {
    created(
        DOCUMENT.with(|d| d.as_ref().map(|d| d.create_element_ns(Some(SVG), tag))),
        class,
    )
}

fn created(element: Option<Result<Element, wasm_bindgen::JsValue>>, class: &str) -> Build {
    // Only fails for invalid tag names, and ours are constants; the module is never mounted
    // without a document (mount checks).
    let element = element.and_then(Result::ok).unwrap();
    if !class.is_empty() {
        let _ = element.set_attribute("class", class);
    }
    Build(element)
}

impl Build {
    pub fn attr(self, name: &str, value: &str) -> Self {
        let _ = self.0.set_attribute(name, value);
        self
    }

    /// Sets `name` only when there is a value.
    pub fn maybe_attr(self, name: &str, value: Option<&str>) -> Self {
        match value {
            Some(value) => self.attr(name, value),
            None => self,
        }
    }

    /// Appends `text` as a text node.
    pub fn text(self, text: &str) -> Self {
        let _ = self.0.append_with_str_1(text);
        self
    }

    pub fn child(self, node: &Node) -> Self {
        let _ = self.0.append_child(node);
        self
    }

    pub fn kid(self, child: Build) -> Self {
        self.child(&child.0)
    }

    pub fn maybe_kid(self, child: Option<Build>) -> Self {
        match child {
            Some(child) => self.kid(child),
            None => self,
        }
    }

    pub fn done(self) -> Element {
        self.0
    }

    /// The element as a more specific type (`HtmlSelectElement`, say).
    pub fn cast<T: JsCast>(self) -> T {
        self.0.unchecked_into()
    }
}

/// Sets or removes a boolean attribute (`disabled`, `inert`, `hidden`).
pub fn toggle(element: &Element, name: &str, on: bool) {
    let _ = element.toggle_attribute_with_force(name, on);
}
