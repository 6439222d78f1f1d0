import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SPAN_TYPES } from '@blouse/guard';
import { describe, expect, it } from 'vitest';
import { main } from './main.js';
import { captureIo } from './test-io.js';

function post(id: string, fields: Record<string, unknown> = {}): string {
  return JSON.stringify({
    id,
    context: 'staff',
    network: 'x',
    text: 'La dame du lit 4 en onco, 71 ans, elle est partie cette nuit 😢',
    spans: [
      { start: 10, end: 16, type: 'ROOM' },
      { start: 26, end: 32, type: 'AGE' },
    ],
    rules: ['SECRET-01'],
    verdict: 'block',
    category: null,
    ...fields,
  });
}

const OK_POST = { text: 'Bonne garde à tous les collègues 💪', spans: [], rules: [], verdict: 'ok' };
const PUBLIC_POST = {
  context: 'public',
  text: 'Parking plein encore ce matin…',
  spans: [],
  rules: [],
  verdict: 'ok',
  category: 'COMPLAINT',
};

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'blouse-eval-'));
}

async function run(argv: string[], cwd: string) {
  const { io, out, err } = captureIo({ cwd });
  const status = await main(['eval', ...argv], io);
  return { status, out: out(), err: err() };
}

describe('blouse eval guard', () => {
  it('prints the metrics as JSON with exactly the contract keys', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'set.jsonl'), [post('a'), post('b', OK_POST), post('c', PUBLIC_POST)].join('\n'));
    const { status, out, err } = await run(['guard', '--data', 'set.jsonl', '--json'], dir);
    expect(status).toBe(0);
    expect(err).toBe('');
    const metrics = JSON.parse(out);
    expect(Object.keys(metrics)).toEqual([
      'posts',
      'verdict',
      'spans',
      'rules',
      'category',
      'families',
      'ordinary',
    ]);
    expect(metrics.posts).toBe(3);
    expect(Object.keys(metrics.spans)).toEqual([...SPAN_TYPES, 'micro']);
    expect(metrics.spans.ROOM.support).toBe(1);
    expect(metrics.spans.micro.support).toBe(2);
    expect(metrics.rules['SECRET-01'].support).toBe(1);
    expect(metrics.category.support).toBe(1);
  });

  it('prints a readable French table by default', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'set.jsonl'), [post('a'), post('b', OK_POST), post('c', PUBLIC_POST)].join('\n'));
    const { status, out } = await run(['guard', '--data', join(dir, 'set.jsonl')], '/');
    expect(status).toBe(0);
    expect(out).toContain('Évaluation du garde');
    expect(out).toContain('3 publications, aucune ligne invalide');
    expect(out).toContain('rappel des « block »');
    expect(out).toContain('fausses alertes sur les « ok »');
    expect(out).toContain('Règles');
    expect(out).toContain('Catégorie des publications publiques');
    expect(out).toMatch(/Erreurs de verdict/);
  });

  it('skips invalid lines, naming them on stderr, and counts them', async () => {
    const dir = tempDir();
    const lines = [
      post('a'),
      '{"id": "b", oups',
      post('c', { verdict: 'rouge' }),
      '',
      post('a'),
      post('d', OK_POST),
    ];
    writeFileSync(join(dir, 'set.jsonl'), lines.join('\n'));
    const { status, out, err } = await run(['guard', '--data', 'set.jsonl'], dir);
    expect(status).toBe(0);
    expect(err).toContain('set.jsonl, ligne 2 : JSON invalide');
    expect(err).toContain('set.jsonl, ligne 3 : champ « verdict »');
    expect(err).toContain('set.jsonl, ligne 5 : identifiant « a » déjà vu ligne 1');
    expect(out).toContain('2 publications, 3 lignes invalides ignorées');
  });

  it('treats a file with no valid line as a usage error', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.jsonl'), '\u0000\u0001binaire\n{"id": 1}\n');
    writeFileSync(join(dir, 'empty.jsonl'), '');
    for (const file of ['bad.jsonl', 'empty.jsonl']) {
      const { status, out, err } = await run(['guard', '--data', file], dir);
      expect(status).toBe(64);
      expect(out).toBe('');
      expect(err).toContain(`aucune ligne valide dans « ${file} »`);
    }
  });

  it('exits 64 on a malformed command line and 66 on an unreadable file', async () => {
    const dir = tempDir();
    const cases: [string[], number, string][] = [
      [[], 64, 'précisez ce qu’il faut évaluer'],
      [['spikes'], 64, 'évaluation inconnue : « spikes »'],
      [['guard'], 64, 'indiquez le fichier à évaluer avec --data'],
      [['guard', '--data'], 64, 'l’option --data attend une valeur'],
      [['guard', '--data', 'a.jsonl', 'extra'], 64, 'argument inattendu : « extra »'],
      [['guard', '--donnees', 'a.jsonl'], 64, 'option inconnue : « --donnees »'],
      [['guard', '--data', 'absent.jsonl'], 66, 'fichier introuvable : « absent.jsonl »'],
      [['guard', '--data', '.'], 66, 'est un dossier'],
    ];
    for (const [argv, expected, message] of cases) {
      const { status, out, err } = await run(argv, dir);
      expect(status, argv.join(' ')).toBe(expected);
      expect(out).toBe('');
      expect(err).toContain(message);
      if (expected === 64) expect(err).toContain('Voir « blouse eval --help ».');
    }
  });
});

describe('blouse eval all', () => {
  function dataDir(): string {
    const dir = tempDir();
    mkdirSync(join(dir, 'data', 'guard'), { recursive: true });
    mkdirSync(join(dir, 'data', 'tweets'));
    mkdirSync(join(dir, 'data', 'no-dev-file'));
    writeFileSync(join(dir, 'data', 'guard', 'dev.jsonl'), [post('a'), post('b', OK_POST)].join('\n'));
    const tweet = {
      context: 'public',
      text: 'trop bien ce match hier soir',
      spans: [],
      rules: [],
      verdict: 'ok',
    };
    writeFileSync(
      join(dir, 'data', 'tweets', 'dev.jsonl'),
      post('t1', { ...tweet, annotated: 'none', verdict_assessed: false, extra_spans: [] }),
    );
    return dir;
  }

  it('evaluates every DIR/*/dev.jsonl, the guard set first', async () => {
    const dir = dataDir();
    const { status, out } = await run(['all', '--data-dir', 'data'], dir);
    expect(status).toBe(0);
    const guardAt = out.indexOf(join('guard', 'dev.jsonl'));
    const tweetsAt = out.indexOf(join('tweets', 'dev.jsonl'));
    expect(guardAt).toBeGreaterThan(-1);
    expect(tweetsAt).toBeGreaterThan(guardAt);
    expect(out).toContain('taux d’alerte sur texte ordinaire');
    expect(out).toContain('Spans prédits par type sur texte non annoté');
    const json = await run(['all', '--data-dir', 'data', '--json'], dir);
    expect(Object.keys(JSON.parse(json.out))).toEqual(['guard', 'tweets']);
  });

  it('defaults to ../shared/data and says so when the data is not in the clone', async () => {
    const root = tempDir();
    mkdirSync(join(root, 'main'));
    // Without shared/, the guard's own sets are still evaluated, and the gap is said.
    const missing = await run(['all', '--json'], join(root, 'main'));
    expect(missing.status).toBe(0);
    expect(missing.err).toContain('les données partagées ne sont pas dans ce clone');
    expect(missing.err).toContain(join(root, 'shared', 'data'));
    expect(Object.keys(JSON.parse(missing.out))).toEqual([
      'guard/eval-data/fresh-posts',
      'guard/eval-data/holdout-posts',
    ]);

    mkdirSync(join(root, 'shared', 'data', 'guard'), { recursive: true });
    writeFileSync(join(root, 'shared', 'data', 'guard', 'dev.jsonl'), post('a'));
    const found = await run(['all', '--json'], join(root, 'main'));
    expect(found.status).toBe(0);
    expect(Object.keys(JSON.parse(found.out))).toEqual([
      'guard',
      'guard/eval-data/fresh-posts',
      'guard/eval-data/holdout-posts',
    ]);
  });

  it('exits 66 for a missing folder or one without dev sets', async () => {
    const dir = tempDir();
    expect((await run(['all', '--data-dir', 'nulle-part'], dir)).err).toContain(
      'dossier introuvable : « nulle-part »',
    );
    const empty = await run(['all', '--data-dir', '.'], dir);
    expect(empty.status).toBe(66);
    expect(empty.err).toContain('aucun fichier */dev.jsonl');
  });
});
