//! `data-image-hosts`: the hosts article images may come from, written like a CSP `img-src`
//! list. Images from any other host are left out before anything requests them.
//!
//! The list is space-separated; each entry is one of
//! - `images.example.com`: that host only;
//! - `*.example.com`: any host under `example.com` (not `example.com` itself, as in CSP);
//! - either of those with `:port`; without one, only the default port (443);
//! - `'self'`: the host page's own host and port;
//! - `'none'`, alone: no article images at all.
//!
//! A leading `https://` and a trailing `/` are accepted (so a CSP list can be copied); paths,
//! other schemes, `*` alone, single-label names (`self` without its quotes) and non-ASCII
//! names (write their `xn--` form) are not.

/// A checked `data-image-hosts` list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageHosts(Vec<HostSource>);

#[derive(Debug, Clone, PartialEq, Eq)]
enum HostSource {
    /// The host page's host and port.
    Page,
    Host {
        /// Lowercase ASCII, with `:port` unless it is the default: as a URL's `host` reads.
        host: String,
        /// `*.host`: hosts under it, not itself.
        under: bool,
    },
}

impl ImageHosts {
    /// Reads a list; `None` when an entry is not one of the forms above.
    pub fn parse(list: &str) -> Option<Self> {
        if list.trim().eq_ignore_ascii_case("'none'") {
            return Some(ImageHosts(Vec::new()));
        }
        let mut sources = Vec::new();
        for entry in list.split_whitespace() {
            sources.push(parse_entry(entry)?);
        }
        (!sources.is_empty()).then_some(ImageHosts(sources))
    }

    /// Whether an image may load from `host` (a URL's `host`: lowercase, with a port unless
    /// the default) on a page whose URL's `host` is `page_host`.
    pub fn allows(&self, host: &str, page_host: &str) -> bool {
        self.0.iter().any(|source| match source {
            HostSource::Page => host == page_host,
            HostSource::Host {
                host: listed,
                under,
            } => match host.strip_suffix(listed.as_str()) {
                Some("") => !under,
                // A whole label more: "a." before "cdn.example", with no port in between.
                Some(prefix) => *under && prefix.len() > 1 && prefix.ends_with('.'),
                None => false,
            },
        })
    }
}

fn parse_entry(entry: &str) -> Option<HostSource> {
    if entry.eq_ignore_ascii_case("'self'") {
        return Some(HostSource::Page);
    }
    let entry = entry.to_ascii_lowercase();
    let entry = entry.strip_prefix("https://").unwrap_or(&entry);
    let entry = entry.strip_suffix('/').unwrap_or(entry);
    let entry = entry.strip_suffix(":443").unwrap_or(entry);
    let (name, port) = entry.split_once(':').unwrap_or((entry, "1"));
    let (name, under) = match name.strip_prefix("*.") {
        Some(name) => (name, true),
        None => (name, false),
    };
    // A port as a URL writes it; at least two labels (a bare `self` or `none` is a forgotten
    // pair of quotes).
    let valid = (1..=5).contains(&port.len())
        && !port.starts_with('0')
        && port.bytes().all(|b| b.is_ascii_digit())
        && name.contains('.')
        && name.split('.').all(|label| {
            (1..=63).contains(&label.len())
                && label
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        });
    let host = entry.strip_prefix("*.").unwrap_or(entry);
    valid.then(|| HostSource::Host {
        host: host.to_string(),
        under,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn allows(list: &str, host: &str) -> bool {
        ImageHosts::parse(list)
            .unwrap()
            .allows(host, "news.example")
    }

    #[test]
    fn a_listed_host_is_allowed_and_others_are_not() {
        let list = "images.example.com cdn.example";
        assert!(allows(list, "images.example.com"));
        assert!(allows(list, "cdn.example"));
        assert!(!allows(list, "tracker.example"));
        assert!(!allows(list, "evil-images.example.com"));
        assert!(!allows(list, "images.example.com.evil.example"));
        assert!(!allows(list, "sub.images.example.com"));
    }

    #[test]
    fn a_wildcard_allows_hosts_under_a_name_but_not_the_name_itself() {
        let list = "*.example.com";
        assert!(allows(list, "images.example.com"));
        assert!(allows(list, "a.b.example.com"));
        assert!(!allows(list, "example.com"));
        assert!(!allows(list, "badexample.com"));
        assert!(!allows(list, ".example.com"));
    }

    #[test]
    fn without_a_port_only_the_default_port_is_allowed() {
        assert!(!allows("cdn.example", "cdn.example:8443"));
        assert!(allows("cdn.example:8443", "cdn.example:8443"));
        assert!(!allows("cdn.example:8443", "cdn.example"));
        assert!(!allows("cdn.example:8443", "cdn.example:9443"));
        assert!(allows("cdn.example:443", "cdn.example"));
        assert!(!allows("*.cdn.example", "a.cdn.example:8443"));
        assert!(allows("*.cdn.example:8443", "a.cdn.example:8443"));
        assert!(!allows("*.cdn.example:8443", "a.cdn.example"));
    }

    #[test]
    fn self_is_the_host_page_and_none_allows_nothing() {
        let hosts = ImageHosts::parse("'self'").unwrap();
        assert!(hosts.allows("news.example", "news.example"));
        assert!(!hosts.allows("news.example:8080", "news.example"));
        assert!(!hosts.allows("cdn.example", "news.example"));
        assert!(hosts.allows("127.0.0.1:8080", "127.0.0.1:8080"));
        let none = ImageHosts::parse("'none'").unwrap();
        assert!(!none.allows("news.example", "news.example"));
        assert!(!none.allows("cdn.example", "news.example"));
    }

    #[test]
    fn entries_are_case_insensitive_and_may_be_copied_from_a_csp() {
        let list = "  HTTPS://Images.Example.com/\t'SELF'\n*.CDN.example  ";
        assert!(allows(list, "images.example.com"));
        assert!(allows(list, "news.example"));
        assert!(allows(list, "a.cdn.example"));
    }

    #[test]
    fn malformed_lists_are_refused() {
        for bad in [
            "",
            "   ",
            "*",
            "http://cdn.example",
            "cdn.example/images",
            "cdn.example:http",
            "cdn.example:123456",
            "cdn.example:0080",
            "cdn.example:*",
            "cdn.example:",
            "cdn..example",
            "*.",
            "a.*.example",
            "bücher.example",
            "[::1]",
            "user@cdn.example",
            "'none' cdn.example",
            "self",
            "none",
            "localhost",
            "'unsafe-inline'",
            "cdn.example,images.example",
        ] {
            assert_eq!(ImageHosts::parse(bad), None, "{bad:?}");
        }
        assert!(ImageHosts::parse("xn--bcher-kva.example 127.0.0.1:8080").is_some());
    }
}
