//! When to try a failed request again, and how long to wait first.

/// How a single attempt to fetch an edition ended, as far as retrying is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttemptFailure {
    /// No response at all (connection refused or dropped, DNS, CORS).
    Network,
    /// No complete response within the time limit.
    Timeout,
    /// The server answered with this status.
    Status(u16),
}

/// Retry with exponential backoff for network errors, timeouts and 5xx; never for 4xx, which
/// will not change by asking again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Attempts in all, the first included.
    pub max_attempts: u32,
    pub base_delay_ms: u32,
    /// No wait is longer, whatever the server's `Retry-After` says.
    pub max_delay_ms: u32,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 3,
            base_delay_ms: 500,
            max_delay_ms: 10_000,
        }
    }
}

impl RetryPolicy {
    /// The wait before attempt `attempt + 1` after `failure` ended attempt `attempt` (counting
    /// from 0), or `None` when it is not worth trying again.
    pub fn delay_after(
        &self,
        attempt: u32,
        failure: AttemptFailure,
        retry_after_ms: Option<u64>,
    ) -> Option<u32> {
        let retryable = match failure {
            AttemptFailure::Network | AttemptFailure::Timeout => true,
            AttemptFailure::Status(status) => (500..600).contains(&status),
        };
        if !retryable || attempt + 1 >= self.max_attempts {
            return None;
        }
        let backoff = u64::from(self.base_delay_ms) << attempt.min(16);
        let wait = retry_after_ms.unwrap_or(backoff);
        Some(wait.min(u64::from(self.max_delay_ms)) as u32)
    }
}

/// Reads a `Retry-After` header: delay-seconds, or an HTTP date (`now_ms` turns it into a
/// delay). Unreadable values are ignored, as the HTTP specification asks.
pub fn parse_retry_after(value: &str, now_ms: i64) -> Option<u64> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(seconds.saturating_mul(1_000));
    }
    let at = parse_http_date(value)?;
    Some((at - now_ms).max(0) as u64)
}

/// IMF-fixdate only (`Sun, 06 Nov 1994 08:49:37 GMT`), the form servers send today.
fn parse_http_date(value: &str) -> Option<i64> {
    let parts: Vec<&str> = value.split_whitespace().collect();
    let [_weekday, day, month, year, time, "GMT"] = parts.as_slice() else {
        return None;
    };
    let month = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]
    .iter()
    .position(|m| m == month)?
        + 1;
    let text = format!("{year}-{month:02}-{day:0>2}T{time}Z");
    crate::timestamp::Timestamp::parse(&text).map(|t| t.unix_millis())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_network_errors_timeouts_and_5xx_with_growing_waits() {
        let policy = RetryPolicy::default();
        assert_eq!(
            policy.delay_after(0, AttemptFailure::Network, None),
            Some(500)
        );
        assert_eq!(
            policy.delay_after(1, AttemptFailure::Timeout, None),
            Some(1_000)
        );
        assert_eq!(
            policy.delay_after(0, AttemptFailure::Status(503), None),
            Some(500)
        );
        assert_eq!(
            policy.delay_after(2, AttemptFailure::Status(500), None),
            None,
            "three attempts in all"
        );
    }

    #[test]
    fn never_retries_4xx() {
        let policy = RetryPolicy::default();
        for status in [400, 401, 403, 404, 410, 429] {
            assert_eq!(
                policy.delay_after(0, AttemptFailure::Status(status), Some(1_000)),
                None
            );
        }
    }

    #[test]
    fn honours_retry_after_up_to_a_cap() {
        let policy = RetryPolicy::default();
        assert_eq!(
            policy.delay_after(0, AttemptFailure::Status(503), Some(2_000)),
            Some(2_000)
        );
        assert_eq!(
            policy.delay_after(0, AttemptFailure::Status(503), Some(3_600_000)),
            Some(10_000)
        );
    }

    #[test]
    fn reads_retry_after_seconds_and_dates() {
        let now = crate::timestamp::Timestamp::parse("2025-07-04T12:00:00Z")
            .unwrap()
            .unix_millis();
        assert_eq!(parse_retry_after("2", now), Some(2_000));
        assert_eq!(
            parse_retry_after("Fri, 04 Jul 2025 12:00:03 GMT", now),
            Some(3_000)
        );
        assert_eq!(
            parse_retry_after("Fri, 04 Jul 2025 11:00:00 GMT", now),
            Some(0)
        );
        assert_eq!(parse_retry_after("soon", now), None);
        assert_eq!(parse_retry_after("-5", now), None);
    }
}
