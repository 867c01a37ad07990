//! The `byline-validate` command line tool, run on fixture files (and a local HTTP server).

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::process::{Command, Output};

/// The fixtures are the model's (its tests map the same documents).
const FIXTURES_ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../model");

/// Runs the validator in the model crate's directory, so inputs and output lines use short
/// paths.
fn validate(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_byline-validate"))
        .args(args)
        .current_dir(FIXTURES_ROOT)
        .output()
        .expect("the validator runs")
}

fn lines(bytes: &[u8]) -> Vec<String> {
    String::from_utf8_lossy(bytes)
        .lines()
        .map(str::to_string)
        .collect()
}

const YOAST: &str = "tests/fixtures/jsonld/yoast-graph.json";

#[test]
fn valid_inputs_of_each_kind_exit_0() {
    let out = validate(&[
        "../data/editions/de-MX.json",
        YOAST,
        "tests/fixtures/jsonfeed/feed-1.0-author.json",
        "tests/fixtures/html/article.html",
    ]);
    assert_eq!(
        lines(&out.stdout),
        [
            "../data/editions/de-MX.json: ok (Byline edition)",
            "tests/fixtures/jsonld/yoast-graph.json: ok (schema.org JSON-LD)",
            "tests/fixtures/jsonfeed/feed-1.0-author.json: ok (JSON Feed)",
            "tests/fixtures/html/article.html: ok (JSON-LD in HTML)",
        ]
    );
    assert_eq!(lines(&out.stderr), Vec::<String>::new());
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn invalid_inputs_print_path_qualified_problems_and_exit_1() {
    let out = validate(&[
        "tests/fixtures/byline/bad-edition.json",
        "tests/fixtures/jsonld/malformed-no-article.json",
        "tests/fixtures/jsonfeed/feed-malformed.json",
        "tests/fixtures/jsonfeed/feed-1.1.json",
        "tests/fixtures/byline/not-json.txt",
        "tests/fixtures/byline/unknown-kind.json",
    ]);
    let feed = "tests/fixtures/jsonfeed/feed-1.1.json";
    assert_eq!(
        lines(&out.stdout),
        [
            "tests/fixtures/byline/bad-edition.json: body[3].content: invalid type: string \"Un párrafo como texto, no como lista de fragmentos.\", expected a sequence".to_string(),
            "tests/fixtures/jsonld/malformed-no-article.json: $: no NewsArticle, Article or BlogPosting node found".into(),
            "tests/fixtures/jsonfeed/feed-malformed.json: version: `2.0` is not a JSON Feed version URL".into(),
            // Valid, with what the widget will skip.
            format!("{feed}: items[3].url: warning: missing (and no external_url); skipped"),
            format!("{feed}: items[4].url: warning: `javascript:alert(1)` uses a scheme other than http or https; skipped"),
            format!("{feed}: items[5].title: warning: missing (and no content_text); skipped"),
            format!("{feed}: items[6].image: warning: `data:image/png;base64,iVBORw0KGgo=` uses a scheme other than http or https; image dropped"),
            format!("{feed}: items[6].date_published: warning: is not an RFC 3339 date-time; date dropped"),
            format!("{feed}: items[7].id: warning: `https://expansion.mx/mundo/2025/07/01/ee-uu-pausa-patriot` repeats an earlier item's id; skipped"),
            format!("{feed}: ok (JSON Feed)"),
            "tests/fixtures/byline/not-json.txt: $: not valid JSON (line 1, column 1): expected value".into(),
            "tests/fixtures/byline/unknown-kind.json: $: neither a Byline edition (version, editions), JSON-LD (@context, @graph, @type) nor a JSON Feed (version https://jsonfeed.org/version/1.1)".into(),
        ]
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn country_and_language_options_stand_in_for_the_page() {
    let input = "tests/fixtures/jsonld/array-of-objects.json";
    // Without a country: valid, an edition for no particular country, with a warning.
    let out = validate(&[input]);
    assert_eq!(
        lines(&out.stdout),
        [
            format!("{input}: [1].inLanguage: warning: `es` has no region and no country was given: an edition for no particular country (write a region, like es-DE, or data-country)"),
            format!("{input}: ok (schema.org JSON-LD)"),
        ]
    );
    assert_eq!(out.status.code(), Some(0));
    let out = validate(&["--country", "ES", input]);
    assert_eq!(
        lines(&out.stdout),
        [format!("{input}: ok (schema.org JSON-LD)")]
    );
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn usage_and_io_errors_exit_2() {
    let out = validate(&[]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(lines(&out.stderr)[0], "byline-validate: no input given");

    let out = validate(&["--strict", YOAST]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        lines(&out.stderr)[0],
        "byline-validate: unknown option --strict"
    );

    let out = validate(&[YOAST, "--country"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        lines(&out.stderr)[0],
        "byline-validate: --country needs a value"
    );

    // The other inputs are still checked; an unreadable one wins over an invalid one.
    let out = validate(&[
        "missing.json",
        "tests/fixtures/jsonld/malformed-no-article.json",
        YOAST,
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        lines(&out.stderr),
        ["missing.json: cannot read: No such file or directory (os error 2)"]
    );
    assert_eq!(
        lines(&out.stdout),
        [
            "tests/fixtures/jsonld/malformed-no-article.json: $: no NewsArticle, Article or BlogPosting node found",
            "tests/fixtures/jsonld/yoast-graph.json: ok (schema.org JSON-LD)",
        ]
    );

    let out = validate(&["--help"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(lines(&out.stdout)[0].starts_with("usage: byline-validate"));
}

/// Serves `requests` requests on 127.0.0.1: the JSON-LD fixture at `/article.json`, 404 elsewhere.
fn serve(requests: usize) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a local port");
    let base = format!("http://{}", listener.local_addr().unwrap());
    let body = std::fs::read(format!("{FIXTURES_ROOT}/{YOAST}")).unwrap();
    std::thread::spawn(move || {
        for stream in listener.incoming().take(requests) {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut request_line = String::new();
            let _ = reader.read_line(&mut request_line);
            // Reads the headers up to the blank line.
            let mut header = String::new();
            while reader.read_line(&mut header).is_ok_and(|n| n > 2) {
                header.clear();
            }
            let (status, body): (&str, &[u8]) = if request_line.starts_with("GET /article.json ") {
                ("200 OK", &body)
            } else {
                ("404 Not Found", b"not found")
            };
            let head = format!(
                "HTTP/1.1 {status}\r\nContent-Type: application/ld+json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = stream
                .write_all(head.as_bytes())
                .and_then(|_| stream.write_all(body));
        }
    });
    base
}

#[test]
fn urls_are_fetched() {
    let base = serve(2);
    let (good, bad) = (format!("{base}/article.json"), format!("{base}/gone.json"));
    let out = validate(&[&good, &bad]);
    assert_eq!(
        lines(&out.stdout),
        [format!("{good}: ok (schema.org JSON-LD)")]
    );
    assert_eq!(
        lines(&out.stderr),
        [format!("{bad}: cannot read: http status: 404")]
    );
    assert_eq!(out.status.code(), Some(2));
}

const TEASER_PAGE: &str = "tests/fixtures/native/drupal.html";

#[test]
fn warnings_alone_exit_0_and_are_kept_apart_from_errors() {
    let out = validate(&[TEASER_PAGE]);
    assert_eq!(
        lines(&out.stdout),
        [
            format!("{TEASER_PAGE}: @graph[0].inLanguage: warning: `de` has no region and no country was given: an edition for no particular country (write a region, like de-DE, or data-country)"),
            format!("{TEASER_PAGE}: @graph[0].articleBody: warning: missing: shown as a teaser (headline, description, image, date, source) linking to the whole article"),
            format!("{TEASER_PAGE}: ok (JSON-LD in HTML, teaser)"),
        ]
    );
    assert_eq!(out.status.code(), Some(0));

    // One input with errors makes it 1, whatever the others' warnings.
    let out = validate(&[
        TEASER_PAGE,
        "tests/fixtures/jsonld/malformed-no-headline.json",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        lines(&out.stdout).last().unwrap(),
        "tests/fixtures/jsonld/malformed-no-headline.json: @graph[1].headline: required but missing"
    );
}

#[test]
fn format_json_reports_every_input_for_ci() {
    let out = validate(&[
        "--format",
        "json",
        TEASER_PAGE,
        "tests/fixtures/jsonld/malformed-no-headline.json",
        "missing.json",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(lines(&out.stderr), Vec::<String>::new());
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON document");
    assert_eq!(report["valid"], false);
    let inputs = report["inputs"].as_array().unwrap();
    assert_eq!(inputs.len(), 3);
    assert_eq!(inputs[0]["input"], TEASER_PAGE);
    assert_eq!(inputs[0]["kind"], "JSON-LD in HTML");
    assert_eq!(inputs[0]["valid"], true);
    assert_eq!(inputs[0]["teaser"], true);
    assert_eq!(inputs[0]["errors"], serde_json::json!([]));
    assert_eq!(inputs[0]["warnings"][1]["path"], "@graph[0].articleBody");
    assert_eq!(inputs[0].get("edition"), None);
    assert_eq!(inputs[1]["valid"], false);
    assert_eq!(
        inputs[1]["errors"],
        serde_json::json!([{
            "path": "@graph[1].headline",
            "message": "required but missing"
        }])
    );
    assert_eq!(inputs[2]["valid"], false);
    assert_eq!(
        inputs[2]["read_error"],
        "No such file or directory (os error 2)"
    );

    // Errors only: 1; a wrong value of --format is a usage error.
    let out = validate(&[
        "--format",
        "json",
        "tests/fixtures/jsonld/malformed-no-headline.json",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let out = validate(&["--format", "xml", YOAST]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        lines(&out.stderr)[0],
        "byline-validate: --format is text or json, not xml"
    );
}

#[test]
fn emit_prints_the_edition_the_widget_would_render() {
    let out = validate(&["--emit", "--country", "AT", TEASER_PAGE]);
    assert_eq!(out.status.code(), Some(0));
    // The report moves to stderr; stdout is the edition alone, a valid Byline document.
    assert_eq!(
        lines(&out.stderr).last().unwrap(),
        &format!("{TEASER_PAGE}: ok (JSON-LD in HTML, teaser)")
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let edition = byline_model::parse_edition(&text).expect("the emitted edition parses");
    assert_eq!(
        (edition.lang.as_str(), edition.country.as_str()),
        ("de", "AT")
    );
    assert!(edition.is_teaser());
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        doc["body"][1],
        serde_json::json!({ "type": "more", "id": "more", "href": "https://stadtanzeiger.example/de/neue-radwege" })
    );

    // Several inputs: an array, `null` for one that has none.
    let out = validate(&[
        "--emit",
        "../data/editions/de-MX.json",
        "tests/fixtures/jsonld/malformed-no-headline.json",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let all: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(all[0]["id"], "zelensky-trump-air-defence-2025-07-04");
    assert_eq!(all[1], serde_json::Value::Null);

    // With --format json, each input carries its edition.
    let out = validate(&["--format", "json", "--emit", TEASER_PAGE]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["inputs"][0]["edition"]["country"], "ZZ");
}

#[test]
fn rss_and_atom_feeds_are_checked_natively() {
    let out = validate(&[
        "tests/fixtures/xmlfeed/atom.xml",
        "tests/fixtures/xmlfeed/rss-1.0.xml",
    ]);
    assert_eq!(
        lines(&out.stdout),
        [
            "tests/fixtures/xmlfeed/atom.xml: feed.entry[2].link: warning: missing; skipped",
            "tests/fixtures/xmlfeed/atom.xml: ok (RSS or Atom feed)",
            "tests/fixtures/xmlfeed/rss-1.0.xml: ok (RSS or Atom feed)",
        ]
    );
    assert_eq!(out.status.code(), Some(0));

    let out = validate(&[
        "tests/fixtures/xmlfeed/malformed.xml",
        "tests/fixtures/xmlfeed/not-a-feed.xml",
    ]);
    assert_eq!(
        lines(&out.stdout),
        [
            "tests/fixtures/xmlfeed/malformed.xml: $: not well-formed XML (line 9, column 3): expected 'item' tag, not 'channel'",
            "tests/fixtures/xmlfeed/not-a-feed.xml: $: the root element is <urlset>, not RSS's <rss> or Atom's <feed>",
        ]
    );
    assert_eq!(out.status.code(), Some(1));
}

const NO_DATE: &str = "tests/fixtures/jsonld/no-date.json";
const HEADLINE_ONLY: &str = "tests/fixtures/native/headline-only.html";

#[test]
fn no_date_is_a_warning_and_exits_0() {
    let out = validate(&[NO_DATE]);
    assert_eq!(
        lines(&out.stdout),
        [
            format!("{NO_DATE}: datePublished: warning: missing, and so are dateCreated and dateModified: shown without a date; write when the article was published, in ISO 8601, like \"datePublished\": \"2025-07-04T17:45:00-06:00\""),
            format!("{NO_DATE}: publisher: warning: missing: the source is named after the site, news.example; write the outlet, like \"publisher\": {{\"@type\": \"Organization\", \"name\": \"…\"}}"),
            format!("{NO_DATE}: articleBody: warning: missing: shown as a teaser (headline, description, image, date, source) linking to the whole article"),
            format!("{NO_DATE}: ok (schema.org JSON-LD, teaser)"),
        ]
    );
    assert_eq!(out.status.code(), Some(0));

    let out = validate(&["--format", "json", NO_DATE]);
    assert_eq!(out.status.code(), Some(0));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["valid"], true);
    assert_eq!(report["inputs"][0]["errors"], serde_json::json!([]));
    assert_eq!(report["inputs"][0]["warnings"][0]["path"], "datePublished");
}

#[test]
fn a_page_with_only_a_headline_is_valid_with_warnings() {
    let base = serve_file(HEADLINE_ONLY, "text/html");
    let url = format!("{base}/night-buses");
    let out = validate(&[&url]);
    let shown = lines(&out.stdout);
    let paths: Vec<&str> = shown
        .iter()
        .filter_map(|line| line.strip_prefix(&format!("{url}: ")))
        .map(|rest| rest.split(": ").next().unwrap())
        .collect();
    assert_eq!(
        paths,
        [
            "datePublished",
            "inLanguage",
            "publisher",
            "articleBody",
            "ok (JSON-LD in HTML, teaser)"
        ],
        "{shown:?}"
    );
    assert!(
        shown[1].ends_with("inLanguage: warning: missing, and the page gives no language (<html lang>, data-lang): shown with its language undetermined (und) and for no particular country; write the article's language, like \"inLanguage\": \"de-DE\""),
        "{shown:?}"
    );
    assert_eq!(out.status.code(), Some(0));

    // As a file it has no URL at all (the widget always has its page's): that alone is an error.
    let out = validate(&[HEADLINE_ONLY]);
    assert_eq!(
        lines(&out.stdout),
        [format!("{HEADLINE_ONLY}: mainEntityOfPage: missing, and so are `url` and the page's URL: write the article's URL, like \"mainEntityOfPage\": \"https://news.example/article\"")]
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn emit_gives_a_dateless_article_no_published_which_a_byline_document_needs() {
    let out = validate(&["--emit", NO_DATE]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(doc["headline"], "An article with no date anywhere");
    assert_eq!(doc.get("published"), None);
    assert_eq!(
        byline_model::parse_edition(&text).unwrap_err(),
        byline_model::ModelError::MissingField {
            path: "published".into()
        }
    );

    // So the validator refuses that as a Byline document, as it refuses any without a date.
    let dir = std::env::temp_dir().join(format!("byline-validate-nodate-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let emitted = dir.join("emitted.json");
    std::fs::write(&emitted, &text).unwrap();
    let mut edition: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(format!("{FIXTURES_ROOT}/../data/editions/de-MX.json")).unwrap(),
    )
    .unwrap();
    edition.as_object_mut().unwrap().remove("published");
    let undated = dir.join("de-MX-undated.json");
    std::fs::write(&undated, edition.to_string()).unwrap();
    let (emitted, undated) = (emitted.to_str().unwrap(), undated.to_str().unwrap());
    let out = validate(&[emitted, undated]);
    assert_eq!(
        lines(&out.stdout),
        [
            format!("{emitted}: published: required but missing"),
            format!("{undated}: published: required but missing"),
        ]
    );
    assert_eq!(out.status.code(), Some(1));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Serves the fixture at `path` (with `content_type`) for any GET, once, on 127.0.0.1.
fn serve_file(path: &str, content_type: &'static str) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a local port");
    let base = format!("http://{}", listener.local_addr().unwrap());
    let body = std::fs::read(format!("{FIXTURES_ROOT}/{path}")).unwrap();
    std::thread::spawn(move || {
        if let Some(Ok(mut stream)) = listener.incoming().next() {
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut header = String::new();
            while reader.read_line(&mut header).is_ok_and(|n| n > 2) {
                header.clear();
            }
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = stream
                .write_all(head.as_bytes())
                .and_then(|_| stream.write_all(&body));
        }
    });
    base
}
