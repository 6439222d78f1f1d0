import { describe, expect, it } from 'vitest';
import { blueskySettingsSchema } from './settings.js';

describe('the Bluesky source settings', () => {
  it('defaults to the firehose, without signature checks, with the public PLC directory', () => {
    expect(blueskySettingsSchema.parse({ service: ' wss://bsky.network/ ' })).toEqual({
      service: 'wss://bsky.network',
      mode: 'firehose',
      verifySignatures: false,
      plcUrl: 'https://plc.directory',
    });
    expect(
      blueskySettingsSchema.parse({ service: 'wss://jetstream2.us-east.bsky.network', mode: 'jetstream' })
        .mode,
    ).toBe('jetstream');
  });

  it('refuses what is not a websocket address, an unknown mode, a bad directory, with French messages', () => {
    for (const service of [
      'https://bsky.network',
      'bsky.network',
      'ws://',
      '',
      'javascript:alert(1)',
      'wss://relai.fr/?cursor=1',
      'wss://moi:mdp@relai.fr',
    ]) {
      const result = blueskySettingsSchema.safeParse({ service });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toContain('ws://');
    }
    expect(blueskySettingsSchema.safeParse({ service: 'wss://bsky.network', mode: 'rss' }).success).toBe(
      false,
    );
    const plc = blueskySettingsSchema.safeParse({ service: 'wss://bsky.network', plcUrl: 'ftp://plc' });
    expect(plc.error?.issues[0]?.message).toBe('Adresse de l’annuaire PLC invalide.');
    expect(blueskySettingsSchema.safeParse({}).success).toBe(false);
  });
});
