import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { seedSignedInMember } from '../bench/seed-member.js';
import { startServerProcess } from '../bench/server-process.js';
import { openStorage } from '../db/database.js';
import { createTestStorage, DIALECTS, type TestStorage } from '../test-support/databases.js';

const LAUNCHER = fileURLToPath(new URL('../../bin/blouse.js', import.meta.url));

/** A multipart report, as the staff's form sends it. */
function reportForm(index: number): FormData {
  const form = new FormData();
  form.set('url', `https://www.facebook.com/groupe/posts/${index}`);
  form.set('network', 'facebook');
  form.set(
    'excerpt',
    `Message numéro ${index} vu sur un groupe local : « l’infirmière du 3e est incompétente »`,
  );
  form.set('seen_where', 'Groupe Facebook de la ville');
  form.set('note', `Note ${index}`);
  form.set('anonymous', index % 3 === 0 ? 'true' : 'false');
  return form;
}

/**
 * The server is killed with SIGKILL while reports are being written, then restarted on the same
 * database: every report it acknowledged (201) must be there with its incident, nothing may be
 * half written, and the audit chain must still verify. A real server process, a real database.
 */
describe.each(DIALECTS)('a server killed during writes, on %s', (dialect) => {
  const opened: TestStorage[] = [];
  afterAll(async () => {
    for (const storage of opened) await storage.dispose();
  });

  it('keeps every acknowledged report and a valid audit chain after a restart', async () => {
    const storage = await createTestStorage(dialect);
    opened.push(storage);
    const { establishmentId, headers } = await seedSignedInMember(storage, {
      establishmentName: 'CH Crash',
      email: 'crash@chu-test.fr',
      role: 'agent',
    });
    // One agent files as fast as it can, from one address: lift the filing limits (10 and 20).
    const env = {
      DATABASE_URL: storage.url,
      BLOUSE_DEMO: 'false',
      BLOUSE_REPORTS_PER_USER: '1000000',
      BLOUSE_REPORTS_PER_ADDRESS: '1000000',
    };

    const server = await startServerProcess(env);
    const acknowledged: string[] = [];
    let sent = 0;
    let killed = false;
    const worker = async () => {
      while (!killed && sent < 2000) {
        const index = sent++;
        try {
          const response = await fetch(`${server.url}/api/establishments/${establishmentId}/reports`, {
            method: 'POST',
            headers,
            body: reportForm(index),
          });
          if (response.status === 201) {
            acknowledged.push(((await response.json()) as { reportId: string }).reportId);
            if (acknowledged.length >= 60 && !killed) {
              killed = true;
              server.child.kill('SIGKILL');
            }
          } else if (!killed) {
            throw new Error(`unexpected ${response.status}: ${await response.text()}`);
          }
        } catch (error) {
          if (!killed) throw error;
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    if (server.child.exitCode === null && server.child.signalCode === null) {
      await new Promise((resolve) => server.child.once('exit', resolve).kill('SIGKILL'));
    }
    expect(acknowledged.length).toBeGreaterThanOrEqual(60);
    // Requests were still in flight when the process died: the kill did land during writes.
    expect(sent).toBeGreaterThan(acknowledged.length);

    // Restarted on the same database.
    const restarted = await startServerProcess(env);
    try {
      const check = openStorage(storage.url);
      try {
        const reports = await check.db.selectFrom('reports').select('id').execute();
        const stored = new Set(reports.map((row) => row.id));
        for (const id of acknowledged) expect(stored.has(id), `acknowledged report ${id}`).toBe(true);
        // Nothing half written: each stored report has its incident and its audit entry.
        const incidents = await check.db.selectFrom('incidents').select('report_id').execute();
        expect(new Set(incidents.map((row) => row.report_id))).toEqual(stored);
        const audited = await check.db
          .selectFrom('audit_log')
          .select('target_id')
          .where('action', '=', 'report.create')
          .execute();
        expect(new Set(audited.map((row) => row.target_id))).toEqual(stored);
      } finally {
        await check.close();
      }
      const verify = spawnSync(process.execPath, [LAUNCHER, 'audit', 'verify'], {
        env: { ...process.env, DATABASE_URL: storage.url },
        encoding: 'utf8',
      });
      expect(verify.status, verify.stdout + verify.stderr).toBe(0);
      // And the restarted server takes new reports.
      const after = await fetch(`${restarted.url}/api/establishments/${establishmentId}/reports`, {
        method: 'POST',
        headers,
        body: reportForm(9999),
      });
      expect(after.status).toBe(201);
    } finally {
      await restarted.stop();
    }
  }, 120_000);
});
