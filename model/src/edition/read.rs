//! Reading an edition: the entry points, and the field readers the derived impls use where a
//! data format's defaults would read differently from another's.

use std::marker::PhantomData;

use serde::de::value::MapAccessDeserializer;
use serde::de::{MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};

use super::error::{deserialize, too_deep};
use super::{validate, Edition, FormatVersion, ModelError};

/// Reads and validates one edition document from `document`, a data format's deserializer
/// for it: `|| &value` for a `serde_json::Value`, `|| serde_wasm_bindgen::Deserializer::from(
/// value.clone())` for a `JsValue`. It is called twice: `version` is read first, so a
/// document from a future format gets [`ModelError::UnsupportedVersion`] instead of a
/// complaint about some field that format renamed; then the edition, then the rules that span
/// fields. Anything wrong comes back as a [`ModelError`] naming the field.
pub fn read_edition<'de, D: Deserializer<'de>>(
    document: impl Fn() -> D,
) -> Result<Edition, ModelError> {
    read(document, Published::Required)
}

/// [`read_edition`] for an edition the formats module mapped from JSON-LD (and handed over
/// through serde-wasm-bindgen): every rule of format v1 but one, `published` may be absent,
/// because a JSON-LD article may have no date at all and is then shown without one. Byline
/// documents are never read with this: the format keeps `published` required.
pub fn read_mapped_edition<'de, D: Deserializer<'de>>(
    document: impl Fn() -> D,
) -> Result<Edition, ModelError> {
    read(document, Published::Optional)
}

/// Whether an edition without `published` is an error.
#[derive(PartialEq)]
enum Published {
    Required,
    Optional,
}

fn read<'de, D: Deserializer<'de>>(
    document: impl Fn() -> D,
    published: Published,
) -> Result<Edition, ModelError> {
    deserialize::<Object<VersionOnly>, _>(document())?;
    let Object::<Edition>(edition) = deserialize(document())?;
    // Where serde would have reported it, had the field not been an `Option`: before the
    // rules that span fields. `"published": null` is absent too, as for every optional field.
    if published == Published::Required && edition.published.is_none() {
        return Err(ModelError::MissingField {
            path: "published".into(),
        });
    }
    validate(&edition)?;
    Ok(edition)
}

/// Most arrays and objects a document may nest in one another: serde_json's limit, so the
/// validator, the formats module and the widget (whose `JSON.parse` has none) agree.
pub const MAX_NESTING: usize = 127;

/// Refuses JSON text that nests arrays and objects deeper than [`MAX_NESTING`], as a
/// [`ModelError::Syntax`] at the bracket too many; other text passes, valid JSON or not.
pub fn check_nesting(text: &str) -> Result<(), ModelError> {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for (at, byte) in text.bytes().enumerate() {
        if in_string {
            match byte {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Err(too_deep(text, at));
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

/// [`read_edition`] from JSON text. A member given twice keeps its last value.
#[cfg(feature = "json")]
pub fn parse_edition(json: &str) -> Result<Edition, ModelError> {
    let document: serde_json::Value = serde_json::from_str(json)?;
    read_edition(|| &document)
}

/// The first thing read of a document.
#[derive(Deserialize)]
struct VersionOnly {
    #[serde(rename = "version")]
    _version: FormatVersion,
}

// Data formats differ in what they take for a struct or a list: serde_json's `Value` reads a
// struct from an array too, serde-wasm-bindgen any JavaScript object (arrays are objects) and
// a list from any iterable (given a string or a number, it fails with a JavaScript
// `TypeError` that does not say what it found). Read through `deserialize_any`, an object is
// a map and a list an array, whatever the format, and other values are a wrong type.

/// A `T` read from a map only. The map is handed on as it is, so errors inside it keep their
/// path.
pub(super) struct Object<T>(pub T);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Object<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ObjectVisitor<T>(PhantomData<T>);

        impl<'de, T: Deserialize<'de>> Visitor<'de> for ObjectVisitor<T> {
            type Value = Object<T>;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a map")
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Object<T>, A::Error> {
                T::deserialize(MapAccessDeserializer::new(map)).map(Object)
            }
        }

        deserializer.deserialize_any(ObjectVisitor(PhantomData))
    }
}

/// A list read from an array only.
pub(super) struct List<T>(pub Vec<T>);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for List<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ListVisitor<T>(PhantomData<T>);

        impl<'de, T: Deserialize<'de>> Visitor<'de> for ListVisitor<T> {
            type Value = List<T>;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a sequence")
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<List<T>, A::Error> {
                let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1024));
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(List(items))
            }
        }

        deserializer.deserialize_any(ListVisitor(PhantomData))
    }
}

/// A struct field read as an [`Object`].
pub(super) fn object<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Object::deserialize(deserializer).map(|Object(value)| value)
}

/// A required list field.
pub(super) fn list<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    List::deserialize(deserializer).map(|List(items)| items)
}

/// A required list of objects.
pub(super) fn object_list<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    let List(items) = List::<Object<T>>::deserialize(deserializer)?;
    Ok(items.into_iter().map(|Object(item)| item).collect())
}

/// An optional list: absent (with `#[serde(default)]`) or `null` is empty.
pub(super) fn optional_list<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    let items = Option::<List<T>>::deserialize(deserializer)?;
    Ok(items.map_or_else(Vec::new, |List(items)| items))
}

/// An optional list of objects: absent (with `#[serde(default)]`) or `null` is empty.
pub(super) fn optional_object_list<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    let items = Option::<List<Object<T>>>::deserialize(deserializer)?;
    Ok(items.map_or_else(Vec::new, |List(items)| {
        items.into_iter().map(|Object(item)| item).collect()
    }))
}

/// An optional field with a default: absent (with `#[serde(default)]`) or `null` is the
/// default.
pub(super) fn null_as_default<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Ok(Option::<T>::deserialize(deserializer)?.unwrap_or_default())
}

pub(super) fn is_false(value: &bool) -> bool {
    !*value
}
