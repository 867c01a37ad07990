//! JSON text to the model's `Json` with the browser's `JSON.parse` (byline-web, shared by the
//! widget and its formats module), in headless Chromium.

use byline_model::json::{Json, SyntaxError, MAX_DEPTH};
use byline_web::js_json::parse;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn values_of_every_kind_in_document_order() {
    let doc = parse(r#"{"b": [null, true, -1.5e3, "ä\n😀"], "a": {}, "__proto__": 1}"#);
    assert_eq!(
        doc,
        Ok(Json::Object(vec![
            (
                "b".into(),
                Json::Array(vec![
                    Json::Null,
                    Json::Bool(true),
                    Json::Number(-1500.0),
                    Json::String("ä\n😀".into()),
                ])
            ),
            ("a".into(), Json::Object(vec![])),
            ("__proto__".into(), Json::Number(1.0)),
        ]))
    );
}

#[wasm_bindgen_test]
fn syntax_errors_carry_the_browsers_message_and_position() {
    let error = parse("{\n  \"version\": 1,\n  oops\n}").unwrap_err();
    assert_eq!((error.line, error.column), (3, 3));
    assert!(error.message.contains("property name"), "{}", error.message);
}

#[wasm_bindgen_test]
fn nesting_is_limited() {
    let nested = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    assert!(parse(&nested(MAX_DEPTH)).is_ok());
    assert_eq!(parse(&nested(MAX_DEPTH + 1)), Err(SyntaxError::too_deep()));
    assert_eq!(parse(&nested(100_000)), Err(SyntaxError::too_deep()));
}
