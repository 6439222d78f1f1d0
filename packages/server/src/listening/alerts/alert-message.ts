import type { AlertView } from './alert-repository.js';
import { displayHandle } from './display-handle.js';
import { REASON_LABELS } from './immediate.js';

/** Where people read an alert in the web app (sign-in required). */
export function alertLink(publicUrl: string, alert: AlertView): string {
  return `${publicUrl}/veille/alertes/${encodeURIComponent(alert.id)}?etablissement=${encodeURIComponent(alert.establishmentId)}`;
}

/**
 * The alert's e-mail, plain French text: the explanation, the top terms and authors, and a link.
 * Never a post's words (an e-mail leaves the hospital's systems; a privacy breach must not
 * travel with it): the explanation names the reason, the author and the reach only.
 */
export function alertMail(publicUrl: string, establishmentName: string, alert: AlertView) {
  const tier = alert.tier === 'immediate' ? 'Alerte immédiate' : 'Alerte de volume';
  const reason = REASON_LABELS[alert.reason] ?? alert.reason;
  const lines = [
    'Bonjour,',
    '',
    `${tier} de la veille pour ${establishmentName} :`,
    '',
    alert.explanation,
    '',
    `Publications concernées : ${alert.mentionIds.length}`,
  ];
  if (alert.details.topTerms.length > 0) {
    lines.push(
      `Termes les plus cités : ${alert.details.topTerms.map((t) => `« ${t.term} » (${t.count})`).join(', ')}`,
    );
  }
  if (alert.details.topAuthors.length > 0) {
    lines.push(
      `Auteurs les plus actifs : ${alert.details.topAuthors.map((a) => `${displayHandle(a.handle)} (${a.count})`).join(', ')}`,
    );
  }
  lines.push(
    '',
    `Voir l’alerte et ouvrir un incident (connexion requise) : ${alertLink(publicUrl, alert)}`,
    '',
    'Ce message ne contient volontairement pas le texte des publications : il reste dans Blouse.',
    '— Blouse, veille',
  );
  return { subject: `[Blouse] ${tier} : ${reason} — ${establishmentName}`, text: lines.join('\n') };
}

/** The webhook's JSON body: the alert as the API shows it, with its link; no post's words either. */
export function alertWebhookBody(
  publicUrl: string,
  establishmentName: string,
  alert: AlertView,
  sentAt: Date,
): string {
  return JSON.stringify({
    alert: { ...alert, establishmentName, url: alertLink(publicUrl, alert) },
    sentAt: sentAt.toISOString(),
  });
}
