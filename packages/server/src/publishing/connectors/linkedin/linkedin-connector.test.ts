import { afterEach, describe, expect, it } from 'vitest';
import { PNG_BYTES } from '../../../reports/multipart-body.js';
import { type ReplayRoute, readRecorded, startReplayNetwork } from '../../../test-support/replay-network.js';
import type { PublishRequest } from '../connector.js';
import { createLinkedinConnector, LINKEDIN_VERSION } from './linkedin-connector.js';

// LinkedIn cannot be reached from here: these tests replay answers written from LinkedIn's
// documentation (recorded/README.md). The connector's own requests are the real ones.
const recorded = (name: string) => readRecorded(new URL(`./recorded/${name}.json`, import.meta.url));
const TEXT = '5 mai, Journée mondiale de l’hygiène des mains (atelier ouvert à tous) #HygièneDesMains';
const POSTS = /^\/rest\/posts$/;

let network: Awaited<ReturnType<typeof startReplayNetwork>> | undefined;
afterEach(async () => {
  await network?.close();
  network = undefined;
});

async function publishWith(routes: ReplayRoute[], request: Partial<PublishRequest> = {}) {
  network = await startReplayNetwork(routes);
  return createLinkedinConnector().publish({
    account: { serviceUrl: network.url, identifier: '2414183', secret: 'org-token' },
    text: TEXT,
    title: null,
    idempotencyKey: 'cle',
    media: [],
    scheduledAt: new Date('2026-11-02T09:00:00Z'),
    ...request,
  });
}

const json = (body: Buffer | undefined) => JSON.parse(body?.toString('utf8') ?? '');

describe('the LinkedIn connector (recorded answers)', () => {
  it('posts on the organisation page, versioned, with the commentary escaped as little text', async () => {
    const result = await publishWith([{ method: 'POST', path: POSTS, answers: [recorded('post-created')] }]);
    expect(result).toEqual({
      externalId: 'urn:li:share:7262081234567890944',
      url: 'https://www.linkedin.com/feed/update/urn:li:share:7262081234567890944/',
    });
    const [post] = network?.received ?? [];
    expect(post?.headers).toMatchObject({
      authorization: 'Bearer org-token',
      'linkedin-version': LINKEDIN_VERSION,
      'x-restli-protocol-version': '2.0.0',
    });
    expect(json(post?.body)).toEqual({
      author: 'urn:li:organization:2414183',
      commentary:
        '5 mai, Journée mondiale de l’hygiène des mains \\(atelier ouvert à tous\\) #HygièneDesMains',
      visibility: 'PUBLIC',
      distribution: { feedDistribution: 'MAIN_FEED', targetEntities: [], thirdPartyDistributionChannels: [] },
      lifecycleState: 'PUBLISHED',
      isReshareDisabledByAuthor: false,
    });
  });

  it('registers and uploads each photo, then posts them as a multi-image with their alt texts', async () => {
    await publishWith(
      [
        { method: 'POST', path: /^\/rest\/images$/, answers: [recorded('image-initialized')] },
        { method: 'PUT', path: /^\/dms-uploads\//, answers: [recorded('image-uploaded')] },
        { method: 'POST', path: POSTS, answers: [recorded('post-created')] },
      ],
      {
        media: [
          { mediaType: 'image/png', bytes: PNG_BYTES, altText: 'Atelier dans le hall' },
          { mediaType: 'image/png', bytes: PNG_BYTES, altText: 'Gel hydroalcoolique' },
        ],
      },
    );
    const received = network?.received ?? [];
    expect(received.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /rest/images',
      'PUT /dms-uploads/sp/v2/D4E10AQHk2JxQ/uploaded-image/0',
      'POST /rest/images',
      'PUT /dms-uploads/sp/v2/D4E10AQHk2JxQ/uploaded-image/0',
      'POST /rest/posts',
    ]);
    expect(received[0]?.query.get('action')).toBe('initializeUpload');
    expect(json(received[0]?.body)).toEqual({
      initializeUploadRequest: { owner: 'urn:li:organization:2414183' },
    });
    expect(Buffer.compare(received[1]?.body ?? Buffer.alloc(0), PNG_BYTES)).toBe(0);
    expect(json(received[4]?.body).content).toEqual({
      multiImage: {
        images: [
          { id: 'urn:li:image:D4E10AQHk2JxQ', altText: 'Atelier dans le hall' },
          { id: 'urn:li:image:D4E10AQHk2JxQ', altText: 'Gel hydroalcoolique' },
        ],
      },
    });
  });

  it('takes LinkedIn’s « duplicate of » for the post an earlier attempt made', async () => {
    const result = await publishWith(
      [{ method: 'POST', path: POSTS, answers: [recorded('error-duplicate')] }],
      {
        mayAlreadyExist: true,
      },
    );
    expect(result.externalId).toBe('urn:li:share:7262081234567890944');
  });

  it('reads the post’s likes and comments', async () => {
    network = await startReplayNetwork([
      { method: 'GET', path: /^\/rest\/socialActions\//, answers: [recorded('social-actions')] },
    ]);
    const metrics = await createLinkedinConnector().readMetrics?.({
      account: { serviceUrl: network.url, identifier: '2414183', secret: 'org-token' },
      externalId: 'urn:li:share:7262081234567890944',
    });
    expect(metrics).toEqual({ likes: 18, comments: 6, shares: null, impressions: null });
    expect(network.received[0]?.path).toBe('/rest/socialActions/urn%3Ali%3Ashare%3A7262081234567890944');
  });

  it('refuses a first attempt LinkedIn calls a duplicate: the post it names is an older one', async () => {
    const refused = publishWith([{ method: 'POST', path: POSTS, answers: [recorded('error-duplicate')] }]);
    await expect(refused).rejects.toMatchObject({ permanent: true });
    await expect(refused).rejects.toThrow(/déjà publié exactement le même/);
  });

  it('never sends the token to an upload address outside LinkedIn', async () => {
    const elsewhere = {
      ...recorded('image-initialized'),
      body: { value: { uploadUrl: 'https://collecte.example/upload', image: 'urn:li:image:X' } },
    };
    const refused = publishWith([{ method: 'POST', path: /^\/rest\/images$/, answers: [elsewhere] }], {
      media: [{ mediaType: 'image/png', bytes: PNG_BYTES, altText: 'Atelier' }],
    });
    await expect(refused).rejects.toThrow(/adresse de dépôt/);
    expect(network?.received.map((r) => r.method)).toEqual(['POST']);
  });

  it('stops for good on an expired token, and retries when throttled', async () => {
    const expired = publishWith([
      { method: 'POST', path: POSTS, answers: [recorded('error-token-expired')] },
    ]);
    await expect(expired).rejects.toMatchObject({ permanent: true });
    await expect(expired).rejects.toThrow(/401.*expired/);
    await network?.close();
    network = undefined;
    const throttled = publishWith([{ method: 'POST', path: POSTS, answers: [recorded('error-throttled')] }]);
    await expect(throttled).rejects.toMatchObject({ permanent: false });
  });
});
