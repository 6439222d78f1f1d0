import type { AppContext } from '../http/context.js';
import { type MailMessage, transportFor } from './mailer.js';

/** Waits between attempts: a mail server restarting is back within seconds. */
export const RETRY_DELAYS_MS: readonly number[] = [2_000, 15_000];

/** Shorter delays for one application (tests of a mail server that is down). */
const overrides = new WeakMap<AppContext, readonly number[]>();
export function useRetryDelays(context: AppContext, delays: readonly number[]): void {
  overrides.set(context, delays);
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends one e-mail, retrying a failed attempt after each delay; after the last, the failure is
 * logged (without the recipients' addresses or the text) and the caller is not told: e-mail is a
 * convenience beside the in-app notifications, not a step of the workflow. Runs after the commit
 * (Unit.afterCommit), never while a request waits. Does nothing when mail is not configured.
 */
export async function deliver(
  context: AppContext,
  message: MailMessage,
  delays: readonly number[] = overrides.get(context) ?? RETRY_DELAYS_MS,
): Promise<'sent' | 'disabled' | 'failed'> {
  const transport = transportFor(context.config);
  if (transport === null || message.to.length === 0) return 'disabled';
  for (let attempt = 0; ; attempt++) {
    try {
      // Each recipient in Bcc: the desk members do not learn each other's addresses from it.
      await transport.sendMail({
        bcc: [...message.to],
        subject: message.subject,
        text: message.text,
        attachments: message.attachments?.map((file) => ({ ...file })),
      });
      return 'sent';
    } catch (error) {
      const delay = delays[attempt];
      if (delay === undefined) {
        console.error(
          `blouse: courriel « ${message.subject} » non envoyé après ${attempt + 1} tentatives :`,
          error instanceof Error ? error.message : error,
        );
        return 'failed';
      }
      await wait(delay);
    }
  }
}
