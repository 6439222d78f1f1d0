import { randomUUID } from 'node:crypto';
import { type DetectorOptions, formatFr, SpikeDetector } from '@blouse/buzz';
import type { Transaction } from 'kysely';
import { type DialectName, lockChain } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import type { AppContext } from '../../http/context.js';
import { foldForSearch } from '../../incidents/search-fold.js';
import type { NewMention } from '../new-mention.js';
import { type AlertView, readSeries, seriesKeysOf, writeSeries } from './alert-repository.js';
import { MAX_KEPT_IDS, readState, type SeriesState, top } from './series-state.js';

/** How the volume tier buckets and judges counts. */
export interface VolumeSettings {
  /** One hour: the detector's thresholds are set for it, and the volume chart is hourly. */
  readonly bucketSeconds: number;
  /** The detector's tuning (its defaults unless a deployment or a test says otherwise). */
  readonly detector: Partial<DetectorOptions>;
}

export const DEFAULT_VOLUME_SETTINGS: VolumeSettings = { bucketSeconds: 3600, detector: {} };

const overrides = new WeakMap<AppContext, VolumeSettings>();
/** Other settings for one application (tests: a short warm-up). */
export function useVolumeSettings(context: AppContext, settings: VolumeSettings): void {
  overrides.set(context, settings);
}
export function volumeSettings(context: AppContext): VolumeSettings {
  return overrides.get(context) ?? DEFAULT_VOLUME_SETTINGS;
}

/** A post published longer ago than this is history (an import, a late feed), not a buzz. */
const FRESH_MS = 24 * 3600_000;
/** Quiet buckets fed as zeros after a gap; beyond, the detector treats them as unknown. */
const MAX_ZERO_BUCKETS = 24 * 7;

const CATEGORY_LABELS: Readonly<Record<string, string>> = {
  complaint: 'plaintes',
  rumor: 'rumeurs',
  threat: 'menaces',
  defamation: 'diffamation',
  doxxing: 'divulgations',
  privacy_breach: 'atteintes au secret',
  praise: 'éloges',
  question: 'questions',
  info: 'informations',
};

/** The series a mention counts in: each watch term found, and its category. */
export function seriesKeysOfMention(mention: NewMention): string[] {
  const keys = new Set(mention.matchedTerms.map((term) => `term:${foldForSearch(term)}`));
  keys.add(`category:${mention.category}`);
  return [...keys];
}

/**
 * « « CHU de Valmont » » or « catégorie plaintes »: a series as people read it. A term's series
 * key holds its folded form (« chu de valmont »); the spelling the establishment wrote is taken
 * from the terms the mentions matched, when one of them folds to the key.
 */
export function seriesLabel(key: string, matchedTerms: Iterable<string> = []): string {
  if (key.startsWith('term:')) {
    const folded = key.slice(5);
    for (const term of matchedTerms) if (foldForSearch(term) === folded) return `« ${term} »`;
    return `« ${folded} »`;
  }
  const category = key.slice('category:'.length);
  return `catégorie ${CATEGORY_LABELS[category] ?? category}`;
}

function durationFr(minutes: number): string {
  if (minutes >= 60 && minutes % 60 === 0) return `${minutes / 60} h`;
  if (minutes > 60) return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')}`;
  return `${minutes} min`;
}

/** « Hausse sur « CHU de Valmont » : 17 mentions en 30 min, 2,1 attendues sur 1 h. » */
export function explainVolume(
  key: string,
  count: number,
  windowMinutes: number,
  expected: number,
  bucketMinutes: number,
  matchedTerms: Iterable<string> = [],
): string {
  const mentions = count > 1 ? 'mentions' : 'mention';
  const awaited = expected >= 2 ? 'attendues' : 'attendue';
  const over = windowMinutes === bucketMinutes ? '' : ` sur ${durationFr(bucketMinutes)}`;
  return `Hausse sur ${seriesLabel(key, matchedTerms)} : ${formatFr(count)} ${mentions} en ${durationFr(windowMinutes)}, ${formatFr(expected)} ${awaited}${over}.`;
}

interface Series {
  readonly establishmentId: string;
  readonly key: string;
  readonly settings: VolumeSettings;
  readonly now: Date;
}

function newDetector(settings: VolumeSettings): SpikeDetector {
  return new SpikeDetector({ ...settings.detector, bucketSeconds: settings.bucketSeconds });
}

function restoreDetector(state: SeriesState, settings: VolumeSettings): SpikeDetector {
  if (state.detector === null) return newDetector(settings);
  try {
    return SpikeDetector.restore(state.detector);
  } catch (error) {
    // A snapshot another version cannot read: the series learns again rather than stopping ingestion.
    console.error(
      'blouse: instantané de détecteur illisible, série réinitialisée :',
      (error as Error).message,
    );
    return newDetector(settings);
  }
}

function volumeAlert(series: Series, state: SeriesState, windowMinutes: number, expected: number): AlertView {
  const bucketMinutes = series.settings.bucketSeconds / 60;
  return {
    id: randomUUID(),
    establishmentId: series.establishmentId,
    tier: 'volume',
    reason: 'volume',
    seriesKey: series.key,
    explanation: explainVolume(
      series.key,
      state.count,
      windowMinutes,
      expected,
      bucketMinutes,
      Object.keys(state.terms),
    ),
    details: {
      count: state.count,
      windowMinutes,
      expected: Math.round(expected * 10) / 10,
      topTerms: top(state.terms).map(([term, count]) => ({ term, count })),
      topAuthors: top(state.authors).map(([handle, count]) => ({ handle, count })),
    },
    mentionIds: [...state.mentionIds],
    createdAt: series.now.toISOString(),
    incidentId: null,
  };
}

/**
 * Closes the open bucket if `now` is past it: its count goes to the detector, then zeros for the
 * quiet buckets since. Returns the alert the closed bucket raised, if any (and if it was not
 * already raised while the bucket was open).
 */
function closeBuckets(series: Series, state: SeriesState): AlertView | null {
  const bucketMs = series.settings.bucketSeconds * 1000;
  const current = Math.floor(series.now.getTime() / bucketMs) * bucketMs;
  if (state.bucketStart === null) {
    state.bucketStart = current;
    return null;
  }
  if (state.bucketStart >= current) return null;
  const detector = restoreDetector(state, series.settings);
  const point = detector.update(state.bucketStart, state.count);
  let alert: AlertView | null = null;
  // A quiet bucket never alerts by itself: only a bucket with mentions has something to show.
  if (
    point.onset &&
    point.level === 'alert' &&
    state.count > 0 &&
    state.alertedBucket !== state.bucketStart
  ) {
    alert = volumeAlert(series, state, series.settings.bucketSeconds / 60, point.expected);
  }
  const firstQuiet = Math.max(state.bucketStart + bucketMs, current - MAX_ZERO_BUCKETS * bucketMs);
  for (let start = firstQuiet; start < current; start += bucketMs) detector.update(start, 0);
  state.detector = detector.snapshot();
  state.bucketStart = current;
  state.count = 0;
  state.mentionIds = [];
  state.terms = {};
  state.authors = {};
  state.alertedBucket = null;
  return alert;
}

/**
 * Judges the open bucket as if it closed now, on a copy of the detector: a burst is announced
 * within the hour it starts, not after it. A partial count that already alerts will alert when
 * complete (more mentions only raise the surprise), so the close then does not alert twice.
 */
function peekOpenBucket(series: Series, state: SeriesState): AlertView | null {
  if (state.detector === null || state.bucketStart === null || state.alertedBucket === state.bucketStart) {
    return null;
  }
  const copy = restoreDetector(state, series.settings);
  const point = copy.update(state.bucketStart, state.count);
  if (!(point.onset && point.level === 'alert')) return null;
  state.alertedBucket = state.bucketStart;
  const elapsed = Math.max(1, Math.ceil((series.now.getTime() - state.bucketStart) / 60_000));
  return volumeAlert(series, state, elapsed, point.expected);
}

async function loadState(trx: Transaction<Database>, establishmentId: string, key: string) {
  return readState((await readSeries(trx, establishmentId, key))?.snapshot);
}

/**
 * Counts new mentions in their series, inside the caller's transaction, and returns the volume
 * alerts they raise. Mentions are counted when heard (the detector judges what arrives now);
 * those published more than a day ago are history and are not counted.
 */
export async function countMentions(
  trx: Transaction<Database>,
  dialect: DialectName,
  settings: VolumeSettings,
  now: Date,
  establishmentId: string,
  mentions: readonly NewMention[],
): Promise<AlertView[]> {
  const fresh = mentions.filter((m) => now.getTime() - new Date(m.publishedAt).getTime() <= FRESH_MS);
  if (fresh.length === 0) return [];
  // Two processes counting for one establishment would each overwrite the other's snapshot.
  await lockChain(trx, dialect, `buzz:${establishmentId}`);
  const bySeries = new Map<string, NewMention[]>();
  for (const mention of fresh) {
    for (const key of seriesKeysOfMention(mention))
      bySeries.set(key, [...(bySeries.get(key) ?? []), mention]);
  }
  const alerts: AlertView[] = [];
  for (const [key, members] of bySeries) {
    const series: Series = { establishmentId, key, settings, now };
    const state = await loadState(trx, establishmentId, key);
    const closed = closeBuckets(series, state);
    if (closed !== null) alerts.push(closed);
    for (const mention of members) {
      state.count++;
      if (state.mentionIds.length < MAX_KEPT_IDS) state.mentionIds.push(mention.id);
      for (const term of mention.matchedTerms) state.terms[term] = (state.terms[term] ?? 0) + 1;
      if (mention.authorHandle !== null) {
        state.authors[mention.authorHandle] = (state.authors[mention.authorHandle] ?? 0) + 1;
      }
    }
    const early = peekOpenBucket(series, state);
    if (early !== null) alerts.push(early);
    await writeSeries(trx, establishmentId, key, JSON.stringify(state), now.toISOString());
  }
  return alerts;
}

/** Closes the buckets `now` has left behind in every series of an establishment (the periodic tick). */
export async function closeSeries(
  trx: Transaction<Database>,
  dialect: DialectName,
  settings: VolumeSettings,
  now: Date,
  establishmentId: string,
): Promise<AlertView[]> {
  await lockChain(trx, dialect, `buzz:${establishmentId}`);
  const alerts: AlertView[] = [];
  for (const key of await seriesKeysOf(trx, establishmentId)) {
    const state = await loadState(trx, establishmentId, key);
    const before = state.bucketStart;
    const alert = closeBuckets({ establishmentId, key, settings, now }, state);
    if (alert !== null) alerts.push(alert);
    if (state.bucketStart !== before) {
      await writeSeries(trx, establishmentId, key, JSON.stringify(state), now.toISOString());
    }
  }
  return alerts;
}
