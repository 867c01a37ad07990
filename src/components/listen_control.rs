use std::sync::Arc;

use byline_model::i18n;
use byline_model::listen::{
    spoken_parts, Player, PlayerAction, SpeechCommand, SpokenPart, SpokenTarget,
};
use byline_model::state::ShownEdition;
use byline_model::Edition;
use leptos::html::{Button, Div};
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, SpeechSynthesis, SpeechSynthesisUtterance};

use crate::hooks::{speech_synthesis, use_speech_voice, voice_for};
use crate::sanitize::html_text;
use crate::store::WidgetStore;

/// Marks the part being read.
const READING: &str = "byline-reading";

/// Reads the edition aloud with the browser's speech synthesis, in the edition's language:
/// headline, standfirst, then each block, the one being read marked on screen and for
/// assistive technology (`aria-current`). Shown only while the browser has a voice for the
/// language. Reading stops on a switch of edition, when the widget goes, and when it leaves
/// the page. Nothing is sent anywhere.
#[component]
pub fn ListenControl(store: WidgetStore, shown: ShownEdition, ui: String) -> impl IntoView {
    let can_listen = use_speech_voice(&shown.edition.lang);
    let labels = i18n::labels(&ui);
    let main_button = NodeRef::<Button>::new();
    let listening = Listening {
        store,
        player: RwSignal::new(Player::Stopped),
        edition: StoredValue::new(shown.edition.clone()),
        parts: StoredValue::new(None),
        root: NodeRef::new(),
        speaker: StoredValue::new_local(Speaker::default()),
    };
    let player = listening.player;
    // The widget leaving the page without being destroyed (its placeholder removed), and the
    // page itself going away.
    let check = set_interval_with_handle(
        move || {
            let gone = listening
                .root
                .get_untracked()
                .is_some_and(|root| !root.is_connected());
            if gone {
                listening.act(PlayerAction::Stop, "gone");
            }
        },
        std::time::Duration::from_secs(1),
    )
    .ok();
    let page_hidden = window_event_listener_untyped("pagehide", move |_| {
        listening.act(PlayerAction::Stop, "gone")
    });
    on_cleanup(move || {
        if let Some(check) = check {
            check.clear();
        }
        page_hidden.remove();
        listening.act(PlayerAction::Stop, "gone");
    });
    let main_label = move || match player.get() {
        Player::Stopped => labels.listen,
        Player::Reading { paused: false, .. } => labels.pause,
        Player::Reading { paused: true, .. } => labels.resume,
    };
    let on_main = move |_| {
        let action = match player.get_untracked() {
            Player::Stopped => PlayerAction::Play,
            Player::Reading { paused: false, .. } => PlayerAction::Pause,
            Player::Reading { paused: true, .. } => PlayerAction::Resume,
        };
        listening.act(action, "reader");
    };
    let on_stop = move |_| {
        listening.act(PlayerAction::Stop, "reader");
        // The stop button goes away with the reading: focus stays in the control.
        if let Some(button) = main_button.get_untracked() {
            let _ = button.focus();
        }
    };
    let reading = move || player.get() != Player::Stopped;
    // Views erased to AnyView: the control is optional twice over, and typed views of
    // optional views cost kilobytes of generated code.
    let stop_button = move || {
        reading().then(|| {
            view! {
                <button type="button" class="byline-listen__button" on:click=on_stop>
                    {labels.stop_listening}
                </button>
            }
            .into_any()
        })
    };
    move || {
        can_listen.get().then(|| {
            view! {
                <div class="byline-listen" node_ref=listening.root>
                    <button type="button" class="byline-listen__button" node_ref=main_button
                        aria-pressed=move || reading().to_string()
                        on:click=on_main>
                        {main_label}
                    </button>
                    {stop_button}
                </div>
            }
            .into_any()
        })
    }
}

/// Everything the reading aloud of one edition needs; cheap to copy into callbacks.
#[derive(Clone, Copy)]
struct Listening {
    store: WidgetStore,
    player: RwSignal<Player>,
    edition: StoredValue<Arc<Edition>>,
    /// Built when first played: HTML blocks are read as the text the sanitizer keeps.
    parts: StoredValue<Option<Vec<SpokenPart>>>,
    root: NodeRef<Div>,
    speaker: StoredValue<Speaker, LocalStorage>,
}

impl Listening {
    /// Applies the reader's (or the speech engine's) `action`; `reason` is what a `listen`
    /// stop event says when it stops the reading.
    fn act(self, action: PlayerAction, reason: &'static str) {
        let (Some(mut player), Some(synthesis)) =
            (self.player.try_get_untracked(), speech_synthesis())
        else {
            return;
        };
        let unread = self.parts.try_with_value(Option::is_none) == Some(true);
        if let (PlayerAction::Play, true) = (action, unread) {
            if let Some(edition) = self.edition.try_get_value() {
                self.parts
                    .try_set_value(Some(spoken_parts(&edition, html_text)));
            }
        }
        let count = self
            .parts
            .try_with_value(|parts| parts.as_ref().map_or(0, Vec::len))
            .unwrap_or(0);
        let Some(command) = player.apply(action, count) else {
            return;
        };
        self.player.try_set(player);
        match command {
            SpeechCommand::Speak(index) => self.speak(&synthesis, index),
            SpeechCommand::Pause => synthesis.pause(),
            SpeechCommand::Resume => synthesis.resume(),
            SpeechCommand::Cancel { finished } => {
                self.speaker
                    .try_update_value(|speaker| speaker.stop(&synthesis));
                self.mark(None);
                let reason = if finished { "finished" } else { reason };
                self.store.emit(
                    "listen",
                    vec![("action", "stop".into()), ("reason", reason.into())],
                );
            }
        }
    }

    fn speak(self, synthesis: &SpeechSynthesis, index: usize) {
        let Some(part) = self
            .parts
            .try_with_value(|parts| parts.as_ref().and_then(|parts| parts.get(index).cloned()))
            .flatten()
        else {
            return;
        };
        let Some(lang) = self
            .edition
            .try_with_value(|edition| edition.lang.to_string())
        else {
            return;
        };
        if index == 0 {
            synthesis.cancel(); // whatever else was being read on the page
            self.store.emit(
                "listen",
                vec![("action", "start".into()), ("lang", lang.as_str().into())],
            );
        }
        self.mark(Some(&part.target));
        let on_end = move || self.act(PlayerAction::PartEnded, "finished");
        // Another widget or the page cancelled speech: this reading is over.
        let on_error = move || self.act(PlayerAction::Stop, "interrupted");
        self.speaker.try_update_value(|speaker| {
            speaker.speak(synthesis, &part.text, &lang, on_end, on_error)
        });
    }

    /// Marks the element of `target` as the one being read, and only that one.
    fn mark(self, target: Option<&SpokenTarget>) {
        let Some(article) = self
            .root
            .try_get_untracked()
            .flatten()
            .and_then(|root| root.closest("article").ok().flatten())
        else {
            return;
        };
        if let Ok(marked) = article.query_selector_all(&format!(".{READING}")) {
            for node in (0..marked.length()).filter_map(|i| marked.item(i)) {
                if let Ok(element) = node.dyn_into::<Element>() {
                    let _ = element.class_list().remove_1(READING);
                    let _ = element.remove_attribute("aria-current");
                }
            }
        }
        let element = match target {
            None => None,
            Some(SpokenTarget::Headline) => {
                article.query_selector(".byline-headline").ok().flatten()
            }
            Some(SpokenTarget::Standfirst) => {
                article.query_selector(".byline-standfirst").ok().flatten()
            }
            Some(SpokenTarget::Block(id)) => block_element(&article, id),
        };
        if let Some(element) = element {
            let _ = element.class_list().add_1(READING);
            let _ = element.set_attribute("aria-current", "true");
        }
    }
}

/// The body element of block `id` (compared as text: ids are the article's, not selectors).
fn block_element(article: &Element, id: &str) -> Option<Element> {
    let blocks = article.query_selector_all("[data-block-id]").ok()?;
    (0..blocks.length())
        .filter_map(|i| blocks.item(i)?.dyn_into::<Element>().ok())
        .find(|block| block.get_attribute("data-block-id").as_deref() == Some(id))
}

/// The utterance being spoken and its handlers.
#[derive(Default)]
struct Speaker {
    current: Option<Utterance>,
}

/// An utterance with its `end` and `error` handlers.
type Utterance = (
    SpeechSynthesisUtterance,
    Closure<dyn Fn()>,
    Closure<dyn Fn()>,
);

impl Speaker {
    fn speak(
        &mut self,
        synthesis: &SpeechSynthesis,
        text: &str,
        lang: &str,
        on_end: impl Fn() + 'static,
        on_error: impl Fn() + 'static,
    ) {
        self.forget_current();
        let Ok(utterance) = SpeechSynthesisUtterance::new_with_text(text) else {
            return;
        };
        utterance.set_lang(lang);
        if let Some(voice) = voice_for(synthesis, lang) {
            let _ = js_sys::Reflect::set(&utterance, &"voice".into(), &voice);
        }
        let on_end = Closure::<dyn Fn()>::new(on_end);
        let on_error = Closure::<dyn Fn()>::new(on_error);
        utterance.set_onend(Some(on_end.as_ref().unchecked_ref()));
        utterance.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        synthesis.speak(&utterance);
        self.current = Some((utterance, on_end, on_error));
    }

    fn stop(&mut self, synthesis: &SpeechSynthesis) {
        if self.current.is_some() {
            self.forget_current();
            synthesis.cancel();
        }
    }

    /// The current utterance's handlers go before their closures do: the engine may still
    /// report on it.
    fn forget_current(&mut self) {
        if let Some((utterance, _, _)) = self.current.take() {
            utterance.set_onend(None);
            utterance.set_onerror(None);
        }
    }
}
