import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartBody, PNG_BYTES } from '../../reports/multipart-body.js';
import { createTestApp, type SignedIn, type TestApp } from '../../test-support/app.js';
import { DIALECTS } from '../../test-support/databases.js';
import { PUBLIC_MEDIA_LIFETIME_MS, publicMediaLink, verifyPublicMediaToken } from './public-media-link.js';

const TEXT = 'Affiche du Mois sans tabac : consultations gratuites au CHU, du lundi au vendredi.';

/** The hour-long signed address a network fetches a photo from (Instagram). */
describe.each(DIALECTS)('public photo links on %s', (dialect) => {
  let t: TestApp;
  let valmont: string;
  let cm: SignedIn;
  let director: SignedIn;
  const oldKey = randomBytes(32);
  const base = () => `/api/establishments/${valmont}/publishing`;

  beforeAll(async () => {
    t = await createTestApp(dialect, {
      publicUrl: 'https://blouse.chu-valmont.fr',
      secretKeys: { current: oldKey, previous: [] },
    });
    valmont = await t.establishment('CHU de Valmont');
    cm = await t.user({ [valmont]: 'community_manager' });
    director = await t.user({ [valmont]: 'communication' });
  });
  afterAll(async () => t?.close());

  /** A draft with a photo, approved when asked. */
  async function photoDraft(approve: boolean): Promise<string> {
    const created = (
      await t.as(cm, {
        method: 'POST',
        url: `${base()}/drafts`,
        payload: { title: 'Affiche', variants: [{ network: 'instagram', text: TEXT }] },
      })
    ).json();
    const body = multipartBody({ alt_text: 'Affiche', revision: '1' }, [
      { name: 'a.png', bytes: PNG_BYTES, field: 'file' },
    ]);
    await t.as(cm, { method: 'POST', url: `${base()}/drafts/${created.id}/media`, ...body });
    await t.as(cm, {
      method: 'PUT',
      url: `${base()}/drafts/${created.id}/people`,
      payload: { revision: 2, consentIds: [], nobodyShown: true },
    });
    const draft = (
      await t.as(cm, {
        method: 'POST',
        url: `${base()}/drafts/${created.id}/submit`,
        payload: { revision: 3 },
      })
    ).json();
    if (approve)
      await t.as(director, {
        method: 'POST',
        url: `${base()}/drafts/${created.id}/decisions`,
        payload: { revision: 3, decision: 'approved' },
      });
    return draft.media[0].id;
  }
  const fetchLink = (link: string) => t.app.inject({ method: 'GET', url: new URL(link).pathname });
  const inAnHour = () => new Date(t.clock.now().getTime() + PUBLIC_MEDIA_LIFETIME_MS);

  it('serves an approved post’s photo without a session, for an hour', async () => {
    const mediaId = await photoDraft(true);
    const link = publicMediaLink(t.context, mediaId, inAnHour());
    expect(link.startsWith('https://blouse.chu-valmont.fr/public/media/')).toBe(true);
    const fetched = await fetchLink(link);
    expect(fetched.statusCode).toBe(200);
    expect(fetched.headers['content-type']).toBe('image/png');
    expect(fetched.headers['x-robots-tag']).toBe('noindex, nofollow');
    expect(fetched.headers['content-security-policy']).toMatch(/^default-src 'none'/);
    t.clock.advance(PUBLIC_MEDIA_LIFETIME_MS + 1_000);
    const late = await fetchLink(link);
    expect(late.statusCode).toBe(404);
    expect(late.headers['content-type']).toContain('application/problem+json');
  });

  it('refuses a forged, altered or foreign link, and a photo of a post not approved, alike', async () => {
    const approved = await photoDraft(true);
    const waiting = await photoDraft(false);
    const link = publicMediaLink(t.context, approved, inAnHour());
    const [prefix, token] = [link.slice(0, link.lastIndexOf('/') + 1), link.slice(link.lastIndexOf('/') + 1)];
    const [id, expiry, mac] = decodeURIComponent(token).split('.') as [string, string, string];
    const tampered = [
      `${prefix}${waiting}.${expiry}.${mac}`, // another photo with this signature
      `${prefix}${id}.${Number(expiry) + 3600}.${mac}`, // a longer life
      `${prefix}${id}.${expiry}.${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`,
      `${prefix}a.b.c`,
      `${prefix}${'a'.repeat(190)}`,
      publicMediaLink(t.context, waiting, inAnHour()), // well signed, but the post is not approved
    ];
    for (const forged of tampered) expect((await fetchLink(forged)).statusCode, forged).toBe(404);
    const other = {
      ...t.context,
      config: { ...t.context.config, secretKeys: { current: randomBytes(32), previous: [] } },
    };
    expect(verifyPublicMediaToken(other, decodeURIComponent(token))).toBeNull();
  });

  it('keeps a link made before a key rotation good for the rest of its hour', async () => {
    const mediaId = await photoDraft(true);
    const link = publicMediaLink(t.context, mediaId, inAnHour());
    const rotated = {
      ...t.context,
      config: { ...t.context.config, secretKeys: { current: randomBytes(32), previous: [oldKey] } },
    };
    expect(verifyPublicMediaToken(rotated, decodeURIComponent(link.slice(link.lastIndexOf('/') + 1)))).toBe(
      mediaId,
    );
    const withoutKey = { ...t.context, config: { ...t.context.config, secretKeys: undefined } };
    expect(() => publicMediaLink(withoutKey, mediaId, inAnHour())).toThrow(/BLOUSE_SECRET_KEY/);
  });
});
