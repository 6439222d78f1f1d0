import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database, Row } from '../../db/schema.js';
import type { AppContext } from '../../http/context.js';
import { transportFor } from '../../mail/mailer.js';
import { alertMail, alertWebhookBody } from './alert-message.js';
import { type AlertView, findAlert } from './alert-repository.js';
import { endOfQuietHours } from './quiet-hours.js';
import { DEFAULT_WEBHOOK_OPTIONS, postWebhook, type WebhookOptions } from './webhook.js';

export interface DeliveryOptions {
  readonly webhook: WebhookOptions;
  /** Waits before each retry after a failure; after the last, the delivery is « failed ». */
  readonly retryDelaysMs: readonly number[];
}

/** 30 s, 2 min, 10 min, 1 h, 6 h: a receiver down for a maintenance gets the alert when back. */
export const DEFAULT_DELIVERY_OPTIONS: DeliveryOptions = {
  webhook: DEFAULT_WEBHOOK_OPTIONS,
  retryDelaysMs: [30_000, 120_000, 600_000, 3_600_000, 21_600_000],
};

const overrides = new WeakMap<AppContext, DeliveryOptions>();
/** Other options for one application (tests: http to a loopback receiver). */
export function useDeliveryOptions(context: AppContext, options: DeliveryOptions): void {
  overrides.set(context, options);
}
export function deliveryOptions(context: AppContext): DeliveryOptions {
  return overrides.get(context) ?? DEFAULT_DELIVERY_OPTIONS;
}

/** A claimed delivery is left alone by other workers this long, then taken again (a crash mid-send). */
const CLAIM_LEASE_MS = 5 * 60_000;
const BATCH = 50;

export interface ScheduledDelivery {
  readonly id: string;
  readonly notBefore: Date;
}

/**
 * One delivery per enabled route of the alert's tier, inside the alert's transaction: due now for
 * an immediate alert (never held), at the end of the route's quiet hours for a volume alert.
 */
export async function scheduleDeliveries(
  trx: Transaction<Database>,
  alert: AlertView,
  now: Date,
): Promise<ScheduledDelivery[]> {
  const routes = await trx
    .selectFrom('alert_routes')
    .selectAll()
    .where('establishment_id', '=', alert.establishmentId)
    .where('tier', '=', alert.tier)
    .where('enabled', '=', 1)
    .execute();
  const scheduled: ScheduledDelivery[] = [];
  for (const route of routes) {
    const due = alert.tier === 'volume' ? endOfQuietHours(now, route.quiet_from, route.quiet_until) : now;
    const id = randomUUID();
    scheduled.push({ id, notBefore: due });
    await trx
      .insertInto('alert_deliveries')
      .values({
        id,
        establishment_id: alert.establishmentId,
        alert_id: alert.id,
        route_id: route.id,
        status: 'pending',
        attempts: 0,
        not_before: due.toISOString(),
        last_error: null,
        created_at: now.toISOString(),
        sent_at: null,
      })
      .execute();
  }
  return scheduled;
}

async function claim(db: Kysely<Database>, id: string, notBefore: string, now: Date): Promise<boolean> {
  // Optimistic: the row is ours only if nobody moved its not_before since we read it.
  const result = await db
    .updateTable('alert_deliveries')
    .set({ not_before: new Date(now.getTime() + CLAIM_LEASE_MS).toISOString() })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .where('not_before', '=', notBefore)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

async function send(context: AppContext, routeId: string, alertId: string): Promise<void> {
  const db = context.storage.db;
  const route = await db.selectFrom('alert_routes').selectAll().where('id', '=', routeId).executeTakeFirst();
  if (route === undefined || route.enabled !== 1) throw new PermanentFailure('règle supprimée ou désactivée');
  const alert = await findAlert(db, route.establishment_id, alertId);
  if (alert === undefined) throw new PermanentFailure('alerte introuvable');
  const establishment = await db
    .selectFrom('establishments')
    .select('name')
    .where('id', '=', route.establishment_id)
    .executeTakeFirstOrThrow();
  const { publicUrl } = context.config;
  if (route.channel === 'email') {
    const transport = transportFor(context.config);
    if (transport === null) throw new PermanentFailure('courriel non configuré (SMTP_URL)');
    const message = alertMail(publicUrl, establishment.name, alert);
    await transport.sendMail({ to: route.target, subject: message.subject, text: message.text });
    return;
  }
  const now = context.clock();
  const body = alertWebhookBody(publicUrl, establishment.name, alert, now);
  await postWebhook(route.target, route.secret ?? '', body, now, deliveryOptions(context).webhook);
}

class PermanentFailure extends Error {}

type DueDelivery = Pick<Row<'alert_deliveries'>, 'id' | 'alert_id' | 'route_id' | 'attempts' | 'not_before'>;

/** The outcome of one claimed attempt, and when the next one is due if there is one. */
export type Attempt =
  | { readonly outcome: 'sent' | 'failed' | 'skipped' }
  | { readonly outcome: 'retry'; readonly notBefore: Date; readonly attempts: number };

/** Claims one due delivery and tries it once; a failure is recorded with its next try, or gives up. */
async function attempt(context: AppContext, delivery: DueDelivery, now: Date): Promise<Attempt> {
  const db = context.storage.db;
  if (!(await claim(db, delivery.id, delivery.not_before, now))) return { outcome: 'skipped' };
  const attempts = delivery.attempts + 1;
  try {
    await send(context, delivery.route_id, delivery.alert_id);
    await db
      .updateTable('alert_deliveries')
      .set({ status: 'sent', attempts, sent_at: context.clock().toISOString(), last_error: null })
      .where('id', '=', delivery.id)
      .execute();
    return { outcome: 'sent' };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const delay =
      error instanceof PermanentFailure ? undefined : deliveryOptions(context).retryDelaysMs[attempts - 1];
    const notBefore = new Date(context.clock().getTime() + (delay ?? 0));
    await db
      .updateTable('alert_deliveries')
      .set({
        status: delay === undefined ? 'failed' : 'pending',
        attempts,
        last_error: message.slice(0, 500),
        not_before: notBefore.toISOString(),
      })
      .where('id', '=', delivery.id)
      .execute();
    if (delay !== undefined) return { outcome: 'retry', notBefore, attempts };
    console.error(`blouse: alerte non remise après ${attempts} tentative(s) : ${message}`);
    return { outcome: 'failed' };
  }
}

/**
 * Sends every delivery that is due, once each: called right after alerts are committed and by
 * the periodic tick (releases quiet-hour holds and retries, and catches any wake-up a crash lost).
 * Several processes may call it at once: a delivery is claimed before it is sent. Returns how
 * many were sent.
 */
export async function deliverDueAlerts(context: AppContext): Promise<number> {
  const db = context.storage.db;
  let sent = 0;
  for (;;) {
    const now = context.clock();
    const due = await db
      .selectFrom('alert_deliveries')
      .select(['id', 'alert_id', 'route_id', 'attempts', 'not_before'])
      .where('status', '=', 'pending')
      .where('not_before', '<=', now.toISOString())
      .orderBy('not_before')
      .limit(BATCH)
      .execute();
    let claimed = 0;
    for (const delivery of due) {
      const result = await attempt(context, delivery, now);
      if (result.outcome !== 'skipped') claimed++;
      if (result.outcome === 'sent') sent++;
    }
    if (due.length < BATCH || claimed === 0) return sent;
  }
}

/** One delivery, if it is still pending and due (the jobs worker's unit of work). */
export async function deliverOne(context: AppContext, deliveryId: string): Promise<Attempt> {
  const now = context.clock();
  const delivery = await context.storage.db
    .selectFrom('alert_deliveries')
    .select(['id', 'alert_id', 'route_id', 'attempts', 'not_before'])
    .where('id', '=', deliveryId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  if (delivery === undefined) return { outcome: 'skipped' };
  // Woken early (clocks of two machines differ), or claimed by another process: look again then.
  if (delivery.not_before > now.toISOString()) {
    return { outcome: 'retry', notBefore: new Date(delivery.not_before), attempts: delivery.attempts };
  }
  return attempt(context, delivery, now);
}
