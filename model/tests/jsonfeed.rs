//! JSON Feed 1.0 and 1.1 as the source of the related-news carousel.

mod common;

use common::item;

use byline_model::{map_json_feed, map_json_feed_str, ImportError, LangCode, RelatedFeed, Warning};
use serde_json::json;

fn fixture(name: &str) -> Result<RelatedFeed, ImportError> {
    let path = format!(
        "{}/tests/fixtures/jsonfeed/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    map_json_feed_str(&std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}")))
}

fn warn(path: &str, message: &str) -> Warning {
    Warning {
        path: path.into(),
        message: message.into(),
    }
}

#[test]
fn json_feed_1_1_items_become_related_items() {
    let feed = fixture("feed-1.1.json").unwrap();
    let source = Some("Expansión · Mundo");
    assert_eq!(feed.title.as_deref(), source);
    assert_eq!(
        feed.home_page_url.as_deref(),
        Some("https://expansion.mx/mundo")
    );
    let patriot = item(
        "EU pausa parte de sus envíos de armas a Ucrania, incluidos misiles Patriot",
        "https://expansion.mx/mundo/2025/07/01/ee-uu-pausa-patriot",
        Some("https://cdn.expansion.mx/patriot.jpg"),
        source,
        Some("2025-07-01T15:40:00-06:00"),
    );
    // No title: the first line of content_text; external_url and banner_image stand in.
    let call = item(
        "Trump dice que su llamada con Putin no trajo avances.",
        "https://www.reuters-example.com/world/trump-putin-call-2025-07-03/",
        Some("https://cdn.expansion.mx/trump-putin-banner.jpg"),
        source,
        Some("2025-07-03T21:25:00+02:00"),
    );
    let drones = item(
        "Russia launches largest drone attack on Kyiv since start of full-scale war",
        "https://kyivindependent-example.com/russia-largest-drone-attack/",
        None,
        source,
        Some("2025-07-04T07:15:00+03:00"),
    );
    // Its bad image and date are dropped, the item is kept.
    let sanctions = item(
        "La UE sigue negociando su paquete 18 de sanciones contra Rusia",
        "https://expansion.mx/mundo/2025/07/02/sanciones",
        None,
        source,
        None,
    );
    assert_eq!(
        feed.items(),
        [
            patriot.clone(),
            call.clone(),
            drones.clone(),
            sanctions.clone()
        ]
    );
    let langs: Vec<Option<String>> = feed
        .entries
        .iter()
        .map(|e| e.lang.as_ref().map(|l| l.to_string()))
        .collect();
    assert_eq!(
        langs,
        [
            Some("es".into()),
            Some("es".into()),
            Some("en".into()),
            Some("es".into())
        ]
    );
    assert_eq!(
        feed.items_for(&LangCode::new("es")),
        [patriot, call, sanctions]
    );
    assert_eq!(feed.items_for(&LangCode::new("en")), [drones]);
    assert_eq!(
        feed.warnings,
        [
            warn("items[3].url", "missing (and no external_url); skipped"),
            warn("items[4].url", "`javascript:alert(1)` uses a scheme other than http or https; skipped"),
            warn("items[5].title", "missing (and no content_text); skipped"),
            warn("items[6].image", "`data:image/png;base64,iVBORw0KGgo=` uses a scheme other than http or https; image dropped"),
            warn("items[6].date_published", "is not an RFC 3339 date-time; date dropped"),
            warn("items[7].id", "`https://expansion.mx/mundo/2025/07/01/ee-uu-pausa-patriot` repeats an earlier item's id; skipped"),
        ]
    );
}

#[test]
fn json_feed_1_0_authors_stand_in_for_a_missing_title() {
    let feed = fixture("feed-1.0-author.json").unwrap();
    assert_eq!(feed.title, None);
    assert_eq!(
        feed.items(),
        [
            item(
                "Зеленський і Трамп домовилися посилити протиповітряну оборону",
                "https://blog.kyiv-example.org/2025/07/air-defence/",
                Some("/images/air-defence.jpg"),
                Some("Олена Коваль"),
                Some("2025-07-04T20:15:00+03:00"),
            ),
            // No item author: the feed's (1.0 `author`); a numeric 1.0 id is fine.
            item(
                "Україна та США виготовлятимуть сотні тисяч дронів",
                "https://blog.kyiv-example.org/2025/07/drones/",
                None,
                Some("Kyiv Example Blog"),
                Some("2025-07-02T19:05:00+03:00"),
            ),
        ]
    );
    // No language anywhere: the items suit every edition.
    assert_eq!(feed.items_for(&LangCode::new("de")).len(), 2);
    assert_eq!(
        feed.home_page_url.as_deref(),
        Some("https://blog.kyiv-example.org/")
    );
    assert_eq!(feed.warnings, []);
}

#[test]
fn documents_that_are_not_feeds_are_errors() {
    assert_eq!(
        fixture("feed-malformed.json").unwrap_err().to_string(),
        "version: `2.0` is not a JSON Feed version URL"
    );
    assert_eq!(
        fixture("feed-items-not-array.json")
            .unwrap_err()
            .to_string(),
        "items: expected an array of items"
    );
    let cases = [
        (json!([]), "$: expected a JSON Feed object"),
        (json!({ "items": [] }), "version: missing: not a JSON Feed"),
        (
            json!({ "version": 1.1, "items": [] }),
            "version: expected a JSON Feed version URL",
        ),
        (
            json!({ "version": "https://jsonfeed.org/version/2" }),
            "version: JSON Feed version `2` is not supported (1 and 1.1 are)",
        ),
        (
            json!({ "version": "https://jsonfeed.org/version/1.1", "title": "T" }),
            "items: required but missing",
        ),
    ];
    for (doc, message) in cases {
        assert_eq!(
            map_json_feed(&doc).unwrap_err().to_string(),
            message,
            "{doc}"
        );
    }
    // `title` as an array reads its first text, as everywhere else.
    let titled =
        json!({ "version": "https://jsonfeed.org/version/1.1", "title": ["T"], "items": [] });
    assert_eq!(map_json_feed(&titled).unwrap().title.as_deref(), Some("T"));
    assert_eq!(
        map_json_feed(
            &json!({ "version": "https://jsonfeed.org/version/1.1", "title": 5, "items": [] })
        )
        .unwrap_err()
        .to_string(),
        "title: expected text"
    );
    assert!(matches!(
        map_json_feed_str("{\"version\":"),
        Err(ImportError::Syntax { line: 1, .. })
    ));
}

#[test]
fn odd_items_are_skipped_with_warnings_never_a_panic() {
    let doc = json!({
        "version": "https://jsonfeed.org/version/1.1",
        "title": "T",
        "home_page_url": "javascript:void(0)",
        "items": [null, 3, [], { "url": 5, "title": "x" }, { "url": "https://x.example/", "title": { "a": 1 }, "content_text": "  \n\n A very first line \n second" },
                  { "url": "https://x.example/2", "content_text": "word ".repeat(60), "image": 7, "date_published": false, "language": 4 }]
    });
    let feed = map_json_feed(&doc).unwrap();
    let long = format!("{}…", "word ".repeat(28).trim_end());
    assert_eq!(
        feed.items(),
        [
            item(
                "A very first line",
                "https://x.example/",
                None,
                Some("T"),
                None
            ),
            item(&long, "https://x.example/2", None, Some("T"), None),
        ]
    );
    assert_eq!(
        feed.warnings,
        [
            warn(
                "home_page_url",
                "`javascript:void(0)` uses a scheme other than http or https; dropped"
            ),
            warn("items[0]", "is not an object; skipped"),
            warn("items[1]", "is not an object; skipped"),
            warn("items[2]", "is not an object; skipped"),
            warn("items[3].url", "is not a URL; skipped"),
            warn("items[5].image", "is not a URL; image dropped"),
            warn(
                "items[5].date_published",
                "is not an RFC 3339 date-time; date dropped"
            ),
        ]
    );
}
