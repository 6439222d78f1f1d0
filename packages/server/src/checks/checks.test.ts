import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CHECK_LIMITS } from '../config/config.js';
import type { Role } from '../db/schema.js';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { DIALECTS } from '../test-support/databases.js';
import { counterBuffer } from './counter-buffer.js';
import { dumpDatabase, occurrences } from './database-dump.js';

const BREACH = 'Mme Lefèvre, chambre 12, hospitalisée pour un cancer du sein, va mieux.';
const HARMLESS = 'Belle journée au CHU de Valmont, merci aux équipes !';

describe.each(DIALECTS)('checks on %s', (dialect) => {
  let t: TestApp;
  let establishment: string;
  beforeAll(async () => {
    // Seven concurrent checks of one person test the counters, not the per-person limits.
    t = await createTestApp(dialect, { checkLimits: { ...DEFAULT_CHECK_LIMITS, inFlightPerUser: 10 } });
    establishment = await t.establishment();
  });
  afterAll(async () => t.close());

  const check = (user: Parameters<TestApp['as']>[0], payload: unknown, id = establishment) =>
    t.as(user, { method: 'POST', url: `/api/establishments/${id}/checks`, payload: payload as object });

  it('returns the guard’s report with offsets, fixes and the redacted text', async () => {
    const agent = await t.user({ [establishment]: 'agent' });
    const response = await check(agent, { text: BREACH, context: 'staff' });
    expect(response.statusCode).toBe(200);
    const report = response.json();
    expect(report.verdict).toBe('block');
    expect(report.category).toBeNull();
    const secret = report.findings.find((f: { rule: string }) => f.rule === 'SECRET-01');
    expect(secret.severity).toBe('block');
    expect(secret.explanation.fr).toMatch(/secret/i);
    expect(secret.explanation.en.length).toBeGreaterThan(0);
    expect(secret.fix.text.fr.length).toBeGreaterThan(0);
    const person = secret.spans.find((s: { type: string }) => s.type === 'PERSON');
    expect(BREACH.slice(person.start, person.end)).toBe('Mme Lefèvre');
    expect(report.redacted).not.toContain('Lefèvre');
  });

  it('says who raised each finding: a written rule or the learned model', async () => {
    const agent = await t.user({ [establishment]: 'agent' });
    const byRule = (await check(agent, { text: BREACH, context: 'staff' })).json();
    const secret = byRule.findings.find((f: { rule: string }) => f.rule === 'SECRET-01');
    expect(secret.raisedBy).toBe('rule');
    // No written rule reads a photo of a staff room as an image-rights question; the model does.
    const photo = (
      await check(agent, {
        text: 'Photo de notre salle de pause refaite à neuf 😍 merci aux services techniques pour le coup de peinture',
        context: 'staff',
      })
    ).json();
    const raisedBy = photo.findings.map((f: { raisedBy: string }) => f.raisedBy);
    expect(raisedBy).toContain('model');
    expect(raisedBy.every((value: string) => value === 'rule' || value === 'model')).toBe(true);
  });

  it('offers a safer version in plain French, or says why there is none', async () => {
    const agent = await t.user({ [establishment]: 'agent' });
    const breach = (await check(agent, { text: BREACH, context: 'staff' })).json();
    // Her name and room go; whether her illness may stay or is generalised (« pour des soins »)
    // is the re-check's call, so the test holds what matters: nothing left identifies her, and
    // the rewrite is publishable.
    const safer: string = breach.saferVersion.text;
    for (const gone of ['Lefèvre', 'chambre', '12']) expect(safer).not.toContain(gone);
    expect(safer).toMatch(/^Une patiente, hospitalisée pour .+, va mieux\.$/);
    expect((await check(agent, { text: safer, context: 'staff' })).json().verdict).toBe('ok');
    const threat = (
      await check(agent, {
        text: 'Je vais tuer cette infirmière demain à la sortie du service',
        context: 'staff',
      })
    ).json();
    expect(threat.verdict).toBe('block');
    expect(threat.saferVersion.text).toBeNull();
    expect(threat.saferVersion.reason.fr).toMatch(/^Aucune version sûre : le message vise une personne/);
    expect(threat.saferVersion.reason.en).toMatch(/^No safe version/);
    const harmless = (await check(agent, { text: HARMLESS, context: 'institutional' })).json();
    expect(harmless.saferVersion).toEqual({ text: HARMLESS });
  });

  it('gives a category for a public post and ok for a harmless one', async () => {
    const agent = await t.user({ [establishment]: 'agent' });
    const harmless = await check(agent, { text: HARMLESS, context: 'institutional' });
    expect(harmless.json()).toMatchObject({
      verdict: 'ok',
      findings: [],
      redacted: HARMLESS,
      category: null,
    });
    const publicPost = await check(agent, {
      text: 'Honte à cet hôpital, 6 heures d’attente aux urgences !',
      context: 'public',
    });
    expect(publicPost.statusCode).toBe(200);
    expect(typeof publicPost.json().category).toBe('string');
  });

  it('stores no part of the text anywhere: only counters', async () => {
    const agent = await t.user({ [establishment]: 'agent' });
    const sentence = 'Mme Quenouille-Zbigniew, chambre 417, traitée pour une leucémie, pleure chaque nuit.';
    const response = await check(agent, { text: sentence, context: 'staff' });
    expect(response.statusCode).toBe(200);
    await counterBuffer(t.context).flush();
    const dump = await dumpDatabase(t.storage);
    expect(dump.size).toBeGreaterThan(5);
    for (const fragment of [
      sentence,
      'Quenouille',
      'Zbigniew',
      'chambre 417',
      'leucémie',
      'pleure chaque nuit',
    ]) {
      expect(occurrences(dump, fragment)).toEqual([]);
    }
    expect(dump.get('check_stats')?.length).toBeGreaterThan(0);
  });

  it('counts checks atomically by day, context, verdict and rule, and reports totals', async () => {
    const other = await t.establishment('Autre établissement');
    const agent = await t.user({ [other]: 'agent' });
    // Concurrent checks: the upsert must not lose a count.
    const results = await Promise.all([
      ...Array.from({ length: 4 }, () => check(agent, { text: BREACH, context: 'staff' }, other)),
      ...Array.from({ length: 3 }, () => check(agent, { text: HARMLESS, context: 'institutional' }, other)),
    ]);
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200, 200, 200]);
    t.clock.advance(86_400_000);
    // Sessions last 12 hours: tomorrow's check comes from a fresh one.
    const tomorrow = await t.user({ [other]: 'agent' });
    expect((await check(tomorrow, { text: BREACH, context: 'reply' }, other)).statusCode).toBe(200);
    const reader = await t.user({ [other]: 'communication' });

    await counterBuffer(t.context).flush();
    const rows = await t.storage.db
      .selectFrom('check_stats')
      .selectAll()
      .where('establishment_id', '=', other)
      .orderBy('day')
      .orderBy('context')
      .orderBy('rule_id')
      .execute();
    const star = rows.filter((r) => r.rule_id === '*');
    expect(star.map((r) => [r.day, r.context, r.verdict, r.count])).toEqual([
      ['2026-11-02', 'institutional', 'ok', 3],
      ['2026-11-02', 'staff', 'block', 4],
      ['2026-11-03', 'reply', 'block', 1],
    ]);
    expect(rows.find((r) => r.rule_id === 'SECRET-01' && r.context === 'staff')?.count).toBe(4);

    const stats = await t.as(reader, { method: 'GET', url: `/api/establishments/${other}/checks/stats` });
    expect(stats.statusCode).toBe(200);
    const body = stats.json();
    expect(body.total).toBe(8);
    expect(body.byVerdict).toEqual({ ok: 3, warn: 0, block: 5 });
    expect(body.byContext).toEqual([
      { context: 'staff', count: 4 },
      { context: 'institutional', count: 3 },
      { context: 'reply', count: 1 },
    ]);
    expect(body.byRule.find((r: { rule: string }) => r.rule === 'SECRET-01')).toEqual({
      rule: 'SECRET-01',
      count: 5,
      blocked: 5,
    });
    expect(body.to).toBe('2026-11-03');

    const firstDay = await t.as(reader, {
      method: 'GET',
      url: `/api/establishments/${other}/checks/stats?from=2026-11-02&to=2026-11-02`,
    });
    expect(firstDay.json()).toMatchObject({ total: 7, byVerdict: { ok: 3, warn: 0, block: 4 } });
    t.clock.advance(-86_400_000);
  });

  it('refuses bad inputs with a French 400 and counts nothing', async () => {
    const agent = await t.user({ [establishment]: 'agent' });
    const before = await t.storage.db.selectFrom('check_stats').selectAll().execute();
    for (const payload of [
      { text: '', context: 'staff' },
      { text: 'x'.repeat(20_001), context: 'staff' },
      { text: 'Bonjour', context: 'tweet' },
      { text: 42, context: 'staff' },
      { context: 'staff' },
      { text: 'Bonjour' },
    ]) {
      const response = await check(agent, payload);
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().code).toBe('donnees_invalides');
    }
    expect(await t.storage.db.selectFrom('check_stats').selectAll().execute()).toEqual(before);
    expect((await check(agent, { text: 'x'.repeat(20_000), context: 'staff' })).statusCode).toBe(200);
  });

  it('answers HTML and SQL as data, never executed', async () => {
    const agent = await t.user({ [establishment]: 'agent' });
    const text = "<script>alert(1)</script> '; drop table check_stats; --";
    const response = await check(agent, { text, context: 'staff' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/json');
    expect(response.json().redacted).toBe(text);
    await counterBuffer(t.context).flush();
    expect((await t.storage.db.selectFrom('check_stats').selectAll().execute()).length).toBeGreaterThan(0);
  });

  it.each<Role>(['admin', 'communication', 'community_manager', 'legal', 'agent'])(
    'lets a %s check a text',
    async (role) => {
      const user = await t.user({ [establishment]: role });
      expect((await check(user, { text: HARMLESS, context: 'staff' })).statusCode).toBe(200);
    },
  );

  it('hides another establishment (404) and asks for a session (401)', async () => {
    const elsewhere = await t.establishment('Ailleurs');
    const outsider = await t.user({ [elsewhere]: 'admin' });
    const response = await check(outsider, { text: HARMLESS, context: 'staff' });
    expect(response.statusCode).toBe(404);
    expect((await check(null, { text: HARMLESS, context: 'staff' })).statusCode).toBe(401);
    const stats = await t.as(outsider, {
      method: 'GET',
      url: `/api/establishments/${establishment}/checks/stats`,
    });
    expect(stats.statusCode).toBe(404);
  });

  it.each<[Role, number]>([
    ['admin', 200],
    ['communication', 200],
    ['community_manager', 403],
    ['legal', 403],
    ['agent', 403],
  ])('statistics for a %s: %i', async (role, status) => {
    const user = await t.user({ [establishment]: role });
    const response = await t.as(user, {
      method: 'GET',
      url: `/api/establishments/${establishment}/checks/stats`,
    });
    expect(response.statusCode).toBe(status);
  });

  it('refuses an invalid or inverted period', async () => {
    const director = await t.user({ [establishment]: 'communication' });
    const url = `/api/establishments/${establishment}/checks/stats`;
    for (const query of [
      '?from=2026-13-01',
      '?from=hier',
      '?from=2026-11-05&to=2026-11-01',
      '?from=2020-01-01&to=2026-11-01',
    ]) {
      const response = await t.as(director, { method: 'GET', url: url + query });
      expect(response.statusCode).toBe(400);
      expect(response.json().detail).toMatch(/[a-zé]/);
    }
  });

  it('uses the establishment’s lists: a consenting staff member is not a private person', async () => {
    const listed = await t.establishment('CH de Brocéliande');
    await t.storage.db
      .updateTable('establishments')
      .set({
        guard_lists: JSON.stringify({ consentingStaff: ['Pr Hélène Morvan'], unknownKey: 3, names: 'bad' }),
      })
      .where('id', '=', listed)
      .execute();
    const agent = await t.user({ [listed]: 'agent' });
    const text = 'Bravo au Pr Hélène Morvan et à son équipe pour ce congrès.';
    const response = await check(agent, { text, context: 'institutional' }, listed);
    expect(response.statusCode).toBe(200);
    const persons = response
      .json()
      .findings.flatMap((f: { spans: { type: string; start: number; end: number }[] }) => f.spans)
      .filter((s: { type: string }) => s.type === 'PERSON');
    expect(persons).toEqual([]);
  });
});

describe.each(DIALECTS)('previews on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t.close());

  it('answers a preview like a check but does not count it', async () => {
    const establishment = await t.establishment();
    const agent = await t.user({ [establishment]: 'agent' });
    const url = `/api/establishments/${establishment}/checks`;
    const preview = await t.as(agent, {
      method: 'POST',
      url,
      payload: { text: 'Mme Dupont, chambre 214', context: 'public', preview: true },
    });
    expect(preview.statusCode).toBe(200);
    expect(preview.json().findings.length).toBeGreaterThan(0);
    await counterBuffer(t.context).flush();
    expect(await t.storage.db.selectFrom('check_stats').selectAll().execute()).toEqual([]);
    const counted = await t.as(agent, {
      method: 'POST',
      url,
      payload: { text: 'Mme Dupont, chambre 214', context: 'public' },
    });
    expect(counted.statusCode).toBe(200);
    await counterBuffer(t.context).flush();
    expect((await t.storage.db.selectFrom('check_stats').selectAll().execute()).length).toBeGreaterThan(0);
    const wrong = await t.as(agent, {
      method: 'POST',
      url,
      payload: { text: 'x', context: 'public', preview: 'oui' },
    });
    expect(wrong.statusCode).toBe(400);
  });
});
