//! Reading time of whole editions: every kind of block counts, in the script's own units.

use byline_model::parse_edition;
use byline_model::reading_time::edition_reading_minutes;
use serde_json::json;

fn words(n: usize) -> String {
    vec!["Wort"; n].join(" ")
}

#[test]
fn every_block_counts_and_html_blocks_by_the_text_they_show() {
    let document = json!({
        "version": 1, "id": "a", "lang": "de", "country": "MX",
        "headline": words(10), "standfirst": words(20),
        "published": "2025-07-04T16:20:00Z",
        "source": { "name": "S", "url": "https://news.example/a" },
        "editions": [{ "lang": "de", "country": "MX", "url": "de-MX.json" }],
        "body": [
            { "id": "p1", "type": "paragraph", "content": [words(300), { "text": words(50), "em": true }] },
            { "id": "h1", "type": "heading", "content": [words(5)] },
            { "id": "q1", "type": "quote", "content": [words(15)], "cite": "Not counted twice" },
            { "id": "i1", "type": "image", "src": "https://img.example/a.jpg", "alt": "not read", "caption": words(10) },
            { "id": "x1", "type": "html", "html": "<p>markup</p>" },
        ],
    });
    let edition = parse_edition(&document.to_string()).unwrap();
    // 410 words so far: under 2 minutes at 238 a minute, rounded down to 2 only with the HTML.
    assert_eq!(edition_reading_minutes(&edition, |_| String::new()), 2);
    let html_words = |html: &str| {
        assert_eq!(html, "<p>markup</p>");
        words(300)
    };
    assert_eq!(edition_reading_minutes(&edition, html_words), 3);
}

#[test]
fn the_samples_japanese_is_counted_in_characters() {
    let read = |name: &str| {
        let path = format!(
            "{}/../data/editions/{name}.json",
            env!("CARGO_MANIFEST_DIR")
        );
        parse_edition(&std::fs::read_to_string(path).unwrap()).unwrap()
    };
    // About 880 letters and ideographs: 2 minutes at 500 a minute (as "words" split at
    // spaces, it would be under one).
    assert_eq!(
        edition_reading_minutes(&read("ja-MX"), |_| String::new()),
        2
    );
    // 345 words of text and 20 of an image caption: just over a minute and a half.
    assert_eq!(
        edition_reading_minutes(&read("de-MX"), |_| String::new()),
        2
    );
}
