//! The allowlist behind the HTML sanitizer: which elements and attributes of article HTML
//! survive, decided here without a DOM so every rule is tested natively. The widget's
//! `sanitize` module walks the browser's inert parse of the HTML and asks these questions.

use crate::url_check::check_link;

/// What becomes of an element found in article HTML.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ElementRule {
    /// Rebuilt as this element (a canonical name: `b` → `strong`, `h1` → `h3`).
    Keep(&'static str),
    /// The element goes, its children stay (`div`, `span`, `font`, unknown tags).
    Unwrap,
    /// The element goes with everything inside it (scripts, embedded content, forms).
    Drop,
}

/// The rule for an HTML element, by its lowercase local name. Elements from other namespaces
/// (SVG, MathML) never get here: the sanitizer drops them whole.
pub fn element_rule(tag: &str) -> ElementRule {
    use ElementRule::*;
    match tag {
        "p" | "br" | "em" | "strong" | "a" | "blockquote" | "q" | "cite" | "ul" | "ol" | "li"
        | "figure" | "figcaption" | "img" | "sub" | "sup" | "small" | "mark" | "abbr" | "code"
        | "pre" | "hr" | "s" | "del" | "ins" | "time" | "h3" | "h4" => Keep(canonical(tag)),
        "b" => Keep("strong"),
        "i" => Keep("em"),
        "strike" => Keep("s"),
        // The headline is the article's top heading; headings in the body rank below it.
        "h1" | "h2" => Keep("h3"),
        "h5" | "h6" => Keep("h4"),
        "script" | "style" | "template" | "iframe" | "frame" | "frameset" | "object" | "embed"
        | "applet" | "svg" | "math" | "form" | "input" | "button" | "select" | "option"
        | "optgroup" | "textarea" | "datalist" | "output" | "noscript" | "noembed" | "noframes"
        | "title" | "head" | "meta" | "link" | "base" | "xmp" | "plaintext" | "listing"
        | "canvas" | "audio" | "video" | "source" | "track" | "picture" | "map" | "area"
        | "portal" | "dialog" | "slot" | "param" | "marquee" | "frameborder" => Drop,
        _ => Unwrap,
    }
}

fn canonical(tag: &str) -> &'static str {
    const KEPT: [&str; 28] = [
        "p",
        "br",
        "em",
        "strong",
        "a",
        "blockquote",
        "q",
        "cite",
        "ul",
        "ol",
        "li",
        "figure",
        "figcaption",
        "img",
        "sub",
        "sup",
        "small",
        "mark",
        "abbr",
        "code",
        "pre",
        "hr",
        "s",
        "del",
        "ins",
        "time",
        "h3",
        "h4",
    ];
    KEPT.iter()
        .find(|kept| **kept == tag)
        .copied()
        .unwrap_or("span")
}

/// The value an attribute keeps on a kept element, or `None` when it is dropped. `resolve`
/// turns a URL from the HTML into an absolute one (against the edition's URL); URLs are
/// checked before and after resolving.
pub fn attribute_value(
    tag: &str,
    name: &str,
    value: &str,
    resolve: impl Fn(&str) -> Option<String>,
) -> Option<String> {
    match (tag, name) {
        (_, "lang") => is_language_tag(value).then(|| value.to_string()),
        (_, "dir") => matches!(value, "ltr" | "rtl" | "auto").then(|| value.to_string()),
        (_, "title") | ("img", "alt") => Some(value.to_string()),
        ("a", "href") => {
            let is_mailto = value
                .get(..7)
                .is_some_and(|scheme| scheme.eq_ignore_ascii_case("mailto:"));
            if let Some(address) = is_mailto.then(|| &value[7..]) {
                let plain = !address.is_empty()
                    && !address.contains(|c: char| c.is_control() || c.is_whitespace());
                return plain.then(|| value.to_string());
            }
            check_link(value).ok()?;
            let absolute = resolve(value)?;
            (absolute.starts_with("https://") || absolute.starts_with("http://"))
                .then_some(absolute)
        }
        ("img", "src") => {
            check_link(value).ok()?;
            let absolute = resolve(value)?;
            // Images load without a click: only over HTTPS.
            absolute.starts_with("https://").then_some(absolute)
        }
        ("img", "width" | "height") | ("ol", "start") => {
            (value.len() <= 5 && !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()))
                .then(|| value.to_string())
        }
        ("time", "datetime") => {
            crate::timestamp::Timestamp::parse(value).map(|_| value.to_string())
        }
        _ => None,
    }
}

/// Attributes set on every kept element of a kind, whatever the HTML said.
pub fn forced_attributes(tag: &str) -> &'static [(&'static str, &'static str)] {
    match tag {
        "a" => &[
            ("rel", "noopener noreferrer nofollow"),
            ("target", "_blank"),
        ],
        "img" => &[
            ("loading", "lazy"),
            ("decoding", "async"),
            ("referrerpolicy", "strict-origin-when-cross-origin"),
        ],
        _ => &[],
    }
}

/// Whether an `<img>` can only be a tracking pixel, so it goes before anything requests it:
/// declared 2 pixels or less wide or high, or hidden (the `hidden` attribute, or an inline
/// style that hides it or sizes it down). The sanitizer drops `hidden` and `style`, which
/// would otherwise bring such an image into view and have it load.
///
/// `attribute(name)` answers the element's attributes as written; `style(property)` the
/// browser's reading of its inline style (empty when not set).
pub fn is_tracking_image(
    attribute: impl Fn(&str) -> Option<String>,
    style: impl Fn(&str) -> String,
) -> bool {
    let declared_tiny = ["width", "height"]
        .iter()
        .any(|name| attribute(name).is_some_and(|value| is_pixel_size(&value)));
    declared_tiny || attribute("hidden").is_some() || hidden_by_style(style)
}

/// A width or height attribute of 2 pixels or less, read as HTML reads dimensions: leading
/// digits and an optional fraction, anything after them ignored; a percentage is no pixel
/// size, and neither is a value that does not start with a digit.
pub fn is_pixel_size(value: &str) -> bool {
    let value = value.trim_start_matches(|c: char| c.is_ascii_whitespace());
    leading_number(value).is_some_and(|number| !number.rest.starts_with('%') && number.at_most_2())
}

/// An inline style, as the browser read it, that leaves an image unseen.
fn hidden_by_style(style: impl Fn(&str) -> String) -> bool {
    const HIDING: [(&str, &str); 4] = [
        ("display", "none"),
        ("visibility", "hidden"),
        ("visibility", "collapse"),
        ("content-visibility", "hidden"),
    ];
    const SIZES: [&str; 4] = ["width", "height", "max-width", "max-height"];
    // Under 0.1 (or 10%).
    let faded = leading_number(&style("opacity")).is_some_and(|opacity| {
        if opacity.rest.starts_with('%') {
            opacity.whole.len() <= 1
        } else {
            opacity.whole.is_empty() && !opacity.fraction.starts_with(|c: char| c != '0')
        }
    });
    faded
        || HIDING
            .iter()
            .any(|(property, value)| style(property).eq_ignore_ascii_case(value))
        || SIZES
            .iter()
            .any(|property| is_tiny_length(&style(property)))
}

/// A CSS length of 2px or less, or zero in any unit.
fn is_tiny_length(value: &str) -> bool {
    leading_number(value).is_some_and(|number| {
        number.is_zero() || (number.rest.eq_ignore_ascii_case("px") && number.at_most_2())
    })
}

/// A decimal number at the start of a value, compared as digits (float parsing would add
/// kilobytes to the widget for what needs none).
struct LeadingNumber<'a> {
    /// Without leading zeros.
    whole: &'a str,
    fraction: &'a str,
    /// What follows the number (a unit, `%`).
    rest: &'a str,
}

impl LeadingNumber<'_> {
    fn is_zero(&self) -> bool {
        self.whole.is_empty() && self.fraction.bytes().all(|b| b == b'0')
    }

    fn at_most_2(&self) -> bool {
        match self.whole {
            "" | "1" => true,
            "2" => self.fraction.bytes().all(|b| b == b'0'),
            _ => false,
        }
    }
}

/// The number at the start of `value`: digits, then an optional `.` and digits.
fn leading_number(value: &str) -> Option<LeadingNumber<'_>> {
    let digits = |s: &str| s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    let end = digits(value);
    if end == 0 {
        return None;
    }
    let (whole, after) = value.split_at(end);
    let (fraction, rest) = match after.strip_prefix('.') {
        Some(tail) => tail.split_at(digits(tail)),
        None => ("", after),
    };
    Some(LeadingNumber {
        whole: whole.trim_start_matches('0'),
        fraction,
        rest,
    })
}

fn is_language_tag(value: &str) -> bool {
    (2..=35).contains(&value.len())
        && value
            .split('-')
            .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Most nested elements the sanitizer rebuilds; deeper content is dropped. Real articles
/// nest a handful; thousands of levels only serve to exhaust the stack.
pub const MAX_DEPTH: usize = 32;
/// Most nodes the sanitizer rebuilds from one HTML block.
pub const MAX_NODES: usize = 20_000;

#[cfg(test)]
mod tests {
    use super::*;

    fn resolve(url: &str) -> Option<String> {
        if url.starts_with("http://") || url.starts_with("https://") {
            Some(url.to_string())
        } else {
            Some(format!("https://news.example/a/{url}"))
        }
    }

    #[test]
    fn text_level_and_block_elements_are_kept_under_canonical_names() {
        assert_eq!(element_rule("p"), ElementRule::Keep("p"));
        assert_eq!(element_rule("b"), ElementRule::Keep("strong"));
        assert_eq!(element_rule("i"), ElementRule::Keep("em"));
        assert_eq!(element_rule("h1"), ElementRule::Keep("h3"));
        assert_eq!(element_rule("h6"), ElementRule::Keep("h4"));
    }

    #[test]
    fn active_and_embedded_content_is_dropped_whole() {
        for tag in [
            "script", "style", "iframe", "object", "embed", "svg", "math", "form", "base", "meta",
            "template", "noscript", "textarea",
        ] {
            assert_eq!(element_rule(tag), ElementRule::Drop, "{tag}");
        }
        assert_eq!(element_rule("div"), ElementRule::Unwrap);
        assert_eq!(element_rule("custom-element"), ElementRule::Unwrap);
    }

    #[test]
    fn links_keep_only_http_https_and_mailto() {
        assert_eq!(
            attribute_value("a", "href", "https://expansion.mx/", resolve).as_deref(),
            Some("https://expansion.mx/")
        );
        assert_eq!(
            attribute_value("a", "href", "story.html", resolve).as_deref(),
            Some("https://news.example/a/story.html")
        );
        assert_eq!(
            attribute_value("a", "href", "mailto:desk@news.example", resolve).as_deref(),
            Some("mailto:desk@news.example")
        );
        for bad in [
            "javascript:alert(1)",
            "JAVASCRIPT:alert(1)",
            "java\tscript:alert(1)",
            " javascript:x",
            "data:text/html,x",
            "vbscript:x",
            "mailto:",
            "mailto:a b",
        ] {
            assert_eq!(attribute_value("a", "href", bad, resolve), None, "{bad:?}");
        }
    }

    #[test]
    fn images_load_only_over_https() {
        assert!(attribute_value("img", "src", "https://cdn.example/a.jpg", resolve).is_some());
        assert!(attribute_value("img", "src", "pic.jpg", resolve).is_some());
        assert_eq!(
            attribute_value("img", "src", "http://cdn.example/a.jpg", resolve),
            None
        );
        assert_eq!(
            attribute_value("img", "src", "data:image/png;base64,AAAA", resolve),
            None
        );
    }

    fn attrs<'a>(list: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            list.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.to_string())
        }
    }

    fn tracking(attributes: &[(&str, &str)], style: &[(&str, &str)]) -> bool {
        let style = attrs(style);
        is_tracking_image(attrs(attributes), |property| {
            style(property).unwrap_or_default()
        })
    }

    #[test]
    fn images_declared_two_pixels_or_less_are_trackers() {
        for (width, height) in [
            ("1", "1"),
            ("0", "0"),
            ("2", "600"),
            ("640", "1"),
            ("1px", "1px"),
            (" 1", "480"),
            ("1.9", "300"),
            ("2.", "300"),
        ] {
            assert!(
                tracking(&[("width", width), ("height", height)], &[]),
                "{width}×{height}"
            );
        }
        assert!(tracking(&[("height", "1")], &[]));
        for (width, height) in [
            ("3", "3"),
            ("640", "480"),
            ("100%", "1%"),
            ("-1", "-1"),
            ("", ""),
            ("auto", "x1"),
            ("2.5", "300"),
        ] {
            assert!(
                !tracking(&[("width", width), ("height", height)], &[]),
                "{width}×{height}"
            );
        }
        assert!(!tracking(&[], &[]));
    }

    #[test]
    fn images_hidden_by_attribute_or_inline_style_are_trackers() {
        assert!(tracking(&[("hidden", "")], &[]));
        for (property, value) in [
            ("display", "none"),
            ("visibility", "hidden"),
            ("visibility", "collapse"),
            ("content-visibility", "hidden"),
            ("opacity", "0"),
            ("opacity", "0.05"),
            ("opacity", "5%"),
            ("width", "0px"),
            ("width", "1px"),
            ("height", "2px"),
            ("height", "0em"),
            ("max-width", "0px"),
            ("max-height", "1px"),
        ] {
            assert!(tracking(&[], &[(property, value)]), "{property}: {value}");
        }
        for (property, value) in [
            ("display", "block"),
            ("visibility", "visible"),
            ("opacity", "1"),
            ("opacity", "0.5"),
            ("opacity", "50%"),
            ("width", "3px"),
            ("width", "1em"),
            ("width", "100%"),
            ("width", "calc(1px)"),
            ("height", "auto"),
            ("max-width", "none"),
        ] {
            assert!(!tracking(&[], &[(property, value)]), "{property}: {value}");
        }
    }

    #[test]
    fn event_handlers_styles_and_unknown_attributes_never_survive() {
        for name in [
            "onclick",
            "onerror",
            "style",
            "srcdoc",
            "formaction",
            "class",
            "id",
            "src",
            "href",
            "xlink:href",
        ] {
            assert_eq!(attribute_value("p", name, "x", resolve), None, "{name}");
        }
        assert_eq!(attribute_value("img", "onerror", "alert(1)", resolve), None);
        assert_eq!(attribute_value("img", "width", "100%", resolve), None);
        assert_eq!(
            attribute_value("p", "dir", "rtl", resolve).as_deref(),
            Some("rtl")
        );
        assert_eq!(
            attribute_value("p", "lang", "de\" onclick=\"x", resolve),
            None
        );
    }
}
