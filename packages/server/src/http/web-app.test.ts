import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { TEST_CONFIG } from '../test-support/app.js';
import { securityHeaders } from './security-headers.js';
import { registerWebApp } from './web-app.js';

/** A built web app in miniature: index.html, one hashed asset, one file at the root. */
function fakeDist(): string {
  const dist = `${mkdtempSync(join(tmpdir(), 'blouse-web-'))}/`;
  writeFileSync(join(dist, 'index.html'), '<!doctype html><html lang="fr"><div id="root"></div></html>');
  writeFileSync(join(dist, 'app.js'), 'console.log("blouse")');
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'assets', 'index-DA1b2C3d.js'), 'console.log("hashed")');
  return dist;
}

describe('serving the web application', () => {
  it('serves the built files, index.html for page addresses, and leaves /api alone', async () => {
    const app = Fastify();
    await registerWebApp(app, fakeDist());
    expect((await app.inject({ url: '/' })).body).toContain('id="root"');
    expect((await app.inject({ url: '/app.js' })).body).toContain('blouse');
    const page = await app.inject({ url: '/incidents/42' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('id="root"');
    expect((await app.inject({ url: '/api/inconnue' })).statusCode).toBe(404);
    await app.close();
  });

  it('caches hashed assets for a year, revalidates pages, keeps the API no-store, and answers 404 for a missing asset', async () => {
    const app = Fastify();
    app.addHook('onSend', securityHeaders(TEST_CONFIG));
    await registerWebApp(app, fakeDist());
    app.get('/api/quelque-chose', async () => ({ ok: true }));
    const asset = await app.inject({ url: '/assets/index-DA1b2C3d.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const url of ['/', '/index.html', '/incidents/42', '/app.js']) {
      const page = await app.inject({ url });
      expect(page.statusCode, url).toBe(200);
      expect(page.headers['cache-control'], url).toBe('no-cache');
    }
    const missing = await app.inject({ url: '/assets/index-ancien.js' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['cache-control']).toBe('no-store');
    expect((await app.inject({ url: '/api/quelque-chose' })).headers['cache-control']).toBe('no-store');
    await app.close();
  });

  it('says where the API documentation is when the web application is not built', async () => {
    const app = Fastify();
    await registerWebApp(app, `${mkdtempSync(join(tmpdir(), 'blouse-empty-'))}/`);
    const root = await app.inject({ url: '/' });
    expect(root.body).toContain('/api/docs');
    await app.close();
  });
});
