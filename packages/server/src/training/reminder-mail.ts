import { NETWORK_LABELS, PRIVACY_HOW_TOS, PRIVACY_REVIEW_MONTHS } from '@blouse/contract';
import type { MailMessage } from '../mail/mailer.js';

/**
 * The reminder e-mail: plain French text (mail/mailer.ts sends no HTML), the how-to of each
 * network from the contract's data, the staff space's address and the opt-out link.
 */
export function reminderMail(
  to: string,
  links: { readonly staffSpace: string; readonly optOut: string | null },
): MailMessage {
  const networks = PRIVACY_HOW_TOS.map((howTo) =>
    [
      `■ ${NETWORK_LABELS[howTo.network].fr} — ${howTo.where.fr}`,
      ...howTo.steps.map((step) => `  - ${step.fr}`),
    ].join('\n'),
  );
  const optOut =
    links.optOut === null
      ? `Pour ne plus recevoir ce rappel, désactivez-le dans l’espace Formation : ${links.staffSpace}`
      : `Pour ne plus recevoir ce rappel : ${links.optOut}`;
  return {
    to: [to],
    subject: 'Rappel : revoyez vos paramètres de confidentialité sur les réseaux sociaux',
    text: [
      'Bonjour,',
      '',
      `Les réseaux sociaux modifient régulièrement leurs réglages de confidentialité. Comme le conseille le guide de bonnes pratiques, prenez quelques minutes tous les ${PRIVACY_REVIEW_MONTHS} mois pour vérifier qui voit vos publications, vos photos et votre lieu de travail.`,
      '',
      'Réseau par réseau (les menus changent avec les mises à jour : cherchez ces rubriques) :',
      '',
      ...networks.flatMap((block) => [block, '']),
      `Le même guide, et la charte de l’établissement, dans l’espace Formation : ${links.staffSpace}`,
      '',
      optOut,
      '',
      '— Blouse, pour votre établissement',
    ].join('\n'),
  };
}
