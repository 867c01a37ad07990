//! The mapping from an RSS or Atom tree to a [`RelatedFeed`].

use super::XmlElement;
use crate::edition::RelatedItem;
use crate::import::jsonfeed::{FeedEntry, RelatedFeed};
use crate::import::lenient::{date, idx, language_tag, one_line, warning};
use crate::import::{ImportError, Warning};
use crate::state::Resolve;
use crate::timestamp::Timestamp;
use crate::url_check::LinkUrl;

const ATOM: &str = "http://www.w3.org/2005/Atom";
const RSS1: &str = "http://purl.org/rss/1.0/";
const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
const DC: &str = "http://purl.org/dc/elements/1.1/";

/// Media RSS; feeds in the wild drop the trailing slash of its namespace.
fn is_media(namespace: &str) -> bool {
    namespace.trim_end_matches('/') == "http://search.yahoo.com/mrss"
}

/// Where an item's image was found, in the order they are preferred: Media RSS content is the
/// picture itself, its thumbnail a smaller copy, an enclosure a file that happens to be one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ImageSource {
    MediaContent,
    MediaThumbnail,
    Enclosure,
    AtomEnclosure,
}

/// An image an item offers, its URL already absolute.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageCandidate {
    pub source: ImageSource,
    pub url: LinkUrl,
    /// The declared width in pixels, if any.
    pub width: Option<u32>,
}

/// The image a card shows: the most preferred source, and within it the widest (a card is
/// shown at up to a few hundred pixels, and feeds list their sizes smallest first as often as
/// not); among equals the first.
pub fn best_image(candidates: &[ImageCandidate]) -> Option<&ImageCandidate> {
    let mut best: Option<&ImageCandidate> = None;
    for candidate in candidates {
        let better = best.is_none_or(|b| {
            (
                candidate.source,
                std::cmp::Reverse(candidate.width.unwrap_or(0)),
            ) < (b.source, std::cmp::Reverse(b.width.unwrap_or(0)))
        });
        if better {
            best = Some(candidate);
        }
    }
    best
}

/// An RSS `pubDate` (RFC 822, as RFC 2822 reads it: `Tue, 3 Jun 2025 09:00:00 GMT`, `EST`,
/// `+0200`); feeds that write ISO 8601 there instead are read too.
pub fn rss_date(text: &str) -> Option<Timestamp> {
    let text = text.trim();
    match chrono::DateTime::parse_from_rfc2822(text) {
        Ok(stamp) => Timestamp::parse(&stamp.to_rfc3339()),
        Err(_) => date(text).map(|(stamp, _)| stamp),
    }
}

/// Which format the root element says this is; where its channel and items are.
struct Layout<E> {
    channel: E,
    items: Vec<E>,
    /// The namespace of the format's own elements.
    ns: &'static str,
    /// `rss.channel`, `feed`: where warnings point.
    channel_path: &'static str,
    item_path: &'static str,
    atom: bool,
}

fn layout<E: XmlElement>(root: E) -> Result<Layout<E>, ImportError> {
    let (ns, local) = (root.namespace(), root.local_name());
    let not_a_feed = |message: String| ImportError::NotAFeed {
        path: "$".into(),
        message,
    };
    match (ns.as_str(), local.as_str()) {
        ("", "rss") => {
            let channel = child(&root, "", "channel")
                .ok_or_else(|| not_a_feed("<rss> has no <channel>".into()))?;
            Ok(Layout {
                items: named(&channel, "", "item"),
                channel,
                ns: "",
                channel_path: "rss.channel",
                item_path: "rss.channel.item",
                atom: false,
            })
        }
        (RDF, "RDF") => Ok(Layout {
            channel: child(&root, RSS1, "channel")
                .ok_or_else(|| not_a_feed("<rdf:RDF> has no RSS 1.0 <channel>".into()))?,
            items: named(&root, RSS1, "item"),
            ns: RSS1,
            channel_path: "rdf:RDF.channel",
            item_path: "rdf:RDF.item",
            atom: false,
        }),
        (ATOM, "feed") => Ok(Layout {
            items: named(&root, ATOM, "entry"),
            channel: root,
            ns: ATOM,
            channel_path: "feed",
            item_path: "feed.entry",
            atom: true,
        }),
        _ => Err(not_a_feed(format!(
            "the root element is <{local}>, not RSS's <rss> or Atom's <feed>"
        ))),
    }
}

/// Maps an RSS 2.0, RSS 1.0 or Atom 1.0 document whose root element is `root`, fetched from
/// `feed_url`. Relative links are resolved against `xml:base` where the feed sets one, else
/// against `feed_url`; `resolve` must return `None` for anything but http(s).
pub fn map_xml_feed<E: XmlElement>(
    root: E,
    feed_url: &str,
    resolve: Resolve,
) -> Result<RelatedFeed, ImportError> {
    let root_base = base_of(&root, feed_url, resolve);
    let lang_of_root = root.xml_attribute("lang");
    let Layout {
        channel,
        items,
        ns,
        channel_path,
        item_path,
        atom,
    } = layout(root)?;
    let base = base_of(&channel, &root_base, resolve);
    let mut warnings = Vec::new();
    let title = text_of(&channel, ns, "title");
    let feed_lang = lang_of_root
        .or_else(|| child(&channel, ns, "language").map(|l| l.text()))
        .or_else(|| child(&channel, DC, "language").map(|l| l.text()))
        .and_then(|tag| language_tag(&tag))
        .map(|(lang, _)| lang);
    let home = if atom {
        alternate_link(&channel, &base, resolve)
    } else {
        child(&channel, ns, "link").map(|link| (link.text(), base.clone()))
    };
    let home_page_url = home.and_then(|(href, base)| {
        let path = format!("{channel_path}.link");
        absolute(&href, &base, resolve)
            .map_err(|why| warnings.push(warning(&path, why + "; dropped")))
            .ok()
    });

    let mut feed = RelatedFeed {
        title,
        home_page_url,
        entries: Vec::new(),
        warnings,
    };
    for (index, item) in items.iter().enumerate() {
        let path = idx(item_path, index);
        let context = Context {
            ns,
            atom,
            base: base_of(item, &base, resolve),
            resolve,
            path: &path,
        };
        match map_item(item, &context, &feed) {
            Ok((related, mut dropped)) => {
                feed.warnings.append(&mut dropped);
                let lang = item
                    .xml_attribute("lang")
                    .or_else(|| child(item, DC, "language").map(|l| l.text()))
                    .and_then(|tag| language_tag(&tag))
                    .map(|(lang, _)| lang)
                    .or_else(|| feed_lang.clone());
                feed.entries.push(FeedEntry {
                    item: related,
                    lang,
                });
            }
            Err(skipped) => feed.warnings.push(skipped),
        }
    }
    Ok(feed)
}

struct Context<'a, 'r> {
    ns: &'static str,
    atom: bool,
    base: String,
    resolve: Resolve<'r>,
    path: &'a str,
}

impl Context<'_, '_> {
    fn at(&self, key: &str) -> String {
        format!("{}.{key}", self.path)
    }
}

/// One item, with warnings for what was dropped; `Err` is why it is skipped.
fn map_item<E: XmlElement>(
    item: &E,
    cx: &Context,
    feed: &RelatedFeed,
) -> Result<(RelatedItem, Vec<Warning>), Warning> {
    let headline = text_of(item, cx.ns, "title")
        .ok_or_else(|| warning(&cx.at("title"), "missing or empty; skipped"))?;
    let link = if cx.atom {
        alternate_link(item, &cx.base, cx.resolve)
    } else {
        child(item, cx.ns, "link")
            .map(|link| link.text())
            .filter(|href| !href.trim().is_empty())
            .or_else(|| {
                // A guid is the item's permalink unless it says otherwise.
                child(item, "", "guid")
                    .filter(|guid| guid.attribute("isPermaLink").as_deref() != Some("false"))
                    .map(|guid| guid.text())
            })
            .map(|href| (href, cx.base.clone()))
    };
    let (href, link_base) = link.ok_or_else(|| warning(&cx.at("link"), "missing; skipped"))?;
    let url = absolute(&href, &link_base, cx.resolve)
        .map_err(|why| warning(&cx.at("link"), why + "; skipped"))?;

    let mut dropped = Vec::new();
    let mut candidates = Vec::new();
    collect_images(item, cx, &mut candidates, &mut dropped);
    let image = best_image(&candidates).map(|best| best.url.clone());

    let dates: &[(&str, &str)] = if cx.atom {
        &[(ATOM, "published"), (ATOM, "updated")]
    } else {
        &[("", "pubDate"), (DC, "date")]
    };
    let published = dates
        .iter()
        .find_map(|(ns, name)| Some((child(item, ns, name)?, *name)))
        .and_then(|(element, name)| {
            let stamp = rss_date(&element.text());
            if stamp.is_none() {
                let expected = if name == "pubDate" {
                    "an RFC 822 date"
                } else {
                    "an ISO 8601 date-time"
                };
                dropped.push(warning(
                    &cx.at(name),
                    format!("is not {expected}; date dropped"),
                ));
            }
            stamp
        });

    // The item's own source (RSS `<source>`, Atom `<source><title>`), else the feed's title,
    // else the author.
    let source = if cx.atom {
        child(item, ATOM, "source").and_then(|s| text_of(&s, ATOM, "title"))
    } else {
        text_of(item, "", "source")
    };
    let author = || {
        let name = if cx.atom {
            child(item, ATOM, "author").and_then(|a| text_of(&a, ATOM, "name"))
        } else {
            text_of(item, DC, "creator")
        };
        name.or_else(|| text_of(item, "", "author"))
    };
    let source = source.or_else(|| feed.title.clone()).or_else(author);
    Ok((
        RelatedItem {
            headline,
            url,
            image,
            source,
            published,
        },
        dropped,
    ))
}

/// Every image the item offers, in document order.
fn collect_images<E: XmlElement>(
    item: &E,
    cx: &Context,
    out: &mut Vec<ImageCandidate>,
    dropped: &mut Vec<Warning>,
) {
    let mut offer = |source, element: &E, key: &str, base: &str| {
        let Some(href) = element.attribute(key) else {
            return;
        };
        let path = cx.at(&element.local_name());
        match absolute(&href, base, cx.resolve) {
            Ok(url) => out.push(ImageCandidate {
                source,
                url,
                width: element
                    .attribute("width")
                    .and_then(|w| w.trim().parse().ok()),
            }),
            Err(why) => dropped.push(warning(&path, why + "; image dropped")),
        }
    };
    for part in item.children() {
        let (ns, local) = (part.namespace(), part.local_name());
        if is_media(&ns) {
            // media:content (with its thumbnails), media:thumbnail, or a media:group of them.
            let mut parts = vec![part];
            while let Some(media) = parts.pop() {
                match media.local_name().as_str() {
                    "content" if is_image(&media) => {
                        offer(ImageSource::MediaContent, &media, "url", &cx.base);
                        parts.extend(
                            media
                                .children()
                                .into_iter()
                                .filter(|c| is_media(&c.namespace())),
                        );
                    }
                    "thumbnail" => offer(ImageSource::MediaThumbnail, &media, "url", &cx.base),
                    "group" => parts.extend(
                        media
                            .children()
                            .into_iter()
                            .filter(|c| is_media(&c.namespace())),
                    ),
                    _ => {}
                }
            }
        } else if !cx.atom && ns.is_empty() && local == "enclosure" {
            if declared_image(&part) {
                offer(ImageSource::Enclosure, &part, "url", &cx.base);
            }
        } else if cx.atom
            && ns == ATOM
            && local == "link"
            && part.attribute("rel").as_deref() == Some("enclosure")
            && declared_image(&part)
        {
            let base = base_of(&part, &cx.base, cx.resolve);
            offer(ImageSource::AtomEnclosure, &part, "href", &base);
        }
    }
}

/// A Media RSS element that is an image: `medium="image"`, an `image/` type, or neither said
/// (the big feeds that omit both mean a picture).
fn is_image<E: XmlElement>(element: &E) -> bool {
    match (element.attribute("medium"), element.attribute("type")) {
        (Some(medium), _) => medium.trim() == "image",
        (None, Some(_)) => declared_image(element),
        (None, None) => true,
    }
}

/// An enclosure whose `type` is an image's (an enclosure without one may be anything).
fn declared_image<E: XmlElement>(element: &E) -> bool {
    element
        .attribute("type")
        .is_some_and(|mime| mime.trim().to_ascii_lowercase().starts_with("image/"))
}

/// An Atom element's `alternate` link (a link without `rel` is one), an HTML one first, with
/// the base its `href` is relative to.
fn alternate_link<E: XmlElement>(
    element: &E,
    base: &str,
    resolve: Resolve,
) -> Option<(String, String)> {
    let links: Vec<E> = named(element, ATOM, "link")
        .into_iter()
        .filter(|link| {
            link.attribute("rel")
                .is_none_or(|rel| rel.trim() == "alternate")
        })
        .filter(|link| link.attribute("href").is_some())
        .collect();
    let html = |link: &E| link.attribute("type").is_none_or(|t| t.contains("html"));
    let link = links.iter().find(|l| html(l)).or(links.first())?;
    Some((link.attribute("href")?, base_of(link, base, resolve)))
}

/// `element`'s base URL: its `xml:base` resolved against `parent`'s, else `parent`'s.
fn base_of<E: XmlElement>(element: &E, parent: &str, resolve: Resolve) -> String {
    element
        .xml_attribute("base")
        .and_then(|base| resolve(base.trim(), parent))
        .unwrap_or_else(|| parent.to_string())
}

/// `href` resolved against `base`, as a link the widget may use; else why not.
fn absolute(href: &str, base: &str, resolve: Resolve) -> Result<LinkUrl, String> {
    let href = href.trim();
    let resolved = resolve(href, base).ok_or_else(|| {
        format!(
            "`{}` is not an http(s) URL",
            href.chars().take(60).collect::<String>()
        )
    })?;
    LinkUrl::try_from(resolved)
}

fn child<E: XmlElement>(element: &E, ns: &str, name: &str) -> Option<E> {
    element
        .children()
        .into_iter()
        .find(|c| c.local_name() == name && c.namespace() == ns)
}

fn named<E: XmlElement>(element: &E, ns: &str, name: &str) -> Vec<E> {
    element
        .children()
        .into_iter()
        .filter(|c| c.local_name() == name && c.namespace() == ns)
        .collect()
}

/// The text of the child `name` on one line (tags in HTML titles dropped, entities escaped
/// twice decoded), or `None` when absent or blank.
fn text_of<E: XmlElement>(element: &E, ns: &str, name: &str) -> Option<String> {
    child(element, ns, name)
        .map(|c| one_line(&c.text()))
        .filter(|t| !t.is_empty())
}
