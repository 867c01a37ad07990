//! Aligning a translation with its original: by block id, never by position.

use byline_model::compare::{align, is_comparable, original_block};
use byline_model::{parse_edition, Block, Edition};

fn edition(name: &str) -> Edition {
    let path = format!(
        "{}/../data/editions/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    parse_edition(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn ids(pairs: &[(&Block, Option<&Block>)]) -> Vec<(String, Option<String>)> {
    pairs
        .iter()
        .map(|(translated, original)| {
            (
                translated.id().unwrap().to_string(),
                original.and_then(|block| block.id()).map(str::to_string),
            )
        })
        .collect()
}

#[test]
fn every_text_block_of_the_german_edition_has_its_spanish_original() {
    let (german, spanish) = (edition("de-MX"), edition("es-MX"));
    let pairs = align(&german, &spanish);
    let expected: Vec<_> = ["p1", "p2", "p3", "p4", "p5", "q1", "p6", "p7", "p8"]
        .iter()
        .map(|id| (id.to_string(), Some(id.to_string())))
        .collect();
    assert_eq!(ids(&pairs), expected, "the image is not compared");
    let (_, original) = pairs[1];
    assert_eq!(original, spanish.body.iter().find(|b| b.id() == Some("p2")));
}

#[test]
fn blocks_align_by_id_not_by_position() {
    let german = edition("de-MX");
    let mut spanish = edition("es-MX");
    spanish.body.reverse();
    spanish.body.retain(|block| block.id() != Some("p3"));
    let pairs = ids(&align(&german, &spanish));
    assert_eq!(pairs[0], ("p1".into(), Some("p1".into())));
    assert_eq!(pairs[2], ("p3".into(), None), "missing from the original");
    assert_eq!(pairs[5], ("q1".into(), Some("q1".into())));
}

#[test]
fn an_original_block_of_another_kind_than_text_is_not_an_original() {
    let german = edition("de-MX");
    let mut spanish = edition("es-MX");
    let image = spanish
        .body
        .iter()
        .find(|block| matches!(block, Block::Image { .. }))
        .unwrap()
        .clone();
    let Block::Image { src, alt, .. } = image else {
        unreachable!()
    };
    spanish.body[0] = Block::Image {
        id: "p1".into(),
        src,
        alt,
        caption: None,
        credit: None,
        width: None,
        height: None,
    };
    assert_eq!(original_block(&spanish, "p1"), None);
    assert!(original_block(&spanish, "p2").is_some());
    assert!(!german
        .body
        .iter()
        .filter(|block| matches!(block, Block::Image { .. }))
        .any(is_comparable));
}
