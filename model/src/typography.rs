//! Typographic quotes for the edition's language.

use std::borrow::Cow;

/// Removes what no reader should get from article text: NUL and other C0 controls (but tab
/// and newline), bidirectional embeddings, overrides and isolates (which can make text read
/// backwards, e.g. to disguise a link), and runs of more than [`MAX_COMBINING`] combining
/// marks on one letter ("Zalgo" text that paints over the lines around it). Joiners (ZWJ,
/// ZWNJ), which scripts and emoji need, stay. Clean text is returned without copying.
pub fn clean_text(text: &str) -> Cow<'_, str> {
    let needs_work = text
        .chars()
        .any(|c| is_unwanted_control(c) || is_combining_mark(c));
    if !needs_work {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut marks = 0;
    for c in text.chars() {
        if is_unwanted_control(c) {
            continue;
        }
        if is_combining_mark(c) {
            marks += 1;
            if marks > MAX_COMBINING {
                continue;
            }
        } else {
            marks = 0;
        }
        out.push(c);
    }
    Cow::Owned(out)
}

/// Combining marks kept on one letter: enough for Vietnamese and IPA.
pub const MAX_COMBINING: usize = 3;

fn is_unwanted_control(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || ('\u{202A}'..='\u{202E}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// Opening and closing double quotes used by a language's press.
pub fn quote_marks(lang: &str) -> (char, char) {
    match lang {
        "de" | "cs" | "sk" | "bg" | "lt" => ('„', '“'),
        "pl" | "ro" | "hu" | "nl" => ('„', '”'),
        "es" | "fr" | "it" | "pt" | "ru" | "uk" | "ar" | "fa" | "tr" | "el" | "be" => ('«', '»'),
        "ja" | "zh" => ('「', '」'),
        _ => ('“', '”'),
    }
}

/// Turns straight quotes into the language's typographic ones and removes the stray space
/// that copy-editing often leaves before a closing quote (`stärken “` → `stärken“`).
/// Text that needs no change is returned as it was, without copying.
pub fn smarten_quotes<'a>(text: &'a str, lang: &str) -> Cow<'a, str> {
    QuoteSmartener::new(lang).apply(text)
}

/// [`smarten_quotes`] over consecutive pieces of one text (the runs of a paragraph), so a
/// quote opened in one run is closed in another.
#[derive(Debug, Clone)]
pub struct QuoteSmartener {
    open: char,
    close: char,
    /// Where the language puts spaces inside guillemets by rule, spacing is left alone.
    fix_spacing: bool,
    depth: usize,
    previous: Option<char>,
}

impl QuoteSmartener {
    pub fn new(lang: &str) -> Self {
        let (open, close) = quote_marks(lang);
        QuoteSmartener {
            open,
            close,
            fix_spacing: lang != "fr",
            depth: 0,
            previous: None,
        }
    }

    pub fn apply<'a>(&mut self, text: &'a str) -> Cow<'a, str> {
        match clean_text(text) {
            Cow::Borrowed(clean) => self.apply_clean(clean),
            Cow::Owned(clean) => Cow::Owned(self.apply_clean(&clean).into_owned()),
        }
    }

    fn apply_clean<'a>(&mut self, text: &'a str) -> Cow<'a, str> {
        let (open, close) = (self.open, self.close);
        let needs_work =
            text.contains(['"', '\'']) || (self.fix_spacing && text.contains([close, open]));
        if !needs_work {
            self.previous = text.chars().last().or(self.previous);
            return Cow::Borrowed(text);
        }
        let mut out = String::with_capacity(text.len() + 8);
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            let next = chars.peek().copied();
            match c {
                // Straight quotes alternate: the first opens, the next closes.
                '"' if self.depth == 0 => {
                    self.depth += 1;
                    out.push(open);
                }
                '"' => {
                    self.depth = self.depth.saturating_sub(1);
                    self.push_closing(&mut out, close);
                }
                '\'' if self.previous.is_some_and(char::is_alphanumeric)
                    && next.is_some_and(char::is_alphanumeric) =>
                {
                    out.push('’');
                }
                c if c == open && open != close => {
                    self.depth += 1;
                    out.push(c);
                }
                c if c == close && self.depth > 0 => {
                    self.depth -= 1;
                    self.push_closing(&mut out, c);
                }
                // A space right after an opening quote is the same slip.
                ' ' if self.fix_spacing && self.previous == Some(open) && self.depth > 0 => {}
                c => out.push(c),
            }
            self.previous = Some(c);
        }
        Cow::Owned(out)
    }

    fn push_closing(&self, out: &mut String, close: char) {
        if self.fix_spacing {
            trim_trailing_spaces(out);
        }
        out.push(close);
    }
}

fn trim_trailing_spaces(out: &mut String) {
    let kept = out.trim_end_matches([' ', '\u{a0}']).len();
    out.truncate(kept);
}

#[cfg(test)]
mod tests {
    use super::smarten_quotes;

    #[test]
    fn german_straight_quotes_become_low_high() {
        assert_eq!(
            smarten_quotes(r#"Er sei "unzufrieden" über die Fortschritte."#, "de"),
            "Er sei „unzufrieden“ über die Fortschritte."
        );
    }

    #[test]
    fn removes_the_space_before_a_closing_quote_as_in_the_seed() {
        assert_eq!(
            smarten_quotes(
                "„den Schutz unseres Himmels zu stärken “, sagte Selenskyj",
                "de"
            ),
            "„den Schutz unseres Himmels zu stärken“, sagte Selenskyj"
        );
    }

    #[test]
    fn other_languages_get_their_own_marks() {
        assert_eq!(smarten_quotes(r#"said "yes""#, "en"), "said “yes”");
        assert_eq!(smarten_quotes(r#"dijo "sí""#, "es"), "dijo «sí»");
        assert_eq!(smarten_quotes(r#"сказав "так""#, "uk"), "сказав «так»");
        assert_eq!(smarten_quotes(r#"彼は"はい"と"#, "ja"), "彼は「はい」と");
    }

    #[test]
    fn apostrophes_inside_words_become_typographic() {
        assert_eq!(smarten_quotes("Ukraine's sky", "en"), "Ukraine’s sky");
    }

    #[test]
    fn french_keeps_its_spaces_inside_guillemets() {
        assert_eq!(smarten_quotes("« oui »", "fr"), "« oui »");
    }

    #[test]
    fn a_quote_may_open_and_close_in_different_runs() {
        let mut smartener = super::QuoteSmartener::new("de");
        let runs = [r#"Er sagte: "Wir "#, "haben", r#" verhandelt.""#];
        let joined: String = runs
            .iter()
            .map(|r| smartener.apply(r).into_owned())
            .collect();
        assert_eq!(joined, "Er sagte: „Wir haben verhandelt.“");
    }

    #[test]
    fn hostile_unicode_is_cleaned_and_joiners_kept() {
        use super::clean_text;
        assert_eq!(clean_text("safe\u{202E}txt.exe"), "safetxt.exe");
        assert_eq!(clean_text("a\u{2066}b\u{2069}c\u{0}d"), "abcd");
        assert_eq!(
            clean_text("Z\u{0301}\u{0302}\u{0303}\u{0304}\u{0305}!"),
            "Z\u{0301}\u{0302}\u{0303}!"
        );
        assert_eq!(
            clean_text("👩\u{200D}💻 ক্\u{200C}ষ"),
            "👩\u{200D}💻 ক্\u{200C}ষ"
        );
        assert_eq!(clean_text("Tiếng Việt\nzwei"), "Tiếng Việt\nzwei");
        assert_eq!(smarten_quotes("„Hallo\u{202E}“", "de"), "„Hallo“");
    }

    #[test]
    fn untouched_text_is_borrowed() {
        assert!(matches!(
            smarten_quotes("Kein Zitat hier.", "de"),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}
