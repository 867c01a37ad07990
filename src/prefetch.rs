//! The article's first request, started by the loader while the module downloads.
//!
//! For a plain `data-src` (no `{lang}`/`{country}` template) the loader fetches the edition
//! itself, with the same privacy settings as [`crate::api`] (no cookies, referrer cut to the
//! origin), in parallel with the wasm: the widget would only start it once the module runs.
//! The widget's first request for that URL takes the response instead of fetching again.

use std::cell::RefCell;

use js_sys::{Function, Promise};
use wasm_bindgen::prelude::*;
use web_sys::AbortSignal;

thread_local! {
    /// Set by the loader: `take(url, signal)` returns, once, the response promise of the
    /// request it started for `url` (which `signal` now aborts), or undefined.
    static TAKE: RefCell<Option<Function>> = const { RefCell::new(None) };
}

/// Called by the loader (`embed/byline.js`) once the module is initialised.
#[wasm_bindgen(js_name = setPrefetched)]
pub fn set_prefetched(take: Function) {
    TAKE.with(|slot| *slot.borrow_mut() = Some(take));
}

/// The loader's pending response for `url`, if it started one nobody took yet; `signal`
/// (a newer choice, the time limit) aborts it from now on, as it would the widget's own fetch.
pub fn take(url: &str, signal: &AbortSignal) -> Option<Promise> {
    let take = TAKE.with(|slot| slot.borrow().clone())?;
    take.call2(&JsValue::NULL, &url.into(), signal)
        .ok()?
        .dyn_into()
        .ok()
}
