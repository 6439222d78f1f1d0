import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AppContext } from '../http/context.js';

/**
 * The opt-out link of a reminder e-mail works without signing in (one click from a phone's mail
 * app): it carries its capability, the person's id and when it stops working, with an HMAC of
 * both under a key derived from BLOUSE_SECRET_KEY (platform/secrets). Nothing is stored; a key
 * rotation keeps older links good until they expire.
 *
 * Form: `<user id>.<expiry, Unix seconds>.<HMAC-SHA256, base64url>`.
 */
const PURPOSE = 'blouse:training-reminder-opt-out:v1';
/** Beyond the next reminder: the link of the last e-mail still works when the next one arrives. */
export const OPT_OUT_LIFETIME_MS = 400 * 24 * 60 * 60_000;

export type TokenCheck =
  | { readonly ok: true; readonly userId: string }
  | { readonly ok: false; readonly reason: 'invalid' | 'expired' };

/** A token for this person, or null when the server has no secret key (no link can be signed). */
export function optOutToken(context: AppContext, userId: string): string | null {
  const keys = context.config.secretKeys;
  if (keys === undefined) return null;
  const expiry = Math.floor((context.clock().getTime() + OPT_OUT_LIFETIME_MS) / 1000);
  return `${userId}.${expiry}.${signature(derive(keys.current), userId, expiry)}`;
}

/** Whose opt-out a token is: forged, altered or unsigned tokens are 'invalid', old ones 'expired'. */
export function checkOptOutToken(context: AppContext, token: string): TokenCheck {
  const match = /^([A-Za-z0-9_-]{1,100})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/u.exec(token);
  const keys = context.config.secretKeys;
  if (match === null || keys === undefined) return { ok: false, reason: 'invalid' };
  const [, userId = '', expiryText = '', given = ''] = match;
  const expiry = Number(expiryText);
  const received = Buffer.from(given);
  const genuine = [keys.current, ...keys.previous].some((key) => {
    const expected = Buffer.from(signature(derive(key), userId, expiry));
    return expected.length === received.length && timingSafeEqual(expected, received);
  });
  // The signature first: an altered expiry is a forgery, not an expired link.
  if (!genuine) return { ok: false, reason: 'invalid' };
  if (expiry * 1000 < context.clock().getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, userId };
}

/** A key for this purpose only: the sealing key itself never signs anything public. */
function derive(key: Buffer): Buffer {
  return createHmac('sha256', key).update(PURPOSE).digest();
}

function signature(key: Buffer, userId: string, expiry: number): string {
  return createHmac('sha256', key).update(`${userId}.${expiry}`).digest('base64url');
}
