//! Property-based fuzzing: parsing, validation, configuration, text cleaning and the
//! sanitizer's policy are total functions. Whatever the input, they return (never panic,
//! never loop), and their outputs keep their promises.
//!
//! CI runs the default number of cases (a few seconds). For a longer run:
//! `PROPTEST_CASES=200000 cargo test -p byline-model --target "$(rustc -vV | sed -n 's/^host: //p')" --release --test fuzz`
//! A failure prints a minimal input and is saved under `proptest-regressions/` for replay.

use byline_model::config::read_config;
use byline_model::sanitize_policy::{attribute_value, element_rule};
use byline_model::typography::{clean_text, smarten_quotes, MAX_COMBINING};
use byline_model::url_check::check_link;
use byline_model::{check_nesting, parse_edition};
use proptest::prelude::*;

fn sample() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../data/editions/de-MX.json"
    ))
    .unwrap()
}

/// JSON-ish text: mostly structure characters and fragments of real field names, so the
/// parser is driven deep rather than failing at the first byte.
fn jsonish() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        Just("{".to_string()),
        Just("}".to_string()),
        Just("[".to_string()),
        Just("]".to_string()),
        Just(",".to_string()),
        Just(":".to_string()),
        Just("\"version\"".to_string()),
        Just("1".to_string()),
        Just("\"headline\"".to_string()),
        Just("\"body\"".to_string()),
        Just("\"type\"".to_string()),
        Just("\"paragraph\"".to_string()),
        Just("\"html\"".to_string()),
        Just("null".to_string()),
        Just("\"editions\"".to_string()),
        Just("\"lang\"".to_string()),
        "\"[^\"\\\\]{0,12}\"",
        "-?[0-9]{1,20}(\\.[0-9]+)?",
    ];
    prop::collection::vec(token, 0..200).prop_map(|tokens| tokens.concat())
}

/// JSON values with strings that hold brackets, quotes and escapes (the test nests them deeper).
fn nested_json() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        Just("1".to_string()),
        Just("null".to_string()),
        "[\\[\\]{}a\"\\\\]{0,6}".prop_map(|s| serde_json::to_string(&s).unwrap()),
    ];
    leaf.prop_recursive(8, 64, 3, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..3)
                .prop_map(|items| format!("[{}]", items.join(","))),
            prop::collection::vec(inner, 0..3).prop_map(|items| {
                let members: Vec<String> = items
                    .iter()
                    .enumerate()
                    .map(|(i, item)| format!("\"k{i}[\":{item}"))
                    .collect();
                format!("{{{}}}", members.join(","))
            }),
        ]
    })
}

proptest! {
    /// The widget checks nesting before `JSON.parse`, which has no limit: it must refuse what
    /// serde_json (the validator, the formats module) refuses, and nothing else.
    #[test]
    fn the_nesting_check_agrees_with_serde_json(text in nested_json(), depth in 0usize..200) {
        let text = format!("{}{text}{}", "[".repeat(depth), "]".repeat(depth));
        let parsed = serde_json::from_str::<serde_json::Value>(&text);
        prop_assert_eq!(check_nesting(&text).is_ok(), parsed.is_ok(), "{:?}", parsed.err());
    }

    #[test]
    fn parsing_any_text_returns(text in ".{0,2000}") {
        let _ = parse_edition(&text);
    }

    #[test]
    fn parsing_json_like_text_returns(text in jsonish()) {
        let _ = parse_edition(&text);
    }

    #[test]
    fn a_mutated_edition_parses_or_is_refused_with_a_path(cut in 0usize..20_000, insert in ".{0,8}") {
        let mut text = sample();
        let at = (0..=cut.min(text.len())).rev().find(|i| text.is_char_boundary(*i)).unwrap_or(0);
        text.insert_str(at, &insert);
        if let Err(error) = parse_edition(&text) {
            prop_assert!(!error.to_string().is_empty());
        }
    }

    #[test]
    fn clean_text_removes_what_it_promises_and_is_idempotent(text in "\\PC{0,300}|[\\u{0}-\\u{2070}]{0,300}") {
        let clean = clean_text(&text);
        let forbidden = ['\u{0}', '\u{202E}', '\u{2066}', '\u{2069}'];
        prop_assert!(!clean.contains(forbidden), "forbidden character kept");
        let mut run = 0;
        for c in clean.chars() {
            run = if ('\u{300}'..='\u{36F}').contains(&c) { run + 1 } else { 0 };
            prop_assert!(run <= MAX_COMBINING);
        }
        prop_assert_eq!(clean_text(&clean), clean.clone());
    }

    #[test]
    fn smartened_quotes_are_stable(text in "[a-zA-Zäö \"'„“«»]{0,200}", lang in "de|en|es|uk|fr|ja|ar") {
        let once = smarten_quotes(&text, &lang).into_owned();
        prop_assert!(!once.contains('"'));
        let _ = smarten_quotes(&once, &lang);
    }

    #[test]
    fn links_the_checker_accepts_never_carry_another_scheme(url in "[a-zA-Z:/\\t\\n %&#;0-9.]{0,40}") {
        if check_link(&url).is_ok() {
            let lower = url.to_ascii_lowercase();
            let scheme = lower.split(':').next().unwrap_or("");
            prop_assert!(!lower.contains(':') || scheme.contains(['/', '?', '#']) || scheme == "http" || scheme == "https");
        }
    }

    #[test]
    fn the_sanitizer_policy_keeps_no_script_url_or_handler(tag in "[a-z]{1,10}", name in "[a-z:-]{1,12}", value in ".{0,40}") {
        let _ = element_rule(&tag);
        let resolve = |u: &str| Some(format!("https://news.example/{u}"));
        if let Some(kept) = attribute_value(&tag, &name, &value, resolve) {
            prop_assert!(!name.starts_with("on") && name != "style");
            let lower = kept.to_ascii_lowercase();
            prop_assert!(!lower.starts_with("javascript:") && !lower.starts_with("data:"));
        }
    }

    #[test]
    fn configuration_from_any_attributes_returns(values in prop::collection::vec(".{0,30}", 12)) {
        let names = ["src", "lang", "country", "ui-lang", "id", "theme", "related", "loading", "mode", "timeout", "jsonld", "related-src"];
        let _ = read_config(
            |name| names.iter().position(|n| *n == name).map(|i| values[i].clone()),
            |_| None,
        );
    }
}
