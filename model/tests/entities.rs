//! Character references in JSON-LD text decode as a browser decodes them in HTML text: every
//! named reference of the HTML standard's table, numeric references (astral-plane ones too)
//! with the standard's replacements, and the legacy names a browser accepts without `;`.

use byline_model::{map_jsonld, JsonLdOptions};
use serde_json::json;

/// `(written, as the reader sees it)`.
const REFERENCES: &[(&str, &str)] = &[
    // The six named references decoded before, and names they missed.
    ("&amp;", "&"),
    ("&lt;b&gt;", "<b>"),
    ("&quot;&apos;", "\"'"),
    ("10&nbsp;km", "10\u{a0}km"),
    ("&rsquo;", "\u{2019}"),
    ("&lsquo;&ldquo;&rdquo;", "\u{2018}\u{201c}\u{201d}"),
    ("&eacute;&Eacute;&ntilde;&uuml;&szlig;", "éÉñüß"),
    ("&mdash;&ndash;&hellip;", "—–…"),
    ("&euro;&pound;&yen;", "€£¥"),
    ("&laquo;&raquo;&bdquo;", "«»„"),
    ("&copy;&reg;&trade;", "©®™"),
    ("&times;&divide;&minus;", "×÷−"),
    ("&alpha;&Omega;", "αΩ"),
    // Named references whose characters are outside the Basic Multilingual Plane, or two
    // code points.
    ("&Afr;&Zopf;", "\u{1d504}\u{2124}"),
    ("&bopf;", "\u{1d553}"),
    ("&fjlig;", "fj"),
    ("&NotEqualTilde;", "\u{2242}\u{338}"),
    // Numeric references, decimal and hexadecimal, astral-plane ones included.
    ("&#8217;", "\u{2019}"),
    ("&#x2019;&#X2019;", "\u{2019}\u{2019}"),
    ("&#233;", "é"),
    ("&#128240;", "\u{1f4f0}"),
    ("&#x1F4F0;", "\u{1f4f0}"),
    ("&#x1f1e9;&#x1f1ea;", "\u{1f1e9}\u{1f1ea}"),
    ("&#65536;", "\u{10000}"),
    ("&#x10FFFF;", "\u{10ffff}"),
    ("&#00000065;", "A"),
    // Decoded once: an escaped reference is text.
    ("&amp;lt;", "&lt;"),
    // The standard's replacements: windows-1252 for C1 controls, U+FFFD for null, surrogates
    // and numbers past Unicode.
    ("&#150;", "\u{2013}"),
    ("&#x80;", "€"),
    ("&#146;", "\u{2019}"),
    ("&#0;", "\u{fffd}"),
    ("&#xD800;", "\u{fffd}"),
    ("&#x110000;", "\u{fffd}"),
    // Legacy names without `;`, as browsers read them in text; unknown names stay as written.
    ("Tom &amp Jerry", "Tom & Jerry"),
    ("&copy2025", "©2025"),
    ("&notit;", "¬it;"),
    ("&nosuchname;", "&nosuchname;"),
    ("AT&T", "AT&T"),
    ("a & b", "a & b"),
    ("&#;", "&#;"),
    ("&#x;", "&#x;"),
];

fn article(text: &str) -> serde_json::Value {
    json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": format!("[{text}]"),
        "description": format!("<p>[{text}]</p>"),
        "articleBody": format!("<p>[{text}]</p><p>second</p>"),
        "datePublished": "2025-07-04T10:00:00Z",
        "inLanguage": "en-GB",
        "publisher": { "@type": "Organization", "name": "Example &amp; Co" },
        "url": "https://news.example/a"
    })
}

#[test]
fn every_reference_in_the_table_decodes_in_headline_standfirst_and_body() {
    for (written, expected) in REFERENCES {
        let mapped = map_jsonld(&article(written), &JsonLdOptions::default())
            .unwrap_or_else(|err| panic!("{written}: {err}"));
        let e = &mapped.edition;
        let shown = format!("[{expected}]");
        assert_eq!(e.headline, shown, "headline: {written}");
        assert_eq!(
            e.standfirst.as_deref(),
            Some(shown.as_str()),
            "description: {written}"
        );
        match &e.body[0] {
            byline_model::Block::Paragraph { content, .. } => assert_eq!(
                content,
                &[byline_model::Inline::Plain(shown.clone())],
                "articleBody: {written}"
            ),
            other => panic!("{written}: first block {other:?}"),
        }
        assert_eq!(e.source.name, "Example & Co");
    }
}

#[test]
fn decoded_text_never_becomes_markup_or_joins_across_tags() {
    let mapped = map_jsonld(
        &article("&lt;script&gt;alert(1)&lt;/script&gt; &am<b></b>p;"),
        &JsonLdOptions::default(),
    )
    .unwrap();
    // An escaped tag is text, and a reference split by a tag is not one.
    assert_eq!(mapped.edition.headline, "[<script>alert(1)</script> &amp;]");
}
