//! RFC 3339 timestamps, parsed without a date library (the widget formats them with `Intl`).

/// A validated RFC 3339 date-time, kept with its instant in Unix milliseconds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timestamp {
    text: String,
    unix_millis: i64,
}

impl Timestamp {
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Milliseconds since 1970-01-01T00:00:00Z, as JavaScript's `Date` wants them.
    pub fn unix_millis(&self) -> i64 {
        self.unix_millis
    }

    pub fn parse(text: &str) -> Option<Timestamp> {
        let unix_millis = parse_rfc3339(text)?;
        Some(Timestamp {
            text: text.to_string(),
            unix_millis,
        })
    }
}

impl TryFrom<String> for Timestamp {
    type Error = String;
    fn try_from(text: String) -> Result<Self, String> {
        match parse_rfc3339(&text) {
            Some(unix_millis) => Ok(Timestamp { text, unix_millis }),
            None => Err(format!(
                "`{}` is not an RFC 3339 date-time like 2025-07-04T17:45:00-06:00",
                text.chars().take(40).collect::<String>()
            )),
        }
    }
}

/// A unit for `Intl.RelativeTimeFormat`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RelativeUnit {
    Minute,
    Hour,
    Day,
}

impl RelativeUnit {
    pub fn as_str(self) -> &'static str {
        match self {
            RelativeUnit::Minute => "minute",
            RelativeUnit::Hour => "hour",
            RelativeUnit::Day => "day",
        }
    }
}

/// How long ago `then` was, for "vor 2 Stunden", when that reads better than a date: up to
/// a week back. Negative values are in the past, as `Intl.RelativeTimeFormat` expects. Times
/// in the future (clock skew) count as "now"; older ones get `None`, and a date instead.
pub fn relative_to(now_millis: i64, then_millis: i64) -> Option<(i64, RelativeUnit)> {
    const MINUTE: i64 = 60_000;
    const HOUR: i64 = 60 * MINUTE;
    const DAY: i64 = 24 * HOUR;
    let ago = (now_millis - then_millis).max(0);
    Some(match ago {
        a if a < HOUR => (-(a / MINUTE), RelativeUnit::Minute),
        a if a < DAY => (-(a / HOUR), RelativeUnit::Hour),
        a if a < 7 * DAY => (-(a / DAY), RelativeUnit::Day),
        _ => return None,
    })
}

fn parse_rfc3339(text: &str) -> Option<i64> {
    let b = text.as_bytes();
    if b.len() < 20 || b[4] != b'-' || b[7] != b'-' || !matches!(b[10], b'T' | b't' | b' ') {
        return None;
    }
    if b[13] != b':' || b[16] != b':' {
        return None;
    }
    let num = |from: usize, to: usize| -> Option<i64> {
        let part = text.get(from..to)?;
        part.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    let (year, month, day) = (num(0, 4)?, num(5, 7)?, num(8, 10)?);
    let (hour, minute, second) = (num(11, 13)?, num(14, 16)?, num(17, 19)?);
    if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
        return None;
    }
    // 60 allows a leap second.
    if hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let mut rest = &text[19..];
    let mut millis = 0;
    if let Some(fraction) = rest.strip_prefix('.') {
        let digits = fraction.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return None;
        }
        let first3 = &fraction[..digits.min(3)];
        millis = first3.parse::<i64>().ok()? * 10_i64.pow(3 - first3.len() as u32);
        rest = &fraction[digits..];
    }
    let offset_minutes = match rest.as_bytes() {
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), _, _, b':', _, _] => {
            let hours: i64 = rest[1..3].parse().ok()?;
            let minutes: i64 = rest[4..6].parse().ok()?;
            if hours > 23 || minutes > 59 {
                return None;
            }
            let total = hours * 60 + minutes;
            if *sign == b'-' {
                -total
            } else {
                total
            }
        }
        _ => return None,
    };
    let days = days_from_civil(year, month, day);
    let seconds = days * 86_400 + hour * 3_600 + minute * 60 + second - offset_minutes * 60;
    Some(seconds * 1_000 + millis)
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let shifted_month = (month + 9) % 12;
    let day_of_year = (153 * shifted_month + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_utc_and_offsets_to_the_same_instant() {
        let utc = Timestamp::parse("2025-07-04T23:45:00Z").unwrap();
        let mexico = Timestamp::parse("2025-07-04T17:45:00-06:00").unwrap();
        assert_eq!(utc.unix_millis(), mexico.unix_millis());
        assert_eq!(utc.unix_millis(), 1_751_672_700_000);
    }

    #[test]
    fn keeps_milliseconds_and_epoch() {
        assert_eq!(
            Timestamp::parse("1970-01-01T00:00:00.5Z")
                .unwrap()
                .unix_millis(),
            500
        );
        assert_eq!(
            Timestamp::parse("1969-12-31T23:59:59Z")
                .unwrap()
                .unix_millis(),
            -1_000
        );
    }

    #[test]
    fn recent_times_are_relative_and_older_ones_are_not() {
        let now = 1_751_672_700_000;
        assert_eq!(
            relative_to(now, now - 90_000),
            Some((-1, RelativeUnit::Minute))
        );
        assert_eq!(
            relative_to(now, now - 2 * 3_600_000 - 5),
            Some((-2, RelativeUnit::Hour))
        );
        assert_eq!(
            relative_to(now, now - 3 * 86_400_000),
            Some((-3, RelativeUnit::Day))
        );
        assert_eq!(
            relative_to(now, now + 60_000),
            Some((0, RelativeUnit::Minute))
        );
        assert_eq!(relative_to(now, now - 8 * 86_400_000), None);
    }

    #[test]
    fn rejects_malformed_dates() {
        for bad in [
            "",
            "2025-07-04",
            "2025-07-04T17:45:00",
            "2025-13-04T17:45:00Z",
            "2025-02-29T00:00:00Z",
            "2025-07-04T24:00:00Z",
            "2025-07-04T17:45:00+2:00",
            "2025-07-04T17:45:00.Z",
            "२०२५-07-04T17:45:00Z",
        ] {
            assert!(Timestamp::parse(bad).is_none(), "{bad} should be rejected");
        }
        assert!(Timestamp::parse("2024-02-29T00:00:00Z").is_some());
    }
}
