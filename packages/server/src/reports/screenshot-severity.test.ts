import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedIn, type TestApp } from '../test-support/app.js';
import { DIALECTS } from '../test-support/databases.js';
import { type FilePart, multipartBody } from './multipart-body.js';

/** A phone's screenshot of a post: white page, the account's line, then the post's text. */
async function screenshotOf(lines: readonly string[]): Promise<Buffer> {
  const text = lines
    .map(
      (line, i) =>
        `<text x="48" y="${260 + i * 64}" font-family="DejaVu Sans" font-size="40" fill="#0f1419">${line}</text>`,
    )
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1080" height="1400"><rect width="100%" height="100%" fill="#ffffff"/><circle cx="96" cy="120" r="48" fill="#8899a6"/><text x="170" y="135" font-family="DejaVu Sans" font-size="36" font-weight="bold" fill="#0f1419">Valmontais en colère</text>${text}</svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

const BLAND = {
  url: 'https://x.com/valmontais/status/1',
  network: 'x',
  excerpt: 'Regardez ce message publié ce matin.',
};

/**
 * Issue 13: a report's screenshots are read, and what they say weighs on the incident's proposed
 * severity as the excerpt does. The text read is not stored: the screenshot is the evidence.
 */
describe.each(DIALECTS)('the text of a report’s screenshots, on %s', (dialect) => {
  let t: TestApp;
  let establishment: string;
  let agent: SignedIn;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    establishment = await t.establishment();
    agent = await t.user({ [establishment]: 'agent' });
  });
  afterAll(async () => t.close());

  async function fileWith(files: FilePart[]) {
    const body = multipartBody(BLAND, files);
    const filed = await t.as(agent, {
      method: 'POST',
      url: `/api/establishments/${establishment}/reports`,
      payload: body.payload,
      headers: body.headers,
    });
    expect(filed.statusCode).toBe(201);
    return t.storage.db
      .selectFrom('incidents')
      .select(['proposed_severity', 'guard_findings'])
      .where('report_id', '=', filed.json().reportId)
      .executeTakeFirstOrThrow();
  }

  it('raises the proposed severity when the screenshot names a patient and her illness, whatever the excerpt', async () => {
    const plain = await fileWith([]);
    const shot = await screenshotOf([
      'Ma voisine Mme Durand est en chambre 214',
      'au CHU de Valmont pour son cancer du sein,',
      'on la laisse seule toute la nuit.',
    ]);
    const withShot = await fileWith([{ name: 'capture.png', bytes: shot, type: 'image/png' }]);
    const rank = (level: string) => Number(level.slice(1));
    expect(rank(withShot.proposed_severity)).toBeGreaterThan(rank(plain.proposed_severity));
    const stored = JSON.parse(withShot.guard_findings);
    const secret = stored.findings.find((f: { rule: string }) => f.rule.startsWith('SECRET'));
    expect(secret.explanation).toMatch(/^Lu sur une capture d’écran : /);
    expect(stored.overrides).toContain('patient_data');
    // What was read is not kept: only the rules and their explanations.
    expect(withShot.guard_findings).not.toContain('Durand');
  }, 60_000);

  it('files the report on its excerpt alone when a screenshot has no text', async () => {
    const blank = await sharp({ create: { width: 600, height: 900, channels: 3, background: '#fff' } })
      .png()
      .toBuffer();
    const plain = await fileWith([]);
    const withBlank = await fileWith([{ name: 'vide.png', bytes: blank, type: 'image/png' }]);
    expect(withBlank.proposed_severity).toBe(plain.proposed_severity);
  }, 60_000);
});
