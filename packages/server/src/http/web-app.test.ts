import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { registerWebApp } from './web-app.js';

describe('serving the web application', () => {
  it('serves the built files, index.html for page addresses, and leaves /api alone', async () => {
    const dist = `${mkdtempSync(join(tmpdir(), 'blouse-web-'))}/`;
    writeFileSync(join(dist, 'index.html'), '<!doctype html><html lang="fr"><div id="root"></div></html>');
    writeFileSync(join(dist, 'app.js'), 'console.log("blouse")');
    const app = Fastify();
    await registerWebApp(app, dist);
    expect((await app.inject({ url: '/' })).body).toContain('id="root"');
    expect((await app.inject({ url: '/app.js' })).body).toContain('blouse');
    const page = await app.inject({ url: '/incidents/42' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('id="root"');
    expect((await app.inject({ url: '/api/inconnue' })).statusCode).toBe(404);
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
