import { z } from 'zod';
import { isHttpsOrLoopback } from '../settings-fields.js';

/** A Mastodon handle as people write it: `name`, `@name@domain` or `name@domain`. */
const handle = z
  .string()
  .trim()
  .transform((value) => value.replace(/^@/, '').toLowerCase())
  .pipe(
    z.string().regex(/^[\w.-]+(@[\w.-]+)?$/, 'Identifiant Mastodon attendu, par exemple nom@instance.fr.'),
  );

/** Hashtag letters as Mastodon accepts them (letters, digits, underscore, middle dot), without #. */
const hashtag = z
  .string()
  .trim()
  .transform((value) => value.replace(/^#/, ''))
  .pipe(
    z
      .string()
      .min(1, 'Mot-dièse vide.')
      .max(100, 'Mot-dièse trop long.')
      .regex(/^[\p{L}\p{N}_·]+$/u, 'Un mot-dièse ne contient que des lettres, des chiffres et « _ ».'),
  );

export const mastodonSettingsSchema = z
  .object({
    /** The instance to ask, e.g. https://piaille.fr: each instance sees its own part of the network. */
    instanceUrl: z
      .string()
      .trim()
      .refine(isHttpsOrLoopback, 'Adresse d’instance attendue en https, par exemple https://piaille.fr.')
      .transform((value) => value.replace(/\/+$/, '')),
    hashtags: z.array(hashtag).max(20, 'Vingt mots-dièses au plus par source.').default([]),
    /** Full-text search (statuses): most instances answer it only with a token. */
    query: z.string().trim().min(1).max(200, 'Recherche trop longue (200 caractères au plus).').optional(),
    accessToken: z.string().trim().min(1).optional(),
    /** Accounts of the press and official bodies: their posts raise an alert at once. */
    pressHandles: z.array(handle).max(500).default([]),
    officialHandles: z.array(handle).max(500).default([]),
  })
  .refine((settings) => settings.hashtags.length > 0 || settings.query !== undefined, {
    message: 'Indiquez au moins un mot-dièse ou une recherche.',
    path: ['hashtags'],
  })
  .refine((settings) => settings.query === undefined || settings.accessToken !== undefined, {
    message:
      'La recherche dans les messages demande un jeton d’accès sur la plupart des instances : ajoutez-en un (droit read:search) ou suivez des mots-dièses.',
    path: ['accessToken'],
  });

export type MastodonSettingsInput = z.input<typeof mastodonSettingsSchema>;
export type MastodonSettings = z.output<typeof mastodonSettingsSchema>;
