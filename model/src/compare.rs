//! Comparing a translation with its original, block by block: blocks are aligned by their
//! `id`, which is the same in every edition of an article, never by position (a translation
//! may merge, split or drop paragraphs).

use crate::{Block, Edition};

/// True for the blocks a reader can compare with the original: text, which a translation
/// changes. Images and the teaser's link are the same in every language.
pub fn is_comparable(block: &Block) -> bool {
    matches!(
        block,
        Block::Paragraph { .. } | Block::Heading { .. } | Block::Quote { .. } | Block::Html { .. }
    )
}

/// The block of `original` a translated block with `id` is compared with; `None` when the
/// original has no text block of that id.
pub fn original_block<'a>(original: &'a Edition, id: &str) -> Option<&'a Block> {
    original
        .body
        .iter()
        .find(|block| block.id() == Some(id) && is_comparable(block))
}

/// Every comparable block of `translation`, in its order, with its original (`None`: the
/// block is not in the original).
pub fn align<'a>(
    translation: &'a Edition,
    original: &'a Edition,
) -> Vec<(&'a Block, Option<&'a Block>)> {
    translation
        .body
        .iter()
        .filter(|block| is_comparable(block))
        .map(|block| {
            (
                block,
                block.id().and_then(|id| original_block(original, id)),
            )
        })
        .collect()
}
