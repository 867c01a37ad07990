//! `byline-validate [--lang LL] [--country CC] FILE_OR_URL...`
//!
//! Checks each input the way the widget will read it: a Byline edition (format v1), schema.org
//! JSON-LD (a `.json`/`.jsonld` file, or an HTML page whose `<script type="application/ld+json">`
//! and `<link rel="alternate" hreflang>` elements are read, as `data-jsonld="self"` does), or a
//! JSON Feed. Prints `INPUT: PATH: message` for each problem (and `INPUT: PATH: warning: …` for
//! what the widget would skip), else `INPUT: ok (KIND)`.
//!
//! Exit status: 0 when every input is valid, 1 when one is not, 2 on usage or I/O errors.

use std::process::ExitCode;

use byline_model::{
    map_json_feed, map_jsonld, map_jsonld_scripts, read_edition, read_page_markup, ImportError,
    JsonLdOptions, ModelError,
};
use serde_json::Value;

const USAGE: &str = "usage: byline-validate [--lang LL] [--country CC] FILE_OR_URL...
  Validates Byline editions (format v1), schema.org NewsArticle JSON-LD (JSON or HTML pages)
  and JSON Feeds. --lang/--country: what the widget's data-lang/data-country would supply
  when the JSON-LD has no inLanguage or no region in it.";

/// What checking one input found.
struct Outcome {
    kind: &'static str,
    /// `PATH: message` lines; empty when the input is valid.
    problems: Vec<String>,
    warnings: Vec<String>,
}

fn main() -> ExitCode {
    let mut options = JsonLdOptions::default();
    let mut inputs = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            "--lang" | "--country" => {
                let Some(value) = args.next() else {
                    return usage(&format!("{arg} needs a value"));
                };
                if arg == "--lang" {
                    options.default_lang = Some(value);
                } else {
                    options.default_country = Some(value);
                }
            }
            "--" => inputs.extend(args.by_ref()),
            flag if flag.starts_with("--") => return usage(&format!("unknown option {flag}")),
            _ => inputs.push(arg),
        }
    }
    if inputs.is_empty() {
        return usage("no input given");
    }

    let (mut any_invalid, mut any_io_error) = (false, false);
    for input in &inputs {
        let is_url = input.starts_with("http://") || input.starts_with("https://");
        let text = if is_url {
            fetch(input)
        } else {
            std::fs::read_to_string(input).map_err(|e| e.to_string())
        };
        let text = match text {
            Ok(text) => text,
            Err(err) => {
                eprintln!("{input}: cannot read: {err}");
                any_io_error = true;
                continue;
            }
        };
        let mut options = options.clone();
        if is_url {
            options.page_url = Some(input.clone());
        }
        // Editors on Windows like to start files with a byte order mark; JSON parsers do not.
        let outcome = check(text.trim_start_matches('\u{feff}'), &options);
        for line in outcome.warnings.iter().chain(&outcome.problems) {
            println!("{input}: {line}");
        }
        if outcome.problems.is_empty() {
            println!("{input}: ok ({})", outcome.kind);
        } else {
            any_invalid = true;
        }
    }
    ExitCode::from(if any_io_error {
        2
    } else {
        u8::from(any_invalid)
    })
}

fn usage(problem: &str) -> ExitCode {
    eprintln!("byline-validate: {problem}\n{USAGE}");
    ExitCode::from(2)
}

/// Detects what the text is and checks it as that.
fn check(text: &str, options: &JsonLdOptions) -> Outcome {
    let doc: Value = match serde_json::from_str(text) {
        Ok(doc) => doc,
        Err(_) if text.trim_start().starts_with('<') => return check_html(text, options),
        Err(err) => {
            return Outcome {
                kind: "unknown",
                problems: vec![ImportError::from(err).to_string()],
                warnings: Vec::new(),
            };
        }
    };
    let mut outcome = Outcome {
        kind: "unknown",
        problems: Vec::new(),
        warnings: Vec::new(),
    };
    let is_feed = doc.get("version").and_then(Value::as_str).is_some_and(|v| {
        v.starts_with("https://jsonfeed.org/version/")
            || v.starts_with("http://jsonfeed.org/version/")
    });
    let jsonld_keys = |v: &Value| {
        ["@context", "@graph", "@type"]
            .iter()
            .any(|k| v.get(k).is_some())
    };
    let is_jsonld = match doc.as_array() {
        Some(items) => items.iter().any(jsonld_keys),
        None => jsonld_keys(&doc),
    };
    // A `version` string that is not a jsonfeed.org URL is most likely a broken feed.
    let is_feed = is_feed
        || (doc.get("version").and_then(Value::as_str).is_some() && doc.get("editions").is_none());
    if is_feed {
        outcome.kind = "JSON Feed";
        match map_json_feed(&doc) {
            Ok(feed) => {
                outcome.warnings = feed
                    .warnings
                    .iter()
                    .map(|w| format!("{}: warning: {}", w.path, w.message))
                    .collect()
            }
            Err(err) => outcome.problems.push(err.to_string()),
        }
    } else if is_jsonld {
        outcome.kind = "schema.org JSON-LD";
        record_jsonld(map_jsonld(&doc, options), &mut outcome);
    } else if doc.get("editions").is_some() || doc.get("version").and_then(Value::as_f64).is_some()
    {
        outcome.kind = "Byline edition";
        if let Err(err) = read_edition(|| &doc) {
            outcome.problems.push(edition_problem(&err));
        }
    } else {
        outcome.problems.push(
            "$: neither a Byline edition (version, editions), JSON-LD (@context, @graph, @type) nor a JSON Feed (version https://jsonfeed.org/version/1.1)"
                .into(),
        );
    }
    outcome
}

fn record_jsonld(
    result: Result<byline_model::MappedArticle, byline_model::ImportError>,
    outcome: &mut Outcome,
) {
    match result {
        Ok(mapped) => {
            outcome.warnings = mapped
                .warnings
                .iter()
                .map(|w| format!("{}: warning: {}", w.path, w.message))
                .collect()
        }
        Err(err) => outcome.problems.push(err.to_string()),
    }
}

/// A Byline edition's error as `PATH: message`, like the importers' errors.
fn edition_problem(err: &ModelError) -> String {
    let shown = |path: &str| {
        if path.is_empty() {
            "$".to_string()
        } else {
            path.to_string()
        }
    };
    match err {
        ModelError::Syntax { .. } => format!("$: {err}"),
        ModelError::MissingField { path } => format!("{}: required but missing", shown(path)),
        ModelError::WrongType { path, message } | ModelError::Invalid { path, message } => {
            format!("{}: {message}", shown(path))
        }
        ModelError::UnsupportedVersion { .. } => format!("version: {err}"),
    }
}

/// An HTML page: its JSON-LD scripts, hreflang alternates and `<html lang>`, read as the
/// widget reads them.
fn check_html(html: &str, options: &JsonLdOptions) -> Outcome {
    let page = read_page_markup(html);
    let mut outcome = Outcome {
        kind: "JSON-LD in HTML",
        problems: Vec::new(),
        warnings: Vec::new(),
    };
    if page.scripts.is_empty() {
        outcome
            .problems
            .push("$: no <script type=\"application/ld+json\"> in this HTML page".into());
    } else {
        record_jsonld(
            map_jsonld_scripts(&page.scripts, &page.options(options)),
            &mut outcome,
        );
    }
    outcome
}

/// Fetches a URL's text (HTTP errors are errors; 30 s at most).
#[cfg(not(target_arch = "wasm32"))]
fn fetch(url: &str) -> Result<String, String> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(std::time::Duration::from_secs(30)))
        .build()
        .into();
    let mut response = agent
        .get(url)
        .header(
            "Accept",
            "application/json, application/ld+json, application/feed+json, text/html;q=0.9",
        )
        .header(
            "User-Agent",
            concat!("byline-validate/", env!("CARGO_PKG_VERSION")),
        )
        .call()
        .map_err(|err| err.to_string())?;
    response
        .body_mut()
        .read_to_string()
        .map_err(|err| err.to_string())
}

#[cfg(target_arch = "wasm32")]
fn fetch(_url: &str) -> Result<String, String> {
    Err("fetching URLs is not supported on this target".into())
}
