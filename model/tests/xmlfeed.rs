//! RSS 2.0, RSS 1.0 and Atom 1.0 as the source of the related-news carousel, parsed natively
//! (roxmltree) through the same mapping the formats module runs on the browser's parser.

mod common;

use common::item;

use byline_model::xmlfeed::{best_image, rss_date, ImageCandidate, ImageSource};
use byline_model::{feed_kind, map_xml_feed_str, FeedKind, ImportError, LangCode, RelatedFeed};

/// Resolves as the browser's `URL` does, keeping only http(s).
fn resolve(reference: &str, base: &str) -> Option<String> {
    let url = url::Url::parse(base).ok()?.join(reference).ok()?;
    matches!(url.scheme(), "http" | "https").then(|| url.to_string())
}

fn fixture_text(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/xmlfeed/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn fixture(name: &str, feed_url: &str) -> Result<RelatedFeed, ImportError> {
    map_xml_feed_str(&fixture_text(name), feed_url, &resolve)
}

fn warnings(feed: &RelatedFeed) -> Vec<String> {
    feed.warnings.iter().map(ToString::to_string).collect()
}

#[test]
fn rss_2_items_become_cards() {
    let feed = fixture("rss-2.0.xml", "https://news.example/feeds/de.rss").unwrap();
    assert_eq!(feed.title.as_deref(), Some("Der Morgenbote"));
    assert_eq!(feed.home_page_url.as_deref(), Some("https://news.example/"));
    assert_eq!(
        feed.items(),
        [
            // Relative links resolved against the feed; the widest media:content wins.
            item(
                "Brüssel & Berlin: Einigung über das Sanktionspaket",
                "https://news.example/de/2025/07/sanktionen",
                Some("https://news.example/img/sanktionen-460.jpg"),
                Some("Der Morgenbote"),
                Some("2025-07-04T08:00:00+00:00"),
            ),
            // An image enclosure (not the audio one); the item's own <source>.
            item(
                "Zweites Thema – mit Bild als Anhang",
                "https://news.example/de/zwei",
                Some("https://cdn.news.example/zwei.webp"),
                Some("Agentur Beispiel"),
                Some("2025-07-03T18:30:00+02:00"),
            ),
            // A permalink guid as the link; the image of a media:group, not its video.
            item(
                "Drittes Thema",
                "https://news.example/de/drei",
                Some("https://cdn.news.example/drei.jpg"),
                Some("Der Morgenbote"),
                Some("2025-07-02T09:00:00-05:00"),
            ),
            item(
                "Ein Datum, das keines ist",
                "https://news.example/de/vier",
                None,
                Some("Der Morgenbote"),
                None,
            ),
        ]
    );
    assert_eq!(
        warnings(&feed),
        [
            "rss.channel.item[3].pubDate: is not an RFC 822 date; date dropped",
            "rss.channel.item[4].link: missing; skipped",
            "rss.channel.item[5].link: `javascript:alert(1)` is not an http(s) URL; skipped",
        ]
    );
    // The channel's language is every item's.
    assert_eq!(feed.items_for(&LangCode::new("de")).len(), 4);
    assert!(feed.items_for(&LangCode::new("en")).is_empty());
}

#[test]
fn atom_entries_become_cards() {
    let feed = fixture("atom.xml", "https://blog.example/atom.xml").unwrap();
    // An HTML title loses its tags.
    assert_eq!(feed.title.as_deref(), Some("The Morning Herald"));
    // The feed's xml:base, not its URL, is what its links are relative to.
    assert_eq!(
        feed.home_page_url.as_deref(),
        Some("https://blog.example/news/")
    );
    let english = item(
        "Brussels agrees a new sanctions package",
        "https://blog.example/news/2025/sanctions",
        Some("https://blog.example/img/sanctions.jpg"),
        Some("The Morning Herald"),
        Some("2025-07-04T10:00:00+02:00"),
    );
    // An entry's own xml:base and xml:lang; `updated` when there is no `published`.
    let french = item(
        "Un second sujet",
        "https://other.example/reports/second",
        Some("https://other.example/reports/thumb.png"),
        Some("Agence Exemple"),
        Some("2025-07-03T09:00:00Z"),
    );
    assert_eq!(feed.items(), [english.clone(), french.clone()]);
    assert_eq!(feed.items_for(&LangCode::new("en")), [english]);
    assert_eq!(feed.items_for(&LangCode::new("fr")), [french]);
    assert_eq!(warnings(&feed), ["feed.entry[2].link: missing; skipped"]);
}

#[test]
fn rss_1_items_sit_next_to_the_channel() {
    let feed = fixture("rss-1.0.xml", "https://news.example/index.rdf").unwrap();
    assert_eq!(
        feed.items_for(&LangCode::new("de")),
        [item(
            "Erstes Thema",
            "https://news.example/de/eins",
            None,
            Some("Der Morgenbote"),
            Some("2025-07-04T10:00:00+02:00"),
        )]
    );
}

#[test]
fn a_malformed_feed_is_an_error_with_its_position() {
    let err = fixture("malformed.xml", "https://news.example/feed.rss").unwrap_err();
    let ImportError::XmlSyntax { line, .. } = &err else {
        panic!("expected an XML syntax error, got {err:?}");
    };
    assert_eq!(*line, 9, "{err}");
    assert_eq!(err.path(), "$");
    assert_eq!(
        err.to_string(),
        "$: not well-formed XML (line 9, column 3): expected 'item' tag, not 'channel'"
    );
}

#[test]
fn xml_that_is_no_feed_says_what_it_is() {
    let err = fixture("not-a-feed.xml", "https://news.example/feed.rss").unwrap_err();
    assert_eq!(
        err.to_string(),
        "$: the root element is <urlset>, not RSS's <rss> or Atom's <feed>"
    );
    let err =
        map_xml_feed_str("<rss version=\"2.0\"/>", "https://x.example/", &resolve).unwrap_err();
    assert_eq!(err.to_string(), "$: <rss> has no <channel>");
}

#[test]
fn the_fixtures_are_told_apart_from_json_by_their_body() {
    for name in ["rss-2.0.xml", "atom.xml", "malformed.xml"] {
        assert_eq!(
            feed_kind(Some("application/json"), &fixture_text(name)),
            FeedKind::Xml
        );
    }
}

#[test]
fn rss_dates() {
    let date = |s: &str| rss_date(s).map(|t| t.as_str().to_string());
    assert_eq!(
        date("Fri, 04 Jul 2025 08:00:00 GMT").as_deref(),
        Some("2025-07-04T08:00:00+00:00")
    );
    assert_eq!(
        date("4 Jul 2025 08:00 +0130").as_deref(),
        Some("2025-07-04T08:00:00+01:30")
    );
    assert_eq!(
        date(" Fri, 4 Jul 2025 08:00:00 PDT ").as_deref(),
        Some("2025-07-04T08:00:00-07:00")
    );
    // ISO 8601 where RFC 822 belongs, as some CMSs write it.
    assert_eq!(
        date("2025-07-04T08:00:00Z").as_deref(),
        Some("2025-07-04T08:00:00Z")
    );
    assert_eq!(date("Freitag, 4. Juli"), None);
    assert_eq!(date(""), None);
}

#[test]
fn the_most_preferred_source_then_the_widest_image_wins() {
    let candidate = |source, url: &str, width| ImageCandidate {
        source,
        url: url.to_string().try_into().unwrap(),
        width,
    };
    let picked = |candidates: &[ImageCandidate]| best_image(candidates).map(|c| c.url.to_string());
    let thumb = candidate(
        ImageSource::MediaThumbnail,
        "https://x.example/t.jpg",
        Some(2000),
    );
    let small = candidate(
        ImageSource::MediaContent,
        "https://x.example/s.jpg",
        Some(140),
    );
    let large = candidate(
        ImageSource::MediaContent,
        "https://x.example/l.jpg",
        Some(460),
    );
    let no_width = candidate(ImageSource::MediaContent, "https://x.example/u.jpg", None);
    let enclosure = candidate(ImageSource::Enclosure, "https://x.example/e.jpg", None);
    let atom = candidate(ImageSource::AtomEnclosure, "https://x.example/a.jpg", None);
    assert_eq!(
        picked(&[thumb.clone(), small.clone(), large.clone()]).as_deref(),
        Some("https://x.example/l.jpg")
    );
    assert_eq!(
        picked(&[no_width.clone(), small.clone()]).as_deref(),
        Some("https://x.example/s.jpg")
    );
    assert_eq!(
        picked(&[no_width.clone(), no_width.clone()]).as_deref(),
        Some("https://x.example/u.jpg")
    );
    assert_eq!(
        picked(&[enclosure.clone(), thumb]).as_deref(),
        Some("https://x.example/t.jpg")
    );
    assert_eq!(
        picked(&[atom, enclosure]).as_deref(),
        Some("https://x.example/e.jpg")
    );
    assert_eq!(picked(&[]), None);
}
