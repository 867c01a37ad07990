//! Numbers as text without Rust's float formatting.

/// A JSON number as text, for messages and JSON Feed ids: whole numbers below 10^19 exactly,
/// others to six decimals (and large ones as `1.5e+20`). Rust's own float formatting would
/// add some 18 kB to the widget's wasm for these few uses.
pub fn number_text(n: f64) -> String {
    if n.is_nan() {
        return "NaN".into();
    }
    let sign = if n < 0.0 { "-" } else { "" };
    let (mut magnitude, mut exponent) = (n.abs(), 0);
    if magnitude.is_infinite() {
        return format!("{sign}Infinity");
    }
    if magnitude.fract() == 0.0 && magnitude < 1e19 {
        return format!("{sign}{}", magnitude as u64);
    }
    // Six decimals must fit in a u64.
    if magnitude >= 1e13 {
        while magnitude >= 10.0 {
            magnitude /= 10.0;
            exponent += 1;
        }
    }
    let millionths = (magnitude * 1e6).round() as u64;
    let mut text = format!("{sign}{}", millionths / 1_000_000);
    let fraction = format!("{:06}", millionths % 1_000_000);
    let fraction = fraction.trim_end_matches('0');
    if !fraction.is_empty() {
        text = format!("{text}.{fraction}");
    }
    if exponent > 0 {
        text = format!("{text}e+{exponent}");
    }
    text
}

#[cfg(test)]
mod tests {
    use super::number_text;

    #[test]
    fn numbers_as_text() {
        for (n, text) in [
            (1.0, "1"),
            (-0.0, "0"),
            (720.5, "720.5"),
            (-1.25, "-1.25"),
            (0.1 + 0.2, "0.3"),
            (1e-9, "0"),
            (9_007_199_254_740_991.0, "9007199254740991"),
            (12_345_678_901_234.5, "1.234568e+13"),
            (4_294_967_296.0, "4294967296"),
            (1.5e300, "1.5e+300"),
            (f64::NEG_INFINITY, "-Infinity"),
            (f64::NAN, "NaN"),
        ] {
            assert_eq!(number_text(n), text, "{n:?}");
        }
    }
}
