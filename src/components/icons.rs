//! Inline SVG icons: decorative (`aria-hidden`), coloured by `currentColor`.

use crate::dom::{svg, Build};

/// An icon's `<svg>`: `view_box` square, drawn `size` pixels wide and high.
fn icon(class: &str, view_box: &str, size: &str) -> Build {
    svg("svg", class)
        .attr("viewBox", view_box)
        .attr("width", size)
        .attr("height", size)
        .attr("aria-hidden", "true")
        .attr("focusable", "false")
}

/// A rounded stroke along `d`.
fn stroke(class: &str, d: &str, width: &str) -> Build {
    svg("path", class)
        .attr("d", d)
        .attr("fill", "none")
        .attr("stroke", "currentColor")
        .attr("stroke-width", width)
        .attr("stroke-linecap", "round")
}

/// The chevron of the language and country pickers.
pub fn chevron_down_icon() -> Build {
    icon("byline-icon byline-icon--chevron", "0 0 16 16", "16")
        .kid(stroke("", "M3.5 6l4.5 4.5L12.5 6", "1.75").attr("stroke-linejoin", "round"))
}

/// The animated arrow of the carousel buttons and the "all news" link. It points forward in
/// the reading direction; CSS mirrors it for "previous" and for right-to-left.
pub fn arrow_icon() -> Build {
    icon("byline-icon byline-icon--arrow", "0 0 24 24", "20")
        .kid(stroke("byline-icon__shaft", "M4 12h15", "2"))
        .kid(stroke("byline-icon__head", "M13 6l6 6-6 6", "2").attr("stroke-linejoin", "round"))
}
