import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { type DialectName, lockChain } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import { type AppContext, inUnit } from '../../http/context.js';
import type { NewMention, NewMentionsListener } from '../new-mention.js';
import {
  type AlertDetails,
  type AlertView,
  establishmentsWithSeries,
  insertAlert,
  readSettings,
  recentAlertOfReason,
  updateGroupedAlert,
} from './alert-repository.js';
import { deliverDueAlerts, type ScheduledDelivery, scheduleDeliveries } from './delivery.js';
import { wakeDeliveries } from './delivery-jobs.js';
import {
  DEFAULT_COOLDOWN_MINUTES,
  DEFAULT_REACH_THRESHOLD,
  explainImmediate,
  type ImmediateReason,
  type ImmediateSettings,
  immediateReason,
} from './immediate.js';
import { top } from './series-state.js';
import { closeSeries, countMentions, seriesLabel, volumeSettings } from './volume.js';

async function immediateSettings(
  trx: Transaction<Database>,
  establishmentId: string,
): Promise<ImmediateSettings> {
  const row = await readSettings(trx, establishmentId);
  return {
    reachThreshold: row?.reach_threshold ?? DEFAULT_REACH_THRESHOLD,
    cooldownMinutes: row?.cooldown_minutes ?? DEFAULT_COOLDOWN_MINUTES,
  };
}

/** Terms and authors counted over mentions, added to what an alert already showed. */
function mergeDetails(previous: AlertDetails | null, mentions: readonly NewMention[]): AlertDetails {
  const terms: Record<string, number> = {};
  const authors: Record<string, number> = {};
  for (const t of previous?.topTerms ?? []) terms[t.term] = t.count;
  for (const a of previous?.topAuthors ?? []) authors[a.handle] = a.count;
  for (const mention of mentions) {
    for (const term of new Set(mention.matchedTerms)) terms[term] = (terms[term] ?? 0) + 1;
    if (mention.authorHandle !== null)
      authors[mention.authorHandle] = (authors[mention.authorHandle] ?? 0) + 1;
  }
  return {
    count: (previous?.count ?? 0) + mentions.length,
    topTerms: top(terms).map(([term, count]) => ({ term, count })),
    topAuthors: top(authors).map(([handle, count]) => ({ handle, count })),
  };
}

/** Mentions an immediate alert links to; beyond, they are counted only. */
const MAX_ALERT_MENTIONS = 500;

const GROUPED_SUFFIX = / ; \d+ publications de ce type en peu de temps\.$|\.$/u;

/**
 * Immediate alerts for one establishment's new mentions. Within the cooldown, mentions of a reason
 * already alerted join that alert (its mention ids, its counts) and send nothing more: twenty
 * copies of one breach make one mail, not twenty.
 */
async function raiseImmediate(
  trx: Transaction<Database>,
  dialect: DialectName,
  now: Date,
  establishmentId: string,
  mentions: readonly NewMention[],
): Promise<AlertView[]> {
  const settings = await immediateSettings(trx, establishmentId);
  const byReason = new Map<ImmediateReason, NewMention[]>();
  for (const mention of mentions) {
    const reason = immediateReason(mention, settings);
    if (reason === null) continue;
    const group = byReason.get(reason);
    if (group === undefined) byReason.set(reason, [mention]);
    else group.push(mention);
  }
  if (byReason.size === 0) return [];
  // Two processes must not both open « the first » alert of a reason.
  await lockChain(trx, dialect, `listening-alerts:${establishmentId}`);
  const since = new Date(now.getTime() - settings.cooldownMinutes * 60_000).toISOString();
  const created: AlertView[] = [];
  for (const [reason, group] of byReason) {
    const first = group[0] as NewMention;
    const existing = await recentAlertOfReason(trx, establishmentId, 'immediate', reason, since);
    if (existing !== undefined) {
      // The count goes on; the ids kept are bounded (the first ones: the alert's origin).
      const mentionIds = [...existing.mentionIds, ...group.map((m) => m.id)].slice(0, MAX_ALERT_MENTIONS);
      const details = mergeDetails(existing.details, group);
      const head = existing.explanation.replace(GROUPED_SUFFIX, '');
      await updateGroupedAlert(
        trx,
        existing.id,
        `${head} ; ${details.count} publications de ce type en peu de temps.`,
        details,
        mentionIds,
      );
      continue;
    }
    const alert: AlertView = {
      id: randomUUID(),
      establishmentId,
      tier: 'immediate',
      reason,
      seriesKey: null,
      explanation: explainImmediate(reason, first, group.length),
      details: mergeDetails(null, group),
      mentionIds: group.map((m) => m.id).slice(0, MAX_ALERT_MENTIONS),
      createdAt: now.toISOString(),
      incidentId: null,
    };
    await insertAlert(trx, alert);
    created.push(alert);
  }
  return created;
}

const ALSO = ' Hausse aussi sur ';

/** The lead alert with another series' surge added: its mentions, and its name in the explanation. */
function joinVolume(lead: AlertView, other: AlertView): AlertView {
  const label = seriesLabel(
    other.seriesKey ?? '',
    (other.details.topTerms ?? []).map((entry) => entry.term),
  );
  let explanation = lead.explanation;
  if (!explanation.includes(label)) {
    explanation = explanation.includes(ALSO)
      ? `${explanation.replace(/\.$/u, '')}, ${label}.`
      : `${explanation}${ALSO}${label}.`;
  }
  const mentionIds = [...new Set([...lead.mentionIds, ...other.mentionIds])].slice(0, MAX_ALERT_MENTIONS);
  return { ...lead, explanation, mentionIds };
}

/**
 * One burst usually lifts several series at once (its term, its category): within the cooldown
 * they make one volume alert, led by the series with the most mentions, and one mail. Returns the
 * alert to insert, if a new one is needed.
 */
async function groupVolume(
  trx: Transaction<Database>,
  dialect: DialectName,
  now: Date,
  establishmentId: string,
  raised: readonly AlertView[],
): Promise<AlertView[]> {
  if (raised.length === 0) return [];
  await lockChain(trx, dialect, `listening-alerts:${establishmentId}`);
  const { cooldownMinutes } = await immediateSettings(trx, establishmentId);
  const since = new Date(now.getTime() - cooldownMinutes * 60_000).toISOString();
  const existing = await recentAlertOfReason(trx, establishmentId, 'volume', 'volume', since);
  const sorted = [...raised].sort((a, b) => (b.details.count ?? 0) - (a.details.count ?? 0));
  let lead = existing;
  for (const alert of sorted) lead = lead === undefined ? alert : joinVolume(lead, alert);
  if (lead === undefined) return [];
  if (existing === undefined) return [lead];
  await updateGroupedAlert(trx, lead.id, lead.explanation, lead.details, lead.mentionIds);
  return [];
}

function byEstablishment(mentions: readonly NewMention[]): Map<string, NewMention[]> {
  const groups = new Map<string, NewMention[]>();
  for (const mention of mentions) {
    const group = groups.get(mention.establishmentId);
    if (group === undefined) groups.set(mention.establishmentId, [mention]);
    else group.push(mention);
  }
  return groups;
}

/**
 * The alerting stage of ingestion: registered as a NewMentionsListener, called once a batch of
 * mentions is committed. Raises immediate alerts, counts the volume series (a burst alerts within
 * the hour it starts), schedules each new alert's deliveries in the same transaction, and sends
 * what is due after the commit, detached: a slow webhook never holds ingestion.
 */
export const alertOnMentions: NewMentionsListener = async (context, mentions) => {
  for (const [establishmentId, group] of byEstablishment(mentions)) {
    await inUnit(context, async (unit) => {
      const dialect = context.storage.dialect;
      const volume = await countMentions(
        unit.trx,
        dialect,
        volumeSettings(context),
        unit.now,
        establishmentId,
        group,
      );
      const alerts = [
        ...(await raiseImmediate(unit.trx, dialect, unit.now, establishmentId, group)),
        ...(await groupVolume(unit.trx, dialect, unit.now, establishmentId, volume)),
      ];
      await persist(unit.trx, alerts, unit.now, unit.afterCommit);
    });
  }
};

async function persist(
  trx: Transaction<Database>,
  alerts: readonly AlertView[],
  now: Date,
  afterCommit: (task: (context: AppContext) => Promise<void>) => void,
): Promise<void> {
  const scheduled: ScheduledDelivery[] = [];
  for (const alert of alerts) {
    // Immediate alerts are inserted as they are raised (the cooldown reads them); volume ones here.
    if (alert.tier === 'volume') await insertAlert(trx, alert);
    scheduled.push(...(await scheduleDeliveries(trx, alert, now)));
  }
  if (scheduled.length > 0) afterCommit((context) => wakeDeliveries(context, scheduled));
}

/**
 * The periodic tick (every minute or so): closes the hourly buckets that time has left behind,
 * including those no mention reached (a quiet hour is a zero the detector must learn), raises
 * their alerts, and sends the deliveries that became due (quiet hours over, retries). `now`
 * is the time to close at, normally the context's clock.
 */
export async function tickVolume(context: AppContext, now: Date = context.clock()): Promise<void> {
  for (const establishmentId of await establishmentsWithSeries(context.storage.db)) {
    await inUnit(context, async (unit) => {
      const dialect = context.storage.dialect;
      const closed = await closeSeries(unit.trx, dialect, volumeSettings(context), now, establishmentId);
      const alerts = await groupVolume(unit.trx, dialect, now, establishmentId, closed);
      await persist(unit.trx, alerts, now, unit.afterCommit);
    });
  }
  await deliverDueAlerts(context);
}
