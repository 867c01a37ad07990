// Summary statistics over repeated samples.

/** The q-quantile (0..1) of sorted numbers, linearly interpolated. */
function quantile(sorted, q) {
  if (sorted.length === 0) return NaN;
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return sorted[low] + (sorted[high] - sorted[low]) * (at - low);
}

/** { n, median, min, max, p25, p75 } of an array of numbers (NaN fields when empty). */
export function summarize(samples) {
  const sorted = samples.filter(Number.isFinite).sort((a, b) => a - b);
  return {
    n: sorted.length,
    median: quantile(sorted, 0.5),
    min: sorted[0] ?? NaN,
    max: sorted[sorted.length - 1] ?? NaN,
    p25: quantile(sorted, 0.25),
    p75: quantile(sorted, 0.75),
  };
}

/** Byline / vanilla of two medians; null when meaningless (a zero or missing baseline). */
export function ratio(byline, vanilla) {
  if (!Number.isFinite(byline) || !Number.isFinite(vanilla) || vanilla === 0) return null;
  return byline / vanilla;
}
