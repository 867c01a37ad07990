//! JSON text to the model's [`Json`] with the browser's own `JSON.parse`, so the wasm carries
//! no JSON parser of its own.

use byline_model::json::{Json, SyntaxError, MAX_DEPTH};
use js_sys::{Array, Object};
use wasm_bindgen::{JsCast, JsValue};

/// Parses JSON text. Not JSON, or nested deeper than [`MAX_DEPTH`], is a [`SyntaxError`]
/// (with the browser's message and, where it gives one, the position).
pub fn parse(text: &str) -> Result<Json, SyntaxError> {
    match js_sys::JSON::parse(text) {
        Ok(value) => convert(&value, 0),
        Err(error) => {
            let message = error
                .dyn_ref::<js_sys::Error>()
                .map(|error| String::from(error.message()))
                .unwrap_or_default();
            Err(SyntaxError::from_browser(text, &message))
        }
    }
}

/// `depth` is the number of arrays and objects around `value`.
fn convert(value: &JsValue, depth: usize) -> Result<Json, SyntaxError> {
    if let Some(text) = value.as_string() {
        return Ok(Json::String(text));
    }
    if let Some(number) = value.as_f64() {
        return Ok(Json::Number(number));
    }
    if let Some(boolean) = value.as_bool() {
        return Ok(Json::Bool(boolean));
    }
    if value.is_null() {
        return Ok(Json::Null);
    }
    // What is left, from JSON.parse, is an array or an object.
    if depth == MAX_DEPTH {
        return Err(SyntaxError::too_deep());
    }
    if Array::is_array(value) {
        return value
            .unchecked_ref::<Array>()
            .iter()
            .map(|item| convert(&item, depth + 1))
            .collect::<Result<_, _>>()
            .map(Json::Array);
    }
    Object::entries(value.unchecked_ref())
        .iter()
        .map(|entry| {
            let entry: Array = entry.unchecked_into();
            let key = entry.get(0).as_string().unwrap_or_default();
            Ok((key, convert(&entry.get(1), depth + 1)?))
        })
        .collect::<Result<_, _>>()
        .map(Json::Object)
}
