import { afterEach, describe, expect, it } from 'vitest';
import { PNG_BYTES } from '../../../reports/multipart-body.js';
import { type ReplayRoute, readRecorded, startReplayNetwork } from '../../../test-support/replay-network.js';
import type { PublishRequest } from '../connector.js';
import { createXConnector } from './x-connector.js';

// X's servers cannot be reached from here: these tests replay answers written from X's
// documentation (recorded/README.md). The connector's own requests are the real ones.
const recorded = (name: string) => readRecorded(new URL(`./recorded/${name}.json`, import.meta.url));
const TEXT =
  'Novembre, Mois sans tabac : consultations d’aide à l’arrêt gratuites au CHU, du lundi au vendredi. https://tabac-info-service.fr';

let network: Awaited<ReturnType<typeof startReplayNetwork>> | undefined;
afterEach(async () => {
  await network?.close();
  network = undefined;
});

async function publishWith(routes: ReplayRoute[], request: Partial<PublishRequest> = {}) {
  network = await startReplayNetwork(routes);
  return createXConnector().publish({
    account: { serviceUrl: network.url, identifier: '@CHUValmont', secret: 'user-token' },
    text: TEXT,
    title: null,
    idempotencyKey: 'cle',
    media: [],
    scheduledAt: new Date('2026-11-02T09:00:00Z'),
    ...request,
  });
}

const json = (body: Buffer | undefined) => JSON.parse(body?.toString('utf8') ?? '');

describe('the X connector (recorded answers)', () => {
  it('creates the post with the user token and gives its address', async () => {
    const result = await publishWith([
      { method: 'POST', path: /^\/2\/tweets$/, answers: [recorded('post-created')] },
    ]);
    expect(result).toEqual({
      externalId: '1863412934780784957',
      url: 'https://x.com/CHUValmont/status/1863412934780784957',
    });
    expect(network?.received[0]?.headers.authorization).toBe('Bearer user-token');
    expect(json(network?.received[0]?.body)).toEqual({ text: TEXT });
  });

  it('uploads each photo, gives it its alt text, then attaches it', async () => {
    const longAlt = `${'Une affiche rouge et blanche du Mois sans tabac '.repeat(25)}fin`;
    await publishWith(
      [
        { method: 'POST', path: /^\/2\/media\/upload$/, answers: [recorded('media-uploaded')] },
        { method: 'POST', path: /^\/2\/media\/metadata$/, answers: [recorded('media-metadata')] },
        { method: 'POST', path: /^\/2\/tweets$/, answers: [recorded('post-created')] },
      ],
      { media: [{ mediaType: 'image/png', bytes: PNG_BYTES, altText: longAlt }] },
    );
    const [upload, metadata, post] = network?.received ?? [];
    expect(upload?.body.toString('utf8')).toMatch(/name="media_category"\r\n\r\ntweet_image\r\n/);
    expect(upload?.body.includes(PNG_BYTES)).toBe(true);
    const alt = json(metadata?.body).metadata.alt_text.text as string;
    expect(json(metadata?.body).id).toBe('1863412800000000001');
    // X takes 1,000 characters of alt text: cut at a word, never refused.
    expect([...alt].length).toBeLessThanOrEqual(1000);
    expect(alt.endsWith('…')).toBe(true);
    expect(json(post?.body)).toEqual({ text: TEXT, media: { media_ids: ['1863412800000000001'] } });
  });

  it('finds the post an earlier attempt made (its link shown as t.co) instead of posting twice', async () => {
    const result = await publishWith(
      [
        { method: 'GET', path: /^\/2\/users\/me$/, answers: [recorded('users-me')] },
        {
          method: 'GET',
          path: /^\/2\/users\/1580000000000000000\/tweets$/,
          answers: [recorded('user-posts')],
        },
      ],
      { mayAlreadyExist: true },
    );
    expect(result.externalId).toBe('1863412934780784957');
    expect(network?.received.some((r) => r.method === 'POST')).toBe(false);
    expect(network?.received[1]?.query.get('start_time')).toBe('2026-11-02T08:00:00.000Z');
  });

  it('takes « duplicate content » for the post already made', async () => {
    const result = await publishWith([
      { method: 'POST', path: /^\/2\/tweets$/, answers: [recorded('error-duplicate')] },
      { method: 'GET', path: /^\/2\/users\/me$/, answers: [recorded('users-me')] },
      { method: 'GET', path: /^\/2\/users\/\d+\/tweets$/, answers: [recorded('user-posts')] },
    ]);
    expect(result.externalId).toBe('1863412934780784957');
  });

  it('reads the post’s public metrics, and says when the post is gone', async () => {
    network = await startReplayNetwork([
      {
        method: 'GET',
        path: /^\/2\/tweets\/\d+$/,
        answers: [recorded('post-metrics'), recorded('post-not-found')],
      },
    ]);
    const account = { serviceUrl: network.url, identifier: 'CHUValmont', secret: 'user-token' };
    const connector = createXConnector();
    expect(await connector.readMetrics?.({ account, externalId: '1863412934780784957' })).toEqual({
      likes: 25,
      shares: 4,
      comments: 2,
      impressions: 1380,
    });
    expect(network.received[0]?.query.get('tweet.fields')).toBe('public_metrics');
    await expect(
      connector.readMetrics?.({ account, externalId: '1863412934780784957' }),
    ).rejects.toMatchObject({
      permanent: true,
    });
  });

  it('stops for good on a refused token, and retries a rate limit, saying when it resets', async () => {
    const refused = publishWith([
      { method: 'POST', path: /^\/2\/tweets$/, answers: [recorded('error-unauthorized')] },
    ]);
    await expect(refused).rejects.toMatchObject({ permanent: true });
    await network?.close();
    network = undefined;
    const limited = publishWith([
      { method: 'POST', path: /^\/2\/tweets$/, answers: [recorded('error-rate-limited')] },
    ]);
    await expect(limited).rejects.toMatchObject({ permanent: false });
    await expect(limited).rejects.toThrow(/quota rétabli à 2026-11-02T/);
  });
});
