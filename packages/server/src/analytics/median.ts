/** The median of values given as (value, how many times), or null when there are none. */
export function medianOfHistogram(
  entries: readonly { readonly value: number; readonly count: number }[],
): number | null {
  const sorted = entries.filter((entry) => entry.count > 0).sort((a, b) => a.value - b.value);
  const total = sorted.reduce((sum, entry) => sum + entry.count, 0);
  if (total === 0) return null;
  // The two middle ranks (the same one when the total is odd), from 0.
  const low = Math.floor((total - 1) / 2);
  const high = Math.floor(total / 2);
  let seen = 0;
  let lowValue: number | undefined;
  for (const entry of sorted) {
    seen += entry.count;
    if (lowValue === undefined && seen > low) lowValue = entry.value;
    if (seen > high) return Math.round(((lowValue ?? entry.value) + entry.value) / 2);
  }
  return null;
}

/** part / whole as a percentage with one decimal, or null when the whole is 0. */
export function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
}
