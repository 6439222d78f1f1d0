import { randomUUID } from 'node:crypto';
import { addDays, parisDay } from '../analytics/paris-day.js';
import { refreshAnalytics } from '../analytics/refresh.js';
import { MENTION_CATEGORY_MIX, random, SOURCE_MIX, seedVolume } from '../bench/analytics-seed.js';
import type { NewRow } from '../db/schema.js';
import type { AppContext } from '../http/context.js';
import { foldForMatching } from '../listening/watch-terms/fold-for-matching.js';

export const DEMO_GROUP_NAME = 'GHT de Démonstration';
export const DEMO_SECOND_ESTABLISHMENT_NAME = 'CH de Démoville-Sud';

/** Past incidents, in the words a desk would file them under (all invented). */
const PAST_INCIDENT_TITLES = [
  'Avis Google : attente aux urgences',
  'Photo d’une chambre publiée par un visiteur',
  'Rumeur de fermeture de la maternité',
  'Critique du parking sur Facebook',
  'Message injurieux envers une infirmière',
  'Publication d’un agent sur un patient',
  'Fausse information sur la vaccination',
  'Menace contre le service des urgences',
  'Question sur les horaires de visite',
];

/**
 * The dashboards' demo (issue 14): a group (GHT) of the demo hospital and a second one, the
 * director in both, and six months of history so that the charts say something on the first
 * start. Past incidents are real rows of the second hospital (closed for the most part,
 * references « INC-H-… », which the desk's numbering ignores); past mentions exist only as daily counts, as they would after
 * retention deleted the mentions themselves, and past posts only as read-model rows. Does
 * nothing when the group exists already.
 */
export async function seedDemoAnalytics(
  context: AppContext,
  establishmentId: string,
  directorEmail: string,
): Promise<void> {
  const db = context.storage.db;
  const now = context.clock();
  const existing = await db
    .selectFrom('establishment_groups')
    .select('id')
    .where('name', '=', DEMO_GROUP_NAME)
    .executeTakeFirst();
  if (existing !== undefined) return;
  const groupId = randomUUID();
  const southId = randomUUID();
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('establishment_groups')
      .values({ id: groupId, name: DEMO_GROUP_NAME, created_at: at })
      .execute();
    await trx
      .insertInto('establishments')
      .values({
        id: southId,
        group_id: groupId,
        name: DEMO_SECOND_ESTABLISHMENT_NAME,
        guard_lists: JSON.stringify({ names: [DEMO_SECOND_ESTABLISHMENT_NAME] }),
        created_at: at,
      })
      .execute();
    await trx
      .updateTable('establishments')
      .set({ group_id: groupId })
      .where('id', '=', establishmentId)
      .execute();
    await trx
      .insertInto('watch_terms')
      .values({
        id: randomUUID(),
        establishment_id: southId,
        kind: 'name',
        term: DEMO_SECOND_ESTABLISHMENT_NAME,
        folded: foldForMatching(DEMO_SECOND_ESTABLISHMENT_NAME),
        created_at: at,
      })
      .execute();
    const director = await trx
      .selectFrom('users')
      .select('id')
      .where('email', '=', directorEmail)
      .executeTakeFirst();
    if (director !== undefined)
      await trx
        .insertInto('memberships')
        .values({ user_id: director.id, establishment_id: southId, role: 'direction', created_at: at })
        .execute();
  });

  const from = new Date(now.getTime() - 182 * 86_400_000);
  const to = new Date(now.getTime() - 86_400_000);
  // The past incidents are the second hospital's only: the demo hospital's desk (the accounts of
  // every other role) keeps to its own few live incidents, as the desk's journeys expect, while
  // the director's group dashboard and report count both.
  for (const [id, incidents, seed] of [[southId, 230, 2]] as const) {
    await seedVolume(db, {
      establishmentIds: [id],
      incidents,
      mentions: 0,
      alerts: 0,
      from,
      to,
      seed,
      titles: PAST_INCIDENT_TITLES,
      referencePrefix: 'INC-H-',
    });
  }

  // Mentions and alerts of the past months, as daily counts.
  const next = random(3);
  const rows: NewRow<'analytics_daily'>[] = [];
  const firstDay = parisDay(from.toISOString());
  const lastDay = parisDay(to.toISOString());
  for (const [id, volume] of [
    [establishmentId, 24],
    [southId, 11],
  ] as const) {
    for (let day = firstDay; day <= lastDay; day = addDays(day, 1)) {
      const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
      const mentions = Math.round(volume * (weekday === 0 || weekday === 6 ? 0.6 : 1) * (0.6 + next() * 0.8));
      const byCategory = new Map<string, number>();
      const bySource = new Map<string, number>();
      for (let k = 0; k < mentions; k++) {
        const category = MENTION_CATEGORY_MIX[Math.floor(next() * MENTION_CATEGORY_MIX.length)] as string;
        const source = SOURCE_MIX[Math.floor(next() * SOURCE_MIX.length)] as string;
        byCategory.set(category, (byCategory.get(category) ?? 0) + 1);
        bySource.set(source, (bySource.get(source) ?? 0) + 1);
      }
      for (const [dimension, value] of byCategory)
        rows.push({ establishment_id: id, day, metric: 'mentions.category', dimension, value });
      for (const [dimension, value] of bySource)
        rows.push({ establishment_id: id, day, metric: 'mentions.source', dimension, value });
      if (next() < 0.08)
        rows.push({
          establishment_id: id,
          day,
          metric: 'alerts.reason',
          dimension: next() < 0.5 ? 'volume' : 'high_reach',
          value: 1,
        });
    }
  }
  // Added to what a refresh running meanwhile may have counted for the same days.
  for (let start = 0; start < rows.length; start += 500)
    await db
      .insertInto('analytics_daily')
      .values(rows.slice(start, start + 500))
      .onConflict((oc) =>
        oc
          .columns(['establishment_id', 'day', 'metric', 'dimension'])
          .doUpdateSet((eb) => ({ value: eb('analytics_daily.value', '+', eb.ref('excluded.value')) })),
      )
      .execute();
  // Checks of the past months: check_stats is counters only (no text), written as the guard would.
  const checks: NewRow<'check_stats'>[] = [];
  const rules = ['SECRET-01', 'IMAGE-03', 'GEO-01', 'ROLE-02', 'RESPECT-01'];
  for (const id of [establishmentId, southId]) {
    for (let day = firstDay; day <= lastDay; day = addDays(day, 1)) {
      for (const context of ['staff', 'institutional']) {
        const ok = Math.floor(next() * 6);
        const warn = Math.floor(next() * 3);
        const block = next() < 0.4 ? 1 : 0;
        for (const [verdict, count] of [
          ['ok', ok],
          ['warn', warn],
          ['block', block],
        ] as const) {
          if (count === 0) continue;
          checks.push({ establishment_id: id, day, context, verdict, rule_id: '*', count });
          if (verdict !== 'ok') {
            const rule = rules[Math.floor(next() * rules.length)] as string;
            checks.push({ establishment_id: id, day, context, verdict, rule_id: rule, count });
          }
        }
      }
    }
  }
  for (let start = 0; start < checks.length; start += 500)
    await db
      .insertInto('check_stats')
      .values(checks.slice(start, start + 500))
      .onConflict((oc) =>
        oc
          .columns(['establishment_id', 'day', 'context', 'verdict', 'rule_id'])
          .doUpdateSet((eb) => ({ count: eb('check_stats.count', '+', eb.ref('excluded.count')) })),
      )
      .execute();

  // Posts of the past months and their engagement, also as read-model rows (the demo has no
  // network account to have published them): two or three a week per hospital.
  const networks = ['facebook', 'linkedin', 'instagram', 'bluesky'];
  const posts: NewRow<'analytics_publications'>[] = [];
  const approvals: NewRow<'analytics_approvals'>[] = [];
  for (const [id, perWeek] of [
    [establishmentId, 3],
    [southId, 2],
  ] as const) {
    for (let day = firstDay; day <= lastDay; day = addDays(day, 1)) {
      if (next() >= perWeek / 7) continue;
      const draftId = randomUUID();
      approvals.push({
        establishment_id: id,
        draft_id: draftId,
        approved_day: day,
        lead_minutes: 60 + Math.floor(next() * 1_800),
      });
      for (const network of networks.filter(() => next() < 0.5)) {
        const reach = 400 + Math.floor(next() * 4_000);
        posts.push({
          publication_id: randomUUID(),
          establishment_id: id,
          network,
          published_day: day,
          likes: Math.floor(reach * (0.02 + next() * 0.05)),
          shares: Math.floor(reach * next() * 0.01),
          comments: Math.floor(reach * next() * 0.008),
          impressions: reach,
        });
      }
    }
  }
  for (let start = 0; start < posts.length; start += 500)
    await db
      .insertInto('analytics_publications')
      .values(posts.slice(start, start + 500))
      .execute();
  for (let start = 0; start < approvals.length; start += 500)
    await db
      .insertInto('analytics_approvals')
      .values(approvals.slice(start, start + 500))
      .execute();
  // The refresh copies check counters from the day of its last run only (they grow on the current
  // day): these are past days, so it copies them all once more.
  await db.deleteFrom('analytics_watermarks').where('source', '=', 'checks').execute();
  await refreshAnalytics(context.storage, now);
}
