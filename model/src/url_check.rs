//! URLs from article data: only `http:`/`https:` or relative references get through.

/// A URL from article data that is safe to put in `href` or `src`: absolute `http(s)` or relative.
/// Relative URLs are resolved against the edition document's URL by the widget.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct LinkUrl(String);

impl LinkUrl {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for LinkUrl {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for LinkUrl {
    type Error = String;
    fn try_from(text: String) -> Result<Self, String> {
        match check_link(&text) {
            Ok(()) => Ok(LinkUrl(text)),
            Err(why) => Err(format!(
                "`{}` {why}",
                text.chars().take(60).collect::<String>()
            )),
        }
    }
}

/// Why a URL is refused, or `Ok` when it is absolute http(s) or a relative reference.
pub fn check_link(text: &str) -> Result<(), &'static str> {
    if text.is_empty() {
        return Err("is empty");
    }
    // Browsers drop tabs and newlines inside URLs ("java\tscript:"), so refuse any control
    // character or space rather than guess how the browser will read it.
    if text.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return Err("contains spaces or control characters");
    }
    match scheme(text) {
        None => Ok(()),
        Some(s) if s.eq_ignore_ascii_case("http") || s.eq_ignore_ascii_case("https") => Ok(()),
        Some(_) => Err("uses a scheme other than http or https"),
    }
}

/// True for an absolute `http(s)` URL with a host (`https://news.example/a`), the kind that
/// means the same on any page; false for a relative reference.
pub fn is_absolute(text: &str) -> bool {
    ["http://", "https://"].iter().any(|prefix| {
        let host = text.as_bytes().get(prefix.len());
        text.get(..prefix.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(prefix))
            && !matches!(host, None | Some(b'/' | b'?' | b'#'))
    })
}

/// The URL's scheme, if it has one: the part before the first `:` when that comes before any
/// `/`, `?` or `#` (the rule browsers use).
fn scheme(text: &str) -> Option<&str> {
    let colon = text.find(':')?;
    let before = &text[..colon];
    if before.contains(['/', '?', '#']) {
        return None;
    }
    Some(before)
}

#[cfg(test)]
mod tests {
    use super::{check_link, is_absolute};

    #[test]
    fn accepts_http_https_and_relative() {
        for good in [
            "https://expansion.mx/mundo",
            "HTTP://example.com",
            "de-MX.json",
            "../img/logo.svg",
            "/data/a.json?x=1:2",
            "#top",
        ] {
            assert_eq!(check_link(good), Ok(()), "{good}");
        }
    }

    #[test]
    fn absolute_means_http_or_https_with_a_host() {
        for absolute in [
            "https://news.example/a",
            "HTTP://news.example",
            "https://x.example?q",
        ] {
            assert!(is_absolute(absolute), "{absolute}");
        }
        for relative in [
            "/de/article",
            "article.html",
            "//news.example/a",
            "https:/a",
            "https:///a",
            "https://",
            "https:news.example",
            "ftp://news.example/a",
            "",
        ] {
            assert!(!is_absolute(relative), "{relative}");
        }
    }

    #[test]
    fn refuses_other_schemes_in_any_spelling() {
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "java\tscript:alert(1)",
            " javascript:alert(1)",
            "data:text/html,<script>",
            "vbscript:x",
            "\u{0}javascript:x",
            "",
        ] {
            assert!(check_link(bad).is_err(), "{bad:?}");
        }
    }
}
