import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { open, seal } from '../platform/secrets/secret-box.js';
import { createTestStorage, type TestStorage } from '../test-support/databases.js';
import { main } from './main.js';
import { captureIo } from './test-io.js';

describe('blouse secrets rotate', () => {
  let storage: TestStorage;
  const oldKey = randomBytes(32);
  const newKey = randomBytes(32);

  beforeAll(async () => {
    storage = await createTestStorage('sqlite');
    const now = new Date().toISOString();
    await storage.db
      .insertInto('establishments')
      .values({ id: 'e', group_id: null, name: 'CHU', guard_lists: '{}', created_at: now })
      .execute();
    await storage.db
      .insertInto('publishing_accounts')
      .values({
        id: 'a',
        establishment_id: 'e',
        network: 'bluesky',
        service_url: 'https://pds.example',
        identifier: 'chu.test',
        secret: seal({ current: oldKey, previous: [] }, 'mot-de-passe-appli', 'publishing_accounts:a'),
        created_at: now,
        updated_at: now,
      })
      .execute();
  });
  afterAll(async () => storage.dispose());

  it('seals every secret again with the new key, which alone then opens it', async () => {
    const { io, out } = captureIo({
      env: {
        DATABASE_URL: storage.url,
        BLOUSE_SECRET_KEY: newKey.toString('base64'),
        BLOUSE_SECRET_OLD_KEYS: oldKey.toString('base64'),
      },
    });
    expect(await main(['secrets', 'rotate'], io)).toBe(0);
    expect(out()).toContain('1 secret(s)');
    const row = await storage.db.selectFrom('publishing_accounts').select('secret').executeTakeFirstOrThrow();
    expect(open({ current: newKey, previous: [] }, row.secret, 'publishing_accounts:a')).toBe(
      'mot-de-passe-appli',
    );
    expect(() => open({ current: oldKey, previous: [] }, row.secret, 'publishing_accounts:a')).toThrow();
  });

  it('says in French what is missing: the key, or the action', async () => {
    const noKey = captureIo({ env: { DATABASE_URL: storage.url } });
    expect(await main(['secrets', 'rotate'], noKey.io)).toBe(78);
    expect(noKey.err()).toContain('BLOUSE_SECRET_KEY');
    const badKey = captureIo({ env: { DATABASE_URL: storage.url, BLOUSE_SECRET_KEY: 'court' } });
    expect(await main(['secrets', 'rotate'], badKey.io)).toBe(78);
    expect(badKey.err()).toContain('32 octets');
    const noAction = captureIo({ env: {} });
    expect(await main(['secrets'], noAction.io)).toBe(64);
  });
});
