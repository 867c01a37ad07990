//! What Byline's two wasm modules (the widget and its lazily loaded formats module) share in
//! the browser: JSON text to the model's [`Json`](byline_model::Json) with `JSON.parse`.

pub mod js_json;
