import type { Storage } from '../db/database.js';
import { ALERTS } from './refresh/alerts.js';
import { refreshChecks } from './refresh/checks.js';
import { INCIDENTS } from './refresh/incidents.js';
import { runKeyset } from './refresh/keyset.js';
import { MENTIONS } from './refresh/mentions.js';
import { refreshPublishing } from './refresh/publishing.js';
import { REFRESH_DONE, writeWatermark } from './refresh/watermark.js';

export interface RefreshOptions {
  /** Rows per transaction for the big sources (default 5,000). */
  readonly batchSize?: number;
  /** Called after each committed batch: tests throw from it to stop a refresh halfway, like a crash. */
  readonly afterBatch?: (source: string, rows: number) => void;
}

export interface RefreshSummary {
  readonly mentions: number;
  readonly alerts: number;
  readonly incidents: number;
  readonly checks: number;
  readonly publishing: number;
  readonly ms: number;
}

/**
 * Brings the analytics read models up to date with the write tables, from where the previous
 * refresh stopped. Safe to call at any time and from several processes: a crash halfway leaves
 * each source at its last committed batch, and the next call ends with the same counts as a
 * refresh that never stopped. The refresh job calls it every few minutes; call it directly before
 * reading figures that must include the last minutes (the monthly report).
 */
export async function refreshAnalytics(
  storage: Storage,
  now: Date,
  options: RefreshOptions = {},
): Promise<RefreshSummary> {
  const started = performance.now();
  const keyset = { batchSize: options.batchSize ?? 5_000, afterBatch: options.afterBatch };
  const mentions = await runKeyset(storage.db, storage.dialect, MENTIONS, now, keyset);
  const alerts = await runKeyset(storage.db, storage.dialect, ALERTS, now, keyset);
  const incidents = await runKeyset(storage.db, storage.dialect, INCIDENTS, now, {
    ...keyset,
    // A batch's ids go into one `in (…)` list for their events.
    batchSize: Math.min(keyset.batchSize, 1_000),
  });
  const checks = await refreshChecks(storage.db, now);
  const publishing = await refreshPublishing(storage.db, now);
  await writeWatermark(storage.db, REFRESH_DONE, { at: now.toISOString(), id: '' }, now);
  return { mentions, alerts, incidents, checks, publishing, ms: performance.now() - started };
}
