import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config/config.js';

/**
 * The web application's pages. Scripts only from our own files (Vite emits no inline script).
 * Styles also need 'unsafe-inline': Mantine renders `<style data-mantine-styles>` elements at run
 * time (the theme's CSS variables, responsive style props), which a nonce could only cover if
 * index.html were rewritten per request and the nonce handed to MantineProvider. Inline style
 * cannot run code; with scripts, frames, forms and the base URL locked, it is the small remaining
 * risk. Images: ours, data: URLs (icons) and blob: URLs (a screenshot shown before it is sent).
 */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

/**
 * Swagger UI at /api/docs: its scripts are files of ours too; it sets inline styles and shows
 * data: images (icons); it calls the API from the page ("Try it out").
 */
export const DOCS_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

/** JSON, files and problems: nothing to run, nothing to frame. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** A year, the minimum browsers' preload lists accept. */
export const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * Headers on every response. The content security policy depends on what is served (the app's
 * pages, the API documentation, data). HSTS is sent when the request came over https, directly or
 * through a trusted proxy (X-Forwarded-Proto, with BLOUSE_TRUST_PROXY), or when the public address
 * is https (the proxy in front may not say so). Responses that chose their own cache policy (the
 * web app's files) keep it; everything else is no-store: API answers hold personal data.
 */
export function securityHeaders(config: Pick<Config, 'publicUrl'>) {
  const httpsAlways = config.publicUrl.startsWith('https:');
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('content-security-policy', policyFor(request.url, reply));
    if (httpsAlways || request.protocol === 'https') reply.header('strict-transport-security', HSTS);
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  };
}

function policyFor(url: string, reply: FastifyReply): string {
  if (url === '/api/docs' || url.startsWith('/api/docs/')) return DOCS_CSP;
  const type = String(reply.getHeader('content-type') ?? '');
  return type.startsWith('text/html') ? PAGE_CSP : API_CSP;
}
