import type { GuardContext, Report } from '@blouse/guard';
import type { AppContext } from '../http/context.js';
import { notFound } from '../http/problem.js';
import { guardPool } from './check-capacity.js';
import { ALL_CHECKS, type CounterTotal, countersBetween } from './check-stats-repository.js';
import { counterBuffer } from './counter-buffer.js';
import { establishmentLists, runGuard } from './guard-runner.js';

export interface CheckOptions {
  /** False for previews: not counted in the statistics. */
  readonly count: boolean;
  /** Aborts when the client has gone: a long analysis still waiting for a worker is dropped. */
  readonly signal?: AbortSignal;
  /**
   * People who consented to be named in this text beyond the establishment's standing list (the
   * publishing desk's consent register, for one draft and one network).
   */
  readonly consenting?: readonly string[];
}

/**
 * Checks a text for a member of an establishment and counts the check. The text is analysed in
 * memory and forgotten: only counters (day, context, verdict, rule ids) are written. No audit
 * entry either: a log of who checked what, when, would be a surveillance file on staff for no
 * benefit, and the counters are statistics, not a change anyone answers for.
 */
export async function checkText(
  context: AppContext,
  establishmentId: string,
  text: string,
  guardContext: GuardContext,
  options: CheckOptions = { count: true },
): Promise<Report> {
  const establishment = await context.storage.db
    .selectFrom('establishments')
    .select(['name', 'guard_lists'])
    .where('id', '=', establishmentId)
    .executeTakeFirst();
  if (establishment === undefined) throw notFound();
  const standing = establishmentLists(establishment.guard_lists, establishment.name);
  const lists =
    options.consenting === undefined || options.consenting.length === 0
      ? standing
      : { ...standing, consentingStaff: [...(standing.consentingStaff ?? []), ...options.consenting] };
  // Long texts are analysed in a worker thread: the event loop keeps serving everyone else.
  const report =
    text.length >= context.config.checkLimits.workerFromChars
      ? await guardPool(context).run({ text, context: guardContext, lists }, options.signal)
      : runGuard(text, guardContext, lists);
  if (!options.count) return report;
  const day = context.clock().toISOString().slice(0, 10);
  const base = { establishmentId, day, context: guardContext, verdict: report.verdict };
  const rules = new Set(report.findings.map((finding) => finding.rule));
  const buffer = counterBuffer(context);
  for (const ruleId of [ALL_CHECKS, ...[...rules].sort()]) buffer.add({ ...base, ruleId });
  return report;
}

export interface CheckStatistics {
  readonly from: string;
  readonly to: string;
  readonly total: number;
  readonly byVerdict: { ok: number; warn: number; block: number };
  readonly byContext: { context: string; count: number }[];
  readonly byRule: { rule: string; count: number; blocked: number }[];
}

/** Totals of the counters between two UTC days: checks by verdict and context, findings by rule. */
export async function checkStatistics(
  context: AppContext,
  establishmentId: string,
  from: string,
  to: string,
): Promise<CheckStatistics> {
  // What is still in memory is written first, so the figures include every check so far.
  await counterBuffer(context).flush();
  const counters = await countersBetween(context.storage.db, establishmentId, from, to);
  return summarise(from, to, counters);
}

export function summarise(from: string, to: string, counters: readonly CounterTotal[]): CheckStatistics {
  const byVerdict = { ok: 0, warn: 0, block: 0 };
  const byContext = new Map<string, number>();
  const byRule = new Map<string, { count: number; blocked: number }>();
  let total = 0;
  for (const counter of counters) {
    if (counter.ruleId === ALL_CHECKS) {
      total += counter.count;
      if (counter.verdict === 'ok' || counter.verdict === 'warn' || counter.verdict === 'block')
        byVerdict[counter.verdict] += counter.count;
      byContext.set(counter.context, (byContext.get(counter.context) ?? 0) + counter.count);
      continue;
    }
    const rule = byRule.get(counter.ruleId) ?? { count: 0, blocked: 0 };
    rule.count += counter.count;
    if (counter.verdict === 'block') rule.blocked += counter.count;
    byRule.set(counter.ruleId, rule);
  }
  return {
    from,
    to,
    total,
    byVerdict,
    byContext: [...byContext].map(([name, count]) => ({ context: name, count })).sort(byCountThen('context')),
    byRule: [...byRule].map(([rule, value]) => ({ rule, ...value })).sort(byCountThen('rule')),
  };
}

function byCountThen<K extends string>(key: K) {
  return (a: { count: number } & Record<K, string>, b: { count: number } & Record<K, string>) =>
    b.count - a.count || a[key].localeCompare(b[key]);
}
