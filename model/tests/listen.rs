//! What is read aloud of a whole edition, in order.

use byline_model::listen::{spoken_parts, SpokenTarget};
use byline_model::parse_edition;
use serde_json::json;

#[test]
fn headline_standfirst_then_every_block_with_text_in_order() {
    let document = json!({
        "version": 1, "id": "a", "lang": "de", "country": "MX",
        "headline": "Die Schlagzeile", "standfirst": "Der  Vorspann\n",
        "published": "2025-07-04T16:20:00Z",
        "source": { "name": "S", "url": "https://news.example/a" },
        "editions": [{ "lang": "de", "country": "MX", "url": "de-MX.json" }],
        "body": [
            { "id": "p1", "type": "paragraph", "content": ["Erster ", { "text": "Absatz", "em": true }, "."] },
            { "id": "i1", "type": "image", "src": "https://img.example/a.jpg", "alt": "Ein Bild" },
            { "id": "i2", "type": "image", "src": "https://img.example/b.jpg", "alt": "Ein Bild", "caption": "Die Bildunterschrift" },
            { "id": "q1", "type": "quote", "content": ["Ein Zitat"], "cite": "Jemand" },
            { "id": "x1", "type": "html", "html": "<p>HTML</p>" },
            { "type": "carousel-of-the-future" },
            { "id": "h1", "type": "heading", "content": ["Zwischentitel"] },
        ],
    });
    let edition = parse_edition(&document.to_string()).unwrap();
    let parts = spoken_parts(&edition, |html| {
        assert_eq!(html, "<p>HTML</p>");
        "Der Text des HTML-Blocks".into()
    });
    let read: Vec<(SpokenTarget, &str)> = parts
        .iter()
        .map(|part| (part.target.clone(), part.text.as_str()))
        .collect();
    let block = |id: &str| SpokenTarget::Block(id.into());
    assert_eq!(
        read,
        [
            (SpokenTarget::Headline, "Die Schlagzeile"),
            (SpokenTarget::Standfirst, "Der Vorspann"),
            (block("p1"), "Erster Absatz."),
            (block("i2"), "Die Bildunterschrift"),
            (block("q1"), "Ein Zitat — Jemand"),
            (block("x1"), "Der Text des HTML-Blocks"),
            (block("h1"), "Zwischentitel"),
        ]
    );
}
