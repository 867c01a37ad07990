//! Byline: a news-article widget for any web page, a Leptos app rendered client-side from
//! article JSON.
//!
//! The loader script (`embed/byline.js`) calls the exported `mount` once per placeholder;
//! [`mount_widget`] mounts one independent widget into an element's shadow root. The article
//! model, the widget's state reducer and all pure logic live in the `byline-model` crate;
//! this crate fetches, keeps that state in signals and renders it.

mod api;
pub mod components;
mod formats;
mod hooks;
mod host_events;
mod image_sources;
mod intl;
mod mount;
mod page_json_ld;
mod prefetch;
mod sanitize;
mod store;

pub use byline_model::config::{ConfigError, WidgetConfig};
pub use byline_model::state::LoadError;
pub use host_events::HostEvents;
pub use image_sources::ImageSources;
pub use mount::{config_from_element, mount_from_loader, mount_widget, MountError, WidgetHandle};
pub use sanitize::sanitize_html;
pub use store::WidgetStore;

#[cfg(target_arch = "wasm32")]
#[global_allocator]
// SAFETY: wasm32 without threads: one thread only.
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };
