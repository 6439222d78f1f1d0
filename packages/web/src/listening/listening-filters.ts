import { LISTENING_SOURCE_KINDS, MENTION_CATEGORIES, MENTION_VERDICTS } from '@blouse/contract';

/** The periods the stream and its chart offer, most recent first. */
export const PERIODS = ['24h', '7d', '30d'] as const;
export type Period = (typeof PERIODS)[number];
export const DEFAULT_PERIOD: Period = '7d';

const PERIOD_HOURS: Readonly<Record<Period, number>> = { '24h': 24, '7d': 24 * 7, '30d': 24 * 30 };

/** What narrows the mentions stream. An empty string means « all ». */
export interface MentionFilters {
  source: string;
  category: string;
  /** A watch term as written in the settings (the server matches it as stored). */
  term: string;
  verdict: string;
  period: Period;
  /** Free text over the author and the post's words (accents and case ignored by the server). */
  q: string;
}

const oneOf = (values: readonly string[], value: string | null): string =>
  value !== null && values.includes(value) ? value : '';

/**
 * The filters an address carries. A value the server would refuse (a typo in a shared link) is
 * dropped rather than sent: the reader then sees every mention, not an error.
 */
export function filtersFrom(params: URLSearchParams): MentionFilters {
  const period = params.get('periode');
  return {
    source: oneOf(LISTENING_SOURCE_KINDS, params.get('source')),
    category: oneOf(MENTION_CATEGORIES, params.get('categorie')),
    term: (params.get('terme') ?? '').trim().slice(0, 200),
    verdict: oneOf(MENTION_VERDICTS, params.get('verdict')),
    period: (PERIODS as readonly string[]).includes(period ?? '') ? (period as Period) : DEFAULT_PERIOD,
    q: (params.get('q') ?? '').trim().slice(0, 200),
  };
}

/** The address of a filtered stream: short, French, the same for whoever opens it. */
export function addressOf(filters: MentionFilters): URLSearchParams {
  const search = new URLSearchParams();
  if (filters.q !== '') search.set('q', filters.q);
  if (filters.source !== '') search.set('source', filters.source);
  if (filters.category !== '') search.set('categorie', filters.category);
  if (filters.term !== '') search.set('terme', filters.term);
  if (filters.verdict !== '') search.set('verdict', filters.verdict);
  if (filters.period !== DEFAULT_PERIOD) search.set('periode', filters.period);
  return search;
}

/**
 * The period as the server's from/to: from the start of the hour so many hours ago to now.
 * Rounded to the hour so that the chart's buckets and the stream's query keys stay the same
 * while the reader stays on the page.
 */
export function periodRange(period: Period, now: Date): { from: string; to: string } {
  const hour = new Date(now);
  hour.setUTCMinutes(0, 0, 0);
  const from = new Date(hour.getTime() - (PERIOD_HOURS[period] - 1) * 3_600_000);
  const to = new Date(hour.getTime() + 3_600_000);
  return { from: from.toISOString(), to: to.toISOString() };
}

/** How many filters narrow the stream (the period always does, so it is not counted). */
export const activeFilterCount = (filters: MentionFilters): number =>
  [filters.source, filters.category, filters.term, filters.verdict, filters.q].filter((value) => value !== '')
    .length;
