//! The browser's `Intl`: names of languages and countries, dates. Free in size, and better
//! maintained than any table we could ship.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Intl, js_name = DisplayNames)]
    type DisplayNames;

    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "DisplayNames", catch)]
    fn new(locales: &str, options: &JsValue) -> Result<DisplayNames, JsValue>;

    #[wasm_bindgen(method, catch)]
    fn of(this: &DisplayNames, code: &str) -> Result<JsValue, JsValue>;
}

fn display_name(kind: &str, code: &str, in_lang: &str) -> Option<String> {
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"type".into(), &kind.into()).ok()?;
    let names = DisplayNames::new(in_lang, &options).ok()?;
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

/// A date and time for readers of `lang` in `country`, in the reader's time zone.
pub fn format_date_time(unix_millis: i64, lang: &str, country: &str) -> String {
    let date = js_sys::Date::new(&JsValue::from_f64(unix_millis as f64));
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"long".into());
    let _ = js_sys::Reflect::set(&options, &"timeStyle".into(), &"short".into());
    date.to_locale_string(&format!("{lang}-{country}"), &options)
        .into()
}

/// "vor 2 Stunden" for a recent time, else the date and time.
pub fn format_recent(unix_millis: i64, lang: &str, country: &str) -> String {
    let now = js_sys::Date::now() as i64;
    let Some((value, unit)) = byline_model::timestamp::relative_to(now, unix_millis) else {
        return format_date_time(unix_millis, lang, country);
    };
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"numeric".into(), &"auto".into());
    let locales = js_sys::Array::of1(&lang.into());
    let formatter = js_sys::Intl::RelativeTimeFormat::new(&locales, &options);
    formatter.format(value as f64, unit.as_str()).into()
}

/// True when the reader asked for less motion.
pub fn prefers_reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| {
            w.match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .is_some_and(|query| query.matches())
}
