//! Article HTML, made safe: parsed by the browser's inert `DOMParser` (nothing in it runs or
//! loads), then rebuilt element by element from the allowlist in
//! `byline_model::sanitize_policy`. Nothing is ever serialized and re-parsed, so markup that
//! mutates on re-parsing (mXSS) has no second chance, and nothing from another namespace
//! (SVG, MathML) is rebuilt at all.
//!
//! Under Trusted Types the inert parse needs a `TrustedHTML`: it comes from the page-wide
//! policy named `byline`, whose only way to hand out HTML is this sanitizer.

use std::cell::{Cell, RefCell};

use byline_model::sanitize_policy::{
    attribute_value, element_rule, forced_attributes, is_tracking_image, ElementRule, MAX_DEPTH,
    MAX_NODES,
};
use byline_model::typography::clean_text;
use wasm_bindgen::prelude::*;
use web_sys::{Document, DocumentFragment, Element, HtmlElement, Node};

const XHTML: &str = "http://www.w3.org/1999/xhtml";

/// Sanitizes `html` into a fragment of `document`, resolving its URLs with `resolve`; an image
/// stays only if `allow_image` accepts its resolved URL and it is not a tracking pixel.
/// Malformed or hostile input gives less content, never an error.
///
/// Two passes: unwrapping elements (a `<table>`, say) can leave trees the HTML parser never
/// builds (`<p>` inside `<p>`, `<a>` inside `<a>`), which would change if our output were
/// parsed again. Rebuilding the first pass's markup once more settles them, so sanitizing
/// the output again changes nothing. The second pass sees only allowlisted markup.
pub fn sanitize_html(
    html: &str,
    document: &Document,
    resolve: &dyn Fn(&str) -> Option<String>,
    allow_image: &dyn Fn(&str) -> bool,
) -> DocumentFragment {
    let urls = Urls {
        resolve,
        allow_image,
    };
    // The first pass is built in the inert parse's own document, where nothing loads; only
    // the settled second pass is made in `document`.
    let markup = sanitize_once(html, None, &urls)
        .and_then(|first| {
            let holder = first.owner_document()?.create_element("div").ok()?;
            holder.append_child(&first).ok()?;
            Some(holder.inner_html())
        })
        .unwrap_or_default();
    sanitize_once(&markup, Some(document), &urls)
        .unwrap_or_else(|| document.create_document_fragment())
}

/// The text an HTML block shows once sanitized (what a reader reads of it).
pub fn html_text(html: &str) -> String {
    web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| sanitize_html(html, &document, &|_| None, &|_| false).text_content())
        .unwrap_or_default()
}

/// How the HTML's URLs are resolved, and which images may load.
struct Urls<'a> {
    resolve: &'a dyn Fn(&str) -> Option<String>,
    allow_image: &'a dyn Fn(&str) -> bool,
}

/// One pass, into a fragment of `document` (by default the inert parse's own).
fn sanitize_once(html: &str, document: Option<&Document>, urls: &Urls) -> Option<DocumentFragment> {
    let parsed = parse_inert(html)?;
    let document = document.unwrap_or(&parsed);
    let fragment = document.create_document_fragment();
    if let Some(body) = parsed.body() {
        let mut budget = MAX_NODES;
        rebuild_children(&body, &fragment, document, urls, 0, &mut budget);
    }
    Some(fragment)
}

fn rebuild_children(
    from: &Node,
    into: &Node,
    document: &Document,
    urls: &Urls,
    depth: usize,
    budget: &mut usize,
) {
    let mut child = from.first_child();
    while let Some(node) = child {
        child = node.next_sibling();
        if *budget == 0 {
            return;
        }
        *budget -= 1;
        match node.node_type() {
            Node::TEXT_NODE => {
                let text = node.text_content().unwrap_or_default();
                let _ = into.append_child(&document.create_text_node(&clean_text(&text)));
            }
            Node::ELEMENT_NODE => {
                let Ok(element) = node.dyn_into::<Element>() else {
                    continue;
                };
                if element.namespace_uri().as_deref() != Some(XHTML) || depth >= MAX_DEPTH {
                    continue;
                }
                let tag = element.local_name().to_ascii_lowercase();
                match element_rule(&tag) {
                    ElementRule::Drop => {}
                    ElementRule::Unwrap => {
                        rebuild_children(&element, into, document, urls, depth + 1, budget)
                    }
                    ElementRule::Keep(name) => {
                        if name == "img" && !image_may_load(&element, urls) {
                            continue;
                        }
                        let Ok(copy) = document.create_element(name) else {
                            continue;
                        };
                        copy_attributes(&element, &copy, name, urls.resolve);
                        rebuild_children(&element, &copy, document, urls, depth + 1, budget);
                        let _ = into.append_child(&copy);
                    }
                }
            }
            // Comments, processing instructions, doctypes: nothing a reader sees.
            _ => {}
        }
    }
}

/// Whether an image of the inert parse stays: with an https source the widget allows, and
/// not a tracking pixel. Decided before its copy exists: an image element with a source is
/// requested as soon as it is made, in the document or not. (One whose source was refused
/// would only show a broken icon.)
fn image_may_load(image: &Element, urls: &Urls) -> bool {
    let src = image
        .get_attribute("src")
        .and_then(|src| attribute_value("img", "src", &src, urls.resolve));
    src.is_some_and(|src| (urls.allow_image)(&src)) && !is_tracker(image)
}

/// Its inline style as the browser reads it (the parse does not render, but it does read
/// styles).
fn is_tracker(image: &Element) -> bool {
    let style = image.dyn_ref::<HtmlElement>().map(HtmlElement::style);
    is_tracking_image(
        |name| image.get_attribute(name),
        |property| {
            style
                .as_ref()
                .and_then(|style| style.get_property_value(property).ok())
                .unwrap_or_default()
        },
    )
}

fn copy_attributes(
    from: &Element,
    to: &Element,
    tag: &str,
    resolve: &dyn Fn(&str) -> Option<String>,
) {
    let attributes = from.attributes();
    for index in 0..attributes.length() {
        let Some(attribute) = attributes.item(index) else {
            continue;
        };
        // Namespaced attributes (xlink:href, …) are never on the allowlist.
        if attribute.namespace_uri().is_some() {
            continue;
        }
        let name = attribute.local_name().to_ascii_lowercase();
        if let Some(value) = attribute_value(tag, &name, &attribute.value(), resolve) {
            let _ = to.set_attribute(&name, &clean_text(&value));
        }
    }
    for (name, value) in forced_attributes(tag) {
        let _ = to.set_attribute(name, value);
    }
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = DOMParser)]
    type InertParser;
    #[wasm_bindgen(constructor, js_class = "DOMParser", catch)]
    fn new() -> Result<InertParser, JsValue>;
    /// Takes a string or a TrustedHTML.
    #[wasm_bindgen(method, js_name = parseFromString, catch)]
    fn parse_from_string(
        this: &InertParser,
        html: &JsValue,
        kind: &str,
    ) -> Result<Document, JsValue>;
}

thread_local! {
    /// True only while the sanitizer itself asks the policy for its inert parse.
    static PARSING: Cell<bool> = const { Cell::new(false) };
    /// The `byline` Trusted Types policy, created once per page (None: no Trusted Types).
    static POLICY: RefCell<Option<Option<JsValue>>> = const { RefCell::new(None) };
}

fn parse_inert(html: &str) -> Option<Document> {
    parse_inert_as(html, "text/html")
}

/// Parses `markup` as a document of type `kind` (`text/html`, `application/xml`) with the
/// inert `DOMParser`, through the `byline` policy under Trusted Types: nothing in it runs or
/// loads. For the sanitizer, and for feeds and pages read only for their data.
pub(crate) fn parse_inert_as(html: &str, kind: &str) -> Option<Document> {
    let parser = InertParser::new().ok()?;
    let input = match trusted_types_policy() {
        Some(policy) => {
            PARSING.with(|p| p.set(true));
            let trusted = call_method(&policy, "createHTML", &html.into());
            PARSING.with(|p| p.set(false));
            trusted?
        }
        None => JsValue::from_str(html),
    };
    parser.parse_from_string(&input, kind).ok()
}

fn trusted_types_policy() -> Option<JsValue> {
    POLICY.with(|slot| slot.borrow_mut().get_or_insert_with(create_policy).clone())
}

/// The page's `byline` policy. Its `createHTML` returns the input untouched only for the
/// sanitizer's own inert parse (see `PARSING`); for anyone else it returns sanitized HTML.
fn create_policy() -> Option<JsValue> {
    let factory = js_sys::Reflect::get(&js_sys::global(), &"trustedTypes".into()).ok()?;
    if factory.is_undefined() || factory.is_null() {
        return None;
    }
    let create_html = Closure::<dyn Fn(String) -> String>::new(|input: String| {
        if PARSING.with(Cell::get) {
            return input;
        }
        sanitized_markup(&input)
    });
    let rules = js_sys::Object::new();
    js_sys::Reflect::set(&rules, &"createHTML".into(), create_html.as_ref()).ok()?;
    // The policy lives as long as the page.
    create_html.forget();
    let policy = call_method(
        &factory,
        "createPolicy",
        &js_sys::Array::of2(&"byline".into(), &rules),
    );
    if policy.is_none() {
        web_sys::console::error_1(
            &"Byline: this page's CSP does not allow the Trusted Types policy `byline`; article HTML is left out".into(),
        );
    }
    policy
}

/// The sanitized form of `html` as markup, for the policy's other callers.
fn sanitized_markup(html: &str) -> String {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return String::new();
    };
    let base = crate::api::page_url();
    let fragment = sanitize_html(
        html,
        &document,
        &|url| crate::api::resolve_url(url, &base),
        &|_| true,
    );
    let Ok(holder) = document.create_element("div") else {
        return String::new();
    };
    let _ = holder.append_child(&fragment);
    holder.inner_html()
}

/// Calls `target[method](...args)`; `args` is one value or an Array of them.
fn call_method(target: &JsValue, method: &str, args: &JsValue) -> Option<JsValue> {
    let function: js_sys::Function = js_sys::Reflect::get(target, &method.into())
        .ok()?
        .dyn_into()
        .ok()?;
    let args = match args.dyn_ref::<js_sys::Array>() {
        Some(list) => list.clone(),
        None => js_sys::Array::of1(args),
    };
    function.apply(target, &args).ok()
}
