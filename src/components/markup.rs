//! Static markup for an edition's content, built as Leptos views of one shape.
//!
//! An edition's header, body, source and cards never change once rendered: a new edition
//! gets fresh views. Written with `view!`, every distinct tree of elements is a distinct
//! type, and Leptos compiles building and rebuilding code for each; these elements are all
//! one type (a tag, a list of attributes, a list of children), so that code exists once.
//! Text is only ever a text node and attribute values only values: nothing is parsed as HTML.

use leptos::attr::any_attribute::{AnyAttribute, IntoAnyAttribute};
use leptos::attr::custom::custom_attribute;
use leptos::html::custom;
use leptos::prelude::*;

/// An element under construction.
pub struct Markup {
    tag: &'static str,
    attributes: Vec<AnyAttribute>,
    children: Vec<AnyView>,
}

/// A new element `tag` with `class` (none when empty).
pub fn el(tag: &'static str, class: &str) -> Markup {
    let markup = Markup {
        tag,
        attributes: Vec::new(),
        children: Vec::new(),
    };
    if class.is_empty() {
        markup
    } else {
        markup.attr("class", class)
    }
}

impl Markup {
    pub fn attr(mut self, name: &'static str, value: &str) -> Self {
        self.attributes
            .push(custom_attribute(name, value.to_string()).into_any_attr());
        self
    }

    /// Sets `name` only when there is a value.
    pub fn maybe_attr(self, name: &'static str, value: Option<&str>) -> Self {
        match value {
            Some(value) => self.attr(name, value),
            None => self,
        }
    }

    /// Appends `text` as a text node.
    pub fn text(mut self, text: impl Into<String>) -> Self {
        self.children.push(text.into().into_any());
        self
    }

    /// Appends a child element.
    pub fn kid(self, child: Markup) -> Self {
        self.child(child.into_view())
    }

    pub fn maybe_kid(self, child: Option<Markup>) -> Self {
        match child {
            Some(child) => self.kid(child),
            None => self,
        }
    }

    /// Appends any view (a component, an icon).
    pub fn child(mut self, child: AnyView) -> Self {
        self.children.push(child);
        self
    }

    pub fn maybe_child(self, child: Option<AnyView>) -> Self {
        match child {
            Some(child) => self.child(child),
            None => self,
        }
    }

    /// The element as a view.
    pub fn into_view(self) -> AnyView {
        custom(self.tag)
            .add_any_attr(self.attributes)
            .child(self.children)
            .into_any()
    }
}

/// A link that leaves the publisher's page: a new tab, no opener access, no referrer.
pub fn external_link(class: &str, href: Option<&str>) -> Markup {
    el("a", class)
        .maybe_attr("href", href)
        .attr("target", "_blank")
        .attr("rel", "noopener noreferrer")
}

/// An image named by the article's data: its request tells the image host the page's origin
/// at most, never the page's URL.
pub fn image(class: &str, src: &str) -> Markup {
    el("img", class)
        .attr("referrerpolicy", "strict-origin-when-cross-origin")
        .attr("src", src)
}
