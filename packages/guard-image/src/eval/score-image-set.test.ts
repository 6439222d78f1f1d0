import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImageFinding, Region } from '../image-finding.js';
import type { ImageTruth } from './build-eval-set.js';
import { scoreImageSet } from './score-image-set.js';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function setOf(truths: ImageTruth[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'blouse-image-eval-'));
  dirs.push(dir);
  await writeFile(join(dir, 'truth.jsonl'), truths.map((t) => JSON.stringify(t)).join('\n'));
  for (const truth of truths) await writeFile(join(dir, truth.file), truth.file);
  return dir;
}

const photo = (file: string, extra: Partial<ImageTruth> = {}): ImageTruth => ({
  file,
  format: 'jpeg',
  width: 2400,
  height: 1800,
  gps: false,
  author: false,
  metadataWriter: null,
  faces: [],
  labels: [],
  ...extra,
});
const label = (region: Region, sensitive: boolean, fontSize = 40, angle = 0) => ({
  region,
  lines: [sensitive ? 'Mme Durand' : 'Sortie'],
  sensitive,
  kind: 'board' as const,
  fontSize,
  angle,
  font: 'DejaVu Sans',
});
const face = (region: Region): ImageFinding => ({
  rule: 'IMAGE-03',
  severity: 'warn',
  explanation: { fr: '', en: '' },
  evidence: { kind: 'region', region, detail: 'visage' },
});
const text = (region: Region): ImageFinding => ({ ...face(region), rule: 'SECRET-01' });
const gps: ImageFinding = {
  rule: 'GEO-01',
  severity: 'warn',
  explanation: { fr: '', en: '' },
  evidence: { kind: 'metadata', fields: ['GPS'] },
};

describe('scoring the image guard on a set', () => {
  it('counts found and missed GPS, faces and labels against the truth, and false alarms on clean photos', async () => {
    const dir = await setOf([
      photo('a.jpeg', {
        gps: true,
        faces: [
          { region: { x: 100, y: 100, width: 80, height: 80 } },
          { region: { x: 900, y: 900, width: 300, height: 300 } },
        ],
        labels: [
          label({ x: 1000, y: 100, width: 400, height: 100 }, true, 20),
          label({ x: 100, y: 1400, width: 300, height: 80 }, false),
        ],
      }),
      photo('b.jpeg', { labels: [label({ x: 10, y: 10, width: 400, height: 100 }, true, 60, -20)] }),
      photo('c.jpeg', { labels: [label({ x: 10, y: 10, width: 400, height: 100 }, false)] }),
      photo('d.jpeg'),
    ]);
    const answers: Record<string, ImageFinding[]> = {
      // GPS; the small face (box centre inside it), a box on nothing; the sensitive label.
      'a.jpeg': [
        gps,
        face({ x: 95, y: 90, width: 90, height: 90 }),
        face({ x: 2000, y: 50, width: 50, height: 50 }),
        text({ x: 1100, y: 120, width: 100, height: 40 }),
      ],
      'b.jpeg': [],
      // The ordinary label flagged: a false alarm on a clean photo.
      'c.jpeg': [text({ x: 20, y: 20, width: 50, height: 50 })],
      'd.jpeg': [gps],
    };
    const summary = await scoreImageSet(dir, {
      check: async (bytes) => ({ findings: answers[Buffer.from(bytes).toString()] ?? [] }),
    });
    expect(summary.photos).toBe(4);
    expect(summary.gps).toEqual({ recall: { found: 1, total: 1 }, falseAlarms: { found: 1, total: 3 } });
    expect(summary.faces.recall).toEqual({ found: 1, total: 2 });
    expect(summary.faces.bySize['60–120 px']).toEqual({ found: 1, total: 1 });
    expect(summary.faces.bySize['250–500 px']).toEqual({ found: 0, total: 1 });
    expect(summary.faces.strayBoxes).toBe(1);
    expect(summary.faces.falseAlarms).toEqual({ found: 0, total: 3 });
    expect(summary.text.recall).toEqual({ found: 1, total: 2 });
    // 20 px in a 2,400 px photo is 20 px at the OCR's 2,400 px.
    expect(summary.text.bySize['20–30 px']).toEqual({ found: 1, total: 1 });
    expect(summary.text.byAngle).toEqual({ '0°': { found: 1, total: 1 }, '20°': { found: 0, total: 1 } });
    expect(summary.text.ordinaryFlagged).toEqual({ found: 1, total: 2 });
    expect(summary.cleanPhotosFlagged).toEqual({ found: 2, total: 2 });
    expect(summary.misses).toEqual([
      'a.jpeg : visage de 300 px non trouvé',
      'b.jpeg : « Mme Durand » non repéré (board, 60 px, -20°)',
    ]);
  });
});
