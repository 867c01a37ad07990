//! The sample editions the demo ships must parse, and agree with each other.

use std::path::PathBuf;

use byline_model::{parse_edition, Block, Edition};

fn editions_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../data/editions")
}

fn all_editions() -> Vec<(String, Edition)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(editions_dir())
        .expect("data/editions exists")
        .map(|entry| entry.expect("readable entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(&path).expect("readable edition");
            let edition = parse_edition(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
            (name, edition)
        })
        .collect()
}

fn block_ids(edition: &Edition) -> Vec<&str> {
    edition.body.iter().filter_map(Block::id).collect()
}

#[test]
fn every_bundled_edition_parses_and_is_named_after_its_language_and_country() {
    let editions = all_editions();
    assert!(
        editions.len() >= 11,
        "expected the 11 sample editions, found {}",
        editions.len()
    );
    for (name, edition) in &editions {
        assert_eq!(name, &format!("{}-{}.json", edition.lang, edition.country));
    }
}

#[test]
fn the_german_mexican_edition_is_the_seed_article() {
    let editions = all_editions();
    let (_, de) = editions
        .iter()
        .find(|(name, _)| name == "de-MX.json")
        .expect("de-MX");
    assert_eq!(
        &*de.headline,
        "Selenskyj stimmt mit Trump überein, die ukrainische Luftabwehr zu stärken"
    );
    assert_eq!(de.source.name, "Expansión");
    assert_eq!(de.translated_from().map(|l| &**l), Some("es"));
    let paragraphs = de
        .body
        .iter()
        .filter(|b| matches!(b, Block::Paragraph { .. }))
        .count();
    assert_eq!(paragraphs, 8);
    assert!(de.related.len() >= 8);
}

#[test]
fn all_editions_share_the_article_id_block_ids_and_edition_list() {
    let editions = all_editions();
    let (_, first) = &editions[0];
    for (name, edition) in &editions {
        assert_eq!(edition.id, first.id, "{name}");
        assert_eq!(block_ids(edition), block_ids(first), "{name}");
        assert_eq!(
            edition.editions.len(),
            editions.len(),
            "{name} lists every edition"
        );
    }
}

#[test]
fn the_spanish_editions_are_the_original_and_the_others_translations() {
    for (name, edition) in all_editions() {
        let translated = edition.translated_from().is_some();
        assert_eq!(translated, &*edition.lang != "es", "{name}");
    }
}
