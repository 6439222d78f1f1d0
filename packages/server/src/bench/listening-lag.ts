import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadConfig } from '../config/config.js';
import { openStorage, type Storage } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import type { WatchTermKind } from '../db/schema.js';
import type { ReceivedMail } from '../incidents/notifications/smtp-test-server.js';
import { foldForMatching } from '../listening/watch-terms/fold-for-matching.js';
import { type RunningServer, startServer } from '../runtime/serve.js';

export interface ListeningLagSettings {
  /** Privacy-breach posts measured, one per establishment (each makes its own alert mail). */
  readonly posts: number;
  /** Wait between two posts, after the PDS's answer to the first. */
  readonly spacingMs: number;
  /** How long the run may wait for the last mention and mail (beyond the posting) before it gives up. */
  readonly timeoutMs: number;
}

export const DEFAULT_LISTENING_LAG_SETTINGS: ListeningLagSettings = {
  posts: 20,
  spacingMs: 200,
  timeoutMs: 120_000,
};

export interface LagFigures {
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

export interface ListeningLagResult {
  readonly posts: number;
  /** Posts whose alert mail reached the SMTP server (all of them, or the run fails). */
  readonly mailed: number;
  /** PDS's answer to the post → the mention visible in the database (polled every 10 ms). */
  readonly mentionLagMs: LagFigures;
  /** PDS's answer to the post → the alert mail received by the SMTP server. */
  readonly mailLagMs: LagFigures;
  /** Starting the local network, the SMTP server and Blouse, before the first post. */
  readonly setupMs: number;
}

export type ListeningLagOutcome =
  | { readonly status: 'measured'; readonly result: ListeningLagResult }
  | { readonly status: 'skipped'; readonly reason: string };

/**
 * The development packages the run needs: @atproto/dev-env, @atproto/api and smtp-server are
 * devDependencies, absent from a production install (then the import fails, and the run is skipped).
 */
export async function loadLagTools() {
  const [devEnv, api, smtp] = await Promise.all([
    import('@atproto/dev-env'),
    import('@atproto/api'),
    import('../incidents/notifications/smtp-test-server.js'),
  ]);
  return {
    TestNetworkNoAppView: devEnv.TestNetworkNoAppView,
    AtpAgent: api.AtpAgent,
    startSmtpServer: smtp.startSmtpServer,
  };
}

async function toolsOrNull(load: typeof loadLagTools) {
  try {
    return await load();
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_MODULE_NOT_FOUND') return null;
    throw error;
  }
}

export const LAG_SKIPPED_REASON =
  'mesure du délai de la veille non lancée : @atproto/dev-env, @atproto/api ou smtp-server manquent ' +
  '(ce sont des dépendances de développement ; « npm install » dans le dépôt les installe).';

/** The establishment whose post warms every stage (connection, first compile, first mail) untimed. */
const WARMUP: { name: string; terms: [WatchTermKind, string][] } = {
  name: 'CHU de Démonstration',
  terms: [
    ['name', 'CHU de Démonstration'],
    ['alias', 'CHU Démo'],
  ],
};

/** Like the demo's, for establishment n: its name, an alias and a hashtag. */
function benchEstablishment(n: number): { name: string; terms: [WatchTermKind, string][] } {
  const name = `Centre hospitalier de Bancville ${n}`;
  return {
    name,
    terms: [
      ['name', name],
      ['alias', `CH Bancville ${n}`],
      ['hashtag', `#Bancville${n}`],
    ],
  };
}

/** A post that exposes a patient (as the demo's last post): the guard blocks it, an alert goes at once. */
function breachText(establishment: string): string {
  return `Ma voisine Mme Lebrun, 84 ans, est au ${establishment} chambre 312 pour une chimiothérapie, pensez à elle.`;
}

const recipient = (n: number) => `veille-${n}@banc.blouse.invalid`;

/**
 * Establishments with their watch terms and an e-mail route for immediate alerts, and one shared
 * Bluesky source on the PDS's firehose from its first event (nothing the run posts can be missed
 * while the source connects).
 */
async function seed(storage: Storage, firehose: string, count: number): Promise<void> {
  const now = new Date().toISOString();
  const db = storage.db;
  const all = [WARMUP, ...Array.from({ length: count }, (_, index) => benchEstablishment(index + 1))];
  for (const [n, establishment] of all.entries()) {
    const id = randomUUID();
    await db
      .insertInto('establishments')
      .values({
        id,
        group_id: null,
        name: establishment.name,
        guard_lists: JSON.stringify({ names: [establishment.name] }),
        created_at: now,
      })
      .execute();
    await db
      .insertInto('watch_terms')
      .values(
        establishment.terms.map(([kind, term]) => ({
          id: randomUUID(),
          establishment_id: id,
          kind,
          term,
          folded: foldForMatching(term),
          created_at: now,
        })),
      )
      .execute();
    await db
      .insertInto('alert_routes')
      .values({
        id: randomUUID(),
        establishment_id: id,
        tier: 'immediate',
        channel: 'email',
        target: recipient(n),
        secret: null,
        quiet_from: null,
        quiet_until: null,
        enabled: 1,
        created_at: now,
      })
      .execute();
  }
  await db
    .insertInto('listening_sources')
    .values({
      id: randomUUID(),
      establishment_id: null,
      kind: 'bluesky',
      name: 'PDS local du banc d’essai',
      settings: JSON.stringify({ service: firehose, mode: 'firehose' }),
      enabled: 1,
      cursor: '0',
      failures: 0,
      last_error: null,
      next_attempt_at: null,
      last_read_at: null,
      created_at: now,
    })
    .execute();
}

/** Nearest rank: an observed value. */
function figures(values: readonly number[]): LagFigures {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.max(Math.ceil((p / 100) * sorted.length), 1) - 1] ?? 0;
  const tenth = (ms: number) => Math.round(ms * 10) / 10;
  return { p50: tenth(at(50)), p99: tenth(at(99)), max: tenth(sorted.at(-1) ?? 0) };
}

/**
 * The end-to-end lag of listening, all parts real and in this one process: a local Bluesky
 * network (PLC directory and PDS from @atproto/dev-env), an SMTP server on loopback, and Blouse
 * started as `blouse serve` starts it (startServer: jobs, alert deliveries, the listening service
 * with the alert listener) on a temporary SQLite database. Posts one privacy breach per
 * establishment, spaced, and times each from the PDS's answer to its mention stored and to its
 * alert mail received. Skipped, with the reason, when the development packages are missing.
 */
export async function runListeningLag(
  settings: ListeningLagSettings,
  load: typeof loadLagTools = loadLagTools,
): Promise<ListeningLagOutcome> {
  const tools = await toolsOrNull(load);
  if (tools === null) return { status: 'skipped', reason: LAG_SKIPPED_REASON };
  const setupStarted = performance.now();
  const dir = mkdtempSync(join(tmpdir(), 'blouse-lag-'));
  // Mail arrivals by recipient: n is the establishment (0 the warm-up).
  const mailedAt = new Map<string, number>();
  const onMail = (mail: ReceivedMail) => {
    for (const to of mail.to) if (!mailedAt.has(to)) mailedAt.set(to, performance.now());
  };
  const network = await tools.TestNetworkNoAppView.create({});
  let smtp: Awaited<ReturnType<typeof tools.startSmtpServer>> | undefined;
  let server: RunningServer | undefined;
  try {
    smtp = await tools.startSmtpServer(onMail);
    const databaseUrl = `sqlite:${join(dir, 'blouse.sqlite')}`;
    const prepared = openStorage(databaseUrl);
    try {
      await migrateToLatest(prepared);
      await seed(prepared, network.pds.url.replace(/^http/, 'ws'), settings.posts);
    } finally {
      await prepared.close();
    }
    const author = new tools.AtpAgent({ service: network.pds.url });
    await author.createAccount({
      handle: 'temoin-banc.test',
      email: 'temoin@banc.test',
      password: 'banc-mdp',
    });
    server = await startServer(
      loadConfig({
        BLOUSE_PORT: '0',
        DATABASE_URL: databaseUrl,
        BLOUSE_DEMO: 'false',
        BLOUSE_LOG_LEVEL: 'silent',
        SMTP_URL: smtp.url,
        MAIL_FROM: 'Blouse <veille@banc.blouse.invalid>',
      }),
    );
    const db = server.storage.db;
    const storedAt = new Map<string, number>();
    // The posting itself takes posts × spacing: the limit is on top of it.
    const deadline = performance.now() + settings.timeoutMs + settings.posts * settings.spacingMs;
    const waitFor = async (what: string, done: () => Promise<boolean> | boolean) => {
      while (!(await done())) {
        if (performance.now() > deadline) {
          throw new Error(
            `délai dépassé (${settings.timeoutMs / 1000} s) en attendant ${what} : ` +
              `${storedAt.size} mentions enregistrées, ${mailedAt.size} e-mails reçus.`,
          );
        }
        await sleep(10);
      }
    };
    /** Marks, as soon as it is seen, each awaited post whose mention is stored. */
    const pollMentions = async (pending: Set<string>) => {
      if (pending.size === 0) return;
      const rows = await db
        .selectFrom('mentions')
        .innerJoin('heard_posts', 'heard_posts.id', 'mentions.post_id')
        .select('heard_posts.external_id')
        .where('heard_posts.external_id', 'in', [...pending])
        .execute();
      const seen = performance.now();
      for (const row of rows) {
        if (pending.delete(row.external_id)) storedAt.set(row.external_id, seen);
      }
    };

    // Warm-up, untimed: the source connects and catches up, the matcher compiles, SMTP connects.
    const warm = await author.post({ text: breachText(WARMUP.name) });
    const warmPending = new Set([warm.uri]);
    await waitFor('la publication de chauffe', async () => {
      await pollMentions(warmPending);
      return warmPending.size === 0 && mailedAt.has(recipient(0));
    });
    const setupMs = performance.now() - setupStarted;

    const postedAt = new Map<string, { n: number; at: number }>();
    const pending = new Set<string>();
    let posting = true;
    const polling = (async () => {
      while (posting || pending.size > 0) {
        await pollMentions(pending);
        if (performance.now() > deadline) return;
        await sleep(10);
      }
    })();
    try {
      for (let n = 1; n <= settings.posts; n += 1) {
        const posted = await author.post({ text: breachText(benchEstablishment(n).name) });
        postedAt.set(posted.uri, { n, at: performance.now() });
        pending.add(posted.uri);
        if (n < settings.posts) await sleep(settings.spacingMs);
      }
    } finally {
      posting = false;
    }
    await polling;
    await waitFor('les mentions et les e-mails d’alerte', () => {
      return [...postedAt].every(([uri, { n }]) => storedAt.has(uri) && mailedAt.has(recipient(n)));
    });
    const mentionLags: number[] = [];
    const mailLags: number[] = [];
    for (const [uri, { n, at }] of postedAt) {
      mentionLags.push((storedAt.get(uri) ?? Number.NaN) - at);
      mailLags.push((mailedAt.get(recipient(n)) ?? Number.NaN) - at);
    }
    return {
      status: 'measured',
      result: {
        posts: settings.posts,
        mailed: mailLags.length,
        mentionLagMs: figures(mentionLags),
        mailLagMs: figures(mailLags),
        setupMs: Math.round(setupMs),
      },
    };
  } finally {
    await server?.stop();
    await smtp?.close();
    await network.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
