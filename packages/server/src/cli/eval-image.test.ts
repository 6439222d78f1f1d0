import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from './main.js';
import { captureIo } from './test-io.js';

describe('blouse eval image', () => {
  it('builds a set, then prints the recall of GPS, faces and sensitive text on it, in French and in JSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'blouse-eval-image-'));
    const build = captureIo({ cwd: dir });
    expect(await main(['eval', 'image', '--build', 'set', '--count', '5', '--seed', '3'], build.io)).toBe(0);
    expect(build.out()).toMatch(/^5 photos écrites dans .*set \(jeu dev, graine 3/);

    const table = captureIo({ cwd: dir });
    expect(await main(['eval', 'image', '--data', 'set', '--misses'], table.io)).toBe(0);
    expect(table.out()).toContain('Garde des images : 5 photos');
    expect(table.out()).toContain('position trouvée');
    expect(table.out()).toContain('Photos propres signalées');

    const json = captureIo({ cwd: dir });
    expect(await main(['eval', 'image', '--data', 'set', '--json'], json.io)).toBe(0);
    const summary = JSON.parse(json.out());
    expect(summary.photos).toBe(5);
    expect(summary.gps.recall.found).toBe(summary.gps.recall.total);
  }, 120_000);

  it('builds a set of small text only, when asked', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'blouse-eval-image-'));
    const build = captureIo({ cwd: dir });
    const argv = ['eval', 'image', '--build', 'small', '--count', '3', '--small-text'];
    expect(await main(argv, build.io)).toBe(0);
    expect(build.out()).toContain('petits textes');
    const truths = readFileSync(join(dir, 'small', 'truth.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    for (const truth of truths)
      for (const label of truth.labels)
        expect(label.fontSize).toBeLessThanOrEqual(Math.max(11, truth.height * 0.009 + 1));
  }, 60_000);

  it('refuses what it cannot do, with the exit status of each mistake', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'blouse-eval-image-'));
    mkdirSync(join(dir, 'empty'));
    mkdirSync(join(dir, 'broken'));
    writeFileSync(join(dir, 'broken', 'truth.jsonl'), '{"file":"001.jpeg"}\n{"file":"../../etc/passwd"}\n');
    mkdirSync(join(dir, 'taken'));
    writeFileSync(join(dir, 'taken', 'truth.jsonl'), '');
    const cases: [string[], number, string][] = [
      [['eval', 'image'], 64, 'soit --build'],
      [['eval', 'image', '--build', 'a', '--data', 'b'], 64, 'soit --build'],
      [['eval', 'image', '--build', 'x', '--split', 'test'], 64, 'jeu inconnu'],
      [['eval', 'image', '--build', 'x', '--count', '0'], 64, '--count attend un entier'],
      [['eval', 'image', '--build', 'x', '--count', '2.5'], 64, '--count attend un entier'],
      [['eval', 'image', '--build', 'taken'], 64, 'contient déjà un jeu'],
      [['eval', 'image', '--data', 'absent'], 66, 'dossier introuvable'],
      [['eval', 'image', '--data', 'empty'], 66, 'truth.jsonl'],
      [['eval', 'image', '--data', 'broken'], 65, 'ligne 2'],
      [['eval', 'image', '--data', 'empty', 'extra'], 64, 'argument inattendu'],
    ];
    for (const [argv, status, message] of cases) {
      const { io, err } = captureIo({ cwd: dir });
      expect(await main(argv, io), argv.join(' ')).toBe(status);
      expect(err(), argv.join(' ')).toContain(message);
    }
  });
});
