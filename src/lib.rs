//! Byline: a news-article widget for any web page, rendered client-side from article JSON.
//!
//! [`mount_widget`] renders one independent widget into an element's shadow root; the demo
//! (`main.rs`) and the embed entry call it once per placeholder. The article model and all
//! pure logic live in the `byline-model` crate; this crate fetches, keeps state and renders.

mod api;
pub mod components;
mod intl;
mod mount;
mod state;

pub use api::LoadError;
pub use mount::{mount_widget, MountError, WidgetConfig, WidgetHandle};
