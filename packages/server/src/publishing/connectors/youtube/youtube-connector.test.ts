import { afterEach, describe, expect, it } from 'vitest';
import { type ReplayRoute, readRecorded, startReplayNetwork } from '../../../test-support/replay-network.js';
import { testMp4 } from '../../media/mp4-test-file.js';
import type { PublishRequest } from '../connector.js';
import { createYoutubeConnector } from './youtube-connector.js';

// Google cannot be reached from here: these tests replay answers written from Google's
// documentation (recorded/README.md). The connector's own requests are the real ones.
const recorded = (name: string) => readRecorded(new URL(`./recorded/${name}.json`, import.meta.url));
const TITLE = 'Mois sans tabac : nos tabacologues répondent';
const VIDEO = testMp4({ seconds: 30 });
const INSERT = /^\/upload\/youtube\/v3\/videos$/;

let network: Awaited<ReturnType<typeof startReplayNetwork>> | undefined;
afterEach(async () => {
  await network?.close();
  network = undefined;
});

async function publishWith(routes: ReplayRoute[], request: Partial<PublishRequest> = {}) {
  network = await startReplayNetwork(routes);
  return createYoutubeConnector().publish({
    account: { serviceUrl: network.url, identifier: 'UCx8Zl1h0Z2kGqEoEJ0u5zpA', secret: 'yt-token' },
    text: 'Consultations gratuites au CHU, du lundi au vendredi.',
    title: TITLE,
    idempotencyKey: 'cle',
    media: [{ mediaType: 'video/mp4', bytes: VIDEO, altText: 'Deux tabacologues répondent aux questions' }],
    scheduledAt: new Date('2026-11-02T09:00:00Z'),
    ...request,
  });
}

describe('the YouTube connector (recorded answers)', () => {
  it('starts a resumable upload with the title and description, then sends the video’s bytes', async () => {
    const result = await publishWith([
      { method: 'POST', path: INSERT, answers: [recorded('upload-started')] },
      { method: 'PUT', path: INSERT, answers: [recorded('video-uploaded')] },
    ]);
    expect(result).toEqual({ externalId: 'dQw4w9WgXcQ', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' });
    const [start, upload] = network?.received ?? [];
    expect(start?.query.get('uploadType')).toBe('resumable');
    expect(start?.query.get('part')).toBe('snippet,status');
    expect(start?.headers).toMatchObject({
      authorization: 'Bearer yt-token',
      'x-upload-content-length': String(VIDEO.length),
      'x-upload-content-type': 'video/mp4',
    });
    expect(JSON.parse(start?.body.toString('utf8') ?? '')).toEqual({
      snippet: {
        title: TITLE,
        description: 'Consultations gratuites au CHU, du lundi au vendredi.',
        categoryId: '22',
        defaultLanguage: 'fr',
      },
      status: { privacyStatus: 'public', selfDeclaredMadeForKids: false },
    });
    expect(upload?.query.get('upload_id')).toBe('xa298sd_f');
    expect(Buffer.compare(upload?.body ?? Buffer.alloc(0), VIDEO)).toBe(0);
  });

  it('finds the video an earlier attempt uploaded instead of uploading it twice', async () => {
    const result = await publishWith(
      [
        { method: 'GET', path: /^\/youtube\/v3\/channels$/, answers: [recorded('channel-mine')] },
        { method: 'GET', path: /^\/youtube\/v3\/playlistItems$/, answers: [recorded('uploads-recent')] },
      ],
      { mayAlreadyExist: true },
    );
    expect(result.externalId).toBe('dQw4w9WgXcQ');
    expect(network?.received.some((r) => r.method !== 'GET')).toBe(false);
    expect(network?.received[1]?.query.get('playlistId')).toBe('UUx8Zl1h0Z2kGqEoEJ0u5zpA');
  });

  it('retries when the day’s quota is spent, stops on a refused token, and asks for a video', async () => {
    const quota = publishWith([{ method: 'POST', path: INSERT, answers: [recorded('error-quota')] }]);
    await expect(quota).rejects.toMatchObject({ permanent: false });
    await expect(quota).rejects.toThrow(/quotaExceeded/);
    await network?.close();
    const refused = publishWith([
      { method: 'POST', path: INSERT, answers: [recorded('error-unauthorized')] },
    ]);
    await expect(refused).rejects.toMatchObject({ permanent: true });
    await network?.close();
    await expect(publishWith([], { media: [] })).rejects.toMatchObject({ permanent: true });
  });

  it('never sends the token to an upload address outside Google', async () => {
    const elsewhere = {
      ...recorded('upload-started'),
      headers: { location: 'https://collecte.example/upload' },
    };
    await expect(publishWith([{ method: 'POST', path: INSERT, answers: [elsewhere] }])).rejects.toThrow(
      /adresse de dépôt/,
    );
    expect(network?.received).toHaveLength(1);
  });

  it('reads views, likes and comments', async () => {
    network = await startReplayNetwork([
      { method: 'GET', path: /^\/youtube\/v3\/videos$/, answers: [recorded('video-statistics')] },
    ]);
    const metrics = await createYoutubeConnector().readMetrics?.({
      account: { serviceUrl: network.url, identifier: 'UC', secret: 'yt-token' },
      externalId: 'dQw4w9WgXcQ',
    });
    expect(metrics).toEqual({ likes: 48, comments: 6, shares: null, impressions: 1520 });
  });
});
