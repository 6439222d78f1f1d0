import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SAMPLE_POSTS } from '@blouse/guard';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LISTENING_LAG_SETTINGS } from '../bench/listening-lag.js';
import { benchCommand } from './bench.js';
import { main } from './main.js';
import { captureIo } from './test-io.js';

// A short run: these tests check the command, not the speed (benchmarks are never assertions).
const QUICK = { minDurationMs: 20, warmupMs: 5, largeTextBytes: 20_000 };
const TINY_ANALYTICS = {
  incidents: 200,
  mentions: 2_000,
  establishments: 4,
  groupSize: 2,
  reads: 3,
  writtenMentions: 20,
  writtenIncidents: 10,
  dialects: ['sqlite', 'postgres'] as const,
};

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'blouse-bench-'));
}

describe('blouse bench guard', () => {
  it('falls back to the built-in posts when the evaluation data is not in the clone', async () => {
    const { io, out } = captureIo({ cwd: tempDir() });
    expect(await benchCommand(['guard', '--json'], io, QUICK)).toBe(0);
    const run = JSON.parse(out());
    expect(run.source).toBe('publications fictives intégrées');
    expect(run.result.posts).toBe(SAMPLE_POSTS.length);
    expect(run.result.throughput.calls).toBeGreaterThanOrEqual(SAMPLE_POSTS.length);
    expect(run.result.largeText.bytes).toBeGreaterThanOrEqual(20_000);
    expect(Object.keys(run.result.latencyMs)).toEqual(['p50', 'p95', 'p99', 'max', 'mean']);
  });

  it('measures the posts of a data file and prints a readable table', async () => {
    const dir = tempDir();
    const line = (id: string, text: string) =>
      JSON.stringify({ id, context: 'public', text, spans: [], rules: [], verdict: 'ok', category: null });
    writeFileSync(
      join(dir, 'posts.jsonl'),
      [line('a', 'Merci aux urgences 🙏'), 'pas du json', line('b', 'Parking plein')].join('\n'),
    );
    const { io, out, err } = captureIo({ cwd: dir });
    expect(await benchCommand(['guard', '--data', 'posts.jsonl'], io, QUICK)).toBe(0);
    expect(out()).toContain('données : posts.jsonl (2 publications)');
    expect(out()).toMatch(/débit\s+[\d\u202f]+ publications\/s/);
    expect(out()).toMatch(/latence p99\s+\d+,\d+ ms/);
    expect(out()).toContain('texte de 1 Mo');
    expect(err()).toContain('posts.jsonl, ligne 2 : JSON invalide');
  });

  it('refuses a malformed command line or an unreadable file', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.jsonl'), 'rien de valable');
    const cases: [string[], number, string][] = [
      [['bench'], 64, 'précisez ce qu’il faut mesurer'],
      [['bench', 'buzzz'], 64, 'banc d’essai inconnu : « buzzz »'],
      [['bench', 'buzz', '--data', 'x.jsonl'], 64, 'option inconnue : « --data »'],
      [['bench', 'listening', '--data', 'x.jsonl'], 64, 'option inconnue : « --data »'],
      [['bench', 'listening', 'extra'], 64, 'argument inattendu : « extra »'],
      [['bench', 'server', '--seconds', '0'], 64, '--seconds attend un entier'],
      [['bench', 'guard', '--data'], 64, 'attend une valeur'],
      [['bench', 'guard', '--seconds', '1'], 64, 'option inconnue : « --seconds »'],
      [['bench', 'guard', '--data', 'bad.jsonl'], 64, 'aucune ligne valide'],
      [['bench', 'guard', '--data', 'absent.jsonl'], 66, 'fichier introuvable'],
      [['bench', 'listening-lag', '--posts', '0'], 64, '--posts attend un entier'],
      [['bench', 'listening-lag', '--seconds', '1'], 64, 'option inconnue : « --seconds »'],
      [['bench', 'jobs', '--jobs', 'beaucoup'], 64, '--jobs attend un entier'],
      [['bench', 'jobs', '--posts', '3'], 64, 'option inconnue : « --posts »'],
    ];
    for (const [argv, expected, message] of cases) {
      const { io, out, err } = captureIo({ cwd: dir });
      expect(await main(argv, io), argv.join(' ')).toBe(expected);
      expect(out()).toBe('');
      expect(err()).toContain(message);
    }
  });
});

const TINY = { minimumMs: 20, seriesCount: 50 };
const TINY_LISTENING = {
  termCount: 400,
  postCount: 60,
  postCharacters: 280,
  minDurationMs: 20,
  warmupMs: 5,
  seed: 3,
};

describe('blouse bench listening', () => {
  it('measures the watch-term matcher: posts per second, compile time, memory', async () => {
    const { io, out } = captureIo({ cwd: tempDir() });
    expect(await benchCommand(['listening', '--json'], io, QUICK, TINY, undefined, TINY_LISTENING)).toBe(0);
    const run = JSON.parse(out());
    expect(run.result.terms).toBe(400);
    expect(run.result.posts).toBe(60);
    expect(run.result.postCharacters).toBe(280);
    expect(run.result.throughput.postsPerSecond).toBeGreaterThan(0);
    expect(run.result.throughput.wallPostsPerSecond).toBeGreaterThan(0);
    expect(run.result.throughput.calls % 60).toBe(0);
    expect(run.result.compileMs).toBeGreaterThan(0);
    expect(run.result.compileCpuMs).toBeGreaterThan(0);
    // Measured after a full collection; too small to be told from noise with so few terms.
    expect(typeof run.result.memoryBytes).toBe('number');
    expect(run.result.postsWithMention).toBeGreaterThan(0);
  });

  it('prints a readable table', async () => {
    const { io, out } = captureIo({ cwd: tempDir() });
    expect(await benchCommand(['listening'], io, QUICK, TINY, undefined, TINY_LISTENING)).toBe(0);
    expect(out()).toContain('Banc d’essai de la veille');
    expect(out()).toContain('termes : 400 de');
    expect(out()).toMatch(/débit\s+[\d\u202f]+ publications\/s/);
    expect(out()).toMatch(/compilation\s+[\d\u202f]+,\d+ ms\s+[\d\u202f]+,\d+ ms de temps processeur/);
    expect(out()).toMatch(/mémoire\s+(\d+,\d Mo|—)/);
  });
});

describe('blouse bench buzz', () => {
  it('measures points per second for one series and for many', async () => {
    const { io, out } = captureIo({ cwd: tempDir() });
    expect(await benchCommand(['buzz', '--json'], io, QUICK, TINY)).toBe(0);
    const run = JSON.parse(out());
    expect(run.result.oneSeries.pointsPerSecond).toBeGreaterThan(0);
    expect(run.result.manySeries.series).toBe(50);
    expect(run.result.manySeries.points % 50).toBe(0);
    expect(run.result.snapshotBytes).toBeGreaterThan(100);
  });

  it('runs every benchmark for « all », as npm run bench does, the server under load included', async () => {
    const { io, out } = captureIo({ cwd: tempDir() });
    expect(
      await benchCommand(
        ['all'],
        io,
        QUICK,
        TINY,
        { seconds: 1, connections: 2 },
        TINY_LISTENING,
        { ...DEFAULT_LISTENING_LAG_SETTINGS, posts: 2 },
        { jobs: 20 },
        undefined,
        undefined,
        TINY_ANALYTICS,
      ),
    ).toBe(0);
    expect(out()).toContain('Banc d’essai des tableaux de bord');
    expect(out()).toContain('Banc d’essai du garde');
    expect(out()).toContain('Banc d’essai de la veille');
    expect(out()).toContain('Banc d’essai du détecteur de pics');
    expect(out()).toMatch(/une série\s+[\d\u202f]+ points\/s/);
    expect(out()).toMatch(/débit\s+[\d\u202f]+ requêtes\/s/);
    expect(out()).toMatch(/réponses non 2xx\s+0 /);
    expect(out()).toContain('analyse des textes longs dans les workers');
    expect(out()).toMatch(/textes courts\s+[\d\u202f]+ req\/s/);
    expect(out()).toMatch(/e-mail d’alerte reçu\s+[\d\u202f]+,\d+ ms/);
    expect(out()).toMatch(/traitement\s+[\d\u202f]+ tâches\/s/);
  }, 240_000);
});

describe('blouse bench listening-lag', () => {
  it('times real posts on a local Bluesky network to their mention and their alert mail', async () => {
    const { io, out } = captureIo({ cwd: tempDir() });
    expect(await main(['bench', 'listening-lag', '--posts', '3', '--json'], io)).toBe(0);
    const run = JSON.parse(out());
    // Every post made its own alert mail; the figures are printed, never judged here.
    expect(run.posts).toBe(3);
    expect(run.mailed).toBe(3);
    for (const lag of [run.mentionLagMs, run.mailLagMs]) {
      expect(Object.keys(lag)).toEqual(['p50', 'p99', 'max']);
      expect(lag.p50).toBeGreaterThan(0);
      expect(lag.max).toBeGreaterThanOrEqual(lag.p99);
      expect(lag.p99).toBeGreaterThanOrEqual(lag.p50);
    }
  }, 180_000);
});

describe('blouse bench analytics', () => {
  it('seeds, refreshes and reads the dashboards on SQLite and PostgreSQL, and prints the figures in French', async () => {
    const { io, out } = captureIo({ cwd: tempDir() });
    expect(
      await benchCommand(
        ['analytics'],
        io,
        QUICK,
        TINY,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        TINY_ANALYTICS,
      ),
    ).toBe(0);
    expect(out()).toContain('Banc d’essai des tableaux de bord');
    expect(out()).toContain('SQLite (fichier temporaire)');
    expect(out()).toContain('PostgreSQL (base temporaire)');
    expect(out()).toMatch(/tableau : le groupe, 365 jours\s+[\d\u202f]+,\d+ ms \/ [\d\u202f]+,\d+ ms/);
    expect(out()).toMatch(/écrire une mention, avec analytique/);
  }, 120_000);
});

describe('blouse bench jobs', () => {
  it('measures the in-process jobs engine on SQLite', async () => {
    const { io, out } = captureIo({ cwd: tempDir() });
    expect(await main(['bench', 'jobs', '--jobs', '30'], io)).toBe(0);
    expect(out()).toContain('moteur in-process, SQLite');
    expect(out()).toContain('tâches : 30');
    expect(out()).toMatch(/envoi\s+[\d\u202f]+ tâches\/s/);
  });
});

describe('blouse bench publishing', () => {
  it('reads a desk of drafts page by page on SQLite and prints the time of a page', async () => {
    const { io, out } = captureIo({ cwd: tempDir() });
    expect(await main(['bench', 'publishing', '--drafts', '250', '--json'], io)).toBe(0);
    const run = JSON.parse(out());
    // 250 drafts at 100 a page: 3 pages, five rounds.
    expect(run.result).toMatchObject({ drafts: 250, pageSize: 100, pages: 15 });
    expect(run.result.p50Ms).toBeGreaterThan(0);
    expect(run.result.p95Ms).toBeGreaterThanOrEqual(run.result.p50Ms);
  });

  it('refuses a desk size out of range', async () => {
    const { io, err } = captureIo({ cwd: tempDir() });
    expect(await main(['bench', 'publishing', '--drafts', '0'], io)).toBe(64);
    expect(err()).toContain('--drafts attend un entier');
  });
});

describe('blouse bench image', () => {
  it('checks a photo and makes it safe, and prints the time per photo and the memory', async () => {
    const { io, out } = captureIo({ cwd: tempDir() });
    const small = { photos: 1, width: 800, height: 600 };
    expect(
      await benchCommand(
        ['image', '--json'],
        io,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        small,
      ),
    ).toBe(0);
    const run = JSON.parse(out());
    expect(run.result).toMatchObject({ megapixels: 0.48, photos: 1 });
    expect(run.result.msPerPhoto.p50).toBeGreaterThan(0);
    expect(run.result.peakRssMb).toBeGreaterThan(0);
  }, 60_000);
});
