import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeMastodon, startFakeMastodon } from '../../../listening/sources/mastodon/fake-mastodon.js';
import { ConnectorError, type PublishRequest } from '../connector.js';
import { createMastodonConnector } from './mastodon-connector.js';

/**
 * Against the loopback Mastodon of the listening issue (no Mastodon server installs here; its
 * responses follow the documentation, see listening/sources/mastodon/recordings/README.md).
 */
describe('the Mastodon connector', () => {
  let fake: FakeMastodon;
  const connector = createMastodonConnector();
  const request = (over: Partial<PublishRequest> = {}): PublishRequest => ({
    account: { serviceUrl: fake.url, identifier: '@chu', secret: 'jeton-du-chu' },
    text: 'Mois sans tabac : consultations gratuites au CHU. Tabac info service : 39 89.',
    title: null,
    idempotencyKey: 'pub-1',
    scheduledAt: new Date(),
    media: [],
    ...over,
  });

  beforeAll(async () => {
    fake = await startFakeMastodon({ accessToken: 'jeton-du-chu' });
  });
  afterAll(async () => fake.close());

  it('publishes a public status and gives its address', async () => {
    const result = await connector.publish(request());
    expect(result.url.startsWith(`${fake.url}/@chu/`)).toBe(true);
    expect(result.url).toMatch(/\/@chu\/\d+$/);
    expect(fake.posted()).toHaveLength(1);
    expect(fake.posted()[0]?.visibility).toBe('public');
  });

  it('reads a status’s favourites, boosts and replies, and says when it is gone', async () => {
    const status = fake.posted()[0];
    const account = { serviceUrl: fake.url, identifier: '@chu', secret: 'jeton-du-chu' };
    expect(await connector.readMetrics?.({ account, externalId: status?.id ?? '' })).toEqual({
      likes: 0,
      shares: 0,
      comments: 0,
      impressions: null,
    });
    await expect(connector.readMetrics?.({ account, externalId: '42' })).rejects.toMatchObject({
      permanent: true,
      message: expect.stringContaining('introuvable'),
    });
  });

  it('sends the same Idempotency-Key on a retry, so the instance makes no second status', async () => {
    const again = await connector.publish(request());
    expect(fake.posted()).toHaveLength(1);
    expect(again.externalId).toBe(fake.posted()[0]?.id);
  });

  it('calls a refused token or text permanent, and a rate limit or an outage temporary', async () => {
    const badToken = connector.publish(
      request({
        idempotencyKey: 'pub-2',
        account: { serviceUrl: fake.url, identifier: '@chu', secret: 'faux' },
      }),
    );
    await expect(badToken).rejects.toMatchObject({ permanent: true });
    await expect(
      connector.publish(request({ idempotencyKey: 'pub-3', text: 'x'.repeat(501) })),
    ).rejects.toMatchObject({ permanent: true });
    fake.failNext({ kind: 'recorded', name: 'rate_limited' });
    await expect(connector.publish(request({ idempotencyKey: 'pub-4' }))).rejects.toMatchObject({
      permanent: false,
    });
    fake.failNext({ kind: 'recorded', name: 'bad_gateway_html' });
    await expect(connector.publish(request({ idempotencyKey: 'pub-5' }))).rejects.toBeInstanceOf(
      ConnectorError,
    );
    expect(fake.posted()).toHaveLength(1);
  });

  it('refuses photos rather than publishing without them', async () => {
    const withPhoto = request({
      idempotencyKey: 'pub-6',
      media: [{ mediaType: 'image/png', bytes: Buffer.from([1]), altText: 'x' }],
    });
    await expect(connector.publish(withPhoto)).rejects.toMatchObject({ permanent: true });
  });

  it('gives up on an instance that does not answer', async () => {
    fake.failNext({ kind: 'hang' });
    const hung = connector.publish(request({ idempotencyKey: 'pub-7', signal: AbortSignal.timeout(300) }));
    await expect(hung).rejects.toMatchObject({ permanent: false });
  });
});
