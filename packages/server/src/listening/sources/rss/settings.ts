import { z } from 'zod';

/** Longest feed address accepted. */
export const MAX_FEED_URL_LENGTH = 2000;

function isFeedAddress(value: string): boolean {
  if (/[\s\p{Cc}]/u.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

function hasNoCredentials(value: string): boolean {
  try {
    const url = new URL(value);
    return url.username === '' && url.password === '';
  } catch {
    return true;
  }
}

/**
 * The settings an administrator gives an RSS or Atom source. `authorKind` says who publishes
 * the feed: « press » by default (the feeds a communication team follows are mostly newspapers,
 * and a press article raises an immediate alert), « official » for an authority (ARS,
 * ministry), « person » for a forum or a blog. Whether private networks may be fetched is NOT a
 * setting: it belongs to the server's configuration (see `createRssSource`), since the person
 * typing the address is the one the check protects against.
 */
export const rssSettingsSchema = z
  .object({
    url: z
      .string({ error: 'adresse du flux attendue' })
      .trim()
      .min(1, { error: 'adresse du flux attendue' })
      .max(MAX_FEED_URL_LENGTH, { error: `adresse trop longue (${MAX_FEED_URL_LENGTH} caractères au plus)` })
      .refine(isFeedAddress, { error: 'adresse http:// ou https:// attendue', abort: true })
      .refine(hasNoCredentials, { error: 'l’adresse ne doit pas contenir d’identifiant ni de mot de passe' }),
    name: z
      .string()
      .trim()
      .min(1, { error: 'nom vide' })
      .max(200, { error: 'nom trop long (200 caractères au plus)' })
      .optional(),
    authorKind: z
      .enum(['press', 'official', 'person'], { error: 'type d’auteur attendu : press, official ou person' })
      .default('press'),
  })
  .strict();

export type RssSettings = z.infer<typeof rssSettingsSchema>;
