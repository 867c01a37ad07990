//! Which responses are worth reading, judged by their `Content-Type` before the body is read:
//! what is clearly something else (an HTML error page where an edition was asked for, a
//! captive portal, an image) is refused. A missing or generic type is given the benefit of
//! the doubt (many static hosts serve `.json` as text/plain, feeds as anything).

/// What a request asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    /// A Byline edition or a JSON-LD document.
    Json,
    /// A related-news feed: JSON Feed, RSS or Atom.
    Feed,
    /// An edition's HTML page, for its JSON-LD.
    Page,
}

/// `Err` with the type's essence (`text/html`) when a response of `content_type` is not what
/// `expected` asks for.
pub fn check_content_type(expected: Expected, content_type: Option<&str>) -> Result<(), String> {
    let essence = content_type
        .unwrap_or("")
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    let generic = matches!(
        essence.as_str(),
        "" | "text/plain" | "application/octet-stream"
    );
    let json =
        essence == "application/json" || essence.ends_with("+json") || essence == "text/json";
    let xml =
        matches!(essence.as_str(), "application/xml" | "text/xml") || essence.ends_with("+xml");
    let html = essence == "text/html" || essence == "application/xhtml+xml";
    let fits = generic
        || match expected {
            Expected::Json => json,
            Expected::Feed => json || xml,
            Expected::Page => html,
        };
    if fits {
        Ok(())
    } else {
        Err(essence)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_request_takes_its_types() {
        let ok = |expected, t| check_content_type(expected, t).is_ok();
        for t in [
            None,
            Some("application/json; charset=utf-8"),
            Some("application/ld+json"),
            Some("text/plain"),
        ] {
            assert!(ok(Expected::Json, t), "{t:?}");
            assert!(ok(Expected::Feed, t), "{t:?}");
        }
        for t in [
            "application/rss+xml",
            "application/atom+xml",
            "text/xml",
            "application/xml; charset=UTF-8",
            "application/feed+json",
        ] {
            assert!(ok(Expected::Feed, Some(t)), "{t}");
        }
        assert_eq!(
            check_content_type(Expected::Json, Some("Text/HTML; charset=utf-8")),
            Err("text/html".into())
        );
        assert!(!ok(Expected::Json, Some("application/rss+xml")));
        assert!(!ok(Expected::Feed, Some("text/html")));
        assert!(ok(Expected::Page, Some("text/html; charset=utf-8")));
        assert!(ok(Expected::Page, Some("application/xhtml+xml")));
        assert!(!ok(Expected::Page, Some("image/png")));
        assert!(!ok(Expected::Page, Some("application/json")));
    }
}
