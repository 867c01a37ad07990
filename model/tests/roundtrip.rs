//! What the formats module writes, the widget reads back unchanged: editions (the bundled ones
//! and every JSON-LD fixture mapped), mapped feeds and import errors, each serialized with
//! serde and read back (Byline editions with `read_edition`, mapped ones as the widget reads
//! them, with `read_mapped_edition`, so they are validated too).

use std::fmt::Debug;
use std::path::PathBuf;

use byline_model::{
    map_json_feed_str, map_jsonld_str, parse_edition, read_edition, read_mapped_edition, Edition,
    ImportError, JsonLdOptions, ModelError, RelatedFeed,
};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::json;

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

/// `value` serialized and deserialized again.
fn written_and_read<T: Serialize + DeserializeOwned>(value: &T) -> T {
    let written = serde_json::to_value(value).unwrap();
    serde_json::from_value(written).unwrap()
}

/// How the widget reads an edition: [`read_edition`] or [`read_mapped_edition`].
type Read = fn(&serde_json::Value) -> Result<Edition, ModelError>;

fn edition_roundtrips(name: &str, edition: Edition, read: Read) {
    let written = serde_json::to_value(&edition).unwrap();
    assert_eq!(written["version"], json!(1), "{name}");
    assert_eq!(read(&written), Ok(edition), "{name}");
}

fn roundtrips<T: Serialize + DeserializeOwned + PartialEq + Debug>(name: &str, value: &T) {
    assert_eq!(&written_and_read(value), value, "{name}");
}

#[test]
fn bundled_editions_roundtrip() {
    let editions = files("../data/editions");
    assert!(editions.len() >= 11);
    for (name, text) in editions {
        let edition = parse_edition(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        edition_roundtrips(&name, edition, |written| read_edition(|| written));
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
    roundtrips("options", &options);
    let (mut mapped, mut failed) = (0, 0);
    for (name, text) in files("tests/fixtures/jsonld") {
        match map_jsonld_str(&text, &options) {
            Ok(article) => {
                roundtrips(&name, &article);
                edition_roundtrips(&name, article.edition, |written| {
                    read_mapped_edition(|| written)
                });
                mapped += 1;
            }
            Err(error) => {
                roundtrips(&name, &error);
                failed += 1;
            }
        }
    }
    assert!(
        mapped >= 7 && failed >= 3,
        "{mapped} mapped, {failed} failed"
    );
}

#[test]
fn feed_fixtures_roundtrip() {
    let (mut mapped, mut failed) = (0, 0);
    for (name, text) in files("tests/fixtures/jsonfeed") {
        match map_json_feed_str(&text) {
            Ok(feed) => {
                roundtrips::<RelatedFeed>(&name, &feed);
                mapped += 1;
            }
            Err(error) => {
                roundtrips(&name, &error);
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
        roundtrips(&error.to_string(), error);
    }
    assert!(serde_json::from_value::<ImportError>(json!({ "other": {} })).is_err());
}

#[test]
fn blocks_of_unknown_types_roundtrip_as_unknown() {
    let mut doc: serde_json::Value = serde_json::from_str(&files("../data/editions")[0].1).unwrap();
    doc["body"]
        .as_array_mut()
        .unwrap()
        .push(json!({ "id": "v1", "type": "video", "src": "x.mp4" }));
    let edition = read_edition(|| &doc).unwrap();
    assert_eq!(edition.body.last(), Some(&byline_model::Block::Unknown));
    let written = serde_json::to_value(&edition).unwrap();
    assert_eq!(
        written["body"].as_array().unwrap().last(),
        Some(&json!({ "type": "unknown" }))
    );
    edition_roundtrips("with an unknown block", edition, |written| {
        read_edition(|| written)
    });
}
