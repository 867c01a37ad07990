//! The mapping from JSON-LD to an [`Edition`] (feature `import`).

use serde_json::Value;

use super::{JsonLdOptions, MappedArticle};
use crate::edition::{
    ArticleId, Block, CountryCode, Edition, EditionLink, FormatVersion, Inline, LangCode, Source,
};
use crate::import::lenient::{
    at, date, idx, invalid, language_tag, link, missing, one_line, opt_text, paragraphs, text,
    warning, whole_u32, wrong,
};
use crate::import::{ImportError, Warning};
use crate::timestamp::Timestamp;
use crate::url_check::{is_absolute, LinkUrl};

/// Maps JSON-LD text (one `<script type="application/ld+json">`) to an edition.
pub fn map_jsonld_str(json: &str, options: &JsonLdOptions) -> Result<MappedArticle, ImportError> {
    map_jsonld(&serde_json::from_str(json)?, options)
}

/// [`map_jsonld_documents`] from the text of a page's JSON-LD scripts.
pub fn map_jsonld_scripts<S: AsRef<str>>(
    scripts: &[S],
    options: &JsonLdOptions,
) -> Result<MappedArticle, ImportError> {
    let docs = scripts
        .iter()
        .map(|script| serde_json::from_str(script.as_ref()).map_err(ImportError::from))
        .collect();
    map_jsonld_documents(docs, options)
}

/// Maps all the JSON-LD scripts of a page, as parsed: the first article node among them wins.
/// Scripts that are not JSON are skipped with a warning (pages often carry unrelated broken
/// ones), unless none of the others holds an article. Paths start with the script's index
/// (`[1].…`) when there is more than one script.
pub fn map_jsonld_documents(
    mut docs: Vec<Result<Value, ImportError>>,
    options: &JsonLdOptions,
) -> Result<MappedArticle, ImportError> {
    if docs.len() == 1 {
        let only = docs.remove(0)?;
        return map_jsonld(&only, options);
    }
    let mut broken = Vec::new();
    let docs = docs
        .into_iter()
        .enumerate()
        .map(|(index, doc)| {
            doc.unwrap_or_else(|err| {
                broken.push((index, err));
                // Keeps the other scripts' indexes in their paths.
                Value::Null
            })
        })
        .collect();
    match map_jsonld(&Value::Array(docs), options) {
        Ok(mut mapped) => {
            let mut warnings: Vec<Warning> = broken
                .iter()
                .map(|(index, err)| warning(&idx("", *index), err.message()))
                .collect();
            warnings.append(&mut mapped.warnings);
            mapped.warnings = warnings;
            Ok(mapped)
        }
        // No article anywhere: the broken script most likely held it.
        Err(ImportError::NoArticle) if !broken.is_empty() => {
            let (index, err) = &broken[0];
            Err(invalid(&idx("", *index), err.message()))
        }
        Err(err) => Err(err),
    }
}

/// Maps a JSON-LD document (an object, an array of objects, or an `@graph`) to an edition.
pub fn map_jsonld(doc: &Value, options: &JsonLdOptions) -> Result<MappedArticle, ImportError> {
    let mut nodes = Vec::new();
    collect(doc, String::new(), 0, &mut nodes);
    let graph = Graph { nodes };
    let article = graph
        .nodes
        .iter()
        .find(|(node, _)| has_type(node, is_article_type))
        .cloned()
        .or_else(|| {
            // A WebPage whose `mainEntity` is the article.
            graph.nodes.iter().find_map(|(node, path)| {
                let (entity, path) = graph
                    .node(node.get("mainEntity")?, at(path, "mainEntity"))
                    .ok()?;
                has_type(entity, is_article_type).then_some((entity, path))
            })
        })
        .ok_or(ImportError::NoArticle)?;
    Mapper {
        graph: &graph,
        options,
        warnings: Vec::new(),
    }
    .article(article.0, &article.1)
}

/// Every node of the document with its path: top-level objects, array items and `@graph`
/// members (nested as deep as publishers nest them, and no deeper).
fn collect<'a>(value: &'a Value, path: String, depth: u8, out: &mut Vec<(&'a Value, String)>) {
    if depth > 3 {
        return;
    }
    match value {
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                collect(item, idx(&path, index), depth + 1, out);
            }
        }
        Value::Object(_) => {
            if let Some(graph) = value.get("@graph") {
                collect(graph, at(&path, "@graph"), depth + 1, out);
            }
            out.push((value, path));
        }
        _ => {}
    }
}

/// The `@type`s of a node, without a `schema:` or `https://schema.org/` prefix.
fn has_type(node: &Value, wanted: fn(&str) -> bool) -> bool {
    let short = |t: &str| t.rsplit(['/', ':', '#']).next().is_some_and(wanted);
    match node.get("@type") {
        Some(Value::String(t)) => short(t),
        Some(Value::Array(types)) => types.iter().filter_map(Value::as_str).any(short),
        _ => false,
    }
}

/// `Article` and its schema.org subtypes: every `…Article` (`NewsArticle`,
/// `ReportageNewsArticle`, `OpinionNewsArticle`, `TechArticle`, `SatiricalArticle`, …), every
/// `…Posting` (`BlogPosting`, `LiveBlogPosting`, `SocialMediaPosting`, …), `Report` and
/// `APIReference`.
fn is_article_type(t: &str) -> bool {
    t.ends_with("Article") || t.ends_with("Posting") || matches!(t, "Report" | "APIReference")
}

fn is_organization_type(t: &str) -> bool {
    matches!(t, "Organization" | "NewsMediaOrganization" | "Corporation")
}

struct Graph<'a> {
    nodes: Vec<(&'a Value, String)>,
}

impl<'a> Graph<'a> {
    /// Follows an `@id` reference (an object with nothing but `@id`, and maybe `@type`) to the
    /// node it names, whose own path is then where problems are (that is what to fix). An
    /// unresolvable reference is an error on the reference. Only full nodes are targets, so
    /// one hop suffices and reference cycles cannot loop.
    fn node(&self, value: &'a Value, path: String) -> Result<(&'a Value, String), ImportError> {
        let Some(id) = reference(value) else {
            return Ok((value, path));
        };
        let target = self.nodes.iter().find(|(node, _)| {
            reference(node).is_none() && node.get("@id").and_then(Value::as_str) == Some(id)
        });
        match target {
            Some((node, path)) => Ok((node, path.clone())),
            None => Err(invalid(
                &path,
                format!("`{id}` is not the @id of any node in the document"),
            )),
        }
    }
}

/// The `@id` of a bare reference.
fn reference(value: &Value) -> Option<&str> {
    let id = value.get("@id")?.as_str()?;
    let members = value.as_object()?;
    members
        .iter()
        .all(|(k, _)| k == "@id" || k == "@type")
        .then_some(id)
}

/// The first item of an array (the one a single-valued Byline field keeps), else the value.
fn first(value: &Value, path: String) -> (&Value, String) {
    match value {
        Value::Array(items) if !items.is_empty() => (&items[0], idx(&path, 0)),
        _ => (value, path),
    }
}

/// Every value of a property that may hold one value or an array of them, with its path.
fn each(value: &Value, path: String) -> Vec<(&Value, String)> {
    match value {
        Value::Array(items) => items
            .iter()
            .enumerate()
            .map(|(i, v)| (v, idx(&path, i)))
            .collect(),
        single => vec![(single, path)],
    }
}

/// A present, non-null property.
fn prop<'v>(node: &'v Value, path: &str, key: &str) -> Option<(&'v Value, String)> {
    node.get(key)
        .filter(|v| !v.is_null())
        .map(|v| (v, at(path, key)))
}

/// A possible `editions` entry: language, region (if the tag has one), URL, and the path it
/// came from (for warnings).
type Candidate = (LangCode, Option<CountryCode>, LinkUrl, String);

/// A language and, when the tag has one, a region.
type Tag = (LangCode, Option<CountryCode>);

struct Image {
    src: LinkUrl,
    alt: String,
    credit: Option<String>,
    width: Option<u32>,
    height: Option<u32>,
}

struct Mapper<'g, 'a> {
    graph: &'g Graph<'a>,
    options: &'g JsonLdOptions,
    warnings: Vec<Warning>,
}

impl<'a> Mapper<'_, 'a> {
    /// The edition of an article node. Only what leaves nothing to render is an error: no
    /// headline, no URL; everything else missing or unusable is left out with a warning (no
    /// date: an edition without `published`; no language: `und`).
    fn article(mut self, node: &'a Value, np: &str) -> Result<MappedArticle, ImportError> {
        let headline = match opt_text(node, np, "headline")? {
            Some(headline) => headline,
            None => opt_text(node, np, "name")?.ok_or_else(|| missing(&at(np, "headline")))?,
        };
        let alternative_headline = self
            .soft(opt_text(node, np, "alternativeHeadline"), "ignored")
            .flatten();
        let standfirst = self
            .soft(opt_text(node, np, "description"), "ignored")
            .flatten()
            .or_else(|| alternative_headline.clone());
        let texts = self.body_text(node, np);
        let image = match prop(node, np, "image") {
            Some((value, path)) => self.image(value, path),
            None => None,
        };
        let (published, updated) = self.dates(node, np);
        let mut authors = Vec::new();
        if let Some((value, path)) = prop(node, np, "author") {
            self.authors(value, path, &mut authors);
        }

        // The web page this article is the main entity of: its URL, and its language when the
        // article does not say (Yoast puts `inLanguage` on both).
        let (entity_url, page_lang) = match prop(node, np, "mainEntityOfPage") {
            Some((value, path)) => self.page(value, path),
            None => (None, None),
        };
        // This edition's own page, which readers share: the article's `url`, else its
        // `mainEntityOfPage`, else the page the JSON-LD is on (its canonical link or address,
        // when it is on one); absolute URLs only. (A bad `url` is warned about below.)
        let own_url = prop(node, np, "url")
            .and_then(|(value, path)| link(text(value)?, &path).ok())
            .into_iter()
            .chain(entity_url.clone())
            .chain(
                (self.options.canonical_url.as_deref())
                    .and_then(|url| link(url, "options.canonical_url").ok()),
            )
            .find(|url| is_absolute(url));
        let page_url = entity_url.or_else(|| {
            let (value, path) = prop(node, np, "url")?;
            let url = text(value).ok_or_else(|| wrong(&path, "a URL"));
            self.soft(url.and_then(|url| link(url, &path)), "ignored")
        });
        let self_url = match self.options.page_url.as_deref() {
            Some(url) => Some(link(url, "options.page_url")?),
            None => page_url.clone(),
        };
        let (lang, country) = self.lang_country(node, np, page_lang, self_url.as_ref())?;

        let mut candidates = Vec::new();
        let (original_lang, original_url) = self.translations(node, np, &mut candidates);
        let source_url = original_url
            .or_else(|| page_url.clone())
            .or_else(|| self_url.clone())
            .ok_or_else(|| {
                invalid(
                    &at(np, "mainEntityOfPage"),
                    "missing, and so are `url` and the page's URL: write the article's URL, \
                     like \"mainEntityOfPage\": \"https://news.example/article\"",
                )
            })?;
        // The whole article, for a teaser's link: this page, not the original it translates.
        let article_url = page_url
            .or_else(|| self_url.clone())
            .unwrap_or_else(|| source_url.clone());
        let self_url = self_url.unwrap_or_else(|| source_url.clone());
        let default_country = self.default_country()?;
        let editions = self.editions(
            &lang,
            &country,
            self_url,
            candidates,
            default_country.as_ref(),
        );
        let (source_name, logo) = self.publisher(node, np, &source_url);
        let body = self.body(np, texts, image, article_url);
        let id = self.id(&source_url, &headline)?;
        let accessible_for_free = match prop(node, np, "isAccessibleForFree") {
            None => None,
            Some((Value::Bool(free), _)) => Some(*free),
            Some((Value::String(s), _)) if s.eq_ignore_ascii_case("true") => Some(true),
            Some((Value::String(s), _)) if s.eq_ignore_ascii_case("false") => Some(false),
            Some((_, path)) => self.soft(Err(wrong(&path, "true or false")), "ignored"),
        };

        let edition = Edition {
            version: FormatVersion,
            id,
            lang,
            country,
            headline,
            standfirst,
            published,
            updated,
            authors,
            source: Source {
                name: source_name,
                url: source_url,
                logo,
                original_lang,
            },
            body,
            editions,
            related: Vec::new(),
            all_news_url: None,
            url: own_url,
        };
        // The checks above make the edition valid (but for `published`, which only Byline
        // documents must have: `read_mapped_edition`); this keeps it so if Byline's rules grow.
        crate::edition::validate(&edition)
            .map_err(|err| invalid("", format!("the mapped edition is not valid: {err}")))?;
        Ok(MappedArticle {
            edition,
            alternative_headline,
            accessible_for_free,
            warnings: self.warnings,
        })
    }

    /// `result`'s value; an error becomes a warning (`…; {then}`) and `None`.
    fn soft<T>(&mut self, result: Result<T, ImportError>, then: &str) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(err) => {
                let message = format!("{}; {then}", err.message());
                self.warnings.push(warning(err.path(), message));
                None
            }
        }
    }

    /// The paragraphs of `articleBody`; none when it is missing or unusable.
    fn body_text(&mut self, node: &Value, np: &str) -> Vec<String> {
        let Some((body, path)) = prop(node, np, "articleBody") else {
            return Vec::new();
        };
        let body = text(body).ok_or_else(|| wrong(&path, "text"));
        self.soft(body, "ignored")
            .map(paragraphs)
            .unwrap_or_default()
    }

    /// The body: the paragraphs with the image after the first; without paragraphs, a teaser:
    /// the image and the link to the whole article.
    fn body(
        &mut self,
        np: &str,
        texts: Vec<String>,
        image: Option<Image>,
        article_url: LinkUrl,
    ) -> Vec<Block> {
        let image = image.map(|image| Block::Image {
            id: "img1".into(),
            src: image.src,
            alt: image.alt,
            caption: None,
            credit: image.credit,
            width: image.width,
            height: image.height,
        });
        if texts.is_empty() {
            self.warnings.push(warning(
                &at(np, "articleBody"),
                "missing: shown as a teaser (headline, description, image, date, source) \
                 linking to the whole article",
            ));
            let more = Block::More {
                id: "more".into(),
                href: article_url,
            };
            return image.into_iter().chain([more]).collect();
        }
        let mut body: Vec<Block> = texts
            .into_iter()
            .enumerate()
            .map(|(i, text)| Block::Paragraph {
                id: format!("p{}", i + 1),
                content: vec![Inline::Plain(text)],
            })
            .collect();
        if let Some(image) = image {
            body.insert(1, image);
        }
        body
    }

    /// A date property, or `None` with a warning when it is not a usable date.
    fn date(&mut self, node: &Value, np: &str, key: &str) -> Option<Timestamp> {
        let (value, path) = prop(node, np, key)?;
        let Some(s) = text(value) else {
            let err = wrong(
                &path,
                "an ISO 8601 date-time like 2025-07-04T17:45:00-06:00",
            );
            return self.soft(Err(err), "ignored");
        };
        let Some((stamp, guessed)) = date(s) else {
            let message =
                format!("`{s}` is not an ISO 8601 date-time like 2025-07-04T17:45:00-06:00");
            return self.soft(Err(invalid(&path, message)), "ignored");
        };
        if guessed {
            self.warnings.push(warning(
                &path,
                format!("`{s}` has no time zone; read as {}", stamp.as_str()),
            ));
        }
        Some(stamp)
    }

    /// `datePublished`, else `dateCreated` or `dateModified` (with a warning), else none (with
    /// a warning: the article is shown without a date); and `dateModified` as the update.
    fn dates(&mut self, node: &Value, np: &str) -> (Option<Timestamp>, Option<Timestamp>) {
        let published = self.date(node, np, "datePublished");
        let created = self.date(node, np, "dateCreated");
        let mut updated = self.date(node, np, "dateModified");
        let instead = match (&published, &created, &updated) {
            (Some(_), _, _) => None,
            (None, Some(_), _) => Some("missing; dateCreated is shown as the publication date"),
            (None, None, Some(_)) => Some("missing; dateModified is shown as the publication date"),
            (None, None, None) => Some(
                "missing, and so are dateCreated and dateModified: shown without a date; write \
                 when the article was published, in ISO 8601, like \"datePublished\": \
                 \"2025-07-04T17:45:00-06:00\"",
            ),
        };
        if let Some(message) = instead {
            self.warnings
                .push(warning(&at(np, "datePublished"), message));
        }
        let Some(published) = published.or(created).or_else(|| updated.take()) else {
            return (None, None);
        };
        if updated
            .as_ref()
            .is_some_and(|u| u.unix_millis() < published.unix_millis())
        {
            updated = None;
            self.warnings.push(warning(
                &at(np, "dateModified"),
                "is earlier than datePublished; ignored",
            ));
        }
        (Some(published), updated)
    }

    /// Authors' names from text, `Person`/`Organization` nodes (or references), or an array;
    /// what has no name is skipped with a warning.
    fn authors(&mut self, value: &'a Value, path: String, out: &mut Vec<String>) {
        for (value, path) in each(value, path) {
            let name = match value {
                Value::String(name) => Ok(Some(one_line(name))),
                Value::Object(_) => self
                    .graph
                    .node(value, path.clone())
                    .and_then(|(node, path)| opt_text(node, &path, "name")),
                _ => Err(wrong(&path, "a name, Person or Organization")),
            };
            match self.soft(name, "skipped") {
                Some(Some(name)) if name.is_empty() || out.contains(&name) => {}
                Some(Some(name)) => out.push(name),
                Some(None) => self.warnings.push(warning(&path, "has no name; skipped")),
                None => {}
            }
        }
    }

    /// The outlet's name and logo, from `publisher`, else from the document's Organization,
    /// else the site's host name (with a warning).
    fn publisher(&mut self, node: &'a Value, np: &str, url: &LinkUrl) -> (String, Option<LinkUrl>) {
        if let Some((value, path)) = prop(node, np, "publisher") {
            let (value, path) = first(value, path);
            let found = self.organization(value, path);
            if let Some(found) = self.soft(found, "ignored") {
                return found;
            }
        }
        let orgs: Vec<_> = self
            .graph
            .nodes
            .iter()
            .filter(|(n, _)| has_type(n, is_organization_type))
            .cloned()
            .collect();
        for (org, path) in orgs {
            if let Ok(found) = self.organization(org, path) {
                return found;
            }
        }
        let site = host(url).to_string();
        self.warnings.push(warning(
            &at(np, "publisher"),
            format!(
                "missing: the source is named after the site, {site}; write the outlet, like \
                 \"publisher\": {{\"@type\": \"Organization\", \"name\": \"…\"}}"
            ),
        ));
        (site, None)
    }

    /// An outlet: a name, or an `Organization` (or a reference to one) with a name.
    fn organization(
        &mut self,
        value: &'a Value,
        path: String,
    ) -> Result<(String, Option<LinkUrl>), ImportError> {
        let (publisher, path) = self.graph.node(value, path)?;
        match publisher {
            Value::String(name) if !name.trim().is_empty() => Ok((one_line(name), None)),
            Value::Object(_) => {
                let name = opt_text(publisher, &path, "name")?
                    .ok_or_else(|| missing(&at(&path, "name")))?;
                let logo = match prop(publisher, &path, "logo") {
                    Some((value, path)) => self.image(value, path).map(|image| image.src),
                    None => None,
                };
                Ok((name, logo))
            }
            _ => Err(wrong(&path, "an Organization")),
        }
    }

    /// A URL or `ImageObject` (or reference, or array: the first); `None`, with a warning,
    /// when it cannot be used.
    fn image(&mut self, value: &'a Value, path: String) -> Option<Image> {
        let image = self.read_image(value, path);
        self.soft(image, "image skipped")
    }

    fn read_image(&self, value: &'a Value, path: String) -> Result<Image, ImportError> {
        let (value, path) = first(value, path);
        let (node, path) = self.graph.node(value, path)?;
        let (src, src_path) = match node {
            Value::String(url) => (url.as_str(), path.clone()),
            Value::Object(_) => match ["url", "contentUrl"]
                .iter()
                .find_map(|k| prop(node, &path, k))
            {
                Some((url, url_path)) => (
                    text(url).ok_or_else(|| wrong(&url_path, "a URL"))?,
                    url_path,
                ),
                None => return Err(missing(&at(&path, "url"))),
            },
            _ => return Err(wrong(&path, "a URL or ImageObject")),
        };
        let dimension = |key: &str| {
            let value = node.get(key)?;
            match value {
                Value::String(s) => s.trim().trim_end_matches("px").parse().ok(),
                Value::Object(_) => whole_u32(value.get("value")?),
                number => whole_u32(number),
            }
        };
        let alt = match opt_text(node, &path, "caption") {
            Ok(Some(caption)) => caption,
            _ => opt_text(node, &path, "description")
                .ok()
                .flatten()
                .unwrap_or_default(),
        };
        Ok(Image {
            src: link(src, &src_path)?,
            alt,
            credit: opt_text(node, &path, "creditText").ok().flatten(),
            width: dimension("width"),
            height: dimension("height"),
        })
    }

    /// `mainEntityOfPage`: the page's URL, and its `inLanguage` when it has one. What cannot be
    /// used is left out with a warning.
    fn page(&mut self, value: &'a Value, path: String) -> (Option<LinkUrl>, Option<Tag>) {
        let (value, path) = first(value, path);
        if let Value::String(url) = value {
            let url = link(url, &path);
            return (self.soft(url, "ignored"), None);
        }
        // A reference to a page that is not in the document still gives its URL: the `@id`.
        let (page, path) = match self.graph.node(value, path.clone()) {
            Ok(found) => found,
            Err(_) => (value, path),
        };
        if !page.is_object() {
            self.soft::<()>(Err(wrong(&path, "a URL or WebPage")), "ignored");
            return (None, None);
        }
        let url = ["url", "@id"]
            .iter()
            .find_map(|k| prop(page, &path, k))
            .and_then(|(url, url_path)| {
                let url = text(url)
                    .ok_or_else(|| wrong(&url_path, "a URL"))
                    .and_then(|url| link(url, &url_path));
                self.soft(url, "ignored")
            });
        let lang = prop(page, &path, "inLanguage").and_then(|(value, path)| {
            let tag = self.language(value, &path);
            self.soft(tag, "ignored")
        });
        (url, lang)
    }

    /// The edition's language and country: `inLanguage`, else the page's, else the caller's
    /// default (the page's `<html lang>`, `data-lang`), else the page's own hreflang link,
    /// else undetermined (`und`, with a warning); the country from the tag's region, the
    /// page's own hreflang link or `data-country`, else no particular country.
    fn lang_country(
        &mut self,
        node: &'a Value,
        np: &str,
        page_lang: Option<Tag>,
        self_url: Option<&LinkUrl>,
    ) -> Result<(LangCode, CountryCode), ImportError> {
        let lang_path = at(np, "inLanguage");
        let own = prop(node, np, "inLanguage").and_then(|(value, path)| {
            let tag = self.language(value, &path);
            self.soft(tag, "ignored")
        });
        let default = self.options.default_lang.as_deref().and_then(|tag| {
            let read = language_tag(tag).ok_or_else(|| {
                invalid(
                    "options.default_lang",
                    format!("`{tag}` is not a language tag like de or de-DE"),
                )
            });
            self.soft(read, "ignored")
        });
        // A page's hreflang links usually include the page itself (search engines ask for
        // that): its tag is the publisher's own word for this edition's language and country.
        let own_links: Vec<Tag> = self
            .options
            .alternates
            .iter()
            .filter(|(_, href)| {
                self_url.is_some_and(|me| href.trim().replace("&amp;", "&") == me.as_str())
            })
            .filter_map(|(tag, _)| language_tag(tag))
            .collect();
        let Some((lang, region)) = own
            .or(page_lang)
            .or(default)
            .or_else(|| own_links.first().cloned())
        else {
            // Nothing names the language: undetermined (`und`, which BCP 47 and HTML's `lang`
            // know), rather than an error or a guess. The widget's own words fall back to
            // English, and the language picker has nothing to offer.
            self.warnings.push(warning(
                &lang_path,
                "missing, and the page gives no language (<html lang>, data-lang): shown with \
                 its language undetermined (und) and for no particular country; write the \
                 article's language, like \"inLanguage\": \"de-DE\"",
            ));
            let country = self.default_country()?.unwrap_or_else(CountryCode::none);
            return Ok((LangCode::undetermined(), country));
        };
        let self_region = own_links
            .into_iter()
            .find_map(|(alt_lang, alt_region)| (alt_lang == lang).then_some(alt_region)?);
        let country = match region.or(self_region).or(self.default_country()?) {
            Some(country) => country,
            None => {
                self.warnings.push(warning(
                    &lang_path,
                    format!(
                        "`{lang}` has no region and no country was given: an edition for no \
                         particular country (write a region, like {lang}-DE, or data-country)"
                    ),
                ));
                CountryCode::none()
            }
        };
        Ok((lang, country))
    }

    /// A language tag, or a `Language` node whose `alternateName` (or `name`) is one.
    fn language(&self, value: &'a Value, path: &str) -> Result<Tag, ImportError> {
        let (value, path) = first(value, path.to_string());
        let (node, path) = self.graph.node(value, path)?;
        let tags: Vec<&str> = match node {
            Value::String(tag) => vec![tag],
            Value::Object(_) => ["alternateName", "name"]
                .iter()
                .filter_map(|k| node.get(k).and_then(text))
                .collect(),
            _ => return Err(wrong(&path, "a language tag or Language")),
        };
        tags.iter()
            .find_map(|tag| language_tag(tag))
            .ok_or_else(|| {
                let shown = tags.first().copied().unwrap_or_default();
                invalid(
                    &path,
                    format!("`{shown}` is not a language tag like de or de-DE"),
                )
            })
    }

    /// `translationOfWork` (the original: its language and URL) and `workTranslation`, as
    /// candidate editions; what cannot be used is skipped with a warning.
    fn translations(
        &mut self,
        node: &'a Value,
        np: &str,
        candidates: &mut Vec<Candidate>,
    ) -> (Option<LangCode>, Option<LinkUrl>) {
        let mut original = (None, None);
        if let Some((value, path)) = prop(node, np, "translationOfWork") {
            let (value, path) = first(value, path);
            let work = self
                .graph
                .node(value, path)
                .and_then(|(work, path)| self.work(work, &path, candidates));
            original = self.soft(work, "skipped").unwrap_or_default();
        }
        if let Some((value, path)) = prop(node, np, "workTranslation") {
            for (value, path) in each(value, path) {
                let work = self
                    .graph
                    .node(value, path)
                    .and_then(|(work, path)| self.work(work, &path, candidates));
                self.soft(work, "skipped");
            }
        }
        original
    }

    /// A `translationOfWork` or `workTranslation` node: a candidate edition when it has a
    /// language and a URL; returns its language and URL (for `source`).
    fn work(
        &self,
        work: &'a Value,
        path: &str,
        candidates: &mut Vec<Candidate>,
    ) -> Result<(Option<LangCode>, Option<LinkUrl>), ImportError> {
        let (tag, url) = match work {
            Value::String(url) => (None, Some(link(url, path)?)),
            Value::Object(_) => {
                let tag = match prop(work, path, "inLanguage") {
                    Some((value, path)) => Some(self.language(value, &path)?),
                    None => None,
                };
                let url = match ["url", "@id"].iter().find_map(|k| prop(work, path, k)) {
                    Some((url, url_path)) => Some(link(
                        text(url).ok_or_else(|| wrong(&url_path, "a URL"))?,
                        &url_path,
                    )?),
                    None => None,
                };
                (tag, url)
            }
            _ => return Err(wrong(path, "a CreativeWork or URL")),
        };
        if let (Some((lang, region)), Some(url)) = (&tag, &url) {
            candidates.push((lang.clone(), region.clone(), url.clone(), path.to_string()));
        }
        Ok((tag.map(|(lang, _)| lang), url))
    }

    fn default_country(&self) -> Result<Option<CountryCode>, ImportError> {
        match &self.options.default_country {
            None => Ok(None),
            Some(code) => CountryCode::try_from(code.trim().to_ascii_uppercase())
                .map(Some)
                .map_err(|why| invalid("options.default_country", why)),
        }
    }

    /// The `editions` list: the caller's hreflang alternates, then translations named in the
    /// JSON-LD, then this edition itself when none of those is it. A tag with a region claims
    /// its pair before tags without one (`es-MX` beats `es` + default country `MX`); a pair
    /// listed twice keeps its first URL, with a warning.
    fn editions(
        &mut self,
        lang: &LangCode,
        country: &CountryCode,
        self_url: LinkUrl,
        from_jsonld: Vec<Candidate>,
        default_country: Option<&CountryCode>,
    ) -> Vec<EditionLink> {
        let mut candidates = Vec::new();
        for (index, (hreflang, href)) in self.options.alternates.iter().enumerate() {
            let path = idx("alternates", index);
            if hreflang.trim().eq_ignore_ascii_case("x-default") {
                continue;
            }
            let Some((lang, region)) = language_tag(hreflang) else {
                self.warnings.push(warning(
                    &path,
                    format!("`{hreflang}` is not a language tag; skipped"),
                ));
                continue;
            };
            match link(href, &path) {
                Ok(url) => candidates.push((lang, region, url, path)),
                Err(err) => self
                    .warnings
                    .push(warning(&path, err.message() + "; skipped")),
            }
        }
        candidates.extend(from_jsonld);

        let mut chosen: Vec<(usize, EditionLink)> = Vec::new();
        for explicit in [true, false] {
            for (order, (lang, region, url, path)) in candidates.iter().enumerate() {
                if region.is_some() != explicit {
                    continue;
                }
                let country = region
                    .clone()
                    .or_else(|| default_country.cloned())
                    .unwrap_or_else(CountryCode::none);
                if let Some((_, earlier)) = chosen
                    .iter()
                    .find(|(_, l)| l.lang == *lang && l.country == country)
                {
                    // The same edition named by hreflang and by the JSON-LD is no conflict.
                    if earlier.url != *url {
                        self.warnings.push(warning(
                            path,
                            format!("{lang}-{country} is listed twice; the first is kept"),
                        ));
                    }
                    continue;
                }
                chosen.push((
                    order,
                    EditionLink {
                        lang: lang.clone(),
                        country,
                        url: url.clone(),
                    },
                ));
            }
        }
        chosen.sort_by_key(|(order, _)| *order);
        let mut editions: Vec<EditionLink> = chosen.into_iter().map(|(_, link)| link).collect();
        if !editions
            .iter()
            .any(|l| l.lang == *lang && l.country == *country)
        {
            editions.push(EditionLink {
                lang: lang.clone(),
                country: country.clone(),
                url: self_url,
            });
        }
        editions
    }

    /// The caller's id, else one made from the article URL's last segment or the headline.
    fn id(&self, url: &LinkUrl, headline: &str) -> Result<ArticleId, ImportError> {
        if let Some(id) = &self.options.id {
            return ArticleId::try_from(id.clone()).map_err(|why| invalid("options.id", why));
        }
        // The URL's path (none for a bare origin, whose host name says nothing of the article).
        let path = match url.split_once("://") {
            Some((_, rest)) => rest.find('/').map_or("", |slash| &rest[slash..]),
            None => url,
        };
        let path = path.split(['?', '#']).next().unwrap_or_default();
        let segment = path
            .trim_end_matches('/')
            .rsplit('/')
            .next()
            .unwrap_or_default();
        let segment = match segment.rsplit_once('.') {
            Some((stem, ext)) if ext.len() <= 5 && !stem.is_empty() => stem,
            _ => segment,
        };
        let slug = [segment, headline]
            .into_iter()
            .map(slug)
            .find(|s| !s.is_empty());
        // A slug is always a valid id; "article" covers headlines without Latin letters.
        ArticleId::try_from(slug.unwrap_or_else(|| "article".into()))
            .map_err(|why| invalid("", why))
    }
}

/// The host of an absolute URL (the whole reference when it has none).
fn host(url: &str) -> &str {
    match url.split_once("://") {
        Some((_, rest)) => rest.split(['/', '?', '#']).next().unwrap_or(rest),
        None => url,
    }
}

/// Lowercase ASCII letters and digits, anything else one `-`, at most 200 characters.
fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.truncate(200);
    out.trim_end_matches('-').to_string()
}
