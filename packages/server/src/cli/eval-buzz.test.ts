import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from './main.js';
import { captureIo } from './test-io.js';

function series(hours: number, spikeAt: number): string {
  const rows = ['timestamp,value'];
  const start = Date.UTC(2026, 0, 5);
  for (let hour = 0; hour < hours; hour++) {
    const stamp = new Date(start + hour * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
    rows.push(`${stamp},${hour === spikeAt ? 400 : 10 + (hour % 5)}`);
  }
  return `${rows.join('\n')}\n`;
}

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'blouse-buzz-'));
  mkdirSync(join(dir, 'data', 'hospital', 'deep'), { recursive: true });
  writeFileSync(join(dir, 'data', 'top.csv'), series(24 * 21, 24 * 20));
  writeFileSync(join(dir, 'data', 'hospital', 'deep', 'service.csv'), series(24 * 10, -1));
  writeFileSync(join(dir, 'data', 'notes.txt'), 'pas une série');
  return dir;
}

describe('blouse eval buzz', () => {
  it('writes every CSV under the same relative path, same rows, with an anomaly_score column', async () => {
    const dir = dataDir();
    const { io, out } = captureIo({ cwd: dir });
    expect(await main(['eval', 'buzz', '--data', 'data', '--out', 'scored', '--json'], io)).toBe(0);
    const summary = JSON.parse(out());
    expect(summary.files.map((file: { file: string }) => file.file)).toEqual([
      join('hospital', 'deep', 'service.csv'),
      'top.csv',
    ]);
    const input = readFileSync(join(dir, 'data', 'top.csv'), 'utf8')
      .trim()
      .split('\n');
    const output = readFileSync(join(dir, 'scored', 'top.csv'), 'utf8')
      .trim()
      .split('\n');
    expect(output[0]).toBe('timestamp,value,anomaly_score');
    expect(output).toHaveLength(input.length);
    for (let index = 1; index < input.length; index++) {
      const [stamp, value, score] = (output[index] as string).split(',');
      expect(`${stamp},${value}`).toBe(input[index]);
      expect(Number(score)).toBeGreaterThanOrEqual(0);
      expect(Number(score)).toBeLessThanOrEqual(1);
    }
    // The spike of day 21 is the one point that alerts.
    const flagged = output.slice(1).filter((line) => Number(line.split(',')[2]) > 0);
    expect(flagged.some((line) => line.split(',')[1] === '400')).toBe(true);
    expect(existsSync(join(dir, 'scored', 'notes.txt'))).toBe(false);
  });

  it('prints a French summary table', async () => {
    const dir = dataDir();
    const { io, out } = captureIo({ cwd: dir });
    expect(await main(['eval', 'buzz', '--data', 'data', '--out', 'scored'], io)).toBe(0);
    expect(out()).toContain('séries notées en une seule passe causale');
    expect(out()).toMatch(/top\.csv\s+504\s+60 min/);
  });

  it('refuses what would lose data or cannot be read, with a French message', async () => {
    const dir = dataDir();
    writeFileSync(join(dir, 'bad.csv'), 'timestamp,value\n2026-01-01 00:00:00,3\n2026-01-01 01:00:00,-4\n');
    mkdirSync(join(dir, 'bad'));
    writeFileSync(join(dir, 'bad', 'x.csv'), readFileSync(join(dir, 'bad.csv')));
    mkdirSync(join(dir, 'noheader'));
    writeFileSync(join(dir, 'noheader', 'x.csv'), 'a,b\n1,2\n');
    mkdirSync(join(dir, 'empty'));
    const cases: [string[], number, string][] = [
      [['eval', 'buzz'], 64, 'indiquez le dossier des séries'],
      [['eval', 'buzz', '--data', 'data'], 64, '--out'],
      [['eval', 'buzz', '--data', 'data', '--out', 'data'], 64, 'doit différer'],
      [['eval', 'buzz', '--data', 'absent', '--out', 'o'], 66, 'dossier introuvable'],
      [['eval', 'buzz', '--data', 'empty', '--out', 'o'], 66, 'aucun fichier .csv'],
      [['eval', 'buzz', '--data', 'bad', '--out', 'o'], 65, 'ligne 3'],
      [['eval', 'buzz', '--data', 'noheader', '--out', 'o'], 65, 'timestamp et value'],
      [['eval', 'buzz', '--data', 'data', '--out', 'o', '--time-zone', 'Mars/Olympus'], 64, 'fuseau inconnu'],
      [['eval', 'buzz', '--data', 'data', '--out', 'o', 'extra'], 64, 'argument inattendu'],
    ];
    for (const [argv, status, message] of cases) {
      const { io, out, err } = captureIo({ cwd: dir });
      expect(await main(argv, io), argv.join(' ')).toBe(status);
      expect(out()).toBe('');
      expect(err()).toContain(message);
    }
  });

  it('does not follow links out of the data folder', async () => {
    const dir = dataDir();
    const outside = mkdtempSync(join(tmpdir(), 'blouse-outside-'));
    writeFileSync(join(outside, 'secret.csv'), series(48, -1));
    symlinkSync(outside, join(dir, 'data', 'link'));
    const { io, out } = captureIo({ cwd: dir });
    expect(await main(['eval', 'buzz', '--data', 'data', '--out', 'scored', '--json'], io)).toBe(0);
    expect(out()).not.toContain('secret.csv');
  });
});

describe('blouse eval buzz --synthetic', () => {
  it('prints the synthetic checks, in JSON the same for a seed', async () => {
    const first = captureIo({ cwd: tmpdir() });
    const argv = ['eval', 'buzz', '--synthetic', '--series', '2', '--seed', '5', '--json'];
    expect(await main(argv, first.io)).toBe(0);
    const result = JSON.parse(first.out());
    expect(result.settings.seriesPerCase).toBe(2);
    expect(result.rises).toHaveLength(6);
    expect(result.calmPerMonth).toHaveProperty('onsets');
    const second = captureIo({ cwd: tmpdir() });
    expect(await main(argv, second.io)).toBe(0);
    expect(JSON.parse(second.out())).toEqual(result);
  });

  it('prints a French table', async () => {
    const { io, out } = captureIo({ cwd: tmpdir() });
    expect(await main(['eval', 'buzz', '--synthetic', '--series', '1'], io)).toBe(0);
    expect(out()).toContain('hausse soutenue');
    expect(out()).toContain('2× pendant 12 h');
    expect(out()).toContain('tempête de retweets');
  });

  it('refuses a bad series count', async () => {
    const { io, err } = captureIo({ cwd: tmpdir() });
    expect(await main(['eval', 'buzz', '--synthetic', '--series', 'beaucoup'], io)).toBe(64);
    expect(err()).toContain('--series');
  });
});
