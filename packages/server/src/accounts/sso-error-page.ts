import type { FastifyReply, FastifyRequest } from 'fastify';
import { Problem } from '../http/problem.js';

/** Where the person goes back to: the web app's sign-in page. */
export const SIGN_IN_PATH = '/connexion';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/** A browser navigating (a link, the provider's redirect) asks for HTML; programs ask for JSON. */
export function wantsHtml(request: FastifyRequest): boolean {
  return (request.headers.accept ?? '').includes('text/html');
}

/**
 * The single sign-on routes are opened by the browser itself (the sign-in page's link, the
 * provider's redirect back): a failure there is a page in French with a way back, not JSON.
 * Programs (Accept without text/html) still get problem+json.
 */
export function ssoErrorPage(problem: Problem): string {
  const title =
    problem.code === 'sso_indisponible'
      ? 'L’annuaire de l’établissement ne répond pas'
      : 'La connexion par l’authentification unique n’a pas abouti';
  const advice =
    problem.code === 'sso_indisponible'
      ? 'Réessayez dans quelques minutes. Si cela dure, prévenez le service informatique ; vous pouvez aussi vous connecter avec votre adresse e-mail et votre mot de passe Blouse, si vous en avez un.'
      : 'Revenez à la page de connexion pour recommencer.';
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Blouse</title>
<style>
body{font-family:system-ui,sans-serif;margin:0;padding:2rem 1rem;color:#1a1b1e;background:#f8f9fa}
main{max-width:36rem;margin:0 auto;background:#fff;border:1px solid #dee2e6;border-radius:8px;padding:1.5rem}
h1{font-size:1.4rem;margin-top:0}a{color:#1864ab;font-weight:600}
</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(problem.detail)}</p>
<p>${escapeHtml(advice)}</p>
<p><a href="${SIGN_IN_PATH}">Revenir à la page de connexion</a></p>
</main>
</body>
</html>
`;
}

/** Sends the error as the page when a browser asked for one; otherwise lets it go as JSON. */
export function replyWithPage(request: FastifyRequest, reply: FastifyReply, error: unknown): FastifyReply {
  if (!(error instanceof Problem) || !wantsHtml(request)) throw error;
  return reply
    .status(error.status)
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(ssoErrorPage(error));
}
