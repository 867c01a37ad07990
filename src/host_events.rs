//! The events a widget sends to the publisher's page: bubbling, composed `CustomEvent`s on
//! the placeholder: `ready`, `render`, `error`, `languagechange`, `countrychange`, `resize`.

use leptos::prelude::*;

use crate::api::LoadError;
use crate::state::{Activity, WidgetState};
use send_wrapper::SendWrapper;
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, Element};

/// Sends events from one widget to its placeholder.
#[derive(Clone, Copy)]
pub struct HostEvents {
    host: StoredValue<SendWrapper<Element>>,
}

impl HostEvents {
    pub fn new(host: Element) -> Self {
        HostEvents {
            host: StoredValue::new(SendWrapper::new(host)),
        }
    }

    /// Dispatches a bubbling, composed `CustomEvent` whose `detail` holds `fields`.
    pub fn emit(&self, name: &str, fields: &[(&str, JsValue)]) {
        let detail = js_sys::Object::new();
        for (key, value) in fields {
            let _ = js_sys::Reflect::set(&detail, &(*key).into(), value);
        }
        let init = CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init.set_detail(&detail);
        let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) else {
            return;
        };
        self.host.with_value(|host| {
            let _ = host.dispatch_event(&event);
        });
    }
}

/// Tells the page when an edition renders, when the reader changes language or country, and
/// when loading fails.
pub fn report_state_changes(state: WidgetState, events: HostEvents) {
    Effect::new(move |previous: Option<Option<(String, String)>>| {
        let current = state.shown.with(|shown| {
            shown
                .as_ref()
                .map(|s| (s.edition.lang.to_string(), s.edition.country.to_string()))
        });
        if let Some((lang, country)) = &current {
            let id = state
                .shown
                .with_untracked(|s| s.as_ref().map(|s| s.edition.id.to_string()));
            let fields = [
                ("id", id.unwrap_or_default().into()),
                ("lang", lang.into()),
                ("country", country.into()),
            ];
            if let Some(Some((old_lang, old_country))) = &previous {
                if old_lang != lang {
                    events.emit("languagechange", &fields);
                }
                if old_country != country {
                    events.emit("countrychange", &fields);
                }
            }
            events.emit("render", &fields);
        }
        current
    });
    Effect::new(move |_| {
        if let Activity::Failed(error) = state.activity.get() {
            let status = match error {
                LoadError::Http(status) => JsValue::from(status),
                _ => JsValue::NULL,
            };
            events.emit(
                "error",
                &[
                    ("reason", error.reason().into()),
                    ("message", error.to_string().into()),
                    ("status", status),
                ],
            );
        }
    });
}
