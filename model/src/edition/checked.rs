//! The values of format v1 that must pass a check (codes, ids, times, URLs, pixel sizes, the
//! version) and their serde impls: a value that fails its check is refused where it is read,
//! as [`ModelError::Invalid`](super::ModelError::Invalid) at its path.

use std::fmt;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::error::{refuse, Refusal};
use crate::number_text::number_text;
use crate::timestamp::Timestamp;
use crate::url_check::LinkUrl;

macro_rules! checked_string {
    ($(#[$doc:meta])* $name:ident, $check:expr, $what:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(String);

        impl TryFrom<String> for $name {
            type Error = String;
            fn try_from(value: String) -> Result<Self, String> {
                let check: fn(&str) -> bool = $check;
                if check(&value) {
                    Ok($name(value))
                } else {
                    Err(format!(concat!("`{}` is not ", $what), value.chars().take(40).collect::<String>()))
                }
            }
        }

        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl std::ops::Deref for $name {
            type Target = str;
            fn deref(&self) -> &str {
                &self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.0 == *other
            }
        }
    };
}

checked_string!(
    /// A lowercase ISO 639 language code such as `de` or `uk`.
    LangCode,
    |s| (2..=3).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_lowercase()),
    "a lowercase ISO 639 language code like `de`"
);
checked_string!(
    /// An uppercase ISO 3166-1 alpha-2 country code such as `MX`.
    CountryCode,
    |s| s.len() == 2 && s.bytes().all(|b| b.is_ascii_uppercase()),
    "an uppercase ISO 3166-1 country code like `MX`"
);
checked_string!(
    /// The article's id, shared by all its editions.
    ArticleId,
    |s| (1..=200).contains(&s.len())
        && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
    "an article id (1 to 200 of a-z, 0-9 and -)"
);

impl LangCode {
    /// For tests and tables: panics on a bad literal, which is a programming error.
    pub fn new(code: &str) -> Self {
        Self::try_from(code.to_string()).expect("valid language code literal")
    }

    /// [`UNDETERMINED_LANG`]: an edition whose language nothing names.
    pub fn undetermined() -> Self {
        LangCode(UNDETERMINED_LANG.to_string())
    }

    /// True for [`UNDETERMINED_LANG`].
    pub fn is_undetermined(&self) -> bool {
        self.0 == UNDETERMINED_LANG
    }
}

/// The language of an edition whose language is not known: `und`, "undetermined" in BCP 47
/// (from ISO 639-2), valid in HTML's `lang`. The JSON-LD mapping uses it when neither the
/// article, its page nor the placeholder names a language: the widget then keeps its own words
/// in English and offers no language to pick.
pub const UNDETERMINED_LANG: &str = "und";

/// The country of an edition for no particular country: `ZZ`, "unknown region" in Unicode
/// CLDR and a user-assigned code in ISO 3166-1, so never a real country.
pub const NO_COUNTRY: &str = "ZZ";

impl CountryCode {
    /// For tests and tables: panics on a bad literal, which is a programming error.
    pub fn new(code: &str) -> Self {
        Self::try_from(code.to_string()).expect("valid country code literal")
    }

    /// [`NO_COUNTRY`]: an edition for no particular country.
    pub fn none() -> Self {
        CountryCode(NO_COUNTRY.to_string())
    }

    /// True for [`NO_COUNTRY`].
    pub fn is_none(&self) -> bool {
        self.0 == NO_COUNTRY
    }
}

/// Written as their text; read as a string that must pass the type's `TryFrom<String>`.
macro_rules! serde_as_checked_string {
    ($($name:ty),*) => {$(
        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = String::deserialize(deserializer)?;
                <$name>::try_from(text).map_err(|message| refuse(Refusal::Invalid(message)))
            }
        }
    )*};
}

serde_as_checked_string!(LangCode, CountryCode, ArticleId, Timestamp, LinkUrl);

/// The format version: always 1. Written as `1`; read as a number (`1.0` too), and any other
/// version is refused as [`ModelError::UnsupportedVersion`](super::ModelError::UnsupportedVersion).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FormatVersion;

/// The format version this crate reads and writes.
pub const FORMAT_VERSION: u64 = 1;

impl Serialize for FormatVersion {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u64(FORMAT_VERSION)
    }
}

impl<'de> Deserialize<'de> for FormatVersion {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let found = deserializer.deserialize_f64(NumberVisitor("the number 1"))?;
        match found {
            Number::Whole(n) if n == FORMAT_VERSION => Ok(FormatVersion),
            other => Err(refuse(Refusal::UnsupportedVersion(other.text()))),
        }
    }
}

/// An image's width or height: a whole number of pixels (`1280.0` too) that fits in a `u32`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Pixels(pub u32);

impl<'de> Deserialize<'de> for Pixels {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let found = deserializer.deserialize_f64(NumberVisitor("a whole number"))?;
        match found {
            Number::Whole(n) => u32::try_from(n).ok(),
            Number::Other(_) => None,
        }
        .map(Pixels)
        .ok_or_else(|| {
            let message = format!("`{}` is not a whole number of pixels", found.text());
            refuse(Refusal::Invalid(message))
        })
    }
}

/// A JSON number, whichever way the data format hands it over.
#[derive(Debug, Clone, Copy)]
enum Number {
    /// Zero or more, without a fraction.
    Whole(u64),
    Other(f64),
}

impl Number {
    fn text(self) -> String {
        match self {
            Number::Whole(n) => n.to_string(),
            Number::Other(n) => number_text(n),
        }
    }
}

/// Reads a number; anything else is a wrong type, `expected` saying what was wanted.
struct NumberVisitor(&'static str);

impl Visitor<'_> for NumberVisitor {
    type Value = Number;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> Result<Number, E> {
        Ok(Number::Whole(n))
    }

    fn visit_i64<E: de::Error>(self, n: i64) -> Result<Number, E> {
        Ok(u64::try_from(n).map_or(Number::Other(n as f64), Number::Whole))
    }

    fn visit_f64<E: de::Error>(self, n: f64) -> Result<Number, E> {
        // Below 2^64, every f64 without a fraction is exactly a u64.
        let whole = n.fract() == 0.0 && (0.0..18_446_744_073_709_551_616.0).contains(&n);
        Ok(if whole {
            Number::Whole(n as u64)
        } else {
            Number::Other(n)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::de::value::{Error, F64Deserializer, I64Deserializer, StrDeserializer};

    fn pixels_from_f64(n: f64) -> Result<Pixels, Error> {
        Pixels::deserialize(F64Deserializer::<Error>::new(n))
    }

    #[test]
    fn only_whole_numbers_in_range_are_pixels() {
        assert_eq!(pixels_from_f64(1280.0), Ok(Pixels(1280)));
        assert_eq!(pixels_from_f64(4_294_967_295.0), Ok(Pixels(u32::MAX)));
        for bad in [-1.0, 1.5, 4_294_967_296.0, f64::NAN, f64::INFINITY] {
            assert!(pixels_from_f64(bad).is_err(), "{bad}");
        }
        assert!(Pixels::deserialize(I64Deserializer::<Error>::new(-1)).is_err());
        let text = Pixels::deserialize(StrDeserializer::<Error>::new("12")).unwrap_err();
        assert_eq!(
            text.to_string(),
            "invalid type: string \"12\", expected a whole number"
        );
    }

    #[test]
    fn version_1_in_any_spelling_and_no_other() {
        let version = |n: f64| FormatVersion::deserialize(F64Deserializer::<Error>::new(n));
        assert_eq!(version(1.0), Ok(FormatVersion));
        assert_eq!(
            version(1.5).unwrap_err().to_string(),
            "unsupported format version 1.5"
        );
    }
}
