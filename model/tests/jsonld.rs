//! schema.org JSON-LD, in the shapes news sites publish, mapped to Byline editions.

use byline_model::{
    map_jsonld, map_jsonld_scripts, map_jsonld_str, parse_edition, Block, Edition, ImportError,
    JsonLdOptions, LangCode, MappedArticle, Warning,
};
use serde_json::{json, Value};

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/jsonld/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn fixture_value(name: &str) -> Value {
    serde_json::from_str(&fixture(name)).unwrap()
}

fn map(name: &str, options: &JsonLdOptions) -> Result<MappedArticle, ImportError> {
    map_jsonld_str(&fixture(name), options)
}

fn country(code: &str) -> JsonLdOptions {
    JsonLdOptions {
        default_country: Some(code.into()),
        ..Default::default()
    }
}

/// The expected edition, written in Byline's own format (so it also passes `parse_edition`).
fn edition(value: Value) -> Edition {
    parse_edition(&value.to_string()).unwrap_or_else(|e| panic!("expected edition is invalid: {e}"))
}

fn block_ids(edition: &Edition) -> Vec<&str> {
    edition.body.iter().filter_map(Block::id).collect()
}

fn warn(path: &str, message: &str) -> Warning {
    Warning {
        path: path.into(),
        message: message.into(),
    }
}

const EXPANSION: &str =
    "https://expansion.mx/mundo/2025/07/04/zelenski-acuerda-con-trump-reforzar-defensa-aerea-de-ucrania";

#[test]
fn yoast_graph_with_id_references() {
    let mapped = map("yoast-graph.json", &JsonLdOptions::default()).unwrap();
    let expected = edition(json!({
        "version": 1,
        "id": "zelenski-acuerda-con-trump-reforzar-defensa-aerea-de-ucrania",
        "lang": "es",
        "country": "MX",
        "headline": "Zelenski acuerda con Trump reforzar la defensa aérea de Ucrania",
        "standfirst": "Tras una llamada con Putin el jueves, Trump admitió estar \"descontento\" por la falta de avances hacia la paz.",
        "published": "2025-07-04T23:45:00+00:00",
        "updated": "2025-07-05T01:10:00+00:00",
        "authors": ["Laura Martínez"],
        "source": {
            "name": "Expansión",
            "url": EXPANSION,
            "logo": "https://expansion.mx/static/expansion-logo.png"
        },
        "body": [
            { "id": "p1", "type": "paragraph", "content": ["El presidente ucraniano, Volodímir Zelenski, dijo el viernes que acordó con su homólogo estadounidense, Donald Trump, trabajar juntos para reforzar la defensa aérea de Ucrania."] },
            { "id": "img1", "type": "image", "src": "https://cdn.expansion.mx/dims4/default/zelenski-trump.jpg",
              "alt": "Volodímir Zelenski durante una conferencia de prensa en Kiev.", "width": 1280, "height": 720 },
            { "id": "p2", "type": "paragraph", "content": ["“Hablamos de las oportunidades en defensa aérea y acordamos trabajar juntos para fortalecer la protección de nuestros cielos”, dijo Zelenski."] },
            { "id": "p3", "type": "paragraph", "content": ["Ambos líderes acordaron además organizar una reunión de sus equipos, aunque Zelenski no dio una fecha."] }
        ],
        "editions": [{ "lang": "es", "country": "MX", "url": EXPANSION }],
        "url": EXPANSION
    }));
    assert_eq!(mapped.edition, expected);
    assert_eq!(mapped.accessible_for_free, None);
    assert_eq!(mapped.alternative_headline, None);
    assert_eq!(mapped.warnings, []);
}

#[test]
fn plain_object_with_people_image_list_and_logo_object() {
    let mapped = map("plain-object.json", &JsonLdOptions::default()).unwrap();
    let e = &mapped.edition;
    assert_eq!(
        (e.lang.to_string(), e.country.to_string()),
        ("en".into(), "GB".into())
    );
    assert_eq!(e.id, "zelenskyy-trump-call-air-defence");
    assert_eq!(e.authors, ["Pjotr Sauer", "Dan Sabbagh"]);
    assert_eq!(e.source.name, "The Guardian");
    assert_eq!(
        e.source.logo.as_deref(),
        Some("https://uploads.guim-example.co.uk/2018/01/31/TheGuardian_AMP.png")
    );
    assert_eq!(
        &*e.source.url,
        "https://www.theguardian-example.com/world/2025/jul/04/zelenskyy-trump-call-air-defence"
    );
    assert_eq!(
        e.published.as_ref().map(|t| t.unix_millis()),
        Some(1_751_648_743_000)
    );
    assert_eq!(
        e.updated.as_ref().map(|t| t.as_str()),
        Some("2025-07-04T18:40:12.000Z")
    );
    // Single newlines separate paragraphs when there is no blank line; the first image follows p1.
    assert_eq!(block_ids(e), ["p1", "img1", "p2", "p3"]);
    assert_eq!(
        e.body[1],
        Block::Image {
            id: "img1".into(),
            src: "https://i.guim-example.co.uk/img/media/16x9/master/1920.jpg"
                .to_string()
                .try_into()
                .unwrap(),
            alt: String::new(),
            caption: None,
            credit: None,
            width: None,
            height: None,
        }
    );
    assert_eq!(
        e.standfirst.as_deref(),
        Some("After a call with Putin on Thursday, Trump admitted he was ‘not happy’ with the lack of progress towards peace.")
    );
    assert_eq!(
        mapped.alternative_headline.as_deref(),
        Some("Ukrainian president says call with US leader was ‘important and productive’")
    );
    assert_eq!(mapped.accessible_for_free, Some(true));
    assert_eq!(e.editions.len(), 1);
    assert_eq!(mapped.warnings, []);
}

#[test]
fn array_of_objects_with_a_bare_language_is_for_no_particular_country() {
    let mapped = map("array-of-objects.json", &JsonLdOptions::default()).unwrap();
    let e = &mapped.edition;
    assert_eq!(
        (e.lang.to_string(), e.country.to_string()),
        ("es".into(), "ZZ".into())
    );
    assert!(e.country.is_none());
    assert_eq!(e.editions.len(), 1);
    assert_eq!(
        mapped.warnings,
        [warn(
            "[1].inLanguage",
            "`es` has no region and no country was given: an edition for no particular country (write a region, like es-DE, or data-country)"
        )]
    );
    let mapped = map("array-of-objects.json", &country("es")).unwrap();
    let e = &mapped.edition;
    assert_eq!(
        (e.lang.to_string(), e.country.to_string()),
        ("es".into(), "ES".into())
    );
    // `publisher` is a reference to another top-level object of the array.
    assert_eq!(e.source.name, "EL PAÍS");
    assert_eq!(
        e.source.logo.as_deref(),
        Some("https://static.elpais-example.com/logo/el-pais.svg")
    );
    assert_eq!(e.authors, ["Redacción Internacional"]);
    assert_eq!(e.id, "zelenski-y-trump-acuerdan-reforzar-la-defensa-aerea");
    assert_eq!(block_ids(e), ["p1", "p2"]);
    assert_eq!(e.updated, None);
}

#[test]
fn translation_with_language_object_and_hreflang_alternates() {
    let options = JsonLdOptions {
        default_country: Some("MX".into()),
        page_url: Some("https://news.example/de/mx/zelensky-trump-air-defence".into()),
        alternates: vec![
            ("es-MX".into(), EXPANSION.into()),
            (
                "de-DE".into(),
                "https://news.example/de/de/zelensky-trump-air-defence".into(),
            ),
            (
                "x-default".into(),
                "https://news.example/zelensky-trump-air-defence".into(),
            ),
            (
                "en".into(),
                "https://news.example/en/zelensky-trump-air-defence".into(),
            ),
            (
                "en-MX".into(),
                "https://news.example/en/mx/zelensky-trump-air-defence".into(),
            ),
            ("uk-UA".into(), "javascript:alert(1)".into()),
            ("Deutsch".into(), "https://news.example/deutsch".into()),
        ],
        ..Default::default()
    };
    let mapped = map("translation-language-object.json", &options).unwrap();
    let expected = edition(json!({
        "version": 1,
        // Made from the original's URL, which every translation of it shares.
        "id": "zelenski-acuerda-con-trump-reforzar-defensa-aerea-de-ucrania",
        "lang": "de",
        "country": "MX",
        "headline": "Selenskyj stimmt mit Trump überein, die ukrainische Luftabwehr zu stärken",
        "standfirst": "Nach einem Telefongespräch mit Putin am Donnerstag gab Trump zu, er sei „unzufrieden“ über die mangelnden Fortschritte auf dem Weg zum Frieden.",
        "published": "2025-07-04T17:45:00-06:00",
        "updated": "2025-07-04T19:10:00-06:00",
        "authors": ["Expansión"],
        "source": { "name": "Expansión", "url": EXPANSION, "logo": "../img/expansion-logo.svg", "original_lang": "es" },
        "body": [
            { "id": "p1", "type": "paragraph", "content": ["Der ukrainische Präsident Wolodymyr Selenskyj hatte am Freitag erklärt, er habe in einem Telefongespräch mit US-Präsident Donald Trump vereinbart, die Luftverteidigung der Ukraine gemeinsam zu stärken."] },
            { "id": "p2", "type": "paragraph", "content": ["Die beiden Staatschefs einigten sich außerdem darauf, ein Treffen ihrer jeweiligen Teams zu organisieren."] }
        ],
        "editions": [
            { "lang": "es", "country": "MX", "url": EXPANSION },
            { "lang": "de", "country": "DE", "url": "https://news.example/de/de/zelensky-trump-air-defence" },
            { "lang": "en", "country": "MX", "url": "https://news.example/en/mx/zelensky-trump-air-defence" },
            { "lang": "de", "country": "MX", "url": "https://news.example/de/mx/zelensky-trump-air-defence" }
        ],
        // The translation's own page, not the original (`source.url`).
        "url": "https://news.example/de/mx/zelensky-trump-air-defence"
    }));
    assert_eq!(mapped.edition, expected);
    assert_eq!(
        mapped.edition.share_url(),
        "https://news.example/de/mx/zelensky-trump-air-defence"
    );
    assert_eq!(mapped.edition.translated_from(), Some(&LangCode::new("es")));
    assert_eq!(
        mapped.warnings,
        [
            warn(
                "alternates[5]",
                "`javascript:alert(1)` uses a scheme other than http or https; skipped"
            ),
            warn("alternates[6]", "`Deutsch` is not a language tag; skipped"),
            // `en` + default country MX: `en-MX` claims that pair first.
            warn("alternates[3]", "en-MX is listed twice; the first is kept"),
        ]
    );
}

#[test]
fn image_objects_html_body_and_string_booleans() {
    let mapped = map("images-html-body.json", &country("DE")).unwrap();
    let e = &mapped.edition;
    assert_eq!(e.country, "DE");
    assert_eq!(
        e.published.as_ref().map(|t| t.as_str()),
        Some("2025-07-03T10:30:00+02:00")
    );
    assert_eq!(
        e.updated.as_ref().map(|t| t.as_str()),
        Some("2025-07-03T12:00:00+02:00")
    );
    assert_eq!(e.id, "a-73150000");
    assert_eq!(e.authors, ["DW"]);
    assert_eq!(
        e.source.logo.as_deref(),
        Some("https://static.dw-example.com/image/dw-logo.png")
    );
    assert_eq!(e.standfirst, None);
    let texts: Vec<String> = e
        .body
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph { content, .. } => Some(content.iter().map(|i| i.text()).collect()),
            _ => None,
        })
        .collect();
    assert_eq!(
        texts,
        [
            "Estados Unidos suspendió el envío de algunos misiles Patriot & otras municiones.",
            "Para Kiev, la pausa llega en el peor momento: Rusia intensifica sus ataques con drones.",
        ]
    );
    assert_eq!(
        e.body[1],
        Block::Image {
            id: "img1".into(),
            src: "https://static.dw-example.com/image/73150001_1.jpg"
                .to_string()
                .try_into()
                .unwrap(),
            alt: "Un sistema Patriot en una base de Polonia".into(),
            caption: None,
            credit: Some("Foto: Imago".into()),
            width: Some(1920),
            height: Some(1080),
        }
    );
    assert_eq!(mapped.accessible_for_free, Some(false));
}

#[test]
fn paywalled_article_without_optional_fields() {
    let mapped = map("paywalled-minimal.json", &JsonLdOptions::default()).unwrap();
    let e = &mapped.edition;
    assert_eq!(
        (e.lang.to_string(), e.country.to_string()),
        ("fr".into(), "FR".into())
    );
    assert_eq!(
        e.published.as_ref().map(|t| t.as_str()),
        Some("2025-07-04T12:00:00Z")
    );
    assert_eq!(e.updated, None);
    assert!(e.authors.is_empty());
    assert_eq!(e.source.name, "Le Monde");
    assert_eq!(e.source.logo, None);
    assert_eq!(e.id, "zelensky-trump-defense-aerienne-6600000-3210");
    // No body: a teaser, the description as its standfirst and a link to the whole article.
    assert_eq!(
        e.standfirst.as_deref(),
        Some("Le président ukrainien a parlé d’un appel « très important et productif ».")
    );
    assert!(e.is_teaser());
    assert_eq!(
        e.body,
        [Block::More {
            id: "more".into(),
            href: "https://www.lemonde-example.fr/international/article/2025/07/04/zelensky-trump-defense-aerienne_6600000_3210.html"
                .to_string()
                .try_into()
                .unwrap()
        }]
    );
    assert_eq!(mapped.accessible_for_free, Some(false));
    assert_eq!(
        mapped.warnings,
        [
            warn(
                "datePublished",
                "`2025-07-04` has no time zone; read as 2025-07-04T12:00:00Z"
            ),
            warn(
                "articleBody",
                "missing: shown as a teaser (headline, description, image, date, source) linking to the whole article"
            ),
        ]
    );
}

#[test]
fn blog_posting_as_the_main_entity_of_a_web_page() {
    let mapped = map("webpage-main-entity.json", &JsonLdOptions::default()).unwrap();
    let e = &mapped.edition;
    // The language comes from the WebPage that `mainEntityOfPage` points back to.
    assert_eq!(
        (e.lang.to_string(), e.country.to_string()),
        ("uk".into(), "UA".into())
    );
    assert_eq!(e.authors, ["Олена Коваль", "Андрій Мельник"]);
    assert_eq!(e.id, "air-defence");
    assert_eq!(
        &*e.source.url,
        "https://blog.kyiv-example.org/2025/07/air-defence/"
    );
    assert_eq!(block_ids(e), ["p1", "p2"]);
    assert_eq!(
        mapped.warnings,
        [
            warn(
                "mainEntity.datePublished",
                "`2025-07-04T20:15:00` has no time zone; read as 2025-07-04T20:15:00Z"
            ),
            warn("mainEntity.author[2]", "has no name; skipped"),
        ]
    );
}

#[test]
fn malformed_documents_give_path_qualified_errors() {
    // Nothing to render: errors.
    let cases = [
        (
            "malformed-no-article.json",
            "$: no NewsArticle, Article or BlogPosting node found",
        ),
        (
            "malformed-no-headline.json",
            "@graph[1].headline: required but missing",
        ),
    ];
    for (name, message) in cases {
        assert_eq!(
            map(name, &JsonLdOptions::default())
                .unwrap_err()
                .to_string(),
            message,
            "{name}"
        );
    }
    assert_eq!(
        map("malformed-no-article.json", &JsonLdOptions::default()).unwrap_err(),
        ImportError::NoArticle
    );
    let err = plain_with("headline", json!(42)).unwrap_err();
    assert_eq!(
        err,
        ImportError::WrongType {
            path: "headline".into(),
            expected: "text".into()
        }
    );
    assert_eq!(
        (err.path(), err.message().as_str()),
        ("headline", "expected text")
    );

    // The rest renders without what is broken, and says so with the path.
    let cases = [
        (
            "malformed-logo-type.json",
            "@graph[2].publisher.logo",
            "expected a URL or ImageObject; image skipped",
        ),
        (
            "malformed-author-type.json",
            "author[1]",
            "expected a name, Person or Organization; skipped",
        ),
        (
            "malformed-dangling-publisher.json",
            "@graph[0].publisher",
            "`https://news.example/#organization` is not the @id of any node in the document; ignored",
        ),
    ];
    let options = JsonLdOptions {
        default_country: Some("DE".into()),
        page_url: Some("https://news.example/article".into()),
        ..Default::default()
    };
    for (name, path, message) in cases {
        let mapped = map(name, &options).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(
            mapped.warnings.contains(&warn(path, message)),
            "{name}: {:?}",
            mapped.warnings
        );
    }
    let logo = map("malformed-logo-type.json", &options).unwrap();
    assert_eq!(logo.edition.source.logo, None);
}

/// `plain-object.json` with one property replaced.
fn plain_with(key: &str, value: Value) -> Result<MappedArticle, ImportError> {
    let mut doc = fixture_value("plain-object.json");
    doc[key] = value;
    map_jsonld(&doc, &JsonLdOptions::default())
}

#[test]
fn the_editions_own_url_is_its_url_else_its_main_entity_of_page_else_its_pages() {
    let guardian =
        "https://www.theguardian-example.com/world/2025/jul/04/zelenskyy-trump-call-air-defence";
    let url = |doc: &Value, options: &JsonLdOptions| {
        let mapped = map_jsonld(doc, options).unwrap();
        (
            mapped.edition.url.as_deref().map(str::to_string),
            mapped.edition.share_url().to_string(),
        )
    };
    let none = JsonLdOptions::default();
    let mut doc = fixture_value("plain-object.json");
    // mainEntityOfPage, a WebPage node: its `@id`.
    assert_eq!(url(&doc, &none), (Some(guardian.into()), guardian.into()));
    // The article's own `url` comes first.
    doc["url"] = json!("https://www.theguardian-example.com/p/abc");
    assert_eq!(
        url(&doc, &none).0.as_deref(),
        Some("https://www.theguardian-example.com/p/abc")
    );
    // A relative one is no link to share: the next is used.
    doc["url"] = json!("/p/abc");
    doc["mainEntityOfPage"] = json!({ "@type": "WebPage", "url": "https://g.example/page" });
    assert_eq!(
        url(&doc, &none).0.as_deref(),
        Some("https://g.example/page")
    );
    doc["mainEntityOfPage"] = json!("https://g.example/as-text");
    assert_eq!(
        url(&doc, &none).0.as_deref(),
        Some("https://g.example/as-text")
    );
    // Neither: on an HTML page, the page's canonical link (or address); a JSON-LD document
    // fetched by URL is no page, and what is shared is then the original article's link.
    doc.as_object_mut().unwrap().remove("mainEntityOfPage");
    doc.as_object_mut().unwrap().remove("url");
    let document = JsonLdOptions {
        page_url: Some("https://g.example/article.jsonld".into()),
        ..Default::default()
    };
    assert_eq!(
        url(&doc, &document),
        (None, "https://g.example/article.jsonld".into())
    );
    let on_a_page = JsonLdOptions {
        canonical_url: Some("https://g.example/canonical".into()),
        ..document.clone()
    };
    assert_eq!(
        url(&doc, &on_a_page).0.as_deref(),
        Some("https://g.example/canonical")
    );
    let relative = JsonLdOptions {
        canonical_url: Some("canonical.html".into()),
        ..document
    };
    assert_eq!(url(&doc, &relative).0, None);
}

#[test]
fn only_what_leaves_nothing_to_render_is_an_error() {
    let cases = [
        ("headline", json!(42), "headline: expected text"),
        ("headline", json!("  "), "headline: required but missing"),
    ];
    for (key, value, message) in cases {
        assert_eq!(
            plain_with(key, value.clone()).unwrap_err().to_string(),
            message,
            "{key} = {value}"
        );
    }
}

const NO_DATE: &str = "missing, and so are dateCreated and dateModified: shown without a date; write when the article was published, in ISO 8601, like \"datePublished\": \"2025-07-04T17:45:00-06:00\"";
const NO_LANGUAGE: &str = "missing, and the page gives no language (<html lang>, data-lang): shown with its language undetermined (und) and for no particular country; write the article's language, like \"inLanguage\": \"de-DE\"";

#[test]
fn no_date_and_no_language_are_warnings() {
    // No date at all: an edition without one, and what to write.
    let mapped = map("no-date.json", &JsonLdOptions::default()).unwrap();
    let e = &mapped.edition;
    assert_eq!(e.published, None);
    assert_eq!(e.updated, None);
    assert_eq!(e.headline, "An article with no date anywhere");
    assert_eq!((e.lang.as_str(), e.country.as_str()), ("en", "GB"));
    assert!(e.is_teaser());
    assert_eq!(mapped.warnings[0], warn("datePublished", NO_DATE));

    // Dates that are all unusable count as none: each is ignored, with its own warning.
    let mut doc = fixture_value("plain-object.json");
    doc["datePublished"] = Value::Null;
    doc["dateModified"] = json!("July 4");
    let mapped = map_jsonld(&doc, &JsonLdOptions::default()).unwrap();
    assert_eq!(mapped.edition.published, None);
    assert_eq!(
        mapped.warnings,
        [
            warn(
                "dateModified",
                "`July 4` is not an ISO 8601 date-time like 2025-07-04T17:45:00-06:00; ignored"
            ),
            warn("datePublished", NO_DATE),
        ]
    );

    // No language from anywhere: `und`, for no particular country (or data-country's).
    let mut doc = fixture_value("plain-object.json");
    doc["inLanguage"] = json!("English");
    let mapped = map_jsonld(&doc, &JsonLdOptions::default()).unwrap();
    let e = &mapped.edition;
    assert_eq!((e.lang.as_str(), e.country.as_str()), ("und", "ZZ"));
    assert!(e.lang.is_undetermined() && e.country.is_none());
    assert_eq!(e.editions.len(), 1);
    assert_eq!(
        (e.editions[0].lang.as_str(), e.editions[0].country.as_str()),
        ("und", "ZZ")
    );
    assert_eq!(
        mapped.warnings,
        [
            warn(
                "inLanguage",
                "`English` is not a language tag like de or de-DE; ignored"
            ),
            warn("inLanguage", NO_LANGUAGE),
        ]
    );
    let e = map_jsonld(&doc, &country("be")).unwrap().edition;
    assert_eq!((e.lang.as_str(), e.country.as_str()), ("und", "BE"));

    // Both at once, in a document that is nothing but a headline.
    let bare = json!({ "@context": "https://schema.org", "@type": "NewsArticle", "headline": "Only this" });
    let options = JsonLdOptions {
        page_url: Some("https://news.example/only-this".into()),
        ..Default::default()
    };
    let mapped = map_jsonld(&bare, &options).unwrap();
    let e = &mapped.edition;
    assert_eq!((e.published.as_ref(), e.lang.as_str()), (None, "und"));
    let paths: Vec<&str> = mapped.warnings.iter().map(|w| w.path.as_str()).collect();
    assert_eq!(
        paths,
        ["datePublished", "inLanguage", "publisher", "articleBody"]
    );
}

#[test]
fn wrong_values_elsewhere_are_warnings_naming_the_property() {
    let cases = [
        ("image", json!(["javascript:alert(1)"]), "image[0]", "`javascript:alert(1)` uses a scheme other than http or https; image skipped"),
        ("image", json!(true), "image", "expected a URL or ImageObject; image skipped"),
        ("image", json!({ "@type": "ImageObject", "width": 10 }), "image.url", "required but missing; image skipped"),
        ("datePublished", json!("July 4, 2025"), "datePublished", "`July 4, 2025` is not an ISO 8601 date-time like 2025-07-04T17:45:00-06:00; ignored"),
        ("datePublished", Value::Null, "datePublished", "missing; dateModified is shown as the publication date"),
        ("dateModified", json!("2025-07-01T00:00:00Z"), "dateModified", "is earlier than datePublished; ignored"),
        ("isAccessibleForFree", json!(1), "isAccessibleForFree", "expected true or false; ignored"),
        ("inLanguage", json!("English"), "inLanguage", "`English` is not a language tag like de or de-DE; ignored"),
        ("inLanguage", json!(["fr", "en"]), "inLanguage", "`fr` has no region and no country was given: an edition for no particular country (write a region, like fr-DE, or data-country)"),
        ("publisher", json!([42]), "publisher[0]", "expected an Organization; ignored"),
        ("publisher", json!({ "@type": "Organization" }), "publisher.name", "required but missing; ignored"),
        ("articleBody", json!({ "text": "x" }), "articleBody", "expected text; ignored"),
        ("mainEntityOfPage", json!(7), "mainEntityOfPage", "expected a URL or WebPage; ignored"),
        ("translationOfWork", json!(3), "translationOfWork", "expected a CreativeWork or URL; skipped"),
    ];
    let options = JsonLdOptions {
        default_lang: Some("en-GB".into()),
        page_url: Some("https://www.theguardian-example.com/world/zelenskyy".into()),
        ..Default::default()
    };
    for (key, value, path, message) in cases {
        let mut doc = fixture_value("plain-object.json");
        doc[key] = value.clone();
        let mapped = map_jsonld(&doc, &options).unwrap_or_else(|e| panic!("{key} = {value}: {e}"));
        assert!(
            mapped.warnings.contains(&warn(path, message)),
            "{key} = {value}: {:?}",
            mapped.warnings
        );
    }
    // What replaces what was left out.
    let mut doc = fixture_value("plain-object.json");
    doc["publisher"] = json!({ "@type": "Organization" });
    doc["articleBody"] = json!(7);
    let e = map_jsonld(&doc, &options).unwrap().edition;
    assert_eq!(e.source.name, "www.theguardian-example.com");
    assert!(e.is_teaser());
    assert_eq!(block_ids(&e), ["img1", "more"]);
}

#[test]
fn lenient_where_markup_commonly_varies() {
    // Text as a JSON-LD value object, a publisher given as plain text, `name` for `headline`.
    let mut doc = fixture_value("plain-object.json");
    doc["headline"] = Value::Null;
    doc["name"] = json!({ "@value": "Zelenskyy &amp; Trump", "@language": "en" });
    doc["publisher"] = json!("The Guardian");
    doc["inLanguage"] = Value::Null;
    doc["author"] = json!("Pjotr Sauer");
    let options = JsonLdOptions {
        default_lang: Some("en-AU".into()),
        ..Default::default()
    };
    let e = map_jsonld(&doc, &options).unwrap().edition;
    assert_eq!(e.headline, "Zelenskyy & Trump");
    assert_eq!(e.source.name, "The Guardian");
    assert_eq!(
        (e.lang.to_string(), e.country.to_string()),
        ("en".into(), "AU".into())
    );
    assert_eq!(e.authors, ["Pjotr Sauer"]);

    // The caller's id wins, and must be a valid article id.
    let with_id = JsonLdOptions {
        id: Some("air-defence-2025".into()),
        ..Default::default()
    };
    assert_eq!(
        map("plain-object.json", &with_id).unwrap().edition.id,
        "air-defence-2025"
    );
    let bad_id = JsonLdOptions {
        id: Some("Air Defence".into()),
        ..Default::default()
    };
    assert_eq!(
        map("plain-object.json", &bad_id).unwrap_err().to_string(),
        "options.id: `Air Defence` is not an article id (1 to 200 of a-z, 0-9 and -)"
    );
}

#[test]
fn a_pages_scripts_are_searched_together() {
    let scripts = [
        "{ \"@context\": \"https://schema.org\", \"@type\": \"WebSite\", ".to_string(),
        fixture("malformed-no-article.json"),
        fixture("plain-object.json"),
    ];
    let mapped = map_jsonld_scripts(&scripts, &JsonLdOptions::default()).unwrap();
    assert_eq!(mapped.edition.source.name, "The Guardian");
    assert_eq!(
        mapped.warnings,
        [warn(
            "[0]",
            "not valid JSON (line 1, column 56): EOF while parsing a value"
        )]
    );

    let mut missing_headline = fixture_value("plain-object.json");
    missing_headline.as_object_mut().unwrap().remove("headline");
    let err = map_jsonld_scripts(
        &[
            fixture("malformed-no-article.json"),
            missing_headline.to_string(),
        ],
        &JsonLdOptions::default(),
    )
    .unwrap_err();
    assert_eq!(err.to_string(), "[1].headline: required but missing");

    // No article anywhere, and a script that is not JSON: that script is the likely culprit.
    let err = map_jsonld_scripts(
        &[scripts[1].clone(), scripts[0].clone()],
        &JsonLdOptions::default(),
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "[1]: not valid JSON (line 1, column 56): EOF while parsing a value"
    );
    assert_eq!(
        map_jsonld_scripts::<&str>(&[], &JsonLdOptions::default()).unwrap_err(),
        ImportError::NoArticle
    );
    assert_eq!(
        map_jsonld_str("<script>", &JsonLdOptions::default())
            .unwrap_err()
            .to_string(),
        "$: not valid JSON (line 1, column 1): expected value"
    );
}

#[test]
fn self_references_and_odd_values_never_panic() {
    let cyclic = json!({ "@graph": [
        { "@type": "NewsArticle", "headline": "H", "datePublished": "2025-07-04T00:00:00Z", "inLanguage": "de-DE",
          "url": "https://x.example/a", "articleBody": "B", "publisher": { "@id": "#a" } },
        { "@id": "#a", "@type": "Organization", "url": "https://x.example/", "sameAs": { "@id": "#a" } },
        { "@id": "#b", "@type": "Thing", "mainEntity": { "@id": "#b" } }
    ]});
    // The publisher it references has no name: the source is named after the site.
    let mapped = map_jsonld(&cyclic, &JsonLdOptions::default()).unwrap();
    assert_eq!(mapped.edition.source.name, "x.example");
    assert_eq!(
        mapped.warnings[0],
        warn("@graph[1].name", "required but missing; ignored")
    );

    let odd = [
        json!(null),
        json!(0),
        json!(true),
        json!("x"),
        json!([]),
        json!({}),
        json!([[]]),
        json!({ "@id": "#b" }),
        json!(-1.5),
    ];
    for name in [
        "yoast-graph.json",
        "plain-object.json",
        "array-of-objects.json",
        "translation-language-object.json",
        "images-html-body.json",
        "webpage-main-entity.json",
    ] {
        let doc = fixture_value(name);
        let article_keys: Vec<String> = match &doc {
            Value::Object(map) => map.keys().cloned().collect(),
            _ => Vec::new(),
        };
        for key in article_keys {
            for value in &odd {
                let mut changed = doc.clone();
                changed[&key] = value.clone();
                let _ = map_jsonld(&changed, &country("MX"));
            }
        }
    }
    for value in odd {
        assert_eq!(
            map_jsonld(&value, &JsonLdOptions::default()).unwrap_err(),
            ImportError::NoArticle
        );
    }
}

#[test]
fn country_from_the_pages_own_hreflang_link_and_editions_from_work_translation() {
    // `inLanguage` is just `de`, no default country: the page's hreflang link to itself says MX.
    let own = "https://news.example/de/mx/zelensky-trump-air-defence";
    let options = JsonLdOptions {
        alternates: vec![
            ("de-DE".into(), "https://news.example/de/de/x".into()),
            ("de-MX".into(), own.into()),
        ],
        ..Default::default()
    };
    let e = map("translation-language-object.json", &options)
        .unwrap()
        .edition;
    assert_eq!(e.country, "MX");
    let pairs: Vec<String> = e
        .editions
        .iter()
        .map(|l| format!("{}-{} {}", l.lang, l.country, &*l.url))
        .collect();
    assert_eq!(
        pairs,
        [
            "de-DE https://news.example/de/de/x".to_string(),
            format!("de-MX {own}"),
            format!("es-MX {EXPANSION}")
        ]
    );

    // An original that lists its translations, inline and by reference.
    let mut doc = fixture_value("yoast-graph.json");
    doc["@graph"][0]["workTranslation"] = json!([
        { "@type": "NewsArticle", "inLanguage": "en-US", "url": "https://expansion.mx/en/zelensky-trump" },
        { "@id": "https://expansion.mx/de/selenskyj-trump#article" }
    ]);
    doc["@graph"].as_array_mut().unwrap().push(json!({
        "@type": "NewsArticle", "@id": "https://expansion.mx/de/selenskyj-trump#article",
        "inLanguage": "de-DE", "url": "https://expansion.mx/de/selenskyj-trump"
    }));
    let e = map_jsonld(&doc, &JsonLdOptions::default()).unwrap().edition;
    let pairs: Vec<String> = e
        .editions
        .iter()
        .map(|l| format!("{}-{} {}", l.lang, l.country, &*l.url))
        .collect();
    assert_eq!(
        pairs,
        [
            "en-US https://expansion.mx/en/zelensky-trump".to_string(),
            "de-DE https://expansion.mx/de/selenskyj-trump".into(),
            format!("es-MX {EXPANSION}"),
        ]
    );
    assert_eq!(e.source.original_lang, None);
}
