import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../http/app.js';
import { systemClock } from '../http/clock.js';
import { TEST_CONFIG } from '../test-support/app.js';
import { createTestStorage, DIALECTS, type TestStorage } from '../test-support/databases.js';
import { captureIo } from './test-io.js';
import { userCommand } from './user.js';

const PASSWORD = 'un mot de passe très solide';

describe.each(DIALECTS)('blouse user create (%s)', (dialect) => {
  let storage: TestStorage;
  beforeEach(async () => {
    storage = await createTestStorage(dialect);
  });
  afterEach(() => storage.dispose());

  async function run(argv: string[], input?: string) {
    const { io, out, err } = captureIo({
      env: { DATABASE_URL: storage.url },
      ...(input === undefined ? {} : { input }),
    });
    let status: number;
    try {
      status = await userCommand(argv, io);
    } catch (error) {
      status = (error as { status?: number }).status ?? -1;
      io.stderr.write((error as Error).message);
    }
    return { status, out: out(), err: err() };
  }

  it('creates the establishment and the account; the account can then sign in', async () => {
    const created = await run(
      [
        'create',
        '--email',
        'DirCom@CHU-Valmont.fr',
        '--name',
        'Claire Dubois',
        '--establishment-name',
        'CHU de Valmont',
        '--role',
        'admin',
        '--password-stdin',
      ],
      `${PASSWORD}\n`,
    );
    expect(created.err).toBe('');
    expect(created.status).toBe(0);
    expect(created.out).toContain(
      'Compte créé : dircom@chu-valmont.fr (Claire Dubois), administrateur dans « CHU de Valmont »',
    );
    const app = await buildApp({
      storage,
      config: { ...TEST_CONFIG, databaseUrl: storage.url },
      clock: systemClock,
    });
    try {
      const login = await app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { email: 'dircom@chu-valmont.fr', password: PASSWORD },
      });
      expect(login.statusCode).toBe(200);
      expect(login.json().memberships).toEqual([
        { establishmentId: expect.any(String), establishmentName: 'CHU de Valmont', role: 'admin' },
      ]);
    } finally {
      await app.close();
    }
    const audit = await storage.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .orderBy('seq')
      .execute();
    expect(audit.slice(0, 2)).toEqual([
      { action: 'establishment.create', actor_id: null },
      { action: 'user.create', actor_id: null },
    ]);
    const row = await storage.db.selectFrom('users').select('password_hash').executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('creates an SSO-only account in an existing establishment by id, then adds a role elsewhere', async () => {
    const first = await run([
      'create',
      '--email',
      'a@chu.fr',
      '--name',
      'A',
      '--establishment-name',
      'CH A',
      '--role',
      'agent',
    ]);
    expect(first.out).toContain('authentification unique');
    const { id } = await storage.db.selectFrom('establishments').select('id').executeTakeFirstOrThrow();
    const second = await run([
      'create',
      '--email',
      'b@chu.fr',
      '--name',
      'B',
      '--establishment',
      id,
      '--role',
      'legal',
    ]);
    expect(second.status).toBe(0);
    const again = await run([
      'create',
      '--email',
      'b@chu.fr',
      '--name',
      'B',
      '--establishment',
      id,
      '--role',
      'legal',
    ]);
    expect(again.status).toBe(65);
    const elsewhere = await run([
      'create',
      '--email',
      'b@chu.fr',
      '--name',
      'B',
      '--establishment-name',
      'CH B',
      '--role',
      'agent',
    ]);
    expect(elsewhere.status).toBe(0);
    expect(elsewhere.out).toContain('Rôle ajouté');
    const users = await storage.db
      .selectFrom('users')
      .select(['email', 'password_hash'])
      .orderBy('email')
      .execute();
    expect(users).toEqual([
      { email: 'a@chu.fr', password_hash: null },
      { email: 'b@chu.fr', password_hash: null },
    ]);
    expect(await storage.db.selectFrom('memberships').selectAll().execute()).toHaveLength(3);
  });

  it('exits 64 on a bad command line and 65 on refused values, creating nothing', async () => {
    const base = [
      'create',
      '--email',
      'x@chu.fr',
      '--name',
      'X',
      '--establishment-name',
      'CH',
      '--role',
      'agent',
    ];
    expect((await run([])).status).toBe(64);
    expect((await run(['delete'])).status).toBe(64);
    expect((await run(base.filter((a) => a !== '--role' && a !== 'agent'))).status).toBe(64);
    expect((await run([...base.slice(0, -2), '--role', 'root'])).status).toBe(64);
    expect((await run([...base, '--establishment', 'abc'])).status).toBe(64);
    expect((await run([...base, '--inconnu'])).status).toBe(64);
    expect((await run(['create', '--email', 'pas-une-adresse', ...base.slice(3)])).status).toBe(65);
    expect((await run([...base, '--password-stdin'], 'court\n')).status).toBe(65);
    const sameAsEmail = await run([...base, '--password-stdin'], 'x@chu.fr\n');
    expect(sameAsEmail.status).toBe(65);
    expect(
      (
        await run([
          'create',
          '--email',
          'x@chu.fr',
          '--name',
          'X',
          '--establishment',
          'inconnu',
          '--role',
          'agent',
        ])
      ).status,
    ).toBe(65);
    expect(await storage.db.selectFrom('users').select('id').execute()).toEqual([]);
  });
});

describe('blouse user with the default database', () => {
  it('uses sqlite:./data/blouse.sqlite from the working directory by default and prints help', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'blouse-cli-user-'));
    const help = captureIo({ cwd });
    expect(await userCommand(['--help'], help.io)).toBe(0);
    expect(help.out()).toContain('Usage : blouse user create');
    const { io, out } = captureIo({ cwd, env: {}, input: `${PASSWORD}\n` });
    const status = await userCommand(
      [
        'create',
        '--email',
        'x@chu.fr',
        '--name',
        'X',
        '--establishment-name',
        'CH',
        '--role',
        'admin',
        '--password-stdin',
      ],
      io,
    );
    expect(status).toBe(0);
    expect(out()).toContain('Compte créé');
    expect(existsSync(join(cwd, 'data', 'blouse.sqlite'))).toBe(true);
  });
});
