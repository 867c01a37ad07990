//! What the formats module writes, the widget reads back unchanged: editions (the bundled ones
//! and every JSON-LD fixture mapped), mapped feeds and import errors.

use std::path::PathBuf;

use byline_model::json::Json;
use byline_model::{
    map_json_feed_str, map_jsonld_str, parse_edition, read_edition, read_feed, read_import_error,
    write_edition, write_feed, write_import_error, ImportError, JsonLdOptions,
};

fn files(dir: &str) -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&path).unwrap())
        })
        .collect()
}

fn parse(text: &str) -> Json {
    Json::parse_str(text).unwrap_or_else(|e| panic!("written text is not JSON: {e:?}\n{text}"))
}

fn error_roundtrips(name: &str, error: &ImportError) {
    let text = write_import_error(error);
    assert_eq!(&read_import_error(&parse(&text)).unwrap(), error, "{name}");
}

#[test]
fn bundled_editions_roundtrip() {
    let editions = files("../data/editions");
    assert!(editions.len() >= 11);
    for (name, text) in editions {
        let edition = parse_edition(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        let written = write_edition(&edition);
        assert_eq!(read_edition(&parse(&written)), Ok(edition), "{name}");
    }
}

#[test]
fn jsonld_fixtures_roundtrip() {
    let options = JsonLdOptions {
        default_country: Some("DE".into()),
        page_url: Some("https://news.example/article".into()),
        alternates: vec![("en-US".into(), "https://news.example/en".into())],
        ..JsonLdOptions::default()
    };
    let (mut mapped, mut failed) = (0, 0);
    for (name, text) in files("tests/fixtures/jsonld") {
        match map_jsonld_str(&text, &options) {
            Ok(article) => {
                let written = write_edition(&article.edition);
                assert_eq!(
                    read_edition(&parse(&written)),
                    Ok(article.edition),
                    "{name}"
                );
                mapped += 1;
            }
            Err(error) => {
                error_roundtrips(&name, &error);
                failed += 1;
            }
        }
    }
    assert!(
        mapped >= 6 && failed >= 4,
        "{mapped} mapped, {failed} failed"
    );
}

#[test]
fn feed_fixtures_roundtrip() {
    let (mut mapped, mut failed) = (0, 0);
    for (name, text) in files("tests/fixtures/jsonfeed") {
        match map_json_feed_str(&text) {
            Ok(feed) => {
                let written = write_feed(&feed);
                assert_eq!(read_feed(&parse(&written)), Ok(feed), "{name}");
                mapped += 1;
            }
            Err(error) => {
                error_roundtrips(&name, &error);
                failed += 1;
            }
        }
    }
    assert!(
        mapped >= 2 && failed >= 2,
        "{mapped} mapped, {failed} failed"
    );
}

#[test]
fn every_kind_of_import_error_roundtrips() {
    let errors = [
        ImportError::Syntax {
            line: 3,
            column: 7,
            message: "Unexpected token \"}\"\n".into(),
        },
        ImportError::NoArticle,
        ImportError::NotAFeed {
            path: "version".into(),
            message: "missing: not a JSON Feed".into(),
        },
        ImportError::Missing {
            path: "@graph[1].headline".into(),
        },
        ImportError::WrongType {
            path: "items".into(),
            expected: "an array of items".into(),
        },
        ImportError::Invalid {
            path: "$".into(),
            message: "`ftp://x` uses a scheme other than http or https".into(),
        },
    ];
    for error in &errors {
        error_roundtrips(&error.to_string(), error);
    }
    assert!(read_import_error(&parse(r#"{"kind":"other"}"#)).is_err());
}
