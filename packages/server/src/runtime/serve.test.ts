import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.js';
import { waitFor } from '../test-support/job-engines.js';
import { startServer } from './serve.js';

describe('blouse serve (embedded default)', () => {
  it('migrates, seeds the demo with one account per role, listens, and draws new demo passwords at each start', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'blouse-serve-'));
    const config = loadConfig({
      DATABASE_URL: `sqlite:${join(dir, 'blouse.sqlite')}`,
      BLOUSE_DEMO: 'true',
      BLOUSE_PORT: '1',
    });
    const first = await startServer({ ...config, port: 0, logLevel: 'silent' });
    try {
      expect(first.demoAccounts.map((account) => account.role).sort()).toEqual([
        'admin',
        'agent',
        'communication',
        'community_manager',
        'direction',
        'legal',
      ]);
      const health = await fetch(`${first.url}/api/health`);
      expect(health.status).toBe(200);
      const docs = await fetch(`${first.url}/api/docs/json`);
      expect(((await docs.json()) as { openapi: string }).openapi).toMatch(/^3\./);
      // Background jobs run: the in-process engine on SQLite, started with the server.
      expect(first.jobs.engine).toBe('in-process');
      const ran: unknown[] = [];
      await first.jobs.work('serve-check', async (job) => {
        ran.push(job.data);
      });
      await first.jobs.send('serve-check', { ping: true });
      await waitFor('the job ran', () => ran.length === 1);
      expect(ran).toEqual([{ ping: true }]);
    } finally {
      await first.stop();
    }
    const second = await startServer({ ...config, port: 0, logLevel: 'silent' });
    try {
      expect(second.demoAccounts).toHaveLength(6);
      expect(second.demoAccounts[0]?.password).not.toBe(first.demoAccounts[0]?.password);
      // The demo hospital and the second hospital of its group (GHT), for the dashboards.
      const establishments = await second.storage.db
        .selectFrom('establishments')
        .select('group_id')
        .execute();
      expect(establishments).toHaveLength(2);
      expect(new Set(establishments.map((establishment) => establishment.group_id)).size).toBe(1);
      // Six months of history for the dashboards, once, counted in the read models.
      const past = await second.storage.db
        .selectFrom('analytics_incidents')
        .innerJoin('incidents', 'incidents.id', 'analytics_incidents.incident_id')
        .select('incidents.id')
        .where('incidents.reference', 'like', 'INC-H-%')
        .execute();
      expect(past).toHaveLength(230);
      // The demo's reports were filed once, at the first start, each with its incident.
      const incidents = await second.storage.db
        .selectFrom('incidents')
        .select(['proposed_severity'])
        .where('reference', 'not like', 'INC-H-%')
        .execute();
      expect(incidents).toHaveLength(3);
      expect(incidents.map((incident) => incident.proposed_severity).sort()).toContain('N4');
      // Listening: the demo's watch terms and its few mentions, checked by the guard, once.
      const terms = await second.storage.db.selectFrom('watch_terms').select('term').execute();
      expect(terms.map((term) => term.term)).toContain('#CHUDemo');
      const mentions = await second.storage.db
        .selectFrom('mentions')
        .select(['category', 'verdict'])
        .execute();
      expect(mentions).toHaveLength(5);
      expect(mentions).toContainEqual({ category: 'privacy_breach', verdict: 'block' });
      expect(mentions).toContainEqual({ category: 'praise', verdict: 'ok' });
      // Publishing: three posts, one relying on a consent in the register, which lets the guard
      // read the name it consents to (the portrait is not blocked).
      const variants = await second.storage.db
        .selectFrom('publishing_variants')
        .innerJoin('publishing_drafts', 'publishing_drafts.id', 'publishing_variants.draft_id')
        .select(['publishing_drafts.title as title', 'publishing_variants.verdict as verdict'])
        .execute();
      expect(new Set(variants.map((variant) => variant.title)).size).toBe(3);
      expect(variants.filter((variant) => variant.verdict === 'block')).toEqual([]);
      const links = await second.storage.db.selectFrom('publishing_draft_consents').selectAll().execute();
      expect(links).toHaveLength(1);
      // The listening service runs with the server (no source is configured in the demo).
      expect(second.listening.runningSources()).toEqual([]);
    } finally {
      await second.stop();
    }
  });

  it('names the variable when the configuration is wrong', () => {
    expect(() => loadConfig({ BLOUSE_PORT: 'quatre-vingts' })).toThrow(/BLOUSE_PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ BLOUSE_DEMO: 'peut-être' })).toThrow(/BLOUSE_DEMO/);
    expect(loadConfig({}).demo).toBe(true);
    expect(loadConfig({ DATABASE_URL: 'postgres://h/db' }).demo).toBe(false);
  });
});
