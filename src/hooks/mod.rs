//! Browser behaviours Leptos does not cover, one per file, in the leptos-use style: each
//! `use_*` registers what it needs and releases it in `on_cleanup`, with the widget.

mod use_adopted_stylesheet;
mod use_prefers_reduced_motion;
mod use_resize_observer;
mod use_shadow_root;
mod use_speech_voice;

pub use use_adopted_stylesheet::use_adopted_stylesheet;
pub use use_prefers_reduced_motion::use_prefers_reduced_motion;
pub use use_resize_observer::use_resize_observer;
pub use use_shadow_root::use_shadow_root;
pub use use_speech_voice::{speech_synthesis, use_speech_voice, voice_for};
