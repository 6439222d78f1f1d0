import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFaces } from '../../../../guard-image/src/faces/find-faces.js';
import { testFace, wardPhoto } from '../../../../guard-image/src/test-photos.js';
import { multipartBody } from '../../reports/multipart-body.js';
import { createTestApp, type SignedIn, type TestApp } from '../../test-support/app.js';
import { DIALECTS } from '../../test-support/databases.js';
import { testMp4 } from './mp4-test-file.js';

const CAMPAIGN = 'Journée portes ouvertes du service de rééducation samedi 14 mars de 10 h à 17 h.';
const TEAM_PHOTO = await wardPhoto({ face: await testFace() });
const BOARD_PHOTO = await wardPhoto({ board: ['Mme Durand', 'chambre 214'] });

/**
 * The image guard at the publishing gate (issue 13): each photo is read when it is attached; a
 * face contradicts « nobody recognisable », a patient's name on a board holds the post, and the
 * safe copy (faces and words pixelated) clears both.
 */
describe.each(DIALECTS)('the image guard at the publishing gate on %s', (dialect) => {
  let t: TestApp;
  let valmont: string;
  let bourg: string;
  let cm: SignedIn;
  let legal: SignedIn;
  let agent: SignedIn;
  let outsider: SignedIn;
  const base = (establishment = valmont) => `/api/establishments/${establishment}/publishing`;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    valmont = await t.establishment('CHU de Valmont');
    bourg = await t.establishment('CH de Bourg');
    cm = await t.user({ [valmont]: 'community_manager' });
    legal = await t.user({ [valmont]: 'legal' });
    agent = await t.user({ [valmont]: 'agent' });
    outsider = await t.user({ [bourg]: 'communication' });
  });
  afterAll(async () => t.close());

  async function draftWith(photo: Uint8Array): Promise<{ id: string; mediaId: string }> {
    const created = await t.as(cm, {
      method: 'POST',
      url: `${base()}/drafts`,
      payload: { title: 'Portes ouvertes', variants: [{ network: 'bluesky', text: CAMPAIGN }] },
    });
    const id = created.json().id;
    const body = multipartBody({ alt_text: 'Le service', revision: '1' }, [
      { name: 'photo.jpg', bytes: photo, field: 'file' },
    ]);
    expect(
      (await t.as(cm, { method: 'POST', url: `${base()}/drafts/${id}/media`, ...body })).statusCode,
    ).toBe(204);
    return { id, mediaId: (await read(id)).media[0].id };
  }
  const read = async (draftId: string) =>
    (await t.as(cm, { method: 'GET', url: `${base()}/drafts/${draftId}` })).json();
  const safeCopy = (
    user: SignedIn,
    draftId: string,
    mediaId: string,
    revision: number,
    establishment = valmont,
  ) =>
    t.as(user, {
      method: 'POST',
      url: `${base(establishment)}/drafts/${draftId}/media/${mediaId}/safe-copy`,
      payload: { revision },
    });

  it('refuses « nobody recognisable » for a photo with a face, until the photo is replaced by its safe copy', async () => {
    const { id, mediaId } = await draftWith(TEAM_PHOTO);
    expect((await read(id)).media[0].check).toEqual({
      faces: 1,
      backgroundRules: [],
      backgroundBlocks: false,
    });
    const declared = await t.as(cm, {
      method: 'PUT',
      url: `${base()}/drafts/${id}/people`,
      payload: { revision: 2, consentIds: [], nobodyShown: true },
    });
    expect(declared.statusCode).toBe(200);
    const held = await read(id);
    expect(held.people.problems).toEqual([
      {
        field: 'bluesky.media',
        message: expect.stringMatching(
          /^le garde voit un visage sur les photos, qui devaient ne montrer personne/,
        ),
      },
    ]);
    const submit = await t.as(cm, {
      method: 'POST',
      url: `${base()}/drafts/${id}/submit`,
      payload: { revision: 3 },
    });
    expect(submit.statusCode).toBe(422);

    const replaced = await safeCopy(cm, id, mediaId, 3);
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json().check).toEqual({ faces: 0, backgroundRules: [], backgroundBlocks: false });
    const after = await read(id);
    expect(after.revision).toBe(4);
    expect(after.people.problems).toEqual([]);
    // The copy is a new photo in the old one's place: the old address shows nothing any more.
    const copyId = replaced.json().id;
    expect(after.media).toMatchObject([{ id: copyId, position: 0, altText: 'Le service' }]);
    expect(
      (await t.as(cm, { method: 'GET', url: `${base()}/drafts/${id}/media/${mediaId}` })).statusCode,
    ).toBe(404);
    const stored = await t.as(cm, { method: 'GET', url: `${base()}/drafts/${id}/media/${copyId}` });
    expect(await findFaces(stored.rawPayload)).toEqual([]);
    expect((await sharp(stored.rawPayload).metadata()).width).toBe(1600);
    const audit = await t.storage.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'publishing.media.safe_copy')
      .where('target_id', '=', id)
      .execute();
    expect(audit).toHaveLength(1);
    expect(
      (await t.as(cm, { method: 'POST', url: `${base()}/drafts/${id}/submit`, payload: { revision: 4 } }))
        .statusCode,
    ).toBe(200);
  }, 60_000);

  it('holds a photo whose board names a patient, whatever is declared, and the safe copy clears it', async () => {
    const { id, mediaId } = await draftWith(BOARD_PHOTO);
    const check = (await read(id)).media[0].check;
    expect(check.backgroundBlocks).toBe(true);
    expect(check.backgroundRules).toContain('SECRET-01');
    await t.as(cm, {
      method: 'PUT',
      url: `${base()}/drafts/${id}/people`,
      payload: { revision: 2, consentIds: [], nobodyShown: true },
    });
    const held = await read(id);
    expect(held.people.problems.map((p: { field: string }) => p.field)).toEqual(['media.0']);
    // The reason names nobody: the words read on the board are not repeated anywhere.
    expect(JSON.stringify(held.people.problems)).not.toContain('Durand');
    expect((await safeCopy(cm, id, mediaId, 3)).json().check.backgroundBlocks).toBe(false);
    expect((await read(id)).people.problems).toEqual([]);
  }, 60_000);

  it('lets only the desk’s writers replace a photo, at the current revision, and never a video', async () => {
    const { id, mediaId } = await draftWith(TEAM_PHOTO);
    expect((await safeCopy(agent, id, mediaId, 2)).statusCode).toBe(403);
    expect((await safeCopy(legal, id, mediaId, 2)).statusCode).toBe(403);
    // Another establishment's member learns nothing, not even that the draft exists.
    expect((await safeCopy(outsider, id, mediaId, 2)).statusCode).toBe(404);
    expect((await safeCopy(outsider, id, mediaId, 2, bourg)).statusCode).toBe(404);
    expect((await safeCopy(cm, id, mediaId, 1)).statusCode).toBe(409);
    expect((await safeCopy(cm, id, '00000000-0000-4000-8000-000000000000', 2)).statusCode).toBe(404);
    const bad = await t.as(cm, {
      method: 'POST',
      url: `${base()}/drafts/${id}/media/${mediaId}/safe-copy`,
      payload: { revision: 'deux', extra: true },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/problem\+json/);

    const video = await t.as(cm, {
      method: 'POST',
      url: `${base()}/drafts`,
      payload: {
        title: 'Film',
        variants: [{ network: 'youtube', text: CAMPAIGN, title: 'Portes ouvertes' }],
      },
    });
    const videoId = video.json().id;
    const body = multipartBody({ alt_text: 'Le film', revision: '1' }, [
      { name: 'film.mp4', bytes: testMp4(), field: 'file' },
    ]);
    expect(
      (await t.as(cm, { method: 'POST', url: `${base()}/drafts/${videoId}/media`, ...body })).statusCode,
    ).toBe(204);
    const clip = (await read(videoId)).media[0];
    expect(clip.check).toBeNull();
    const refused = await safeCopy(cm, videoId, clip.id, 2);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('video_sans_copie_sure');
  }, 60_000);
});
