use leptos::prelude::on_cleanup;
use send_wrapper::SendWrapper;
use web_sys::{CssStyleSheet, ShadowRoot};

/// Adopts `css` into `shadow` as a constructable stylesheet for as long as the calling owner
/// lives. Adopted sheets pass the strictest `style-src` policies (a `<style>` element would
/// not); the host page's CSS cannot reach in, ours cannot leak out.
///
/// A failure leaves the widget unstyled but working.
///
/// ## Usage
/// ```ignore
/// use_adopted_stylesheet(&shadow, WIDGET_CSS);
/// ```
pub fn use_adopted_stylesheet(shadow: &ShadowRoot, css: &str) {
    let Ok(sheet) = CssStyleSheet::new() else {
        return;
    };
    if sheet.replace_sync(css).is_err() {
        return;
    }
    shadow.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
    // Our :host rules go with the widget, so the placeholder looks as the publisher made it.
    let shadow = SendWrapper::new(shadow.clone());
    on_cleanup(move || shadow.set_adopted_style_sheets(&js_sys::Array::new()));
}
