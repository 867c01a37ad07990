//! Pages as CMSs and newspapers publish them (WordPress with Yoast SEO, WordPress core, Drupal,
//! Ghost, Arc XP, big newspapers; each fixture's header says where its shape comes from), read
//! as the widget reads a page with `data-jsonld="self"`: each maps to the expected edition or
//! teaser, with the expected warnings.

use byline_model::{
    map_jsonld_scripts, parse_edition, read_mapped_edition, read_page_markup, Block, Edition,
    JsonLdOptions, MappedArticle, ModelError, Warning,
};
use serde_json::json;

/// Maps a fixture page as the widget would on that page (`page_url` is where it was served).
fn page(name: &str, page_url: &str, placeholder: JsonLdOptions) -> MappedArticle {
    let path = format!(
        "{}/tests/fixtures/native/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let html = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let markup = read_page_markup(&html);
    let options = markup.options(&JsonLdOptions {
        page_url: Some(page_url.into()),
        ..placeholder
    });
    map_jsonld_scripts(&markup.scripts, &options).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn warnings(mapped: &MappedArticle) -> Vec<String> {
    mapped.warnings.iter().map(Warning::to_string).collect()
}

fn ids(e: &Edition) -> Vec<&str> {
    e.body.iter().filter_map(Block::id).collect()
}

fn pairs(e: &Edition) -> Vec<String> {
    e.editions
        .iter()
        .map(|l| format!("{}-{} {}", l.lang, l.country, &*l.url))
        .collect()
}

fn published(e: &Edition) -> Option<&str> {
    e.published.as_ref().map(|t| t.as_str())
}

/// The teaser's link.
fn more(e: &Edition) -> &str {
    e.body
        .iter()
        .find_map(|b| match b {
            Block::More { href, .. } => Some(href.as_str()),
            _ => None,
        })
        .expect("a teaser")
}

const TEASER: &str = "articleBody: missing: shown as a teaser (headline, description, image, date, source) linking to the whole article";

#[test]
fn a_page_without_a_url_in_its_json_ld_is_shared_by_its_canonical_link_else_its_address() {
    let article = r#"{"@type":"NewsArticle","headline":"H","datePublished":"2025-07-04T08:30:00Z","inLanguage":"en-US","articleBody":"Text."}"#;
    let url = |head: &str| {
        let html = format!(
            "<html><head>{head}<script type=\"application/ld+json\">{article}</script></head></html>"
        );
        let markup = read_page_markup(&html);
        let options = markup.options(&JsonLdOptions {
            page_url: Some("https://daily.example/a/?utm=x".into()),
            ..Default::default()
        });
        let mapped = map_jsonld_scripts(&markup.scripts, &options).unwrap();
        mapped.edition.url.as_deref().map(str::to_string)
    };
    assert_eq!(
        url(r#"<link rel="canonical" href=" https://daily.example/a/ "><link rel="canonical" href="https://daily.example/b/">"#).as_deref(),
        Some("https://daily.example/a/")
    );
    assert_eq!(
        url(r#"<link rel="alternate canonical" href="https://daily.example/c/?x=1&amp;y=2">"#)
            .as_deref(),
        Some("https://daily.example/c/?x=1&y=2")
    );
    assert_eq!(url("").as_deref(), Some("https://daily.example/a/?utm=x"));
}

#[test]
fn wordpress_with_yoast_seo() {
    let url = "https://daily.example/2025/07/04/council-approves-tram-line/";
    let mapped = page("wordpress-yoast.html", url, JsonLdOptions::default());
    let e = &mapped.edition;
    assert!(e.is_teaser());
    assert_eq!(e.url.as_deref(), Some(url));
    assert_eq!((e.lang.as_str(), e.country.as_str()), ("en", "US"));
    assert_eq!(e.headline, "Council approves the new tram line");
    // The Article piece has no description; Yoast puts it on the WebPage, which is not read.
    assert_eq!(e.standfirst, None);
    assert_eq!(published(e), Some("2025-07-04T08:30:00+00:00"));
    assert_eq!(e.authors, ["Jane Doe"]);
    assert_eq!(e.source.name, "Example Daily");
    assert_eq!(
        e.source.logo.as_deref(),
        Some("https://daily.example/wp-content/uploads/logo.png")
    );
    assert_eq!(ids(e), ["img1", "more"]);
    assert!(
        matches!(&e.body[0], Block::Image { alt, width: Some(1600), .. } if alt == "A tram on the test track")
    );
    assert_eq!(more(e), url);
    assert_eq!(e.id, "council-approves-tram-line");
    assert_eq!(warnings(&mapped), [format!("@graph[0].{TEASER}")]);
}

#[test]
fn wordpress_core_with_the_amp_plugin() {
    let url = "https://parish.example/2025/07/04/library-roof/";
    let mapped = page("wordpress-core.html", url, JsonLdOptions::default());
    let e = &mapped.edition;
    // No inLanguage: <html lang="en-GB">.
    assert_eq!((e.lang.as_str(), e.country.as_str()), ("en", "GB"));
    assert_eq!(e.headline, "Why the library’s roof matters “now”");
    assert_eq!(e.source.name, "Parish Notes");
    assert_eq!(e.authors, ["parishadmin"]);
    assert_eq!(
        e.updated.as_ref().map(|t| t.as_str()),
        Some("2025-07-05T09:00:00+00:00")
    );
    assert_eq!(ids(e), ["img1", "more"]);
    assert_eq!(more(e), url);
    assert_eq!(warnings(&mapped), [TEASER]);
}

#[test]
fn drupal_with_schema_metatag_is_for_no_particular_country() {
    let url = "https://stadtanzeiger.example/de/neue-radwege";
    let mapped = page("drupal.html", url, JsonLdOptions::default());
    let e = &mapped.edition;
    assert_eq!((e.lang.as_str(), e.country.as_str()), ("de", "ZZ"));
    assert!(e.country.is_none());
    assert_eq!(e.headline, "Neue Radwege für die Altstadt");
    assert_eq!(
        e.standfirst.as_deref(),
        Some("Der Gemeinderat beschließt 4,5\u{a0}km neue Wege – Baubeginn im Herbst.")
    );
    // `+0200` read as `+02:00`; text widths read as numbers.
    assert_eq!(published(e), Some("2025-07-04T17:45:00+02:00"));
    assert!(matches!(
        &e.body[0],
        Block::Image {
            width: Some(1200),
            height: Some(630),
            ..
        }
    ));
    assert_eq!(mapped.accessible_for_free, Some(true));
    assert_eq!(e.source.name, "Stadtanzeiger");
    // Translations without a region: editions for no particular country, so no country picker.
    assert_eq!(
        pairs(e),
        [
            format!("de-ZZ {url}"),
            "en-ZZ https://stadtanzeiger.example/en/new-cycle-lanes".into()
        ]
    );
    assert_eq!(more(e), url);
    assert_eq!(
        warnings(&mapped),
        [
            "@graph[0].inLanguage: `de` has no region and no country was given: an edition for no particular country (write a region, like de-DE, or data-country)".to_string(),
            format!("@graph[0].{TEASER}"),
        ]
    );

    // The placeholder's data-country gives every region-less edition its country.
    let mapped = page(
        "drupal.html",
        url,
        JsonLdOptions {
            default_country: Some("AT".into()),
            ..Default::default()
        },
    );
    assert_eq!(mapped.edition.country, "AT");
    assert_eq!(
        pairs(&mapped.edition)[1],
        "en-AT https://stadtanzeiger.example/en/new-cycle-lanes"
    );
    assert_eq!(warnings(&mapped), [format!("@graph[0].{TEASER}")]);
}

#[test]
fn ghost() {
    let url = "https://letters.example/night-train/";
    let mapped = page("ghost.html", url, JsonLdOptions::default());
    let e = &mapped.edition;
    assert_eq!((e.lang.as_str(), e.country.as_str()), ("en", "ZZ"));
    assert_eq!(
        e.standfirst.as_deref(),
        Some("Twelve hours, three borders and one very small cabin.")
    );
    assert_eq!(published(e), Some("2025-07-04T15:45:00.000Z"));
    assert_eq!(e.authors, ["Ana Lima"]);
    assert_eq!(e.source.name, "Slow Travel Letters");
    assert_eq!(ids(e), ["img1", "more"]);
    assert_eq!(more(e), url);
    assert_eq!(
        warnings(&mapped),
        [
            "inLanguage: `en` has no region and no country was given: an edition for no particular country (write a region, like en-DE, or data-country)".to_string(),
            TEASER.into(),
        ]
    );
}

#[test]
fn arc_xp() {
    let url = "https://post.example/local/2025/07/04/harbor-bridge-reopens/";
    let mapped = page(
        "arc-xp.html",
        url,
        JsonLdOptions {
            default_country: Some("US".into()),
            ..Default::default()
        },
    );
    let e = &mapped.edition;
    assert_eq!((e.lang.as_str(), e.country.as_str()), ("en", "US"));
    assert_eq!(e.authors, ["Sam Reporter", "Lee Editor"]);
    assert_eq!(e.source.name, "The Example Post");
    assert!(
        matches!(&e.body[0], Block::Image { src, .. } if src.as_str() == "https://post.example/resizer/bridge-16x9.jpg")
    );
    assert_eq!(mapped.accessible_for_free, Some(false));
    assert_eq!(more(e), url);
    assert_eq!(warnings(&mapped), [TEASER]);
}

#[test]
fn newspaper_with_the_outlet_in_another_script() {
    let url = "https://www.times.example/uk/heatwave-schools";
    let mapped = page("newspaper-graph.html", url, JsonLdOptions::default());
    let e = &mapped.edition;
    // `inLanguage` is bare `en`; the page's hreflang link to itself says GB.
    assert_eq!((e.lang.as_str(), e.country.as_str()), ("en", "GB"));
    assert_eq!(
        e.standfirst.as_deref(),
        Some("Temperatures above 35°C kept 2,000 schools shut on Friday.")
    );
    assert_eq!(
        mapped.alternative_headline.as_deref(),
        Some("2,000 schools shut as temperatures pass 35°C")
    );
    assert_eq!(e.source.name, "The Example Times");
    assert_eq!(
        e.source.logo.as_deref(),
        Some("https://static.times.example/logo.png")
    );
    assert!(
        matches!(&e.body[0], Block::Image { credit: Some(credit), .. } if credit == "Jo Photographer for The Example Times")
    );
    assert_eq!(
        pairs(e),
        [
            format!("en-GB {url}"),
            "en-US https://www.times.example/us/heatwave-schools".into()
        ]
    );
    assert_eq!(warnings(&mapped), [format!("[0].{TEASER}")]);
}

#[test]
fn newspaper_with_the_whole_text_is_a_full_edition() {
    let url = "https://diario.example/opinion/2025-07-04/la-ciudad-que-aprendio-a-caminar.html";
    let mapped = page("newspaper-full-text.html", url, JsonLdOptions::default());
    let e = &mapped.edition;
    assert!(!e.is_teaser());
    assert_eq!((e.lang.as_str(), e.country.as_str()), ("es", "ES"));
    assert_eq!(ids(e), ["p1", "img1", "p2", "p3"]);
    assert!(
        matches!(&e.body[2], Block::Paragraph { content, .. } if content[0].text() == "Hoy es una plaza con árboles – y con niños.")
    );
    assert_eq!(e.authors, ["Lucía Columnista"]);
    assert_eq!(e.source.name, "Diario Ejemplo");
    assert_eq!(e.id, "la-ciudad-que-aprendio-a-caminar");
    assert_eq!(warnings(&mapped), Vec::<String>::new());
}

#[test]
fn a_headline_alone_renders_without_a_date_and_with_the_language_undetermined() {
    let url = "https://buses.example/2025/07/night-buses";
    let mapped = page("headline-only.html", url, JsonLdOptions::default());
    // The edition as the widget reads it from the formats module; `read_edition` would refuse
    // it (below).
    let expected = read_mapped_edition(|| {
        json!({
            "version": 1,
            "id": "night-buses",
            "lang": "und",
            "country": "ZZ",
            "headline": "Night buses return to the old town",
            "source": { "name": "buses.example", "url": url },
            "body": [{ "id": "more", "type": "more", "href": url }],
            "editions": [{ "lang": "und", "country": "ZZ", "url": url }],
            // The page's address, as no canonical link names another.
            "url": url
        })
    })
    .unwrap();
    assert_eq!(mapped.edition, expected);
    assert_eq!(mapped.edition.published, None);
    assert!(mapped.edition.lang.is_undetermined());
    assert_eq!(
        warnings(&mapped),
        [
            "datePublished: missing, and so are dateCreated and dateModified: shown without a date; write when the article was published, in ISO 8601, like \"datePublished\": \"2025-07-04T17:45:00-06:00\"",
            "inLanguage: missing, and the page gives no language (<html lang>, data-lang): shown with its language undetermined (und) and for no particular country; write the article's language, like \"inLanguage\": \"de-DE\"",
            "publisher: missing: the source is named after the site, buses.example; write the outlet, like \"publisher\": {\"@type\": \"Organization\", \"name\": \"…\"}",
            TEASER,
        ]
    );

    // The page's <html lang> or the placeholder's data-lang and data-country fill the gaps;
    // the date stays missing.
    let mapped = page(
        "headline-only.html",
        url,
        JsonLdOptions {
            default_lang: Some("de".into()),
            default_country: Some("AT".into()),
            ..Default::default()
        },
    );
    let e = &mapped.edition;
    assert_eq!((e.lang.as_str(), e.country.as_str()), ("de", "AT"));
    assert_eq!(e.published, None);
    assert!(warnings(&mapped)[0].starts_with("datePublished: missing"));
    assert!(!warnings(&mapped)
        .iter()
        .any(|w| w.starts_with("inLanguage")));

    // So does the page's hreflang link to itself, when it is the only word on the language.
    let mut markup = read_page_markup(
        &std::fs::read_to_string(format!(
            "{}/tests/fixtures/native/headline-only.html",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap(),
    );
    markup.alternates = vec![
        ("fr-BE".into(), url.into()),
        (
            "nl-BE".into(),
            "https://buses.example/nl/nachtbussen".into(),
        ),
    ];
    let options = markup.options(&JsonLdOptions {
        page_url: Some(url.into()),
        ..Default::default()
    });
    let e = map_jsonld_scripts(&markup.scripts, &options)
        .unwrap()
        .edition;
    assert_eq!((e.lang.as_str(), e.country.as_str()), ("fr", "BE"));
    assert_eq!(
        pairs(&e),
        [
            format!("fr-BE {url}"),
            "nl-BE https://buses.example/nl/nachtbussen".into()
        ]
    );
}

#[test]
fn a_byline_document_still_needs_its_date() {
    // What the mapping made for a page without a date is no Byline document: the format's
    // `published` is required, whoever reads it strictly.
    let mapped = page(
        "headline-only.html",
        "https://buses.example/2025/07/night-buses",
        JsonLdOptions::default(),
    );
    let written = serde_json::to_value(&mapped.edition).unwrap();
    assert_eq!(
        written.get("published"),
        None,
        "no date is written as no `published`"
    );
    let missing = ModelError::MissingField {
        path: "published".into(),
    };
    assert_eq!(parse_edition(&written.to_string()).unwrap_err(), missing);
    let mut null = written.clone();
    null["published"] = serde_json::Value::Null;
    assert_eq!(parse_edition(&null.to_string()).unwrap_err(), missing);
    // The lenient read still checks the date it is given.
    let mut bad = written.clone();
    bad["published"] = json!("4 July 2025");
    assert!(matches!(
        read_mapped_edition(|| &bad).unwrap_err(),
        ModelError::Invalid { path, .. } if path == "published"
    ));
    // And every other rule of the format.
    let mut empty = written;
    empty["body"] = json!([]);
    assert!(read_mapped_edition(|| &empty).is_err());
}
