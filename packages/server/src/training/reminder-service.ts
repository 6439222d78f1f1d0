import { PRIVACY_REVIEW_MONTHS } from '@blouse/contract';
import type { AppContext } from '../http/context.js';
import { badRequest, conflict } from '../http/problem.js';
import { deliver } from '../mail/deliver.js';
import { transportFor } from '../mail/mailer.js';
import { reminderMail } from './reminder-mail.js';
import {
  claimReminder,
  dropExpiredAttempts,
  dueReminders,
  ensureReminderRows,
  type ReminderState,
  releaseReminder,
  reminderState,
  setOptedOut,
  userExists,
} from './reminder-repository.js';
import { checkOptOutToken, optOutToken } from './reminder-token.js';

const PAGE = 200;

export interface SweepOutcome {
  readonly sent: number;
  readonly failed: number;
  /** Nothing was tried: the server has no mail configured. */
  readonly mailDisabled: boolean;
}

/** The same instant, `months` calendar months earlier (UTC). */
export function monthsBefore(date: Date, months: number): Date {
  const earlier = new Date(date.getTime());
  earlier.setUTCMonth(earlier.getUTCMonth() - months);
  return earlier;
}

/**
 * Mails the privacy-settings reminder (PRIV-01) to every active member who has not opted out and
 * whose last reminder is PRIVACY_REVIEW_MONTHS months old, or who never had one. Safe to run
 * again, and twice at once: each person is claimed before being mailed (reminder-repository
 * claimReminder), so that nobody is mailed twice for one period. A process dying between the
 * claim and the mail loses that person's reminder for the period rather than risking a second
 * one. A failed mail gives its claim back and stops the sweep: the mail server is down, the next
 * sweep tries again. `limit` stops after that many claims (tests of an interrupted run).
 */
export async function sendPrivacyReminders(
  context: AppContext,
  options: { readonly limit?: number } = {},
): Promise<SweepOutcome> {
  if (transportFor(context.config) === null) return { sent: 0, failed: 0, mailDisabled: true };
  const db = context.storage.db;
  const now = context.clock();
  const nowText = now.toISOString();
  await dropExpiredAttempts(db, nowText);
  await ensureReminderRows(db, nowText);
  const dueBefore = monthsBefore(now, PRIVACY_REVIEW_MONTHS).toISOString();
  const staffSpace = new URL('/formation', context.config.publicUrl).toString();
  let sent = 0;
  let claims = 0;
  let after: string | undefined;
  for (;;) {
    const page = await dueReminders(db, dueBefore, PAGE, after);
    if (page.length === 0) return { sent, failed: 0, mailDisabled: false };
    for (const due of page) {
      after = due.userId;
      if (options.limit !== undefined && claims >= options.limit)
        return { sent, failed: 0, mailDisabled: false };
      if (!(await claimReminder(db, due.userId, due.lastSentAt, nowText))) continue;
      claims++;
      const token = optOutToken(context, due.userId);
      const optOut =
        token === null
          ? null
          : new URL(
              `/rappels/desinscription?jeton=${encodeURIComponent(token)}`,
              context.config.publicUrl,
            ).toString();
      const outcome = await deliver(context, reminderMail(due.email, { staffSpace, optOut }));
      if (outcome === 'sent') {
        sent++;
        continue;
      }
      await releaseReminder(db, due.userId, nowText, due.lastSentAt);
      return { sent, failed: 1, mailDisabled: false };
    }
  }
}

export function remindersOf(context: AppContext, userId: string): Promise<ReminderState> {
  return reminderState(context.storage.db, userId);
}

export async function setReminders(
  context: AppContext,
  userId: string,
  optedOut: boolean,
): Promise<ReminderState> {
  await setOptedOut(context.storage.db, userId, optedOut, context.clock().toISOString());
  return reminderState(context.storage.db, userId);
}

/**
 * Opting out from the e-mail's link, without signing in. A forged or altered link and an expired
 * one are told apart, in French: the second can be fixed from the staff space.
 */
export async function optOutWithToken(context: AppContext, token: string): Promise<ReminderState> {
  const check = checkOptOutToken(context, token);
  if (!check.ok)
    throw check.reason === 'expired'
      ? conflict(
          'lien_expire',
          'Ce lien de désinscription a expiré. Connectez-vous à Blouse et désactivez les rappels dans l’espace Formation.',
        )
      : badRequest(
          'lien_invalide',
          'Ce lien de désinscription n’est pas valide : il a peut-être été coupé ou modifié. Copiez le lien complet depuis l’e-mail.',
        );
  if (!(await userExists(context.storage.db, check.userId)))
    throw badRequest('lien_invalide', 'Ce lien de désinscription ne correspond à aucun compte.');
  return setReminders(context, check.userId, true);
}
