//! Helpers shared by the feed tests (JSON Feed, RSS and Atom).

use byline_model::RelatedItem;

/// The related item a feed entry should map to.
pub fn item(
    headline: &str,
    url: &str,
    image: Option<&str>,
    source: Option<&str>,
    published: Option<&str>,
) -> RelatedItem {
    RelatedItem {
        headline: headline.into(),
        url: url.to_string().try_into().unwrap(),
        image: image.map(|i| i.to_string().try_into().unwrap()),
        source: source.map(Into::into),
        published: published.map(|p| p.to_string().try_into().unwrap()),
    }
}
