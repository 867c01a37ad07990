//! The events a widget sends to the publisher's page: bubbling, composed `CustomEvent`s on
//! the placeholder: `ready`, `render`, `error`, `languagechange`, `countrychange`, `resize`,
//! `listen` for reading aloud, `compare` for the original of a translation and `share` for
//! the Share control.

use byline_model::state::{EditionEvent, LoadError, Notice};
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, Element};

/// The `error` reason of every failure of the related-news feed: the article itself is fine.
const FEED_ERROR_REASON: &str = "related-feed";
/// The `error` reason when the original of a translation fails to load: the translation stays.
const ORIGINAL_ERROR_REASON: &str = "original";

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

    fn error(&self, reason: &str, message: String, error: &LoadError) {
        self.emit(
            "error",
            &[
                ("reason", reason.into()),
                ("message", message.into()),
                (
                    "status",
                    error.status().map_or(JsValue::NULL, JsValue::from),
                ),
            ],
        )
    }

    /// The event for a notice of the widget's state: `render`, `languagechange` and
    /// `countrychange` with the edition's id, language, country and URL; `error` with a
    /// machine-readable reason (`related-feed` for the related-news feed, `original` for the
    /// original of a translation), the message, and the HTTP status if any; `compare` with
    /// `action` (`open`, `close`), the `block` (`null` for the side-by-side view), and the
    /// original's `lang` and `url`.
    pub fn notify(&self, notice: &Notice) {
        let edition = |name: &str, edition: &EditionEvent| {
            self.emit(
                name,
                &[
                    ("id", JsValue::from_str(&edition.id)),
                    ("lang", JsValue::from_str(&edition.lang)),
                    ("country", JsValue::from_str(&edition.country)),
                    (
                        "url",
                        edition
                            .url
                            .as_deref()
                            .map_or(JsValue::NULL, JsValue::from_str),
                    ),
                ],
            )
        };
        match notice {
            Notice::Render(shown) => edition("render", shown),
            Notice::LanguageChange(shown) => edition("languagechange", shown),
            Notice::CountryChange(shown) => edition("countrychange", shown),
            Notice::Error(error) => self.error(error.reason(), error.to_string(), error),
            Notice::FeedError { url, error } => self.error(
                FEED_ERROR_REASON,
                format!("related news feed {url}: {error}"),
                error,
            ),
            Notice::OriginalError { url, error } => self.error(
                ORIGINAL_ERROR_REASON,
                format!("original {url}: {error}"),
                error,
            ),
            Notice::Compare(compare) => self.emit(
                "compare",
                &[
                    ("action", if compare.open { "open" } else { "close" }.into()),
                    (
                        "block",
                        compare
                            .block
                            .as_deref()
                            .map_or(JsValue::NULL, JsValue::from_str),
                    ),
                    ("lang", JsValue::from_str(&compare.lang)),
                    ("url", JsValue::from_str(&compare.url)),
                ],
            ),
        }
    }
}
