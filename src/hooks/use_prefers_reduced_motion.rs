/// True when the reader asked for less motion (`prefers-reduced-motion: reduce`), read at the
/// moment of asking, so a change of the setting counts from the next animation on.
///
/// ## Usage
/// ```ignore
/// let behavior = if use_prefers_reduced_motion() { ScrollBehavior::Instant } else { ScrollBehavior::Smooth };
/// ```
pub fn use_prefers_reduced_motion() -> bool {
    web_sys::window()
        .and_then(|window| {
            window
                .match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .is_some_and(|query| query.matches())
}
