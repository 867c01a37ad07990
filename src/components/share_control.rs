use std::cell::Cell;
use std::rc::Rc;

use byline_model::i18n;
use byline_model::state::ShownEdition;
use byline_model::typography::smarten_quotes;
use leptos::html::Input;
use leptos::prelude::*;
use leptos::task::{spawn_local, tick};
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Navigator, ShareData};

use super::markup::el;
use crate::api::{sleep, ResolveLinks};
use crate::store::WidgetStore;

const BUTTON: &str = "byline-share__button";
const STATUS: &str = "byline-share__status";
const MANUAL: &str = "byline-share__manual";
/// How long "Link copied" stays, in milliseconds: the stylesheet fades it out over the last
/// 0.6 s (not with reduced motion).
const SHOWN_MS: u32 = 5600;

/// Shares the edition: its own page (`url`), else the original article (`source.url`), with
/// the headline as the title. Where the browser has the Web Share API, its share sheet opens;
/// elsewhere, or when the browser will not share, the link is copied to the clipboard and
/// "Link copied" shows next to the button, announced by a polite live region; when the
/// clipboard is refused too, the link shows selected, to copy by hand. Each outcome is a
/// `share` event for the page. Nothing is requested or loaded: no third party.
#[component]
pub fn ShareControl(store: WidgetStore, shown: ShownEdition, ui: String) -> impl IntoView {
    let edition = &shown.edition;
    let url = shown.resolve(edition.share_url())?;
    let title = smarten_quotes(&edition.headline, &edition.lang).into_owned();
    let labels = i18n::labels(&ui);
    // Boolean signals, as the rest of the widget has: their code exists once.
    let (copied, set_copied) = signal(false);
    let (by_hand, set_by_hand) = signal(false);
    let field = NodeRef::<Input>::new();
    // Each click is a new round; what an earlier one answers late is dropped.
    let round = Rc::new(Cell::new(0u32));
    let link = url.clone();
    let on_click = move |_| {
        round.set(round.get().wrapping_add(1));
        let (this_round, round) = (round.get(), round.clone());
        let (url, title) = (link.clone(), title.clone());
        set_copied.set(false);
        set_by_hand.set(false);
        spawn_local(async move {
            let navigator = window().navigator();
            if has_method(&navigator, "share") {
                let data = ShareData::new();
                data.set_title(&title);
                data.set_url(&url);
                match JsFuture::from(navigator.share_with_data(&data)).await {
                    Ok(_) => return emit(store, "share", &url, None),
                    // The reader closed the share sheet.
                    Err(error) if error_name(&error).as_deref() == Some("AbortError") => {
                        return emit(store, "share", &url, Some("cancelled"))
                    }
                    // Not allowed here (a frame without `web-share`), or nothing to share
                    // with: the link is copied instead.
                    Err(_) => {}
                }
            }
            let copied = copy(&navigator, &url).await;
            let current = || round.get() == this_round;
            if !current() {
                return;
            }
            if !copied {
                if set_by_hand.try_set(true).is_some() {
                    return; // the widget is gone
                }
                emit(store, "clipboard", &url, Some("failed"));
                tick().await;
                if let Some(field) = field.try_get_untracked().flatten() {
                    let _ = field.focus();
                    field.select();
                }
                return;
            }
            if set_copied.try_set(true).is_some() {
                return;
            }
            emit(store, "clipboard", &url, None);
            sleep(SHOWN_MS).await;
            if current() {
                set_copied.try_set(false);
            }
        });
    };
    let button = view! {
        <button type="button" class=BUTTON on:click=on_click>{labels.share}</button>
    };
    // In the page from the start, empty: a live region announces what then appears. The
    // stylesheet fades it out before it is emptied.
    let status = el("span", STATUS)
        .attr("role", "status")
        .attr("aria-live", "polite")
        .child((move || copied.get().then_some(labels.link_copied)).into_any());
    let by_hand = move || {
        by_hand.get().then(|| {
            el("label", MANUAL)
                .text(labels.copy_this_link)
                .text(" ")
                .child(
                    view! { <input class="byline-share__url" node_ref=field type="text" readonly dir="ltr" value=url.clone()/> }
                        .into_any(),
                )
                .into_view()
        })
    };
    Some(
        el("div", "byline-share")
            .child(button.into_any())
            .kid(status)
            .child(by_hand.into_any())
            .into_view(),
    )
}

/// Writes `url` to the clipboard; false when there is no Clipboard API (insecure pages) or
/// the browser refuses.
async fn copy(navigator: &Navigator, url: &str) -> bool {
    let clipboard = js_sys::Reflect::get(navigator, &"clipboard".into()).unwrap_or_default();
    if !has_method(&clipboard, "writeText") {
        return false;
    }
    JsFuture::from(navigator.clipboard().write_text(url))
        .await
        .is_ok()
}

/// Tells the page: `share` with how (`method`: `share` or `clipboard`) and the URL, and
/// `cancelled: true` or `failed: true` when so.
fn emit(store: WidgetStore, method: &'static str, url: &str, flag: Option<&'static str>) {
    let mut fields = vec![("method", method.into()), ("url", url.into())];
    if let Some(flag) = flag {
        fields.push((flag, true.into()));
    }
    store.emit("share", fields);
}

/// Whether `object` has a method `name`. The Web Share API is missing from many browsers and
/// the Clipboard API from insecure pages, and web-sys's bindings assume they are there (the
/// call would throw through the wasm): they are looked up first.
fn has_method(object: &JsValue, name: &str) -> bool {
    js_sys::Reflect::get(object, &name.into()).is_ok_and(|method| method.is_function())
}

/// The `name` of a rejection (a `DOMException`: `AbortError`, `NotAllowedError`, …).
fn error_name(error: &JsValue) -> Option<String> {
    js_sys::Reflect::get(error, &"name".into())
        .ok()?
        .as_string()
}
