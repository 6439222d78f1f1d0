import { describe, expect, it } from 'vitest';
import { rssSettingsSchema } from './settings.js';

const messages = (input: unknown) => {
  const result = rssSettingsSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
};

describe('rssSettingsSchema', () => {
  it('accepts an http(s) address and fills in « press »', () => {
    expect(rssSettingsSchema.parse({ url: ' https://www.courrier-littoral.example/sante/feed/ ' })).toEqual({
      url: 'https://www.courrier-littoral.example/sante/feed/',
      authorKind: 'press',
    });
    expect(
      rssSettingsSchema.parse({ url: 'http://ars.example/rss', name: 'ARS', authorKind: 'official' }),
    ).toEqual({
      url: 'http://ars.example/rss',
      name: 'ARS',
      authorKind: 'official',
    });
  });

  it('refuses other schemes, credentials, spaces, over-long addresses and unknown fields in French', () => {
    for (const url of [
      'ftp://x.example/feed',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'gopher://x/',
      'x.example/feed',
      'https://a b.example/',
    ]) {
      expect(messages({ url })).toEqual(['adresse http:// ou https:// attendue']);
    }
    expect(messages({ url: 'https://moi:secret@x.example/feed' })).toEqual([
      'l’adresse ne doit pas contenir d’identifiant ni de mot de passe',
    ]);
    expect(messages({ url: `https://x.example/${'a'.repeat(2000)}` })).toEqual([
      'adresse trop longue (2000 caractères au plus)',
    ]);
    expect(messages({ url: '' })).toContain('adresse du flux attendue');
    expect(messages({ url: 'https://x.example/', authorKind: 'robot' })).toEqual([
      'type d’auteur attendu : press, official ou person',
    ]);
    expect(messages({ url: 'https://x.example/', allowPrivateNetwork: true })).toHaveLength(1);
  });
});
