import { describe, expect, it } from 'vitest';
import { importSettingsSchema } from './settings.js';

describe('importSettingsSchema', () => {
  it('fills in Paris time and accepts the overseas zones', () => {
    expect(importSettingsSchema.parse({ format: 'csv' })).toEqual({
      format: 'csv',
      timeZone: 'Europe/Paris',
    });
    expect(importSettingsSchema.parse({ format: 'json', timeZone: 'America/Cayenne' }).timeZone).toBe(
      'America/Cayenne',
    );
  });

  it('refuses unknown formats and zones in French', () => {
    const messages = (input: unknown) => {
      const result = importSettingsSchema.safeParse(input);
      return result.success ? [] : result.error.issues.map((issue) => issue.message);
    };
    expect(messages({ format: 'xlsx' })).toEqual(['format attendu : csv ou json']);
    expect(messages({ format: 'csv', timeZone: 'Europe/Valmont' })).toEqual([
      'fuseau horaire inconnu (exemple : Europe/Paris)',
    ]);
  });
});
