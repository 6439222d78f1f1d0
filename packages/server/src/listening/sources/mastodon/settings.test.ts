import { describe, expect, it } from 'vitest';
import { mastodonSettingsSchema } from './settings.js';

describe('mastodonSettingsSchema', () => {
  it('normalises hashtags and handles, and trims the instance address', () => {
    const settings = mastodonSettingsSchema.parse({
      instanceUrl: 'https://piaille.fr/',
      hashtags: ['#CHUdeDémonstration', 'hôpital'],
      pressHandles: ['@Redaction@Presse.exemple.org'],
    });
    expect(settings).toMatchObject({
      instanceUrl: 'https://piaille.fr',
      hashtags: ['CHUdeDémonstration', 'hôpital'],
      pressHandles: ['redaction@presse.exemple.org'],
      officialHandles: [],
    });
  });

  it('refuses plain http except towards this machine', () => {
    expect(
      mastodonSettingsSchema.safeParse({ instanceUrl: 'http://piaille.fr', hashtags: ['a'] }).success,
    ).toBe(false);
    expect(
      mastodonSettingsSchema.safeParse({ instanceUrl: 'http://127.0.0.1:3000', hashtags: ['a'] }).success,
    ).toBe(true);
  });

  it('says in French what is missing', () => {
    const messages = (input: unknown) => {
      const result = mastodonSettingsSchema.safeParse(input);
      return result.success ? [] : result.error.issues.map((issue) => issue.message);
    };
    expect(messages({ instanceUrl: 'https://piaille.fr' })).toContain(
      'Indiquez au moins un mot-dièse ou une recherche.',
    );
    expect(messages({ instanceUrl: 'https://piaille.fr', query: 'CHU' }).join(' ')).toContain(
      'demande un jeton d’accès',
    );
    expect(messages({ instanceUrl: 'https://piaille.fr', hashtags: ['pas de #espace'] }).join(' ')).toContain(
      'Un mot-dièse ne contient que',
    );
  });
});
