use leptos::prelude::on_cleanup;
use send_wrapper::SendWrapper;
use wasm_bindgen::prelude::*;
use web_sys::{Element, ResizeObserver};

/// Calls `on_resize` with `target`'s height each time its size changes, until the calling
/// owner is cleaned up.
///
/// ## Usage
/// ```ignore
/// use_resize_observer(&container, move |height| events.emit("resize", &[("height", height.into())]));
/// ```
pub fn use_resize_observer(target: &Element, on_resize: impl Fn(f64) + 'static) {
    let watched = target.clone();
    let callback = Closure::<dyn Fn(js_sys::Array)>::new(move |_entries| {
        on_resize(watched.get_bounding_client_rect().height());
    });
    let Ok(observer) = ResizeObserver::new(callback.as_ref().unchecked_ref()) else {
        return;
    };
    observer.observe(target);
    let kept = SendWrapper::new((observer, callback));
    on_cleanup(move || kept.0.disconnect());
}
