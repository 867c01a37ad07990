//! Byline: a news-article widget for any web page, rendered client-side from article JSON.
//!
//! The loader script (`embed/byline.js`) calls the exported `mount` once per placeholder;
//! [`mount_widget`] renders one independent widget into an element's shadow root. The
//! article model and all pure logic live in the `byline-model` crate; this crate fetches,
//! keeps state and renders it with the browser's DOM (`dom.rs`: no framework, for size).

mod api;
pub mod components;
mod dom;
mod formats;
mod host_events;
mod intl;
mod mount;
mod prefetch;
mod sanitize;
mod state;

pub use api::LoadError;
pub use byline_model::config::{ConfigError, WidgetConfig};
pub use mount::{config_from_element, mount_from_loader, mount_widget, MountError, WidgetHandle};
pub use sanitize::sanitize_html;

#[cfg(target_arch = "wasm32")]
#[global_allocator]
// SAFETY: wasm32 without threads: one thread only.
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };
