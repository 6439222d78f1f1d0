import { afterEach, describe, expect, it } from 'vitest';
import { PNG_BYTES } from '../../../reports/multipart-body.js';
import { type ReplayRoute, readRecorded, startReplayNetwork } from '../../../test-support/replay-network.js';
import type { PublishRequest } from '../connector.js';
import { GRAPH_API_VERSION } from '../facebook/facebook-connector.js';
import { createInstagramConnector } from './instagram-connector.js';

// Meta cannot be reached from here: these tests replay answers written from Meta's documentation
// (recorded/README.md). The connector's own requests are the real ones.
const recorded = (name: string) => readRecorded(new URL(`./recorded/${name}.json`, import.meta.url));
const USER = '17841405822304914';
const CAPTION =
  'Novembre, c’est le Mois sans tabac : consultations gratuites au CHU, du lundi au vendredi. #MoisSansTabac';
const MEDIA = new RegExp(`^/${GRAPH_API_VERSION}/${USER}/media$`);
const PUBLISH = new RegExp(`^/${GRAPH_API_VERSION}/${USER}/media_publish$`);
const CONTAINER = new RegExp(`^/${GRAPH_API_VERSION}/17889615691921648$`);
const POSTED = new RegExp(`^/${GRAPH_API_VERSION}/17920238422030506$`);
const FAST = { pollMs: 5, polls: 3 };
const photo = (n: number) => ({
  mediaType: 'image/png',
  bytes: PNG_BYTES,
  altText: `Affiche ${n}`,
  publicUrl: `https://blouse.chu-valmont.fr/public/media/photo-${n}`,
});

let network: Awaited<ReturnType<typeof startReplayNetwork>> | undefined;
afterEach(async () => {
  await network?.close();
  network = undefined;
});

async function publishWith(routes: ReplayRoute[], request: Partial<PublishRequest> = {}) {
  network = await startReplayNetwork(routes);
  return createInstagramConnector(fetch, FAST).publish({
    account: { serviceUrl: network.url, identifier: USER, secret: 'ig-token' },
    text: CAPTION,
    title: null,
    idempotencyKey: 'cle',
    media: [photo(1)],
    scheduledAt: new Date('2026-11-02T09:00:00Z'),
    ...request,
  });
}

const json = (body: Buffer | undefined) => JSON.parse(body?.toString('utf8') ?? '');
const PUBLISHED: ReplayRoute[] = [
  { method: 'POST', path: PUBLISH, answers: [recorded('media-published')] },
  { method: 'GET', path: POSTED, answers: [recorded('permalink')] },
];

describe('the Instagram connector (recorded answers)', () => {
  it('gives Meta the photo’s address and alt text, waits for the container, then publishes it', async () => {
    const result = await publishWith([
      { method: 'POST', path: MEDIA, answers: [recorded('container-created')] },
      {
        method: 'GET',
        path: CONTAINER,
        answers: [recorded('container-in-progress'), recorded('container-finished')],
      },
      ...PUBLISHED,
    ]);
    expect(result).toEqual({
      externalId: '17920238422030506',
      url: 'https://www.instagram.com/p/DCx3mS0tq9b/',
    });
    const calls = network?.received ?? [];
    expect(calls.map((r) => `${r.method} ${r.path.replace(`/${GRAPH_API_VERSION}/`, '')}`)).toEqual([
      `POST ${USER}/media`,
      'GET 17889615691921648',
      'GET 17889615691921648',
      `POST ${USER}/media_publish`,
      'GET 17920238422030506',
    ]);
    expect(json(calls[0]?.body)).toEqual({
      image_url: 'https://blouse.chu-valmont.fr/public/media/photo-1',
      alt_text: 'Affiche 1',
      caption: CAPTION,
    });
    expect(json(calls[3]?.body)).toEqual({ creation_id: '17889615691921648' });
    // The bytes never go to Meta: it fetches the address.
    expect(calls.some((r) => r.body.includes(PNG_BYTES))).toBe(false);
  });

  it('groups several photos in a carousel with the caption on the carousel', async () => {
    await publishWith(
      [
        { method: 'POST', path: MEDIA, answers: [recorded('container-created')] },
        { method: 'GET', path: CONTAINER, answers: [recorded('container-finished')] },
        ...PUBLISHED,
      ],
      { media: [photo(1), photo(2)] },
    );
    const posts = (network?.received ?? []).filter((r) => r.method === 'POST').map((r) => json(r.body));
    expect(posts[0]).toEqual({
      image_url: photo(1).publicUrl,
      alt_text: 'Affiche 1',
      is_carousel_item: true,
    });
    expect(posts[1]).toEqual({
      image_url: photo(2).publicUrl,
      alt_text: 'Affiche 2',
      is_carousel_item: true,
    });
    expect(posts[2]).toEqual({
      media_type: 'CAROUSEL',
      children: '17889615691921648,17889615691921648',
      caption: CAPTION,
    });
  });

  it('stops for good when Meta cannot fetch the photo, and retries while it is still processing', async () => {
    const failed = publishWith([
      { method: 'POST', path: MEDIA, answers: [recorded('container-created')] },
      { method: 'GET', path: CONTAINER, answers: [recorded('container-error')] },
    ]);
    await expect(failed).rejects.toMatchObject({ permanent: true });
    await expect(failed).rejects.toThrow(/Media download has failed/);
    await network?.close();
    const slow = publishWith([
      { method: 'POST', path: MEDIA, answers: [recorded('container-created')] },
      { method: 'GET', path: CONTAINER, answers: [recorded('container-in-progress')] },
    ]);
    await expect(slow).rejects.toMatchObject({ permanent: false });
    expect((network?.received ?? []).filter((r) => r.path.endsWith('media_publish'))).toHaveLength(0);
  });

  it('publishes a video as a Reel from its address', async () => {
    await publishWith(
      [
        { method: 'POST', path: MEDIA, answers: [recorded('container-created')] },
        { method: 'GET', path: CONTAINER, answers: [recorded('container-finished')] },
        ...PUBLISHED,
      ],
      {
        media: [
          {
            mediaType: 'video/mp4',
            bytes: Buffer.alloc(10),
            altText: 'Deux tabacologues',
            publicUrl: 'https://blouse.chu-valmont.fr/public/media/video-1',
          },
        ],
      },
    );
    expect(json(network?.received[0]?.body)).toEqual({
      media_type: 'REELS',
      video_url: 'https://blouse.chu-valmont.fr/public/media/video-1',
      caption: CAPTION,
      share_to_feed: true,
    });
  });

  it('finds the post an earlier attempt made instead of publishing twice', async () => {
    const result = await publishWith([{ method: 'GET', path: MEDIA, answers: [recorded('recent-media')] }], {
      mayAlreadyExist: true,
    });
    expect(result.url).toBe('https://www.instagram.com/p/DCx3mS0tq9b/');
    expect(network?.received.map((r) => r.method)).toEqual(['GET']);
  });

  it('retries the daily publishing cap later, and refuses a post without a photo', async () => {
    const capped = publishWith([
      { method: 'POST', path: MEDIA, answers: [recorded('error-publishing-limit')] },
    ]);
    await expect(capped).rejects.toMatchObject({ permanent: false });
    await expect(capped).rejects.toThrow(/limite de publications/);
    await network?.close();
    await expect(publishWith([], { media: [] })).rejects.toMatchObject({ permanent: true });
  });

  it('reads likes and comments', async () => {
    network = await startReplayNetwork([
      { method: 'GET', path: POSTED, answers: [recorded('media-metrics')] },
    ]);
    const metrics = await createInstagramConnector().readMetrics?.({
      account: { serviceUrl: network.url, identifier: USER, secret: 'ig-token' },
      externalId: '17920238422030506',
    });
    expect(metrics).toEqual({ likes: 57, comments: 4, shares: null, impressions: null });
  });
});
