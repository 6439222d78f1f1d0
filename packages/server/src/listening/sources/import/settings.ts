import { z } from 'zod';
import { assertTimeZone } from './dates.js';
import { IMPORT_DEFAULTS } from './parse-mention-import.js';

function isKnownTimeZone(value: string): boolean {
  try {
    assertTimeZone(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * What a person chooses when importing a file: its format, and the time zone of dates written
 * without an offset (the establishment's: Europe/Paris, or America/Cayenne, Indian/Reunion…).
 */
export const importSettingsSchema = z
  .object({
    format: z.enum(['csv', 'json'], { error: 'format attendu : csv ou json' }),
    timeZone: z
      .string()
      .trim()
      .max(64, { error: 'fuseau horaire trop long' })
      .refine(isKnownTimeZone, { error: 'fuseau horaire inconnu (exemple : Europe/Paris)' })
      .default(IMPORT_DEFAULTS.timeZone),
  })
  .strict();

export type ImportSettings = z.infer<typeof importSettingsSchema>;
