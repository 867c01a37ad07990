//! How long an edition takes to read: words for scripts that separate words with spaces,
//! characters for Japanese and Chinese, which do not.

use crate::edition::{Block, Edition, Inline};

/// Silent reading of non-fiction in English (Brysbaert 2019, "How many words do we read per
/// minute? A review and meta-analysis of reading rate", Journal of Memory and Language 109).
pub const WORDS_PER_MINUTE: usize = 238;

/// Japanese and Chinese, counted in characters (the rate Medium uses for these languages).
pub const CHARACTERS_PER_MINUTE: usize = 500;

/// True when reading time in `lang` is counted in characters rather than words.
pub fn counts_characters(lang: &str) -> bool {
    matches!(lang.split(['-', '_']).next(), Some("ja" | "zh"))
}

/// What a reader of `lang` reads in `text`: its words, or its letters and ideographs
/// (punctuation and spaces do not count).
pub fn reading_units(lang: &str, text: &str) -> usize {
    if counts_characters(lang) {
        text.chars().filter(|c| c.is_alphanumeric()).count()
    } else {
        text.split_whitespace()
            .filter(|word| word.chars().any(char::is_alphanumeric))
            .count()
    }
}

/// Minutes to read `units` in `lang`, to the nearest minute and at least one.
pub fn reading_minutes(lang: &str, units: usize) -> u32 {
    let rate = if counts_characters(lang) {
        CHARACTERS_PER_MINUTE
    } else {
        WORDS_PER_MINUTE
    };
    u32::try_from(units.saturating_add(rate / 2) / rate)
        .unwrap_or(u32::MAX)
        .max(1)
}

/// Minutes to read `edition`: its headline, standfirst, and every block's text and caption.
/// `html_text` is the text an HTML block shows (what the widget's sanitizer keeps of it).
pub fn edition_reading_minutes(edition: &Edition, html_text: impl Fn(&str) -> String) -> u32 {
    let lang = &*edition.lang;
    // Runs joined first: a word may be split between two (half of it emphasised).
    let runs = |content: &[Inline]| {
        let text: String = content.iter().map(Inline::text).collect();
        reading_units(lang, &text)
    };
    let body: usize = edition
        .body
        .iter()
        .map(|block| match block {
            Block::Paragraph { content, .. }
            | Block::Heading { content, .. }
            | Block::Quote { content, .. } => runs(content),
            Block::Image { caption, .. } => {
                caption.as_deref().map_or(0, |c| reading_units(lang, c))
            }
            Block::Html { html, .. } => reading_units(lang, &html_text(html)),
            // The teaser's link to the whole article is the widget's words, not the article's.
            Block::More { .. } | Block::Unknown => 0,
        })
        .sum();
    let header = reading_units(lang, &edition.headline)
        + edition
            .standfirst
            .as_deref()
            .map_or(0, |s| reading_units(lang, s));
    reading_minutes(lang, header + body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_in_alphabetic_scripts_characters_in_japanese_and_chinese() {
        assert_eq!(
            reading_units("de", "Selenskyj und Trump – „Luftabwehr“ 2025"),
            5
        );
        assert_eq!(reading_units("ar", "اتفق زيلينسكي وترامب"), 3);
        assert_eq!(reading_units("ja", "ゼレンスキー氏、トランプ氏と。"), 13);
        assert_eq!(reading_units("zh-Hant", "澤倫斯基 與 川普"), 7);
        assert_eq!(reading_units("en", "  \n— … "), 0);
    }

    #[test]
    fn minutes_round_to_the_nearest_and_never_show_zero() {
        assert_eq!(reading_minutes("en", 0), 1);
        assert_eq!(reading_minutes("en", 356), 1);
        assert_eq!(reading_minutes("en", 357), 2);
        assert_eq!(reading_minutes("en", 238 * 7), 7);
        assert_eq!(reading_minutes("ja", 1_249), 2);
        assert_eq!(reading_minutes("ja", 1_250), 3);
        assert_eq!(reading_minutes("en", usize::MAX), u32::MAX);
    }
}
