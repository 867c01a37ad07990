//! The browser's `Intl`: names of languages and countries, dates. Free in size, and better
//! maintained than any table we could ship.
//!
//! Building a formatter is the expensive part (locale data: tens of milliseconds on a slow
//! phone), so each one is built once per page and kept.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Intl, js_name = DisplayNames)]
    type DisplayNames;

    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "DisplayNames", catch)]
    fn new(locales: &str, options: &JsValue) -> Result<DisplayNames, JsValue>;

    #[wasm_bindgen(method, catch)]
    fn of(this: &DisplayNames, code: &str) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(js_namespace = Intl, js_name = DateTimeFormat)]
    type DateTimeFormat;

    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "DateTimeFormat", catch)]
    fn new(locales: &str, options: &JsValue) -> Result<DateTimeFormat, JsValue>;

    #[wasm_bindgen(method, catch)]
    fn format(this: &DateTimeFormat, unix_millis: f64) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(js_namespace = Intl, js_name = RelativeTimeFormat)]
    type RelativeTimeFormat;

    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "RelativeTimeFormat", catch)]
    fn new(locales: &str, options: &JsValue) -> Result<RelativeTimeFormat, JsValue>;

    #[wasm_bindgen(method, catch)]
    fn format(this: &RelativeTimeFormat, value: f64, unit: &str) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(js_namespace = Intl, js_name = NumberFormat)]
    type NumberFormat;

    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "NumberFormat", catch)]
    fn new(locales: &str, options: &JsValue) -> Result<NumberFormat, JsValue>;

    #[wasm_bindgen(method, catch)]
    fn format(this: &NumberFormat, value: f64) -> Result<JsValue, JsValue>;
}

thread_local! {
    /// Formatters built so far, by kind and locale ("region de", "date de-MX").
    static FORMATTERS: RefCell<Vec<(String, JsValue)>> = const { RefCell::new(Vec::new()) };
}

/// The `kind` formatter for `locale`, built by `build` with `options` (pairs of option and
/// value) the first time.
fn formatter<T: JsCast>(
    kind: &str,
    locale: &str,
    options: &[(&str, &str)],
    build: fn(&str, &JsValue) -> Result<T, JsValue>,
) -> Option<T> {
    let key = [kind, " ", locale].concat();
    let kept = FORMATTERS.with(|kept| {
        let kept = kept.borrow();
        kept.iter().find(|(k, _)| *k == key).map(|(_, f)| f.clone())
    });
    if let Some(kept) = kept {
        return Some(kept.unchecked_into());
    }
    let object = js_sys::Object::new();
    for (name, value) in options {
        js_sys::Reflect::set(&object, &(*name).into(), &(*value).into()).ok()?;
    }
    let built = build(locale, &object).ok()?;
    let value: &JsValue = built.as_ref();
    FORMATTERS.with(|kept| kept.borrow_mut().push((key, value.clone())));
    Some(built)
}

fn display_name(kind: &str, code: &str, in_lang: &str) -> Option<String> {
    let names = formatter(kind, in_lang, &[("type", kind)], DisplayNames::new)?;
    names.of(code).ok()?.as_string()
}

/// A language's name in `in_lang` ("Spanisch" for `es` in German), or the code.
pub fn language_name(code: &str, in_lang: &str) -> String {
    display_name("language", code, in_lang).unwrap_or_else(|| code.to_string())
}

/// A country's name in `in_lang` ("Mexiko" for `MX` in German), or the code.
pub fn country_name(code: &str, in_lang: &str) -> String {
    display_name("region", code, in_lang).unwrap_or_else(|| code.to_string())
}

/// A date and time for readers of `lang` in `country`, in the reader's time zone (for `lang`
/// alone when the browser knows no such locale; as ISO 8601 when it knows neither).
pub fn format_date_time(unix_millis: i64, lang: &str, country: &str) -> String {
    let options = [("dateStyle", "long"), ("timeStyle", "short")];
    [[lang, "-", country].concat(), lang.to_string()]
        .iter()
        .find_map(|locale| {
            let formatter = formatter("date", locale, &options, DateTimeFormat::new)?;
            formatter.format(unix_millis as f64).ok()?.as_string()
        })
        .unwrap_or_else(|| {
            let date = js_sys::Date::new(&JsValue::from_f64(unix_millis as f64));
            date.to_iso_string().into()
        })
}

/// "vor 2 Stunden" for a recent time, else the date and time.
pub fn format_recent(unix_millis: i64, lang: &str, country: &str) -> String {
    let now = js_sys::Date::now() as i64;
    let Some((value, unit)) = byline_model::timestamp::relative_to(now, unix_millis) else {
        return format_date_time(unix_millis, lang, country);
    };
    let options = [("numeric", "auto")];
    formatter("relative", lang, &options, RelativeTimeFormat::new)
        .and_then(|f| f.format(value as f64, unit.as_str()).ok()?.as_string())
        .unwrap_or_else(|| format_date_time(unix_millis, lang, country))
}

/// "2 Minuten" for readers of `lang`: the plural is the browser's (`Intl.NumberFormat` with
/// the unit `minute`).
pub fn format_minutes(minutes: u32, lang: &str) -> String {
    let options = [
        ("style", "unit"),
        ("unit", "minute"),
        ("unitDisplay", "long"),
    ];
    formatter("minutes", lang, &options, NumberFormat::new)
        .and_then(|f| f.format(minutes.into()).ok()?.as_string())
        .unwrap_or_else(|| format!("{minutes} min"))
}
