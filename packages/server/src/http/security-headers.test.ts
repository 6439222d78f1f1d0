import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { API_CSP, DOCS_CSP, HSTS, PAGE_CSP } from './security-headers.js';

describe('security headers', () => {
  const apps: TestApp[] = [];
  const app = async (config: Parameters<typeof createTestApp>[1] = {}) => {
    const t = await createTestApp('sqlite', config);
    apps.push(t);
    return t.app;
  };
  afterAll(async () => Promise.all(apps.map((t) => t.close())));

  it('puts a content security policy on pages, on the API documentation and on API answers', async () => {
    const server = await app();
    const page = await server.inject({ url: '/incidents' });
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['content-security-policy']).toBe(PAGE_CSP);
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "img-src 'self' data: blob:",
      "frame-ancestors 'none'",
      "base-uri 'none'",
      "form-action 'self'",
    ])
      expect(PAGE_CSP).toContain(directive);
    expect(PAGE_CSP).not.toMatch(/script-src[^;]*unsafe/);
    const docs = await server.inject({ url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-security-policy']).toBe(DOCS_CSP);
    const health = await server.inject({ url: '/api/health' });
    expect(health.headers['content-security-policy']).toBe(API_CSP);
    expect(health.headers['cache-control']).toBe('no-store');
    expect(health.headers['strict-transport-security']).toBeUndefined();
  });

  it('sends HSTS when a trusted proxy says https, not when an untrusted client does', async () => {
    const direct = await app({ trustProxyHops: 0 });
    const spoofed = await direct.inject({ url: '/api/health', headers: { 'x-forwarded-proto': 'https' } });
    expect(spoofed.headers['strict-transport-security']).toBeUndefined();
    const proxied = await app({ trustProxyHops: 1 });
    const https = await proxied.inject({ url: '/api/health', headers: { 'x-forwarded-proto': 'https' } });
    expect(https.headers['strict-transport-security']).toBe(HSTS);
    expect(HSTS).toMatch(/max-age=(\d{8,}).*includeSubDomains/);
    expect(Number(/max-age=(\d+)/.exec(HSTS)?.[1])).toBeGreaterThanOrEqual(365 * 86_400);
    const plain = await proxied.inject({ url: '/api/health', headers: { 'x-forwarded-proto': 'http' } });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
  });

  it('sends HSTS on every answer when the public address is https', async () => {
    const server = await app({ publicUrl: 'https://blouse.chu-valmont.fr' });
    const page = await server.inject({ url: '/' });
    expect(page.headers['strict-transport-security']).toBe(HSTS);
    expect((await server.inject({ url: '/api/health' })).headers['strict-transport-security']).toBe(HSTS);
  });
});

describe('security headers on every response', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
  });
  afterAll(async () => t.close());

  it('keeps them on problems too', async () => {
    const missing = await t.app.inject({ url: '/api/nulle-part' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-security-policy']).toBe(API_CSP);
    expect(missing.headers['x-frame-options']).toBe('DENY');
  });
});
