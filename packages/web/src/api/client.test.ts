import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedIn, type TestApp } from '../../../server/src/test-support/app';
import { ApiError, client, formBody, setCsrfToken, unwrap } from './client';

/**
 * The typed client against the real server (SQLite, listening on loopback): what the pages rely
 * on — the CSRF token on writes, problem+json turned into ApiError, network failures and aborts
 * told apart — must survive the move to openapi-fetch.
 */
describe('the web API client', () => {
  let t: TestApp;
  let baseUrl: string;
  let establishmentId: string;
  let member: SignedIn;

  beforeAll(async () => {
    t = await createTestApp('sqlite');
    baseUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
    establishmentId = await t.establishment();
    member = await t.user({ [establishmentId]: 'agent' });
  });
  afterAll(async () => {
    setCsrfToken(null);
    await t.close();
  });

  /** Node's fetch keeps no cookies: the session cookie is given by hand, as the browser would. */
  const asMember = () => ({ baseUrl, headers: { cookie: member.headers.cookie ?? '' } });
  const check = (text: string) =>
    client.POST('/api/establishments/{establishmentId}/checks', {
      ...asMember(),
      params: { path: { establishmentId } },
      body: { text, context: 'institutional', preview: true },
    });

  it('sends the session’s CSRF token on writes, and the server accepts them', async () => {
    setCsrfToken(member.headers['x-csrf-token'] ?? null);
    const report = await unwrap(check('Bonne journée à toutes les équipes.'));
    expect(report.verdict).toBe('ok');
  });

  it('turns the server’s refusal of a write without the token into its ApiError', async () => {
    setCsrfToken(null);
    const refusal = await unwrap(check('Bonne journée.')).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ApiError);
    expect(refusal).toMatchObject({ status: 403, code: 'csrf' });
    expect((refusal as ApiError).detail).toContain('rechargez la page');
  });

  it('keeps the field errors of a refused body', async () => {
    setCsrfToken(member.headers['x-csrf-token'] ?? null);
    const refusal = await unwrap(check('')).catch((error: unknown) => error);
    expect(refusal).toMatchObject({ status: 400, code: 'donnees_invalides' });
    expect((refusal as ApiError).fieldErrors.map((entry) => entry.field)).toEqual(['text']);
  });

  it('answers a read with its typed data, and 204 with nothing', async () => {
    const mine = await unwrap(
      client.GET('/api/establishments/{establishmentId}/reports/mine', {
        ...asMember(),
        params: { path: { establishmentId } },
      }),
    );
    expect(mine).toEqual({ reports: [] });
    const other = await t.user({ [establishmentId]: 'agent' });
    setCsrfToken(other.headers['x-csrf-token'] ?? null);
    expect(
      await unwrap(
        client.DELETE('/api/session', { baseUrl, headers: { cookie: other.headers.cookie ?? '' } }),
      ),
    ).toBeUndefined();
  });

  it('sends a multipart form as the browser built it', async () => {
    setCsrfToken(member.headers['x-csrf-token'] ?? null);
    const form = new FormData();
    form.set('url', 'https://www.facebook.com/groups/parents/posts/123');
    form.set('network', 'facebook');
    form.set('excerpt', 'Un message vu en ligne.');
    const filed = await unwrap(
      client.POST('/api/establishments/{establishmentId}/reports', {
        ...asMember(),
        params: { path: { establishmentId } },
        body: formBody(form),
      }),
    );
    expect(filed.incidentReference).toMatch(/\S/);
  });

  it('says the server does not answer when nothing listens, and lets an abort through', async () => {
    const closed = await createTestApp('sqlite');
    const closedUrl = await closed.app.listen({ port: 0, host: '127.0.0.1' });
    await closed.close();
    const down = await unwrap(client.GET('/api/session', { baseUrl: closedUrl })).catch(
      (error: unknown) => error,
    );
    expect(down).toMatchObject({ status: 0, code: 'reseau' });

    const controller = new AbortController();
    controller.abort();
    const aborted = await unwrap(client.GET('/api/session', { baseUrl, signal: controller.signal })).catch(
      (error: unknown) => error,
    );
    expect(aborted).toBeInstanceOf(DOMException);
    expect((aborted as DOMException).name).toBe('AbortError');
  });
});
