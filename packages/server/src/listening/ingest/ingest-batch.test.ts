import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { afterCommitIdle } from '../../http/context.js';
import { createTestApp, type TestApp } from '../../test-support/app.js';
import { DIALECTS } from '../../test-support/databases.js';
import type { NewMention } from '../new-mention.js';
import { addTestTerm, testPost } from '../test-kit.js';
import { termsChanged } from '../watch-terms/matcher-cache.js';
import { ingestBatch } from './ingest-batch.js';

const BREACH =
  'Mme Dupont, 92 ans, chambre 214 au CHU de Valmont, a un cancer du pancréas, je l’ai vue ce matin';

describe.each(DIALECTS)('ingestBatch on %s', (dialect) => {
  let t: TestApp;
  let valmont: string;
  let bourg: string;
  let sourceId: string;
  const heard: NewMention[][] = [];
  const listener = async (_context: unknown, mentions: readonly NewMention[]) => {
    heard.push([...mentions]);
  };

  beforeAll(async () => {
    t = await createTestApp(dialect, { mentionRetentionDays: 30 });
    valmont = await t.establishment('CHU de Valmont');
    bourg = await t.establishment('CH de Bourg');
    await addTestTerm(t.storage.db, valmont, 'CHU de Valmont');
    await addTestTerm(t.storage.db, valmont, '#ChuValmont', 'hashtag');
    await addTestTerm(t.storage.db, valmont, 'Valmont', 'alias');
    await addTestTerm(t.storage.db, valmont, 'Château de Valmont', 'exclusion');
    await addTestTerm(t.storage.db, bourg, 'urgences');
    termsChanged(t.context);
    sourceId = randomUUID();
    await t.storage.db
      .insertInto('listening_sources')
      .values({
        id: sourceId,
        establishment_id: null,
        kind: 'rss',
        name: 'Presse locale',
        settings: '{}',
        enabled: 1,
        cursor: null,
        failures: 2,
        last_error: 'erreur précédente',
        next_attempt_at: null,
        last_read_at: null,
        created_at: t.clock.now().toISOString(),
      })
      .execute();
  });
  afterAll(async () => t.close());

  const shared = () => ({ sourceId, establishmentId: null });

  it('stores matching posts once with the guard’s verdict, fans out, and moves the cursor', async () => {
    const posts = [
      testPost({ externalId: 'a', text: BREACH }),
      testPost({ externalId: 'b', text: 'Merci au CHU de Valmont et à ses urgences, équipe formidable !' }),
      testPost({ externalId: 'c', text: 'Rien à voir avec un hôpital' }),
      testPost({ externalId: 'd', text: 'Visite au Château de Valmont ce week-end' }),
    ];
    const result = await ingestBatch(t.context, shared(), posts, 'curseur-1', [listener]);
    expect(result).toMatchObject({ received: 4, stored: 2, duplicates: 0, unmatched: 2, rejected: [] });
    // b concerns both establishments (« CHU de Valmont », « urgences »): two mentions of one post.
    expect(result.mentions.map((m) => m.establishmentId).sort()).toEqual([valmont, valmont, bourg].sort());

    const breach = result.mentions.find((m) => m.text === BREACH);
    expect(breach).toMatchObject({
      category: 'privacy_breach',
      verdict: 'block',
    });
    expect([...(breach?.matchedTerms ?? [])].sort()).toEqual(['CHU de Valmont', 'Valmont']);
    expect(breach?.findings[0]).toEqual({
      rule: 'SECRET-01',
      severity: 'block',
      explanation: expect.any(String),
      raisedBy: 'rule',
    });
    const stored = await t.storage.db
      .selectFrom('mentions')
      .selectAll()
      .where('id', '=', breach?.id ?? '')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(stored.findings)[0]).not.toHaveProperty('spans');
    // Retention: 30 days from now, as configured.
    expect(stored.expires_at).toBe(new Date(t.clock.now().getTime() + 30 * 86_400_000).toISOString());
    // Unmatched and excluded posts are not kept.
    expect(
      await t.storage.db.selectFrom('heard_posts').select('external_id').orderBy('external_id').execute(),
    ).toEqual([{ external_id: 'a' }, { external_id: 'b' }]);
    const source = await t.storage.db
      .selectFrom('listening_sources')
      .selectAll()
      .where('id', '=', sourceId)
      .executeTakeFirstOrThrow();
    expect(source).toMatchObject({ cursor: 'curseur-1', last_read_at: t.clock.now().toISOString() });

    // Listeners hear of the mentions once committed.
    await afterCommitIdle(t.context);
    expect(
      heard
        .at(-1)
        ?.map((m) => m.id)
        .sort(),
    ).toEqual(result.mentions.map((m) => m.id).sort());
  });

  it('skips what was already heard, whatever the source and the address’s decoration', async () => {
    heard.length = 0;
    const again = [
      testPost({ externalId: 'a', text: BREACH }),
      testPost({
        source: 'mastodon',
        externalId: 'z',
        url: 'https://FORUM.exemple.fr/sujets/b/?utm_source=x#r',
        text: 'Merci au CHU de Valmont',
      }),
    ];
    const result = await ingestBatch(t.context, shared(), again, 'curseur-2', [listener]);
    expect(result).toMatchObject({ stored: 0, duplicates: 2, mentions: [] });
    await afterCommitIdle(t.context);
    expect(heard).toEqual([]);
    const source = await t.storage.db
      .selectFrom('listening_sources')
      .select('cursor')
      .where('id', '=', sourceId)
      .executeTakeFirstOrThrow();
    expect(source.cursor).toBe('curseur-2');
  });

  it('serves only its establishment from an establishment’s own source', async () => {
    const post = testPost({ text: 'Aux urgences du CHU de Valmont ce soir' });
    const result = await ingestBatch(t.context, { sourceId: null, establishmentId: bourg }, [post], null, []);
    expect(result.mentions.map((m) => m.establishmentId)).toEqual([bourg]);
  });

  it('refuses posts it cannot store, keeps the rest, and mends text PostgreSQL would refuse', async () => {
    const result = await ingestBatch(
      t.context,
      shared(),
      [
        testPost({ text: '   ' }),
        testPost({ text: 'CHU de Valmont', publishedAt: 'hier' }),
        testPost({ text: 'CHU de Valmont', reach: -3 }),
        testPost({ text: 'Au CHU de Valmont\u0000 aujourd’hui \uD800', url: null }),
      ],
      null,
      [],
    );
    expect(result.rejected).toEqual([
      { index: 0, message: 'message sans texte' },
      { index: 1, message: 'date de publication illisible' },
      { index: 2, message: 'audience invalide (entier positif attendu)' },
    ]);
    expect(result.mentions[0]?.text).toBe('Au CHU de Valmont\uFFFD aujourd’hui \uFFFD');
  });

  it('stores a post once when two sources deliver it at the same moment', async () => {
    const posts = Array.from({ length: 20 }, (_, i) =>
      testPost({ externalId: `course-${i}`, text: `Message ${i} sur le CHU de Valmont` }),
    );
    const results = await Promise.all([
      ingestBatch(t.context, shared(), posts, null, []),
      ingestBatch(t.context, shared(), [...posts].reverse(), null, []),
    ]);
    expect(results.reduce((sum, r) => sum + r.stored, 0)).toBe(20);
    expect(results.reduce((sum, r) => sum + r.duplicates, 0)).toBe(20);
    const rows = await t.storage.db
      .selectFrom('heard_posts')
      .select('id')
      .where('external_id', 'like', 'course-%')
      .execute();
    expect(rows).toHaveLength(20);
  });
});
