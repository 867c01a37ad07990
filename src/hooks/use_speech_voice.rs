use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::SpeechSynthesis;

/// The page's speech synthesis, when the browser has one.
pub fn speech_synthesis() -> Option<SpeechSynthesis> {
    let window = web_sys::window()?;
    js_sys::Reflect::get(&window, &"speechSynthesis".into())
        .ok()?
        .dyn_into()
        .ok()
}

/// The first voice of `synthesis` that speaks `lang` (its primary language: `de-DE` for `de`).
pub fn voice_for(synthesis: &SpeechSynthesis, lang: &str) -> Option<wasm_bindgen::JsValue> {
    let primary = lang.split('-').next()?.to_ascii_lowercase();
    synthesis.get_voices().iter().find(|voice| {
        js_sys::Reflect::get(voice, &"lang".into())
            .ok()
            .and_then(|lang| lang.as_string())
            .is_some_and(|lang| {
                lang.split(['-', '_']).next().map(str::to_ascii_lowercase) == Some(primary.clone())
            })
    })
}

/// True while the browser has a voice for `lang`: browsers load their voices after the page,
/// and tell with `voiceschanged`. Always false without speech synthesis.
///
/// ## Usage
/// ```ignore
/// let can_listen = use_speech_voice("de");
/// view! { <Show when=move || can_listen.get()>…</Show> }
/// ```
pub fn use_speech_voice(lang: &str) -> ReadSignal<bool> {
    let synthesis = speech_synthesis();
    let has_voice = move |lang: &str| {
        synthesis
            .as_ref()
            .is_some_and(|s| voice_for(s, lang).is_some())
    };
    let (available, set_available) = signal(has_voice(lang));
    if let Some(synthesis) = speech_synthesis() {
        let lang = lang.to_string();
        let changed = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
            set_available.try_set(has_voice(&lang));
        });
        let _ = synthesis
            .add_event_listener_with_callback("voiceschanged", changed.as_ref().unchecked_ref());
        let kept = send_wrapper::SendWrapper::new((synthesis, changed));
        on_cleanup(move || {
            let (synthesis, changed) = &*kept;
            let _ = synthesis.remove_event_listener_with_callback(
                "voiceschanged",
                changed.as_ref().unchecked_ref(),
            );
        });
    }
    available
}
