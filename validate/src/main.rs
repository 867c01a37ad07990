//! `byline-validate [--lang LL] [--country CC] [--format text|json] [--emit] FILE_OR_URL...`
//!
//! Checks each input the way the widget will read it: a Byline edition (format v1), schema.org
//! JSON-LD (a `.json`/`.jsonld` file, or an HTML page whose `<script type="application/ld+json">`,
//! `<link rel="alternate" hreflang>` and `<html lang>` are read, as `data-jsonld="self"` does),
//! or a JSON Feed, RSS or Atom feed. Errors and warnings are kept apart: in text, `INPUT: PATH: message` for each
//! error, `INPUT: PATH: warning: message` for what the widget would leave out or guess, then
//! `INPUT: ok (KIND)` when the input is valid; `--format json` prints one JSON report for CI.
//! `--emit` prints the Byline edition the widget would render (in text mode on stdout, with the
//! report on stderr).
//!
//! Exit status: 0 when every input is valid (warnings allowed), 1 when one has errors, 2 on
//! usage or I/O errors.

use std::process::ExitCode;

use byline_model::{
    looks_like_xml_feed, map_json_feed, map_jsonld, map_jsonld_scripts, map_xml_feed_str,
    read_edition, read_page_markup, Edition, ImportError, JsonLdOptions, ModelError, Warning,
};
use serde_json::{json, Value};

const USAGE: &str =
    "usage: byline-validate [--lang LL] [--country CC] [--format text|json] [--emit] FILE_OR_URL...
  Validates Byline editions (format v1), schema.org NewsArticle JSON-LD (JSON or HTML pages)
  and related-news feeds (JSON Feed, RSS 2.0, Atom 1.0), files or http(s) URLs.
  --lang/--country  what the widget's data-lang/data-country would supply when the JSON-LD
                    has no inLanguage or no region in it
  --format json     one JSON report on stdout: every input with its errors and warnings
  --emit            also print what the widget would render: the Byline edition (for a feed,
                    the related items); in text mode on stdout, the report then on stderr
  Exit status: 0 valid (warnings allowed), 1 errors, 2 usage or I/O errors.";

/// One error or warning: where in the document, and what is wrong.
struct Issue {
    path: String,
    message: String,
}

impl From<&ImportError> for Issue {
    fn from(err: &ImportError) -> Self {
        Issue {
            path: err.path().to_string(),
            message: err.message(),
        }
    }
}

impl From<&Warning> for Issue {
    fn from(warning: &Warning) -> Self {
        Issue {
            path: warning.path.clone(),
            message: warning.message.clone(),
        }
    }
}

/// What checking one input found.
struct Outcome {
    kind: &'static str,
    /// Empty when the input is valid.
    errors: Vec<Issue>,
    warnings: Vec<Issue>,
    /// What the widget would render: the edition (for a feed, the mapped feed).
    rendered: Option<Value>,
    teaser: bool,
}

impl Outcome {
    fn new(kind: &'static str) -> Self {
        Outcome {
            kind,
            errors: Vec::new(),
            warnings: Vec::new(),
            rendered: None,
            teaser: false,
        }
    }

    fn failed(kind: &'static str, error: Issue) -> Self {
        let mut outcome = Outcome::new(kind);
        outcome.errors.push(error);
        outcome
    }

    fn edition(&mut self, edition: &Edition) {
        self.teaser = edition.is_teaser();
        self.rendered = serde_json::to_value(edition).ok();
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Text,
    Json,
}

/// The command line, read.
struct Args {
    options: JsonLdOptions,
    format: Format,
    emit: bool,
    inputs: Vec<String>,
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(Some(args)) => args,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(problem) => {
            eprintln!("byline-validate: {problem}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let (mut any_invalid, mut any_io_error) = (false, false);
    let mut report = Vec::new();
    let mut emitted = Vec::new();
    for input in &args.inputs {
        let outcome = match read(input) {
            Ok(text) => {
                let mut options = args.options.clone();
                if is_url(input) {
                    options.page_url = Some(input.clone());
                }
                // Editors on Windows like to start files with a byte order mark; JSON parsers
                // do not.
                check(text.trim_start_matches('\u{feff}'), &options)
            }
            Err(err) => {
                any_io_error = true;
                match args.format {
                    Format::Text => eprintln!("{input}: cannot read: {err}"),
                    Format::Json => report.push(json!({
                        "input": input,
                        "valid": false,
                        "read_error": err,
                    })),
                }
                continue;
            }
        };
        any_invalid |= !outcome.errors.is_empty();
        match args.format {
            Format::Text => {
                let lines = text_lines(input, &outcome);
                if args.emit {
                    lines.iter().for_each(|line| eprintln!("{line}"));
                    emitted.push(outcome.rendered.unwrap_or(Value::Null));
                } else {
                    lines.iter().for_each(|line| println!("{line}"));
                }
            }
            Format::Json => report.push(json_entry(input, outcome, args.emit)),
        }
    }
    match args.format {
        Format::Text if args.emit => {
            let emitted = match <[Value; 1]>::try_from(emitted) {
                Ok([only]) => only,
                Err(all) => Value::Array(all),
            };
            println!("{}", pretty(&emitted));
        }
        Format::Text => {}
        Format::Json => println!(
            "{}",
            pretty(&json!({
                "valid": !any_invalid && !any_io_error,
                "inputs": report,
            }))
        ),
    }
    ExitCode::from(if any_io_error {
        2
    } else {
        u8::from(any_invalid)
    })
}

/// The options and inputs; `None` for `--help`; `Err` is a usage error.
fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Option<Args>, String> {
    let mut parsed = Args {
        options: JsonLdOptions::default(),
        format: Format::Text,
        emit: false,
        inputs: Vec::new(),
    };
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-h" | "--help" => return Ok(None),
            "--lang" | "--country" | "--format" => {
                let value = args.next().ok_or_else(|| format!("{arg} needs a value"))?;
                match arg.as_str() {
                    "--lang" => parsed.options.default_lang = Some(value),
                    "--country" => parsed.options.default_country = Some(value),
                    _ => {
                        parsed.format = match value.as_str() {
                            "text" => Format::Text,
                            "json" => Format::Json,
                            _ => return Err(format!("--format is text or json, not {value}")),
                        }
                    }
                }
            }
            "--emit" => parsed.emit = true,
            "--" => parsed.inputs.extend(args.by_ref()),
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            _ => parsed.inputs.push(arg),
        }
    }
    if parsed.inputs.is_empty() {
        return Err("no input given".into());
    }
    Ok(Some(parsed))
}

fn is_url(input: &str) -> bool {
    input.starts_with("http://") || input.starts_with("https://")
}

/// The input's text, from a file or a URL.
fn read(input: &str) -> Result<String, String> {
    if is_url(input) {
        fetch(input)
    } else {
        std::fs::read_to_string(input).map_err(|e| e.to_string())
    }
}

/// The report of one input in text: warnings, then errors or `ok (KIND)`.
fn text_lines(input: &str, outcome: &Outcome) -> Vec<String> {
    let mut lines: Vec<String> = outcome
        .warnings
        .iter()
        .map(|w| format!("{input}: {}: warning: {}", w.path, w.message))
        .chain(
            outcome
                .errors
                .iter()
                .map(|e| format!("{input}: {}: {}", e.path, e.message)),
        )
        .collect();
    if outcome.errors.is_empty() {
        let teaser = if outcome.teaser { ", teaser" } else { "" };
        lines.push(format!("{input}: ok ({}{teaser})", outcome.kind));
    }
    lines
}

/// The report of one input in JSON.
fn json_entry(input: &str, outcome: Outcome, emit: bool) -> Value {
    let issues = |issues: &[Issue]| -> Vec<Value> {
        issues
            .iter()
            .map(|i| json!({ "path": i.path, "message": i.message }))
            .collect()
    };
    let mut entry = json!({
        "input": input,
        "kind": outcome.kind,
        "valid": outcome.errors.is_empty(),
        "teaser": outcome.teaser,
        "errors": issues(&outcome.errors),
        "warnings": issues(&outcome.warnings),
    });
    if emit {
        entry["edition"] = outcome.rendered.unwrap_or(Value::Null);
    }
    entry
}

fn pretty(value: &Value) -> String {
    serde_json::to_string_pretty(value).unwrap_or_else(|_| value.to_string())
}

/// An RSS or Atom feed. Fetched, its relative links are resolved against its URL as the
/// widget does; a file's are left relative (the widget resolves them against the feed's URL).
fn check_xml_feed(text: &str, options: &JsonLdOptions) -> Outcome {
    let base = options.page_url.as_deref().unwrap_or("");
    let resolve = |reference: &str, base: &str| -> Option<String> {
        let url = match url::Url::parse(base) {
            Ok(base) => base.join(reference).ok()?,
            Err(_) => match url::Url::parse(reference) {
                Ok(absolute) => absolute,
                Err(_) => return Some(reference.to_string()),
            },
        };
        matches!(url.scheme(), "http" | "https").then(|| url.to_string())
    };
    let mut outcome = Outcome::new("RSS or Atom feed");
    match map_xml_feed_str(text, base, &resolve) {
        Ok(feed) => {
            outcome.warnings = feed.warnings.iter().map(Issue::from).collect();
            outcome.rendered = serde_json::to_value(&feed).ok();
        }
        Err(err) => outcome.errors.push(Issue::from(&err)),
    }
    outcome
}

/// Detects what the text is and checks it as that.
fn check(text: &str, options: &JsonLdOptions) -> Outcome {
    let doc: Value = match serde_json::from_str(text) {
        Ok(doc) => doc,
        // An XML declaration without a feed's root is most likely a feed gone wrong.
        Err(_) if looks_like_xml_feed(text) || text.trim_start().starts_with("<?xml") => {
            return check_xml_feed(text, options)
        }
        Err(_) if text.trim_start().starts_with('<') => return check_html(text, options),
        Err(err) => return Outcome::failed("unknown", Issue::from(&ImportError::from(err))),
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
        let mut outcome = Outcome::new("JSON Feed");
        match map_json_feed(&doc) {
            Ok(feed) => {
                outcome.warnings = feed.warnings.iter().map(Issue::from).collect();
                outcome.rendered = serde_json::to_value(&feed).ok();
            }
            Err(err) => outcome.errors.push(Issue::from(&err)),
        }
        outcome
    } else if is_jsonld {
        jsonld_outcome("schema.org JSON-LD", map_jsonld(&doc, options))
    } else if doc.get("editions").is_some() || doc.get("version").and_then(Value::as_f64).is_some()
    {
        match read_edition(|| &doc) {
            Ok(edition) => {
                let mut outcome = Outcome::new("Byline edition");
                outcome.edition(&edition);
                outcome
            }
            Err(err) => Outcome::failed("Byline edition", edition_problem(&err)),
        }
    } else {
        Outcome::failed(
            "unknown",
            Issue {
                path: "$".into(),
                message: "neither a Byline edition (version, editions), JSON-LD (@context, @graph, @type) nor a JSON Feed (version https://jsonfeed.org/version/1.1)".into(),
            },
        )
    }
}

fn jsonld_outcome(
    kind: &'static str,
    result: Result<byline_model::MappedArticle, ImportError>,
) -> Outcome {
    match result {
        Ok(mapped) => {
            let mut outcome = Outcome::new(kind);
            outcome.warnings = mapped.warnings.iter().map(Issue::from).collect();
            outcome.edition(&mapped.edition);
            outcome
        }
        Err(err) => Outcome::failed(kind, Issue::from(&err)),
    }
}

/// A Byline edition's error, with its path like the importers' errors.
fn edition_problem(err: &ModelError) -> Issue {
    let shown = |path: &str| {
        if path.is_empty() {
            "$".to_string()
        } else {
            path.to_string()
        }
    };
    let (path, message) = match err {
        ModelError::Syntax { .. } => ("$".to_string(), err.to_string()),
        ModelError::MissingField { path } => (shown(path), "required but missing".into()),
        ModelError::WrongType { path, message } | ModelError::Invalid { path, message } => {
            (shown(path), message.clone())
        }
        ModelError::UnsupportedVersion { .. } => ("version".to_string(), err.to_string()),
    };
    Issue { path, message }
}

/// An HTML page: its JSON-LD scripts, hreflang alternates and `<html lang>`, read as the
/// widget reads them.
fn check_html(html: &str, options: &JsonLdOptions) -> Outcome {
    const KIND: &str = "JSON-LD in HTML";
    let page = read_page_markup(html);
    if page.scripts.is_empty() {
        return Outcome::failed(
            KIND,
            Issue {
                path: "$".into(),
                message: "no <script type=\"application/ld+json\"> in this HTML page: add the article's schema.org NewsArticle there".into(),
            },
        );
    }
    jsonld_outcome(
        KIND,
        map_jsonld_scripts(&page.scripts, &page.options(options)),
    )
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
            "application/json, application/ld+json, application/feed+json, application/rss+xml, application/atom+xml, text/html;q=0.9",
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
