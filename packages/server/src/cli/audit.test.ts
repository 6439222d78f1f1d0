import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedAudit } from '../audit/test-kit.js';
import { createTestStorage, DIALECTS, type TestStorage } from '../test-support/databases.js';
import { auditCommand } from './audit.js';
import { CliError, EXIT } from './exit-status.js';
import { captureIo } from './test-io.js';

async function run(argv: string[], options: { env?: Record<string, string>; cwd?: string } = {}) {
  const { io, out, err } = captureIo({
    env: options.env ?? {},
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
  });
  try {
    return { status: await auditCommand(argv, io), out: out(), err: err() };
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    return { status: error.status, out: out(), err: error.message };
  }
}

describe.each(DIALECTS)('blouse audit verify (%s)', (dialect) => {
  let storage: TestStorage;
  beforeEach(async () => {
    storage = await createTestStorage(dialect);
    await seedAudit(storage, 6);
  });
  afterEach(() => storage.dispose());

  it('says an intact log is intact and prints its head to write down', async () => {
    const head = await storage.db
      .selectFrom('audit_log')
      .select('hash')
      .where('seq', '=', 6)
      .executeTakeFirstOrThrow();
    const result = await run(['verify', '--database', storage.url]);
    expect(result.status).toBe(EXIT.ok);
    expect(result.out).toContain('Journal d’audit intact : 6 entrée(s) vérifiée(s).');
    expect(result.out).toContain(`--head 6:${head.hash}`);

    const anchored = await run(['verify', '--head', `6:${head.hash}`], {
      env: { DATABASE_URL: storage.url },
    });
    expect(anchored.status).toBe(EXIT.ok);
    expect(anchored.out).toContain('La tête notée (n° 6) est toujours dans la chaîne.');

    const json = await run(['verify', '--database', storage.url, '--json']);
    expect(JSON.parse(json.out)).toEqual({ intact: true, checked: 6, head: { seq: 6, hash: head.hash } });
  });

  it('exits 1 naming the first altered entry, and a cut tail against a noted head', async () => {
    const head = await storage.db
      .selectFrom('audit_log')
      .select('hash')
      .where('seq', '=', 6)
      .executeTakeFirstOrThrow();
    await storage.db.deleteFrom('audit_log').where('seq', '=', 6).execute();
    const cut = await run(['verify', '--database', storage.url, '--head', `6:${head.hash}`]);
    expect(cut.status).toBe(1);
    expect(cut.out).toContain('ALTÉRÉ à l’entrée n° 6');
    expect(cut.out).toContain('supprimées en fin de journal');

    await storage.db.updateTable('audit_log').set({ action: 'autre.action' }).where('seq', '=', 2).execute();
    const edited = await run(['verify', '--database', storage.url]);
    expect(edited.status).toBe(1);
    expect(edited.out).toContain('l’entrée n° 2 a été modifiée');
  });
});

describe('blouse audit (command line)', () => {
  it('refuses a database without an audit log (65), a missing one (66), a wrong --head (64)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'blouse-audit-'));
    const empty = join(dir, 'vide.sqlite');
    new SQLite(empty).close();
    const noTable = await run(['verify', '--database', `sqlite:${empty}`]);
    expect(noTable.status).toBe(EXIT.dataError);
    expect(noTable.err).toContain('table audit_log absente');

    const missing = await run(['verify'], { cwd: dir });
    expect(missing.status).toBe(EXIT.noInput);
    expect(missing.err).toContain('introuvable');
    expect(existsSync(join(dir, 'data'))).toBe(false);

    const unreachable = await run(['verify', '--database', 'postgres://postgres@127.0.0.1:1/blouse']);
    expect(unreachable.status).toBe(EXIT.noInput);

    for (const argv of [
      ['verify', '--head', '12'],
      ['verify', '--head', `x:${'a'.repeat(64)}`],
      ['check'],
      [],
      ['verify', 'extra'],
    ]) {
      expect((await run(argv)).status).toBe(EXIT.usage);
    }
    const help = await run(['--help']);
    expect(help.status).toBe(EXIT.ok);
    expect(help.out).toContain('blouse audit verify');
  });
});
