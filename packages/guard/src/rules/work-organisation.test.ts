import { describe, expect, it } from 'vitest';
import type { Lexicon } from '../lexicon/lexicon.js';
import { createDocument } from '../text/document.js';
import type { GuardContext, Span } from '../types.js';
import { workOrganisationEvaluator } from './work-organisation.js';

const none = { match: () => [], size: 0 };
const lexicon: Lexicon = { firstNames: new Map(), surnames: new Map(), conditions: none, drugs: none };

function rulesFor(text: string, context: GuardContext = 'staff', spans: Span[] = []): string[] {
  const ctx = { context, options: { context }, lexicon };
  return workOrganisationEvaluator
    .evaluate({ doc: createDocument(text), spans, ctx })
    .map((finding) => finding.rule);
}

describe('PRIV-03: organising work on a social network', () => {
  it.each([
    'Qui peut prendre ma garde du 24 ? Je rends la pareille quand vous voulez 🙏',
    'qqn pour me remplacer dimanche matin ?? urgence familiale',
    'J’échange ma nuit du 3 contre un matin la semaine d’après, MP',
    'Il manque un brancardier ce soir aux urgences, qui peut venir ?',
    'Quelqu’un de dispo pour un renfort en réa cette nuit ? Le cadre valide les heures',
    'Je vous fais vite fait les transmissions : le 12 a mal dormi, le 14 sort demain',
    'Transmissions pour l’équipe de l’après-midi : chambre 8 à surveiller.',
    'Groupe WhatsApp planning du pôle : qui veut échanger son week-end de Pâques ?',
    'Qqn peut rappeler la famille du lit 3 pour le rdv ? Je suis de repos',
    'Qui me prend le 15 en 12h ? je te rends ton dimanche',
    'Besoin d’une IDE en renfort samedi nuit en chir, écrivez-moi en MP',
    'Dispo pour échanger mon CA du 15 août contre n’importe quel WE de septembre',
  ])('flags %s', (text) => {
    expect(rulesFor(text)).toContain('PRIV-03');
  });

  it.each([
    'Merci aux collègues qui ont échangé leur garde pour que je puisse aller au mariage de ma sœur ❤️',
    'Ce qui change la journée, c’est un sourire de patient.',
    'Qui a vu le dernier épisode de Grey’s Anatomy ? 😂',
    'Cette nuit on était au complet, et quelle équipe !',
    'Les transmissions ciblées, ça s’apprend dès l’IFSI : petit rappel des bases.',
    'Fière de voir arriver la relève : bravo aux nouvelles diplômées !',
    'Le planning du mois est sorti… encore 3 week-ends, la vie de soignante 😩',
    'Qui veut venir courir avec nous dimanche pour Octobre rose ?',
    'Merci aux collègues venues en renfort ce week-end ❤️',
    'Pour ton anniversaire, je t’offre une journée sans garde 😂',
  ])('does not flag %s', (text) => {
    expect(rulesFor(text)).not.toContain('PRIV-03');
  });

  it.each([
    'Qqn pourrait checker le bilan de la chambre 12 avant 14h ? je suis coincée au bloc',
    'Une collègue peut m’envoyer le planning de mars en photo ? le logiciel plante',
    'quelqu’un peut vérifier si le dossier de M. Perrin est bien parti en radio ??',
    'qqn saurait retrouver le courrier de sortie de la dame du 8 ? 🙏',
  ])('flags errands about patients or rosters passed to colleagues: %s', (text) => {
    expect(rulesFor(text)).toContain('PRIV-03');
  });

  it.each([
    'Quelqu’un peut me dire où trouver des sabots confortables ?',
    'qqn peut regarder la série avec moi ce soir, je suis en repos 😴',
    'Une collègue pourrait me prêter son livre de pharmaco pour les partiels ?',
  ])('does not flag %s', (text) => {
    expect(rulesFor(text)).not.toContain('PRIV-03');
  });

  it('is about staff accounts only', () => {
    expect(rulesFor('Qui peut prendre ma garde du 24 ?', 'institutional')).toEqual([]);
    expect(rulesFor('Qui peut prendre ma garde du 24 ?', 'public')).toEqual([]);
  });

  it('cites every span of the message, since the whole post exposes who works where and when', () => {
    const text = 'Il manque une AS cette nuit en cardio. Appelez-moi au 06 12 34 56 78';
    const date: Span = { type: 'DATE', start: 17, end: 27, score: 1, recognizer: 'test' };
    const phone: Span = { type: 'PHONE', start: 53, end: 67, score: 1, recognizer: 'test' };
    const [finding] = workOrganisationEvaluator.evaluate({
      doc: createDocument(text),
      spans: [phone, date],
      ctx: { context: 'staff', options: {}, lexicon },
    });
    expect(finding?.rule).toBe('PRIV-03');
    expect(finding?.spans).toEqual([date, phone]);
  });
});
