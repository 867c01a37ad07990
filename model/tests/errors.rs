//! Bad documents give typed errors that name the field.

use byline_model::{check_nesting, parse_edition, ModelError, MAX_NESTING};
use serde_json::{json, Value};

fn sample() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../data/editions/de-MX.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn parse(value: &Value) -> Result<byline_model::Edition, ModelError> {
    parse_edition(&value.to_string())
}

/// Removes the field at a dotted path such as `source.name` or `body.0.content`.
fn without(path: &str) -> Value {
    let mut doc = sample();
    let (parent, field) = path.rsplit_once('.').unwrap_or(("", path));
    let mut target = &mut doc;
    for step in parent.split('.').filter(|s| !s.is_empty()) {
        target = match step.parse::<usize>() {
            Ok(index) => &mut target[index],
            Err(_) => &mut target[step],
        };
    }
    target
        .as_object_mut()
        .unwrap()
        .remove(field)
        .expect("field exists in the sample");
    doc
}

#[test]
fn each_missing_required_field_is_named() {
    let cases = [
        ("id", "id"),
        ("lang", "lang"),
        ("country", "country"),
        ("headline", "headline"),
        ("published", "published"),
        ("source", "source"),
        ("body", "body"),
        ("editions", "editions"),
        ("source.name", "source.name"),
        ("source.url", "source.url"),
        ("body.0.id", "body[0].id"),
        ("body.0.content", "body[0].content"),
        ("body.2.src", "body[2].src"),
        ("body.2.alt", "body[2].alt"),
        ("editions.3.url", "editions[3].url"),
        ("editions.3.lang", "editions[3].lang"),
        ("related.4.headline", "related[4].headline"),
        ("related.4.url", "related[4].url"),
    ];
    for (field, path) in cases {
        assert_eq!(
            parse(&without(field)).unwrap_err(),
            ModelError::MissingField { path: path.into() },
            "removing {field}"
        );
    }
    assert_eq!(
        parse(&without("version")).unwrap_err(),
        ModelError::MissingField {
            path: "version".into()
        }
    );
}

/// The top-level fields an edition may leave out.
const OPTIONAL_TOP_LEVEL: [&str; 5] = [
    "standfirst",
    "updated",
    "authors",
    "related",
    "all_news_url",
];

#[test]
fn optional_fields_may_be_absent() {
    let mut doc = sample();
    for field in OPTIONAL_TOP_LEVEL {
        doc.as_object_mut().unwrap().remove(field);
    }
    doc["source"].as_object_mut().unwrap().remove("logo");
    let edition = parse(&doc).unwrap();
    assert!(edition.related.is_empty() && edition.standfirst.is_none());
}

#[test]
fn wrong_types_are_reported_with_their_path() {
    let cases = [
        ("/headline", json!(42), "headline"),
        ("/body", json!("text"), "body"),
        ("/related", json!({}), "related"),
        ("/source/name", json!(["Expansión"]), "source.name"),
        ("/body/0/content", json!(true), "body[0].content"),
        ("/body/0/content/0", json!(7), "body[0].content[0]"),
        (
            "/body/5/content/1/text",
            json!(["x"]),
            "body[5].content[1].text",
        ),
        (
            "/body/5/content/1",
            json!({ "text": "x", "em": "yes" }),
            "body[5].content[1].em",
        ),
        ("/body/2/width", json!("1280"), "body[2].width"),
        ("/editions/1", json!("es-MX.json"), "editions[1]"),
        ("/authors/0", json!(null), "authors[0]"),
        (
            "/related/2/published",
            json!(20250704),
            "related[2].published",
        ),
    ];
    for (pointer, value, path) in cases {
        let mut doc = sample();
        *doc.pointer_mut(pointer).unwrap() = value;
        match parse(&doc).unwrap_err() {
            ModelError::WrongType { path: got, .. } => assert_eq!(got, path, "{pointer}"),
            other => panic!("{pointer}: expected WrongType, got {other:?}"),
        }
    }
}

#[test]
fn invalid_values_are_reported_with_their_path() {
    let cases = [
        ("/lang", json!("German"), "lang"),
        ("/country", json!("mx"), "country"),
        ("/published", json!("4. Juli 2025"), "published"),
        ("/source/url", json!("javascript:alert(1)"), "source.url"),
        (
            "/related/0/url",
            json!("data:text/html,hi"),
            "related[0].url",
        ),
        ("/headline", json!("   "), "headline"),
        ("/body", json!([]), "body"),
        ("/updated", json!("2025-07-01T00:00:00Z"), "updated"),
        ("/body/1/id", json!("p1"), "body[1].id"),
        (
            "/body/5/content/1/href",
            json!("javascript:x"),
            "body[5].content[1].href",
        ),
        ("/body/2/width", json!(-1), "body[2].width"),
        ("/body/2/height", json!(720.5), "body[2].height"),
        ("/editions/0/lang", json!("EN"), "editions[0].lang"),
    ];
    for (pointer, value, path) in cases {
        let mut doc = sample();
        *doc.pointer_mut(pointer).unwrap() = value;
        match parse(&doc).unwrap_err() {
            ModelError::Invalid { path: got, .. } => assert_eq!(got, path, "{pointer}"),
            other => panic!("{pointer}: expected Invalid, got {other:?}"),
        }
    }
}

#[test]
fn messages_say_what_was_found_and_what_was_expected() {
    let mut doc = sample();
    doc["body"][3]["content"] = json!("Ein Absatz als Text.");
    assert_eq!(
        parse(&doc).unwrap_err().to_string(),
        "wrong type at `body[3].content`: invalid type: string \"Ein Absatz als Text.\", expected a sequence"
    );
    let mut doc = sample();
    doc["body"][5]["content"][1] = json!({ "em": true });
    assert_eq!(
        parse(&doc).unwrap_err(),
        ModelError::MissingField {
            path: "body[5].content[1].text".into()
        }
    );
    let mut doc = sample();
    doc["body"][2]["width"] = json!(1e10);
    assert_eq!(
        parse(&doc).unwrap_err().to_string(),
        "invalid value at `body[2].width`: `10000000000` is not a whole number of pixels"
    );
}

#[test]
fn optional_fields_may_be_null_and_whole_numbers_may_be_written_as_decimals() {
    let mut doc = sample();
    for field in OPTIONAL_TOP_LEVEL {
        doc[field] = Value::Null;
    }
    doc["body"][2]["caption"] = Value::Null;
    doc["body"][2]["width"] = json!(1280.0);
    doc["version"] = json!(1.0);
    let edition = parse(&doc).unwrap();
    assert!(edition.authors.is_empty() && edition.updated.is_none());
    assert!(matches!(
        edition.body[2],
        byline_model::Block::Image {
            width: Some(1280),
            caption: None,
            ..
        }
    ));
}

#[test]
fn an_edition_must_list_itself() {
    let mut doc = sample();
    doc["country"] = json!("AR");
    assert!(
        matches!(parse(&doc).unwrap_err(), ModelError::Invalid { path, .. } if path == "editions")
    );
}

#[test]
fn unknown_fields_and_block_types_are_ignored() {
    let mut doc = sample();
    doc["future_field"] = json!({"anything": [1, 2, 3]});
    doc["source"]["twitter"] = json!("@expansionmx");
    doc["body"]
        .as_array_mut()
        .unwrap()
        .push(json!({"id": "v1", "type": "video", "src": "x.mp4"}));
    let edition = parse(&doc).unwrap();
    assert_eq!(edition.body.last(), Some(&byline_model::Block::Unknown));
}

#[test]
fn versions_other_than_1_are_refused_before_anything_else() {
    let mut doc = sample();
    doc["version"] = json!(2);
    doc.as_object_mut().unwrap().remove("headline");
    assert_eq!(
        parse(&doc).unwrap_err(),
        ModelError::UnsupportedVersion { found: "2".into() }
    );
    doc["version"] = json!(1.5);
    assert_eq!(
        parse(&doc).unwrap_err(),
        ModelError::UnsupportedVersion {
            found: "1.5".into()
        }
    );
    doc["version"] = json!("1");
    assert!(
        matches!(parse(&doc).unwrap_err(), ModelError::WrongType { path, .. } if path == "version")
    );
}

#[test]
fn malformed_json_is_a_syntax_error_with_a_position() {
    for text in ["", "{", "{\"version\": 1,}", "[1, 2", "nul"] {
        assert!(
            matches!(parse_edition(text), Err(ModelError::Syntax { .. })),
            "{text:?}"
        );
    }
    match parse_edition("{\n  \"version\": 1,\n  oops\n}") {
        Err(ModelError::Syntax { line, .. }) => assert_eq!(line, 3),
        other => panic!("{other:?}"),
    }
}

#[test]
fn documents_nested_too_deep_are_refused_as_syntax_errors() {
    let deep = format!(
        "{{\"version\": 1, \"x\": {}{}}}",
        "[".repeat(200),
        "]".repeat(200)
    );
    assert!(matches!(
        parse_edition(&deep),
        Err(ModelError::Syntax { .. })
    ));
}

#[test]
fn nesting_beyond_the_limit_is_refused_before_parsing_where_it_starts() {
    let nest = |depth: usize| format!("{}1{}", "[".repeat(depth), "]".repeat(depth));
    assert_eq!(check_nesting(&nest(MAX_NESTING)), Ok(()));
    assert!(serde_json::from_str::<Value>(&nest(MAX_NESTING)).is_ok());
    assert!(serde_json::from_str::<Value>(&nest(MAX_NESTING + 1)).is_err());
    let deep = format!("{{\n  \"x\": \"[{{\\\"[\",\n  \"y\": {}}}", nest(200));
    match check_nesting(&deep) {
        Err(ModelError::Syntax {
            line,
            column,
            message,
        }) => {
            // The outer object is level 1, so the 127th "[" of "y" is the one too many.
            assert_eq!((line, column), (3, 8 + MAX_NESTING - 1));
            assert_eq!(message, "arrays and objects nested deeper than 127");
        }
        other => panic!("{other:?}"),
    }
    // Brackets in strings, escaped quotes included, are not nesting.
    let quoted = format!("{{\"x\": \"\\\"{}\"}}", "[".repeat(500));
    assert_eq!(check_nesting(&quoted), Ok(()));
}

#[test]
fn a_document_that_is_not_an_object_is_a_wrong_type() {
    for text in ["[]", "42", "\"text\"", "null"] {
        assert!(
            matches!(parse_edition(text), Err(ModelError::WrongType { .. })),
            "{text}"
        );
    }
}

#[test]
fn absurd_sizes_are_refused_with_the_field_named() {
    let mut doc = sample();
    doc["headline"] = json!("x".repeat(10_000));
    assert!(
        matches!(parse(&doc).unwrap_err(), ModelError::Invalid { path, .. } if path == "headline")
    );
    let mut doc = sample();
    doc["standfirst"] = json!("y".repeat(5_001));
    assert!(
        matches!(parse(&doc).unwrap_err(), ModelError::Invalid { path, .. } if path == "standfirst")
    );
    let mut doc = sample();
    let block = doc["body"][0].clone();
    doc["body"] = Value::Array(
        (0..2_001)
            .map(|i| {
                let mut b = block.clone();
                b["id"] = json!(format!("b{i}"));
                b
            })
            .collect(),
    );
    assert!(matches!(parse(&doc).unwrap_err(), ModelError::Invalid { path, .. } if path == "body"));
    let mut doc = sample();
    doc["headline"] = json!("ä".repeat(1_000));
    assert!(
        parse(&doc).is_ok(),
        "exactly the limit is fine, counted in characters"
    );
}
