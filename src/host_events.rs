//! The events a widget sends to the publisher's page: bubbling, composed `CustomEvent`s on
//! the placeholder: `ready`, `render`, `error`, `languagechange`, `countrychange`, `resize`.

use byline_model::Edition;
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, Element};

use crate::api::LoadError;

/// Sends events from one widget to its placeholder.
#[derive(Clone)]
pub struct HostEvents {
    host: Element,
}

impl HostEvents {
    pub fn new(host: Element) -> Self {
        HostEvents { host }
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
        if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
            let _ = self.host.dispatch_event(&event);
        }
    }

    /// `render` for the edition now shown; before it `languagechange` and `countrychange`
    /// when they differ from the `previous` edition's.
    pub fn edition_shown(&self, edition: &Edition, previous: Option<&Edition>) {
        let fields = [
            ("id", JsValue::from_str(&edition.id)),
            ("lang", JsValue::from_str(&edition.lang)),
            ("country", JsValue::from_str(&edition.country)),
        ];
        if let Some(previous) = previous {
            if previous.lang != edition.lang {
                self.emit("languagechange", &fields);
            }
            if previous.country != edition.country {
                self.emit("countrychange", &fields);
            }
        }
        self.emit("render", &fields);
    }

    /// `error`, with a machine-readable reason, the message, and the HTTP status if any.
    pub fn error(&self, error: &LoadError) {
        let status = match error {
            LoadError::Http(status) => JsValue::from(*status),
            _ => JsValue::NULL,
        };
        self.emit(
            "error",
            &[
                ("reason", error.reason().into()),
                ("message", error.to_string().into()),
                ("status", status),
            ],
        );
    }
}
