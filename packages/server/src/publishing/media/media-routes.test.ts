import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HTML_BYTES, multipartBody, PNG_BYTES, SVG_BYTES } from '../../reports/multipart-body.js';
import { createTestApp, type SignedIn, type TestApp } from '../../test-support/app.js';
import { DIALECTS } from '../../test-support/databases.js';
import { testMp4 } from './mp4-test-file.js';

const CAMPAIGN = 'Mois sans tabac : consultations d’aide à l’arrêt gratuites au CHU, du lundi au vendredi.';

/** A JPEG whose EXIF names its author and its camera, as a phone's photo does. */
const PHOTO_WITH_EXIF = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#3a7' } })
  .jpeg()
  .withExif({ IFD0: { Artist: 'Dr Jeanne Martin', Make: 'Téléphone de service' } })
  .toBuffer();

describe.each(DIALECTS)('photos of a draft on %s', (dialect) => {
  let t: TestApp;
  let valmont: string;
  let bourg: string;
  let director: SignedIn;
  let cm: SignedIn;
  let legal: SignedIn;
  let agent: SignedIn;
  let outsider: SignedIn;
  const base = (establishment = valmont) => `/api/establishments/${establishment}/publishing`;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    valmont = await t.establishment('CHU de Valmont');
    bourg = await t.establishment('CH de Bourg');
    director = await t.user({ [valmont]: 'communication' });
    cm = await t.user({ [valmont]: 'community_manager' });
    legal = await t.user({ [valmont]: 'legal' });
    agent = await t.user({ [valmont]: 'agent' });
    outsider = await t.user({ [bourg]: 'communication' });
  });
  afterAll(async () => t.close());

  async function draft(network = 'facebook'): Promise<string> {
    const created = await t.as(cm, {
      method: 'POST',
      url: `${base()}/drafts`,
      payload: { title: 'Photo', variants: [{ network, text: CAMPAIGN }] },
    });
    return created.json().id;
  }
  const attach = (user: SignedIn, draftId: string, bytes: Uint8Array, fields: Record<string, string>) => {
    const body = multipartBody(fields, [{ name: 'photo.jpg', bytes, field: 'file' }]);
    return t.as(user, { method: 'POST', url: `${base()}/drafts/${draftId}/media`, ...body });
  };
  const read = async (draftId: string) =>
    (await t.as(cm, { method: 'GET', url: `${base()}/drafts/${draftId}` })).json();

  it('keeps the photo without its metadata, with its alt text, as a new revision', async () => {
    const id = await draft();
    const added = await attach(cm, id, PHOTO_WITH_EXIF, {
      alt_text: 'Affiche Mois sans tabac',
      revision: '1',
    });
    expect(added.statusCode).toBe(204);
    const after = await read(id);
    expect(after).toMatchObject({
      revision: 2,
      media: [{ mediaType: 'image/jpeg', altText: 'Affiche Mois sans tabac' }],
    });
    const shown = await t.as(legal, {
      method: 'GET',
      url: `${base()}/drafts/${id}/media/${after.media[0].id}`,
    });
    expect(shown.statusCode).toBe(200);
    expect(shown.headers['content-type']).toBe('image/jpeg');
    expect((await sharp(PHOTO_WITH_EXIF).metadata()).exif).toBeDefined();
    expect((await sharp(shown.rawPayload).metadata()).exif).toBeUndefined();
    expect(shown.rawPayload.includes(Buffer.from('Jeanne Martin'))).toBe(false);
  });

  it('resets an approval when a photo is added or removed', async () => {
    const id = await draft();
    await t.as(cm, { method: 'POST', url: `${base()}/drafts/${id}/submit`, payload: { revision: 1 } });
    await t.as(director, {
      method: 'POST',
      url: `${base()}/drafts/${id}/decisions`,
      payload: { revision: 1, decision: 'approved' },
    });
    expect((await read(id)).status).toBe('approved');
    await attach(cm, id, PNG_BYTES, { alt_text: 'Logo', revision: '1' });
    const edited = await read(id);
    expect(edited).toMatchObject({ status: 'draft', revision: 2 });
    const removed = await t.as(cm, {
      method: 'DELETE',
      url: `${base()}/drafts/${id}/media/${edited.media[0].id}?revision=2`,
    });
    expect(removed.statusCode).toBe(204);
    expect(await read(id)).toMatchObject({ revision: 3, media: [] });
    const stale = await t.as(cm, {
      method: 'DELETE',
      url: `${base()}/drafts/${id}/media/${edited.media[0].id}?revision=2`,
    });
    expect(stale.json().code).toBe('revision_perimee');
  });

  it('asks Instagram for a photo, and takes at most four', async () => {
    const id = await draft('instagram');
    const bare = await t.as(cm, {
      method: 'POST',
      url: `${base()}/drafts/${id}/submit`,
      payload: { revision: 1 },
    });
    expect(bare.statusCode).toBe(422);
    expect(bare.json().errors).toEqual([{ field: 'instagram.media', message: 'photo ou vidéo requise' }]);
    for (let revision = 1; revision <= 4; revision++)
      expect(
        (await attach(cm, id, PNG_BYTES, { alt_text: `Photo ${revision}`, revision: String(revision) }))
          .statusCode,
      ).toBe(204);
    const fifth = await attach(cm, id, PNG_BYTES, { alt_text: 'Une de trop', revision: '5' });
    expect(fifth.statusCode).toBe(422);
    expect(fifth.json().code).toBe('trop_de_photos');
    // Photos may show someone: the author says who (consents) or that they show nobody.
    const undeclared = await t.as(cm, {
      method: 'POST',
      url: `${base()}/drafts/${id}/submit`,
      payload: { revision: 5 },
    });
    expect(undeclared.statusCode).toBe(422);
    expect(undeclared.json().code).toBe('consentement_requis');
    expect(undeclared.json().errors[0].field).toBe('instagram.media');
    expect(
      (
        await t.as(cm, {
          method: 'PUT',
          url: `${base()}/drafts/${id}/people`,
          payload: { revision: 5, consentIds: [], nobodyShown: true },
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await t.as(cm, { method: 'POST', url: `${base()}/drafts/${id}/submit`, payload: { revision: 6 } }))
        .statusCode,
    ).toBe(200);
  });

  it('refuses what is not a photo, a photo without alt text, and other roles', async () => {
    const id = await draft();
    for (const bytes of [HTML_BYTES, SVG_BYTES]) {
      const refused = await attach(cm, id, bytes, { alt_text: 'x', revision: '1' });
      expect(refused.statusCode).toBe(415);
      expect(refused.json().code).toBe('media_non_pris_en_charge');
    }
    const noAlt = await attach(cm, id, PNG_BYTES, { alt_text: '  ', revision: '1' });
    expect(noAlt.statusCode).toBe(400);
    const noFile = await t.as(cm, {
      method: 'POST',
      url: `${base()}/drafts/${id}/media`,
      ...multipartBody({ alt_text: 'x', revision: '1' }),
    });
    expect(noFile.json().code).toBe('fichier_manquant');
    for (const user of [legal, agent])
      expect((await attach(user, id, PNG_BYTES, { alt_text: 'x', revision: '1' })).statusCode).toBe(403);
    expect((await attach(outsider, id, PNG_BYTES, { alt_text: 'x', revision: '1' })).statusCode).toBe(404);
    expect((await read(id)).media).toEqual([]);
  });

  it('takes one MP4 video, alone, with the place it was filmed blanked out', async () => {
    const id = await draft();
    const video = testMp4({ location: '+45.7640+004.8357/' });
    const added = await attach(cm, id, video, { alt_text: 'Deux tabacologues répondent', revision: '1' });
    expect(added.statusCode).toBe(204);
    const after = await read(id);
    expect(after.media).toEqual([
      expect.objectContaining({ mediaType: 'video/mp4', byteSize: video.length }),
    ]);
    const shown = await t.as(cm, { method: 'GET', url: `${base()}/drafts/${id}/media/${after.media[0].id}` });
    expect(shown.headers['content-type']).toBe('video/mp4');
    expect(shown.rawPayload.includes(Buffer.from('+45.7640'))).toBe(false);
    expect(shown.rawPayload.length).toBe(video.length);
    const photoToo = await attach(cm, id, PNG_BYTES, { alt_text: 'Affiche', revision: '2' });
    expect(photoToo.statusCode).toBe(422);
    expect(photoToo.json().code).toBe('video_seule');
    const broken = await attach(cm, await draft(), video.subarray(0, 60), { alt_text: 'x', revision: '1' });
    expect(broken.statusCode).toBe(415);
    expect(broken.json().code).toBe('video_illisible');
    const long = await attach(cm, await draft(), testMp4({ seconds: 3600 }), {
      alt_text: 'x',
      revision: '1',
    });
    expect(long.json().code).toBe('video_trop_longue');
  });

  it('asks YouTube for a video and its title, and refuses photos there', async () => {
    const created = await t.as(cm, {
      method: 'POST',
      url: `${base()}/drafts`,
      payload: {
        title: 'Vidéo',
        variants: [
          { network: 'youtube', title: 'Nos tabacologues répondent', text: 'Consultations gratuites.' },
        ],
      },
    });
    const id = created.json().id;
    const bare = await t.as(cm, {
      method: 'POST',
      url: `${base()}/drafts/${id}/submit`,
      payload: { revision: 1 },
    });
    expect(bare.json().errors).toEqual([{ field: 'youtube.media', message: 'vidéo requise' }]);
    await attach(cm, id, testMp4(), { alt_text: 'Deux tabacologues', revision: '1' });
    await t.as(cm, {
      method: 'PUT',
      url: `${base()}/drafts/${id}/people`,
      payload: { revision: 2, consentIds: [], nobodyShown: true },
    });
    const submitted = await t.as(cm, {
      method: 'POST',
      url: `${base()}/drafts/${id}/submit`,
      payload: { revision: 3 },
    });
    expect(submitted.statusCode).toBe(200);
  });

  it('shows a photo only to the establishment’s desk', async () => {
    const id = await draft();
    await attach(cm, id, PNG_BYTES, { alt_text: 'Logo', revision: '1' });
    const mediaId = (await read(id)).media[0].id;
    expect(
      (await t.as(agent, { method: 'GET', url: `${base()}/drafts/${id}/media/${mediaId}` })).statusCode,
    ).toBe(403);
    expect(
      (await t.as(outsider, { method: 'GET', url: `${base(bourg)}/drafts/${id}/media/${mediaId}` }))
        .statusCode,
    ).toBe(404);
  });
});
