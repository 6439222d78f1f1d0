import type { AppContext } from '../../http/context.js';
import { badRequest, notFound } from '../../http/problem.js';
import { decodeCursor, encodeCursor, filtersDigest } from '../../incidents/list-cursor.js';
import { containsPattern, foldForSearch } from '../../incidents/search-fold.js';
import type { MentionFinding } from '../new-mention.js';
import {
  countMentionsByHour,
  findMention,
  listAlertsBetween,
  listMentionsPage,
  type MentionFilters,
  type MentionWithPost,
} from './mention-repository.js';

export const DEFAULT_MENTIONS_PAGE = 50;
export const MAX_MENTIONS_PAGE = 100;
export const EXCERPT_CHARS = 280;
/** The volume chart covers at most a month of hours. */
export const MAX_VOLUME_DAYS = 31;
const HOUR_MS = 3_600_000;

export interface MentionSummary {
  readonly id: string;
  readonly source: string;
  readonly url: string | null;
  readonly authorHandle: string | null;
  readonly authorKind: string | null;
  readonly reach: number | null;
  readonly excerpt: string;
  readonly publishedAt: string;
  readonly matchedTerms: string[];
  readonly category: string;
  readonly verdict: 'ok' | 'warn' | 'block';
  readonly incidentId: string | null;
}

export interface MentionDetail extends MentionSummary {
  readonly text: string;
  readonly findings: MentionFinding[];
}

export interface MentionQuery {
  readonly source?: string | undefined;
  readonly category?: string | undefined;
  readonly term?: string | undefined;
  readonly verdict?: string | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly q?: string | undefined;
  readonly cursor?: string | undefined;
  readonly limit?: number | undefined;
}

/** The first 280 characters, cut at a word when one ends near, never inside a surrogate pair. */
export function excerptOf(text: string): string {
  const plain = text.replace(/\s+/gu, ' ').trim();
  const chars = [...plain];
  if (chars.length <= EXCERPT_CHARS) return plain;
  const cut = chars.slice(0, EXCERPT_CHARS - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${space > EXCERPT_CHARS * 0.8 ? cut.slice(0, space) : cut}…`;
}

function parseJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

function summary(row: MentionWithPost): MentionSummary {
  return {
    id: row.id,
    source: row.source,
    url: row.url,
    authorHandle: row.author_handle,
    authorKind: row.author_kind,
    reach: row.reach,
    excerpt: excerptOf(row.text),
    publishedAt: row.published_at,
    matchedTerms: parseJson<string[]>(row.matched_terms, []),
    category: row.category,
    verdict: row.verdict,
    incidentId: row.incident_id,
  };
}

const iso = (value: string): string => new Date(value).toISOString();

/** An establishment's mentions, newest first, a page at a time; every filter applied in SQL. */
export async function listMentions(
  context: AppContext,
  establishmentId: string,
  query: MentionQuery,
): Promise<{ items: MentionSummary[]; nextCursor: string | null }> {
  const folded = query.q === undefined ? '' : foldForSearch(query.q);
  const filters: MentionFilters = {
    source: query.source,
    category: query.category,
    verdict: query.verdict,
    term: query.term,
    from: query.from === undefined ? undefined : iso(query.from),
    to: query.to === undefined ? undefined : iso(query.to),
    searchPattern: folded === '' ? undefined : containsPattern(folded),
  };
  const digest = filtersDigest({ ...filters, searchPattern: folded === '' ? undefined : folded });
  const after = query.cursor === undefined ? null : decodeCursor(query.cursor, 'newest', digest);
  const limit = Math.min(query.limit ?? DEFAULT_MENTIONS_PAGE, MAX_MENTIONS_PAGE);
  const rows = await listMentionsPage(
    context.storage.db,
    establishmentId,
    filters,
    after === null ? null : [after[0] as string, after[1] as string],
    limit + 1,
  );
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(summary),
    nextCursor:
      rows.length > limit && last !== undefined
        ? encodeCursor('newest', digest, [last.published_at, last.id])
        : null,
  };
}

export async function readMention(
  context: AppContext,
  establishmentId: string,
  mentionId: string,
): Promise<MentionDetail> {
  const row = await findMention(context.storage.db, establishmentId, mentionId);
  if (row === undefined)
    throw notFound('Cette mention n’existe pas, a expiré ou ne vous est pas accessible.');
  return {
    ...summary(row),
    text: row.text,
    // Mentions stored before the findings said who raised them read as unknown.
    findings: parseJson<Partial<MentionFinding>[]>(row.findings, []).map((finding) => ({
      rule: finding.rule ?? '',
      severity: finding.severity ?? 'warn',
      explanation: finding.explanation ?? '',
      raisedBy: finding.raisedBy ?? null,
    })),
  };
}

export interface Volume {
  readonly buckets: { start: string; count: number }[];
  readonly alerts: { id: string; tier: 'immediate' | 'volume'; reason: string; createdAt: string }[];
}

/**
 * Mentions per hour between `from` and `to` (by default the last 48 hours), every hour present
 * even when empty, and the alerts raised meanwhile for the chart's markers.
 */
export async function mentionVolume(
  context: AppContext,
  establishmentId: string,
  range: { from?: string | undefined; to?: string | undefined },
): Promise<Volume> {
  const now = context.clock().getTime();
  const toMs = Math.ceil((range.to === undefined ? now : Date.parse(range.to)) / HOUR_MS) * HOUR_MS;
  const fromMs =
    Math.floor((range.from === undefined ? toMs - 48 * HOUR_MS : Date.parse(range.from)) / HOUR_MS) * HOUR_MS;
  if (fromMs >= toMs) {
    throw badRequest('periode_invalide', 'Le début de la période doit précéder sa fin.', [
      { field: 'from', message: 'après la fin de la période' },
    ]);
  }
  if (toMs - fromMs > MAX_VOLUME_DAYS * 24 * HOUR_MS) {
    throw badRequest('periode_trop_longue', `La période affichée est limitée à ${MAX_VOLUME_DAYS} jours.`, [
      { field: 'to', message: `au plus ${MAX_VOLUME_DAYS} jours après le début` },
    ]);
  }
  const from = new Date(fromMs).toISOString();
  const to = new Date(toMs).toISOString();
  const counts = await countMentionsByHour(context.storage.db, establishmentId, from, to);
  const buckets: { start: string; count: number }[] = [];
  for (let at = fromMs; at < toMs; at += HOUR_MS) {
    const start = new Date(at).toISOString();
    buckets.push({ start, count: counts.get(start.slice(0, 13)) ?? 0 });
  }
  const alerts = await listAlertsBetween(context.storage.db, establishmentId, from, to);
  return {
    buckets,
    alerts: alerts.map((alert) => ({
      id: alert.id,
      tier: alert.tier,
      reason: alert.reason,
      createdAt: alert.created_at,
    })),
  };
}
