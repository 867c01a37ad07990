use std::sync::Arc;

use super::{LoadError, ShownEdition};

/// The reader comparing the translation on screen with its original.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// The original edition's absolute URL, and its language.
    pub url: String,
    pub lang: String,
    pub original: OriginalStatus,
    /// The blocks whose original the reader opened, by id.
    pub open: Vec<String>,
    /// The whole article beside its original.
    pub side_by_side: bool,
}

impl Comparison {
    /// True when the original of block `id` is shown.
    pub fn shows(&self, id: &str) -> bool {
        self.side_by_side || self.open.iter().any(|open| open == id)
    }

    pub fn is_loading(&self) -> bool {
        self.original == OriginalStatus::Loading
    }
}

/// The original edition, fetched once when the reader first asks for it.
#[derive(Debug, Clone)]
pub enum OriginalStatus {
    Loading,
    Ready(ShownEdition),
    Failed(Arc<LoadError>),
}

impl PartialEq for OriginalStatus {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (OriginalStatus::Loading, OriginalStatus::Loading) => true,
            (OriginalStatus::Ready(a), OriginalStatus::Ready(b)) => a == b,
            (OriginalStatus::Failed(a), OriginalStatus::Failed(b)) => Arc::ptr_eq(a, b),
            _ => false,
        }
    }
}

/// The reader opened or closed the original of a block, or the side-by-side view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompareEvent {
    pub open: bool,
    /// The block; `None` for the side-by-side view.
    pub block: Option<String>,
    /// The original's language and URL.
    pub lang: String,
    pub url: String,
}
