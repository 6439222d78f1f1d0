import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wardPhoto } from '../../../guard-image/src/test-photos.js';
import { HTML_BYTES, multipartBody, PNG_BYTES } from '../reports/multipart-body.js';
import { createTestApp, type SignedIn, type TestApp } from '../test-support/app.js';
import { DIALECTS } from '../test-support/databases.js';

const PHONE_PHOTO = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#8a9' } })
  .jpeg()
  .withExif({
    IFD0: { Artist: 'Claire Dubois', Make: 'Fairphone', Model: 'FP5' },
    IFD3: {
      GPSLatitudeRef: 'N',
      GPSLatitude: '48/1 51/1 2374/100',
      GPSLongitudeRef: 'E',
      GPSLongitude: '2/1 21/1 768/100',
    },
  })
  .toBuffer();

describe.each(DIALECTS)('checking a photo on %s', (dialect) => {
  let t: TestApp;
  let valmont: string;
  let agent: SignedIn;
  let outsider: SignedIn;
  const url = (establishment = valmont, what = '') =>
    `/api/establishments/${establishment}/checks/image${what}`;
  const send = (user: SignedIn | null, bytes: Uint8Array, what = '', establishment = valmont) =>
    t.as(user, {
      method: 'POST',
      url: url(establishment, what),
      ...multipartBody({}, [{ name: 'photo.jpg', bytes, field: 'file' }]),
    });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    valmont = await t.establishment('CHU de Valmont');
    const bourg = await t.establishment('CH de Bourg');
    agent = await t.user({ [valmont]: 'agent' });
    outsider = await t.user({ [bourg]: 'agent' });
  });
  afterAll(async () => t?.close());

  it('tells any member what the photo gives away, and stores nothing', async () => {
    const checked = await send(agent, PHONE_PHOTO);
    expect(checked.statusCode).toBe(200);
    expect(checked.json()).toMatchObject({
      verdict: 'warn',
      format: 'jpeg',
      width: 64,
      height: 48,
      findings: [
        { rule: 'GEO-01', severity: 'warn', fields: ['GPS'] },
        { rule: 'PRIV-02', severity: 'warn', fields: ['Artist'] },
      ],
      device: ['Fairphone', 'FP5'],
    });
    expect(checked.json().findings[0].explanation).toContain('48.8566, 2.3521');
    const counters = await t.storage.db.selectFrom('check_stats').selectAll().execute();
    expect(counters).toEqual([]);
  });

  it('gives a safe copy to download, with nothing left of the position or the owner', async () => {
    const copy = await send(agent, PHONE_PHOTO, '/safe-copy');
    expect(copy.statusCode).toBe(200);
    expect(copy.headers['content-type']).toBe('image/jpeg');
    expect(copy.headers['content-disposition']).toBe('attachment; filename="photo-sure.jpg"');
    expect((await sharp(copy.rawPayload).metadata()).exif).toBeUndefined();
    expect(copy.rawPayload.includes(Buffer.from('Claire Dubois'))).toBe(false);
    const again = await send(agent, copy.rawPayload);
    expect(again.json()).toMatchObject({ verdict: 'ok', findings: [] });
  });

  it('reads the whiteboard in the background, and hides the patient in the copy', async () => {
    const board = await wardPhoto({ board: ['Mme Durand', 'chambre 214'] });
    const checked = (await send(agent, board)).json();
    const fromBoard = checked.findings.filter((f: { region: unknown }) => f.region !== null);
    expect(fromBoard.length).toBeGreaterThan(0);
    expect(fromBoard[0].explanation).toContain('Texte lu dans la photo (« Mme Durand');
    const copy = await send(agent, board, '/safe-copy');
    const again = (await send(agent, copy.rawPayload)).json();
    expect(again.findings).toEqual([]);
  }, 60_000);

  it('refuses what is not a photo, an empty form, strangers and anonymous callers', async () => {
    for (const what of ['', '/safe-copy']) {
      const html = await send(agent, HTML_BYTES, what);
      expect(html.statusCode).toBe(415);
      expect(html.json().code).toBe('image_illisible');
    }
    const empty = await t.as(agent, { method: 'POST', url: url(), ...multipartBody({ note: 'x' }) });
    expect(empty.statusCode).toBe(400);
    const json = await t.as(agent, { method: 'POST', url: url(), payload: { file: 'x' } });
    expect(json.statusCode).toBe(400);
    expect((await send(outsider, PNG_BYTES)).statusCode).toBe(404);
    expect((await send(null, PNG_BYTES)).statusCode).toBe(401);
  });
});
