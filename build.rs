//! Build script: the widget's stylesheet without comments and layout whitespace (it is
//! compiled into the wasm, so every byte is downloaded), and a smaller wasm stack.

use std::{env, fs, path::Path};

const STACK_BYTES: u32 = 256 * 1024;

fn main() {
    println!("cargo:rerun-if-changed=style/byline.css");
    let css = fs::read_to_string("style/byline.css").expect("style/byline.css is readable");
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("byline.min.css");
    fs::write(out, minify_css(&css)).expect("OUT_DIR is writable");

    // Rust's default wasm stack is 1 MiB, in every instance's linear memory; the widget's
    // deepest recursion (the sanitizer, bounded by MAX_DEPTH) needs a small part of that.
    if env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo:rustc-link-arg-cdylib=-zstack-size={STACK_BYTES}");
    }
}

/// Drops comments, collapses whitespace and removes it around `{`, `}`, `;` and `,`, where
/// CSS never needs it. Strings and everything else are kept as written.
fn minify_css(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut quote: Option<char> = None;
    let mut pending_space = false;
    while let Some(c) = chars.next() {
        if let Some(q) = quote {
            out.push(c);
            if c == q {
                quote = None;
            }
            continue;
        }
        if c == '/' && chars.peek() == Some(&'*') {
            chars.next();
            let mut previous = ' ';
            for c in chars.by_ref() {
                if previous == '*' && c == '/' {
                    break;
                }
                previous = c;
            }
            pending_space = true;
            continue;
        }
        if c.is_whitespace() {
            pending_space = true;
            continue;
        }
        const TIGHT: &[char] = &['{', '}', ';', ','];
        if pending_space && !out.is_empty() && !TIGHT.contains(&c) && !out.ends_with(TIGHT) {
            out.push(' ');
        }
        pending_space = false;
        if c == '"' || c == '\'' {
            quote = Some(c);
        }
        out.push(c);
    }
    out
}
