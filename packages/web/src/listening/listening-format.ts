/** Locale of dates and numbers: French (or British English), whatever the browser's own. */
const locale = (language: string) => (language.startsWith('en') ? 'en-GB' : 'fr-FR');

/** « 12 400 abonnés », « 1 abonné », or nothing when the network does not say. */
export function formatReach(reach: number | null, language: string): string | null {
  if (reach === null) return null;
  const count = new Intl.NumberFormat(locale(language)).format(reach);
  if (language.startsWith('en')) return `${count} follower${reach === 1 ? '' : 's'}`;
  return `${count} abonné${reach > 1 ? 's' : ''}`;
}

/**
 * « @soignant.bsky.social » from a handle with or without its @; a name with spaces (a newspaper
 * heard through its feed, « Le Journal de Démoville ») is shown as it is; null when unknown.
 */
export function formatHandle(handle: string | null): string | null {
  if (handle === null || handle.trim() === '') return null;
  const trimmed = handle.trim();
  if (/\s/.test(trimmed)) return trimmed;
  const bare = trimmed.replace(/^@+/, '');
  // A Bluesky author whose handle is not known yet is named by its DID, which takes no @.
  if (/^did:[a-z]+:/.test(bare)) return bare;
  return `@${bare}`;
}

/** « 5 déc., 14 h » on the chart's axis: one hour's bucket, in the reader's time zone. */
export function formatHour(iso: string, language: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale(language), {
    day: 'numeric',
    month: 'short',
    hour: 'numeric',
    ...(timeZone === undefined ? {} : { timeZone }),
  }).format(new Date(iso));
}

export interface VolumePoint {
  /** The bucket's start, ISO, as the server sent it. */
  start: string;
  /** Its label on the axis and in the table. */
  hour: string;
  mentions: number;
}

/**
 * Which side of its line an alert marker's label goes: left of the line in the right half of the
 * chart, so that the latest alert (at the right edge, where « now » is) is not cut off by the edge.
 */
export function alertLabelPosition(index: number, length: number): 'insideTopLeft' | 'insideTopRight' {
  return index >= length / 2 ? 'insideTopRight' : 'insideTopLeft';
}

/**
 * The server's hourly buckets as chart points, and each alert placed on the bucket it falls in
 * (a reference line needs an x the axis has: the bucket's label, not the alert's minute).
 */
export function volumeSeries(
  buckets: readonly { start: string; count: number }[],
  alerts: readonly { id: string; createdAt: string }[],
  label: (iso: string) => string,
): { points: VolumePoint[]; alertHours: { id: string; hour: string }[] } {
  const points = buckets.map((bucket) => ({
    start: bucket.start,
    hour: label(bucket.start),
    mentions: bucket.count,
  }));
  const starts = points.map((point) => Date.parse(point.start));
  const alertHours: { id: string; hour: string }[] = [];
  for (const alert of alerts) {
    const at = Date.parse(alert.createdAt);
    let index = -1;
    for (let i = 0; i < starts.length; i++) if ((starts[i] as number) <= at) index = i;
    const point = points[index];
    if (point !== undefined) alertHours.push({ id: alert.id, hour: point.hour });
  }
  return { points, alertHours };
}
