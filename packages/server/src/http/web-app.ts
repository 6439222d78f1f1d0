import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Vite's files under assets/ carry a hash of their content in their name: cached for good. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html names the current build's assets: the browser asks again each time (ETag: 304). */
const REVALIDATE = 'no-cache';

function isHashedAsset(dist: string, path: string): boolean {
  return path.startsWith(`${dist}assets/`);
}

/** The built web application (packages/web/dist), found beside this package in the workspace. */
export const WEB_DIST = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

/**
 * Serves the web application at the same address as the API: its files, and index.html for
 * every other page address (the app routes in the browser). Without a build, the root page says
 * where the API documentation is, so that the API alone still starts.
 */
export async function registerWebApp(app: FastifyInstance, dist = WEB_DIST): Promise<void> {
  if (!existsSync(`${dist}index.html`)) {
    app.get('/', { schema: { hide: true } }, async (_request, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .send(
          '<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Blouse</title></head><body>' +
            '<h1>Blouse</h1><p>L’API est en service. Documentation : <a href="/api/docs">/api/docs</a>. ' +
            'L’application web n’est pas construite : <code>npm run build</code>.</p></body></html>',
        ),
    );
    return;
  }
  await app.register(fastifyStatic, {
    root: dist,
    prefix: '/',
    wildcard: false,
    index: ['index.html'],
    cacheControl: false,
    setHeaders: (response, path) => {
      response.setHeader('cache-control', isHashedAsset(dist, path) ? IMMUTABLE : REVALIDATE);
    },
  });
  // Page addresses of the single-page app (/verifier, /incidents/…) get index.html; /api stays 404,
  // and so does a missing asset (an old page asking for a file of a previous build must not get
  // HTML, cached or not, in place of a script).
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    if (request.url.startsWith('/api/') || request.url === '/api') return reply.callNotFound();
    if (request.url.startsWith('/assets/')) return reply.callNotFound();
    return reply.header('cache-control', REVALIDATE).type('text/html; charset=utf-8').sendFile('index.html');
  });
}
