//! What the language and country pickers offer, and which edition a choice leads to.
//!
//! Not every language exists for every country. A choice with no exact edition is mapped to
//! the closest one that exists, and the result says so, so the widget can explain it.

use super::{CountryCode, Edition, EditionLink, LangCode};

/// The edition a reader's choice leads to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChoiceOutcome<'a> {
    pub link: &'a EditionLink,
    /// The reader asked for this language and country, but no such edition exists.
    pub unavailable: Option<(LangCode, CountryCode)>,
}

/// The languages of the article, in the order the document lists them, each once.
pub fn languages(editions: &[EditionLink]) -> Vec<&LangCode> {
    unique(editions.iter().map(|e| &e.lang))
}

/// The countries of the article, in the order the document lists them, each once.
pub fn countries(editions: &[EditionLink]) -> Vec<&CountryCode> {
    unique(editions.iter().map(|e| &e.country))
}

/// True when the article exists in `lang` for `country`.
pub fn exists(editions: &[EditionLink], lang: &str, country: &str) -> bool {
    find(editions, lang, country).is_some()
}

/// The reader picked `lang` while reading the edition for `country`: keep the country if that
/// language exists there, otherwise take the first country that has the language.
pub fn choose_language<'a>(
    editions: &'a [EditionLink],
    lang: &str,
    country: &str,
) -> Option<ChoiceOutcome<'a>> {
    if let Some(link) = find(editions, lang, country) {
        return Some(ChoiceOutcome {
            link,
            unavailable: None,
        });
    }
    let link = editions.iter().find(|e| *e.lang == *lang)?;
    Some(ChoiceOutcome {
        link,
        unavailable: requested(lang, country),
    })
}

/// The reader picked `country` while reading in `lang`: keep the language if it exists there,
/// otherwise prefer the original language of the article, then the first listed.
pub fn choose_country<'a>(
    editions: &'a [EditionLink],
    lang: &str,
    country: &str,
    original_lang: Option<&str>,
) -> Option<ChoiceOutcome<'a>> {
    if let Some(link) = find(editions, lang, country) {
        return Some(ChoiceOutcome {
            link,
            unavailable: None,
        });
    }
    let link = original_lang
        .and_then(|original| find(editions, original, country))
        .or_else(|| editions.iter().find(|e| *e.country == *country))?;
    Some(ChoiceOutcome {
        link,
        unavailable: requested(lang, country),
    })
}

/// The link to the original of `edition` when it is a translation and the article has an
/// edition in the original's language ([`original`]).
pub fn original_of(edition: &Edition) -> Option<&EditionLink> {
    original(
        &edition.editions,
        edition.translated_from()?,
        &edition.country,
    )
}

/// The original-language edition to compare a translation with: the edition in
/// `original_lang` for `country` if there is one, else the first listed in that language.
pub fn original<'a>(
    editions: &'a [EditionLink],
    original_lang: &str,
    country: &str,
) -> Option<&'a EditionLink> {
    find(editions, original_lang, country)
        .or_else(|| editions.iter().find(|e| *e.lang == *original_lang))
}

fn find<'a>(editions: &'a [EditionLink], lang: &str, country: &str) -> Option<&'a EditionLink> {
    editions
        .iter()
        .find(|e| *e.lang == *lang && *e.country == *country)
}

fn requested(lang: &str, country: &str) -> Option<(LangCode, CountryCode)> {
    let lang = LangCode::try_from(lang.to_string()).ok()?;
    let country = CountryCode::try_from(country.to_string()).ok()?;
    Some((lang, country))
}

fn unique<'a, T: PartialEq + 'a>(items: impl Iterator<Item = &'a T>) -> Vec<&'a T> {
    let mut seen: Vec<&T> = Vec::new();
    for item in items {
        if !seen.contains(&item) {
            seen.push(item);
        }
    }
    seen
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(lang: &str, country: &str) -> EditionLink {
        EditionLink {
            lang: LangCode::new(lang),
            country: CountryCode::new(country),
            url: format!("{lang}-{country}.json").try_into().unwrap(),
        }
    }

    fn sample() -> Vec<EditionLink> {
        vec![
            link("es", "MX"),
            link("es", "ES"),
            link("de", "MX"),
            link("de", "DE"),
            link("uk", "UA"),
        ]
    }

    #[test]
    fn lists_each_language_and_country_once_in_document_order() {
        let editions = sample();
        let langs: Vec<&str> = languages(&editions).into_iter().map(|l| &**l).collect();
        let countries: Vec<&str> = countries(&editions).into_iter().map(|c| &**c).collect();
        assert_eq!(langs, ["es", "de", "uk"]);
        assert_eq!(countries, ["MX", "ES", "DE", "UA"]);
    }

    #[test]
    fn language_keeps_the_country_when_it_can() {
        let editions = sample();
        let outcome = choose_language(&editions, "es", "MX").unwrap();
        assert_eq!(outcome.link, &link("es", "MX"));
        assert_eq!(outcome.unavailable, None);
    }

    #[test]
    fn language_missing_in_the_country_is_mapped_and_reported() {
        let editions = sample();
        let outcome = choose_language(&editions, "uk", "MX").unwrap();
        assert_eq!(outcome.link, &link("uk", "UA"));
        assert_eq!(
            outcome.unavailable,
            Some((LangCode::new("uk"), CountryCode::new("MX")))
        );
    }

    #[test]
    fn country_without_the_language_prefers_the_original_language() {
        let editions = sample();
        let outcome = choose_country(&editions, "de", "ES", Some("es")).unwrap();
        assert_eq!(outcome.link, &link("es", "ES"));
        assert!(outcome.unavailable.is_some());
        let outcome = choose_country(&editions, "de", "UA", Some("es")).unwrap();
        assert_eq!(outcome.link, &link("uk", "UA"));
    }

    #[test]
    fn the_original_is_in_the_original_language_preferring_the_same_country() {
        let editions = sample();
        assert_eq!(original(&editions, "es", "MX"), Some(&link("es", "MX")));
        assert_eq!(original(&editions, "es", "ES"), Some(&link("es", "ES")));
        // No Spanish edition for Ukraine: the first Spanish one listed.
        assert_eq!(original(&editions, "es", "UA"), Some(&link("es", "MX")));
        assert_eq!(original(&editions, "uk", "MX"), Some(&link("uk", "UA")));
        assert_eq!(original(&editions, "fr", "MX"), None);
    }

    #[test]
    fn unknown_choices_lead_nowhere() {
        let editions = sample();
        assert_eq!(choose_language(&editions, "fr", "MX"), None);
        assert_eq!(choose_country(&editions, "de", "FR", None), None);
        assert!(exists(&editions, "de", "DE"));
        assert!(!exists(&editions, "de", "UA"));
    }
}
