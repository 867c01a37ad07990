//! A placeholder's configuration: `data-*` attributes over page-wide `<meta name="byline:…">`
//! defaults, checked here so a publisher's typo gets an error that names the attribute.

use thiserror::Error;

use crate::image_hosts::ImageHosts;
use crate::url_check::check_link;

/// How the widget is configured, once every attribute has been checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WidgetConfig {
    /// Where the first edition comes from.
    pub source: ArticleSource,
    /// The article id (`data-id`), when the publisher gave one.
    pub id: Option<String>,
    /// A JSON Feed whose items replace the edition's related news (`data-related-src`).
    pub related_src: Option<String>,
    /// Language of the first edition, and of the widget's words until it arrives.
    pub lang: Option<String>,
    /// Country of the first edition.
    pub country: Option<String>,
    /// Language of the widget's own words, whatever the edition's.
    pub ui_lang: Option<String>,
    pub theme: Theme,
    /// What the publisher switched on or off.
    pub features: Features,
    pub loading: Loading,
    pub mode: Mode,
    /// Seconds an article request may take before it counts as failed (and is retried).
    pub timeout_secs: u32,
    /// The only hosts article images may come from (`data-image-hosts`); `None`: any https
    /// host.
    pub image_hosts: Option<ImageHosts>,
}

/// Where a widget's first edition comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ArticleSource {
    /// A Byline edition or a schema.org JSON-LD document at this URL (relative to the page),
    /// placeholders filled in.
    Url(String),
    /// The page's own `<script type="application/ld+json">` (`data-jsonld="self"`).
    PageJsonLd,
}

/// The parts of the widget a publisher can switch off, each with a `data-*` attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Features {
    /// Related news (`data-related`).
    pub related: bool,
    /// The reading time under the headline (`data-reading-time`).
    pub reading_time: bool,
    /// Reading the article aloud (`data-listen`).
    pub listen: bool,
    /// Comparing a translation with its original (`data-compare`).
    pub compare: bool,
    /// The Share control (`data-share`).
    pub share: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
    /// Follows the reader's `prefers-color-scheme`.
    Auto,
}

impl Theme {
    pub fn as_attr(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Auto => "auto",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Loading {
    /// Fetch and render when the placeholder nears the viewport.
    Lazy,
    Eager,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Rendered in the page, in a shadow root.
    Inline,
    /// Rendered in an iframe from the widget's own origin.
    Iframe,
}

/// A configuration the widget cannot use; the message names the attribute to fix.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ConfigError {
    #[error("no article source: set data-src (or <meta name=\"byline:src\">)")]
    MissingSource,
    #[error("{attribute}=\"{value}\" is not valid: expected {expected}")]
    Invalid {
        attribute: &'static str,
        value: String,
        expected: &'static str,
    },
    #[error("data-src uses {{{placeholder}}} but no {attribute} is set")]
    UnfilledPlaceholder {
        placeholder: &'static str,
        attribute: &'static str,
    },
}

impl ConfigError {
    /// The `data-*` attribute the publisher should look at.
    pub fn attribute(&self) -> &'static str {
        match self {
            ConfigError::MissingSource => "data-src",
            ConfigError::Invalid { attribute, .. } => attribute,
            ConfigError::UnfilledPlaceholder { attribute, .. } => attribute,
        }
    }
}

/// Reads the configuration. `attribute("src")` answers the placeholder's `data-src`;
/// `default("src")` the page's `<meta name="byline:src">`. The attribute wins.
pub fn read_config(
    attribute: impl Fn(&str) -> Option<String>,
    default: impl Fn(&str) -> Option<String>,
) -> Result<WidgetConfig, ConfigError> {
    let get = |name: &str| {
        attribute(name)
            .or_else(|| default(name))
            .map(|value| value.trim().to_string())
            .filter(|value| !value.is_empty())
    };
    let lang = checked(get("lang"), "data-lang", "a language code like de", is_lang)?;
    let country = checked(
        get("country"),
        "data-country",
        "a country code like MX",
        is_country,
    )?
    .map(|c| c.to_ascii_uppercase());
    let ui_lang = checked(
        get("ui-lang"),
        "data-ui-lang",
        "a language code like de",
        is_lang,
    )?;
    let id = checked(
        get("id"),
        "data-id",
        "an article id (a-z, 0-9, -)",
        is_article_id,
    )?;
    let source = match get("jsonld").as_deref() {
        Some("self") => ArticleSource::PageJsonLd,
        Some(other) => {
            let value = other.to_string();
            return Err(ConfigError::Invalid {
                attribute: "data-jsonld",
                value,
                expected: "self",
            });
        }
        None => {
            let template = get("src").ok_or(ConfigError::MissingSource)?;
            let src = fill_template(
                &template,
                lang.as_deref(),
                country.as_deref(),
                id.as_deref(),
            )?;
            ArticleSource::Url(checked_url(src, "data-src")?)
        }
    };
    let related_src = get("related-src")
        .map(|url| checked_url(url, "data-related-src"))
        .transpose()?;
    let image_hosts = get("image-hosts")
        .map(|list| {
            ImageHosts::parse(&list).ok_or(ConfigError::Invalid {
                attribute: "data-image-hosts",
                value: list,
                expected: "host names like images.example.com or *.example.com, 'self' or 'none'",
            })
        })
        .transpose()?;
    Ok(WidgetConfig {
        source,
        id,
        related_src,
        lang: lang.map(|l| l.to_ascii_lowercase()),
        country,
        ui_lang: ui_lang.map(|l| l.to_ascii_lowercase()),
        theme: choice(
            get("theme"),
            "data-theme",
            "light, dark or auto",
            Theme::Auto,
            |v| match v {
                "light" => Some(Theme::Light),
                "dark" => Some(Theme::Dark),
                "auto" => Some(Theme::Auto),
                _ => None,
            },
        )?,
        features: Features {
            related: switch(get("related"), "data-related")?,
            reading_time: switch(get("reading-time"), "data-reading-time")?,
            listen: switch(get("listen"), "data-listen")?,
            compare: switch(get("compare"), "data-compare")?,
            share: switch(get("share"), "data-share")?,
        },
        loading: choice(
            get("loading"),
            "data-loading",
            "lazy or eager",
            Loading::Lazy,
            |v| match v {
                "lazy" => Some(Loading::Lazy),
                "eager" => Some(Loading::Eager),
                _ => None,
            },
        )?,
        mode: choice(
            get("mode"),
            "data-mode",
            "inline or iframe",
            Mode::Inline,
            |v| match v {
                "inline" => Some(Mode::Inline),
                "iframe" => Some(Mode::Iframe),
                _ => None,
            },
        )?,
        timeout_secs: choice(
            get("timeout"),
            "data-timeout",
            "seconds from 1 to 120",
            10,
            |v| v.parse().ok().filter(|s| (1..=120).contains(s)),
        )?,
        image_hosts,
    })
}

/// Where a restarted widget picks up: the edition it showed last, as its `render` event told
/// the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resume {
    pub url: String,
    pub lang: String,
    pub country: String,
}

impl WidgetConfig {
    /// This configuration, starting at the edition `at` instead of `data-src`'s. A widget
    /// reading the page's own JSON-LD reads it again; a resume that does not check out (the
    /// page may dispatch events of its own) is ignored.
    pub fn resumed(mut self, at: Resume) -> WidgetConfig {
        let usable = matches!(self.source, ArticleSource::Url(_))
            && is_lang(&at.lang)
            && is_country(&at.country)
            && check_link(&at.url).is_ok();
        if usable {
            self.source = ArticleSource::Url(at.url);
            self.lang = Some(at.lang.to_ascii_lowercase());
            self.country = Some(at.country.to_ascii_uppercase());
        }
        self
    }
}

/// Fills `{lang}`, `{country}` and `{id}` in a `data-src` template.
pub fn fill_template(
    template: &str,
    lang: Option<&str>,
    country: Option<&str>,
    id: Option<&str>,
) -> Result<String, ConfigError> {
    let mut url = template.to_string();
    for (placeholder, attribute, value) in [
        ("lang", "data-lang", lang),
        ("country", "data-country", country),
        ("id", "data-id", id),
    ] {
        let slot = format!("{{{placeholder}}}");
        if url.contains(&slot) {
            let value = value.ok_or(ConfigError::UnfilledPlaceholder {
                placeholder,
                attribute,
            })?;
            url = url.replace(&slot, value);
        }
    }
    Ok(url)
}

fn checked_url(url: String, attribute: &'static str) -> Result<String, ConfigError> {
    match check_link(&url) {
        Ok(()) => Ok(url),
        Err(reason) => {
            let expected = match reason {
                "uses a scheme other than http or https" => "an http(s) or relative URL",
                _ => "a URL without spaces",
            };
            Err(ConfigError::Invalid {
                attribute,
                value: url,
                expected,
            })
        }
    }
}

fn checked(
    value: Option<String>,
    attribute: &'static str,
    expected: &'static str,
    valid: fn(&str) -> bool,
) -> Result<Option<String>, ConfigError> {
    match value {
        Some(v) if !valid(&v) => Err(ConfigError::Invalid {
            attribute,
            value: v,
            expected,
        }),
        other => Ok(other),
    }
}

fn choice<T>(
    value: Option<String>,
    attribute: &'static str,
    expected: &'static str,
    default: T,
    parse: fn(&str) -> Option<T>,
) -> Result<T, ConfigError> {
    match value {
        None => Ok(default),
        Some(v) => parse(&v.to_ascii_lowercase()).ok_or(ConfigError::Invalid {
            attribute,
            value: v,
            expected,
        }),
    }
}

/// An on/off attribute, on unless set otherwise.
fn switch(value: Option<String>, attribute: &'static str) -> Result<bool, ConfigError> {
    choice(value, attribute, "on or off", true, |v| match v {
        "on" | "true" | "yes" => Some(true),
        "off" | "false" | "no" => Some(false),
        _ => None,
    })
}

fn is_lang(value: &str) -> bool {
    (2..=3).contains(&value.len()) && value.bytes().all(|b| b.is_ascii_alphabetic())
}

fn is_country(value: &str) -> bool {
    value.len() == 2 && value.bytes().all(|b| b.is_ascii_alphabetic())
}

fn is_article_id(value: &str) -> bool {
    (1..=200).contains(&value.len())
        && value
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(attrs: &[(&str, &str)], metas: &[(&str, &str)]) -> Result<WidgetConfig, ConfigError> {
        let find = |list: &[(&str, &str)], name: &str| {
            list.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.to_string())
        };
        read_config(|name| find(attrs, name), |name| find(metas, name))
    }

    fn resume(url: &str, lang: &str, country: &str) -> Resume {
        Resume {
            url: url.into(),
            lang: lang.into(),
            country: country.into(),
        }
    }

    #[test]
    fn a_restart_resumes_at_the_edition_last_shown() {
        let config = read(
            &[
                ("src", "/a/{lang}-{country}.json"),
                ("lang", "de"),
                ("country", "MX"),
            ],
            &[],
        )
        .unwrap();
        let resumed =
            config
                .clone()
                .resumed(resume("https://news.example/b/es-mx.json", "es", "mx"));
        assert_eq!(
            resumed.source,
            ArticleSource::Url("https://news.example/b/es-mx.json".into())
        );
        assert_eq!(
            (resumed.lang.as_deref(), resumed.country.as_deref()),
            (Some("es"), Some("MX"))
        );
        assert_eq!(resumed.theme, config.theme);
        // What the page could forge is ignored.
        for bad in [
            resume("javascript:alert(1)", "es", "MX"),
            resume("/b.json", "Spanish", "MX"),
            resume("/b.json", "es", "MEX"),
        ] {
            assert_eq!(config.clone().resumed(bad), config);
        }
        // The page's own JSON-LD is read again.
        let page = read(&[("jsonld", "self")], &[]).unwrap();
        assert_eq!(page.clone().resumed(resume("/b.json", "es", "MX")), page);
    }

    #[test]
    fn each_feature_is_switched_off_by_its_attribute_or_meta() {
        let config = read(
            &[
                ("src", "a.json"),
                ("related", "off"),
                ("listen", "off"),
                ("share", "off"),
            ],
            &[("reading-time", "no"), ("compare", "off")],
        )
        .unwrap();
        assert_eq!(
            config.features,
            Features {
                related: false,
                reading_time: false,
                listen: false,
                compare: false,
                share: false,
            }
        );
        let error = read(&[("src", "a.json"), ("reading-time", "short")], &[]).unwrap_err();
        assert_eq!(error.attribute(), "data-reading-time");
        // Share alone, by the page's meta, and the attribute over it.
        let page_off = read(&[("src", "a.json")], &[("share", "off")]).unwrap();
        assert!(!page_off.features.share && page_off.features.listen);
        let back_on = read(&[("src", "a.json"), ("share", "on")], &[("share", "off")]).unwrap();
        assert!(back_on.features.share);
        let error = read(&[("src", "a.json"), ("share", "never")], &[]).unwrap_err();
        assert_eq!(error.attribute(), "data-share");
    }

    #[test]
    fn defaults_are_lazy_inline_auto_with_related() {
        let config = read(&[("src", "a.json")], &[]).unwrap();
        assert_eq!(config.source, ArticleSource::Url("a.json".into()));
        assert_eq!(
            (config.theme, config.loading, config.mode, config.features),
            (
                Theme::Auto,
                Loading::Lazy,
                Mode::Inline,
                Features {
                    related: true,
                    reading_time: true,
                    listen: true,
                    compare: true,
                    share: true,
                }
            )
        );
    }

    #[test]
    fn attributes_override_page_defaults() {
        let config = read(
            &[("lang", "es"), ("theme", "Dark")],
            &[
                ("src", "/news/{id}/{lang}-{country}.json"),
                ("lang", "de"),
                ("country", "mx"),
                ("id", "a-1"),
            ],
        )
        .unwrap();
        assert_eq!(
            config.source,
            ArticleSource::Url("/news/a-1/es-MX.json".into())
        );
        assert_eq!(config.lang.as_deref(), Some("es"));
        assert_eq!(config.theme, Theme::Dark);
    }

    #[test]
    fn errors_name_the_attribute() {
        let error = read(&[("src", "a.json"), ("theme", "purple")], &[]).unwrap_err();
        assert_eq!(error.attribute(), "data-theme");
        assert_eq!(
            error.to_string(),
            "data-theme=\"purple\" is not valid: expected light, dark or auto"
        );
        assert_eq!(read(&[], &[]).unwrap_err(), ConfigError::MissingSource);
        assert_eq!(
            read(&[("src", "x"), ("loading", "soon")], &[])
                .unwrap_err()
                .attribute(),
            "data-loading"
        );
        assert_eq!(
            read(&[("src", "x"), ("related", "maybe")], &[])
                .unwrap_err()
                .attribute(),
            "data-related"
        );
        assert_eq!(
            read(&[("src", "x"), ("mode", "popup")], &[])
                .unwrap_err()
                .attribute(),
            "data-mode"
        );
        assert_eq!(
            read(&[("src", "x"), ("lang", "German")], &[])
                .unwrap_err()
                .attribute(),
            "data-lang"
        );
        assert_eq!(
            read(&[("src", "x"), ("country", "MEX")], &[])
                .unwrap_err()
                .attribute(),
            "data-country"
        );
        assert_eq!(
            read(&[("src", "x"), ("id", "Bad Id")], &[])
                .unwrap_err()
                .attribute(),
            "data-id"
        );
        assert_eq!(
            read(&[("src", "x"), ("timeout", "0")], &[])
                .unwrap_err()
                .attribute(),
            "data-timeout"
        );
        assert_eq!(
            read(&[("src", "x"), ("timeout", "3")], &[])
                .unwrap()
                .timeout_secs,
            3
        );
    }

    #[test]
    fn the_page_json_ld_needs_no_src_and_a_feed_may_supply_related_news() {
        let config = read(&[("jsonld", "self"), ("related-src", "feed.json")], &[]).unwrap();
        assert_eq!(config.source, ArticleSource::PageJsonLd);
        assert_eq!(config.related_src.as_deref(), Some("feed.json"));
        assert_eq!(
            read(&[("jsonld", "page")], &[]).unwrap_err().attribute(),
            "data-jsonld"
        );
        assert_eq!(
            read(&[("src", "a.json"), ("related-src", "javascript:x")], &[])
                .unwrap_err()
                .attribute(),
            "data-related-src"
        );
    }

    #[test]
    fn image_hosts_come_from_the_attribute_or_the_page_default_and_are_checked() {
        assert_eq!(read(&[("src", "a.json")], &[]).unwrap().image_hosts, None);
        let own = read(
            &[("src", "a.json"), ("image-hosts", "cdn.example")],
            &[("image-hosts", "'none'")],
        )
        .unwrap();
        assert_eq!(own.image_hosts, ImageHosts::parse("cdn.example"));
        let page = read(&[("src", "a.json")], &[("image-hosts", "*.news.example")]).unwrap();
        assert_eq!(page.image_hosts, ImageHosts::parse("*.news.example"));
        let error = read(
            &[("src", "a.json"), ("image-hosts", "http://x.example")],
            &[],
        )
        .unwrap_err();
        assert_eq!(error.attribute(), "data-image-hosts");
        assert_eq!(
            error.to_string(),
            "data-image-hosts=\"http://x.example\" is not valid: expected host names like \
             images.example.com or *.example.com, 'self' or 'none'"
        );
    }

    #[test]
    fn a_template_needs_its_values_and_the_result_must_be_a_safe_url() {
        assert_eq!(
            read(&[("src", "{lang}.json")], &[]).unwrap_err(),
            ConfigError::UnfilledPlaceholder {
                placeholder: "lang",
                attribute: "data-lang"
            }
        );
        assert_eq!(
            read(&[("src", "javascript:alert(1)")], &[])
                .unwrap_err()
                .attribute(),
            "data-src"
        );
    }
}
