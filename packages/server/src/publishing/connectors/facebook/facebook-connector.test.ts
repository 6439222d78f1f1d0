import { afterEach, describe, expect, it } from 'vitest';
import { PNG_BYTES } from '../../../reports/multipart-body.js';
import { type ReplayRoute, readRecorded, startReplayNetwork } from '../../../test-support/replay-network.js';
import { testMp4 } from '../../media/mp4-test-file.js';
import { ConnectorError, type PublishRequest } from '../connector.js';
import { createFacebookConnector, GRAPH_API_VERSION } from './facebook-connector.js';

// Meta's servers cannot be reached from here: these tests replay answers written from Meta's
// documentation (recorded/README.md). The connector's own requests are the real ones.
const recorded = (name: string) => readRecorded(new URL(`./recorded/${name}.json`, import.meta.url));
const PAGE = '104573968740256';
const TEXT =
  'Novembre, c’est le Mois sans tabac ! Nos consultations d’aide à l’arrêt sont gratuites, du lundi au vendredi.';
const FEED = new RegExp(`^/${GRAPH_API_VERSION}/${PAGE}/feed$`);
const PHOTOS = new RegExp(`^/${GRAPH_API_VERSION}/${PAGE}/photos$`);
const POST = new RegExp(`^/${GRAPH_API_VERSION}/${PAGE}_\\d+$`);

let network: Awaited<ReturnType<typeof startReplayNetwork>> | undefined;
afterEach(async () => {
  await network?.close();
  network = undefined;
});

async function publishWith(routes: ReplayRoute[], request: Partial<PublishRequest> = {}) {
  network = await startReplayNetwork(routes);
  return createFacebookConnector().publish({
    account: { serviceUrl: network.url, identifier: PAGE, secret: 'page-token' },
    text: TEXT,
    title: null,
    idempotencyKey: 'cle',
    media: [],
    scheduledAt: new Date('2026-11-02T09:00:00Z'),
    ...request,
  });
}

describe('the Facebook Pages connector (recorded answers)', () => {
  it('publishes the text on the Page feed with the Page token, and keeps the post’s address', async () => {
    const result = await publishWith([
      { method: 'POST', path: FEED, answers: [recorded('feed-post-created')] },
      { method: 'GET', path: POST, answers: [recorded('permalink')] },
    ]);
    expect(result).toEqual({
      externalId: '104573968740256_122118927482034516',
      url: 'https://www.facebook.com/104573968740256/posts/122118927482034516',
    });
    const [post] = network?.received ?? [];
    expect(post?.headers.authorization).toBe('Bearer page-token');
    expect(JSON.parse(post?.body.toString('utf8') ?? '')).toEqual({ message: TEXT });
  });

  it('uploads each photo unpublished with its alt text, then attaches them to the post', async () => {
    await publishWith(
      [
        { method: 'POST', path: PHOTOS, answers: [recorded('photo-uploaded')] },
        { method: 'POST', path: FEED, answers: [recorded('feed-post-created')] },
        { method: 'GET', path: POST, answers: [recorded('permalink')] },
      ],
      {
        media: [
          { mediaType: 'image/png', bytes: PNG_BYTES, altText: 'Affiche du Mois sans tabac' },
          { mediaType: 'image/png', bytes: PNG_BYTES, altText: 'L’équipe de tabacologie' },
        ],
      },
    );
    const [first, second, feed] = network?.received ?? [];
    for (const [upload, alt] of [
      [first, 'Affiche du Mois sans tabac'],
      [second, 'L’équipe de tabacologie'],
    ] as const) {
      expect(upload?.path).toMatch(PHOTOS);
      expect(upload?.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
      const body = upload?.body.toString('utf8') ?? '';
      expect(body).toMatch(/name="published"\r\n\r\nfalse\r\n/);
      expect(body).toContain(`name="alt_text_custom"\r\n\r\n${alt}\r\n`);
      expect(upload?.body.includes(PNG_BYTES)).toBe(true);
    }
    expect(JSON.parse(feed?.body.toString('utf8') ?? '')).toEqual({
      message: TEXT,
      attached_media: [{ media_fbid: '122118926600034516' }, { media_fbid: '122118926600034516' }],
    });
  });

  it('publishes a video post in one call, the file with its text', async () => {
    const video = testMp4();
    const result = await publishWith(
      [
        {
          method: 'POST',
          path: new RegExp(`^/${GRAPH_API_VERSION}/${PAGE}/videos$`),
          answers: [recorded('video-uploaded')],
        },
      ],
      { media: [{ mediaType: 'video/mp4', bytes: video, altText: 'Deux tabacologues' }] },
    );
    expect(result).toEqual({
      externalId: '1093482771926504',
      url: `https://www.facebook.com/${PAGE}/videos/1093482771926504/`,
    });
    const [upload] = network?.received ?? [];
    expect(upload?.body.toString('latin1')).toContain(`name="description"\r\n\r\n`);
    expect(upload?.body.includes(video)).toBe(true);
  });

  it('finds the post an earlier attempt made instead of publishing it twice', async () => {
    const result = await publishWith([{ method: 'GET', path: FEED, answers: [recorded('feed-recent')] }], {
      mayAlreadyExist: true,
    });
    expect(result.externalId).toBe('104573968740256_122118927482034516');
    expect(network?.received.map((r) => r.method)).toEqual(['GET']);
    // It looks from an hour before the post was due.
    expect(network?.received[0]?.query.get('since')).toBe(String(Date.parse('2026-11-02T08:00:00Z') / 1000));
  });

  it('publishes after looking when no earlier attempt got through', async () => {
    await publishWith(
      [
        { method: 'GET', path: FEED, answers: [recorded('feed-empty')] },
        { method: 'POST', path: FEED, answers: [recorded('feed-post-created')] },
        { method: 'GET', path: POST, answers: [recorded('permalink')] },
      ],
      { mayAlreadyExist: true },
    );
    expect(network?.received.map((r) => r.method)).toEqual(['GET', 'POST', 'GET']);
  });

  it('takes « duplicate status » for the post already made', async () => {
    const result = await publishWith([
      { method: 'POST', path: FEED, answers: [recorded('error-duplicate')] },
      { method: 'GET', path: FEED, answers: [recorded('feed-recent')] },
    ]);
    expect(result.url).toBe('https://www.facebook.com/104573968740256/posts/122118927482034516');
  });

  it('stops for good on an expired token, and retries a rate limit later', async () => {
    const expired = publishWith([{ method: 'POST', path: FEED, answers: [recorded('error-token-expired')] }]);
    await expect(expired).rejects.toMatchObject({ permanent: true });
    await expect(expired).rejects.toThrow(/code 190.*Session has expired/);
    await network?.close();
    network = undefined;
    const limited = publishWith([{ method: 'POST', path: FEED, answers: [recorded('error-rate-limited')] }]);
    await expect(limited).rejects.toBeInstanceOf(ConnectorError);
    await expect(limited).rejects.toMatchObject({ permanent: false });
  });

  it('reads the post’s reactions, comments and shares', async () => {
    network = await startReplayNetwork([{ method: 'GET', path: POST, answers: [recorded('post-metrics')] }]);
    const metrics = await createFacebookConnector().readMetrics?.({
      account: { serviceUrl: network.url, identifier: PAGE, secret: 'page-token' },
      externalId: '104573968740256_122118927482034516',
    });
    expect(metrics).toEqual({ likes: 42, comments: 7, shares: 5, impressions: null });
    expect(network.received[0]?.query.get('fields')).toContain('reactions.summary(total_count)');
  });

  it('retries when the Graph API cannot be reached', async () => {
    const attempt = createFacebookConnector().publish({
      account: { serviceUrl: 'http://127.0.0.1:9', identifier: PAGE, secret: 't' },
      text: TEXT,
      title: null,
      idempotencyKey: 'k',
      media: [],
      scheduledAt: new Date(),
    });
    await expect(attempt).rejects.toMatchObject({ permanent: false });
  });
});
