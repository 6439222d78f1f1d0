import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AppContext } from '../../http/context.js';
import { SecretError } from '../../platform/secrets/secret-box.js';

/**
 * A photo's address that a network fetches by itself (Instagram: Meta downloads `image_url`
 * with its own client, it takes no upload). The address carries its capability: the photo's id,
 * when it stops working, and an HMAC of both under a key derived from BLOUSE_SECRET_KEY, so that
 * nobody can guess another photo's address or keep one beyond the hour. Nothing is stored.
 *
 * Form: `<publicUrl>/public/media/<media id>.<expiry, Unix seconds>.<HMAC-SHA256, base64url>`.
 */
export const PUBLIC_MEDIA_LIFETIME_MS = 60 * 60_000;
const PURPOSE = 'blouse:publishing-public-media:v1';

export function publicMediaLink(context: AppContext, mediaId: string, expiresAt: Date): string {
  const expiry = Math.floor(expiresAt.getTime() / 1000);
  const token = `${mediaId}.${expiry}.${signature(linkKey(context, 'current'), mediaId, expiry)}`;
  return new URL(`/public/media/${encodeURIComponent(token)}`, context.config.publicUrl).toString();
}

/** The photo a token gives access to, or null: malformed, forged, signed by no known key, expired. */
export function verifyPublicMediaToken(context: AppContext, token: string): string | null {
  const match = /^([0-9a-f-]{36})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/u.exec(token);
  if (match === null) return null;
  const [, mediaId = '', expiryText = '', given = ''] = match;
  const expiry = Number(expiryText);
  if (expiry * 1000 < context.clock().getTime()) return null;
  const keys = context.config.secretKeys;
  if (keys === undefined) return null;
  // A link made before a key rotation stays good for the rest of its hour.
  for (const key of [keys.current, ...keys.previous]) {
    const expected = Buffer.from(signature(derive(key), mediaId, expiry));
    const received = Buffer.from(given);
    if (expected.length === received.length && timingSafeEqual(expected, received)) return mediaId;
  }
  return null;
}

function linkKey(context: AppContext, which: 'current'): Buffer {
  const keys = context.config.secretKeys;
  if (keys === undefined)
    throw new SecretError(
      'BLOUSE_SECRET_KEY manque : sans elle, les photos ne peuvent pas être confiées au réseau.',
    );
  return derive(keys[which]);
}

/** A key for this purpose only: the sealing key itself never signs anything public. */
function derive(key: Buffer): Buffer {
  return createHmac('sha256', key).update(PURPOSE).digest();
}

function signature(key: Buffer, mediaId: string, expiry: number): string {
  return createHmac('sha256', key).update(`${mediaId}.${expiry}`).digest('base64url');
}
