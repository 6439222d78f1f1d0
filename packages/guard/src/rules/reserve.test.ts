import { describe, expect, it } from 'vitest';
import type { Lexicon } from '../lexicon/lexicon.js';
import { createDocument } from '../text/document.js';
import type { GuardContext, Span } from '../types.js';
import { reserveEvaluator } from './reserve.js';

const none = { match: () => [], size: 0 };
const lexicon: Lexicon = { firstNames: new Map(), surnames: new Map(), conditions: none, drugs: none };

function rulesFor(text: string, context: GuardContext = 'staff', spans: Span[] = []): string[] {
  const ctx = { context, options: { context }, lexicon };
  return reserveEvaluator.evaluate({ doc: createDocument(text), spans, ctx }).map((finding) => finding.rule);
}

describe('RESERVE-01: opinions on the employer and hierarchy without restraint', () => {
  it.each([
    'Notre directeur est un incapable qui ne connaît que les tableaux Excel.',
    'la direction se fout de nous depuis des années, ras le bol',
    'Mon N+1 ? Un tyran. Trois collègues sont parties à cause de lui.',
    'Le chef de service, complètement à côté de la plaque comme d’hab 🙄',
    'Honte à notre direction qui supprime la crèche du personnel.',
    'La nouvelle DRH n’a jamais mis les pieds dans un service, et ça se voit.',
    'Encore une réunion avec la cadre sup pour rien. Elle est vraiment nulle, vivement sa mutation.',
    'quand ton chef de pôle te félicite pour ton « sens du sacrifice » 🤡',
    'Bande d’incompétents à la direction, vous tuez l’hôpital public.',
    'Ma cheffe s’est attribué tout le travail de l’équipe devant le directoire.',
    'Marre de cette direction de bras cassés.',
    'Les chefs de service ici ? Des planqués qui n’ont jamais fait une nuit.',
    'Notre DG = un comptable sans cœur.',
  ])('flags %s', (text) => {
    expect(rulesFor(text)).toContain('RESERVE-01');
  });

  it.each([
    'Grève jeudi : nous demandons à la direction l’ouverture de négociations sur les effectifs.',
    'Je ne suis pas d’accord avec la décision de la direction de fermer 10 lits, et je le dirai en CSE.',
    'Merci à ma cadre qui s’est battue pour nous obtenir des jours de récup 💙',
    'Notre nouveau directeur est venu passer une nuit aux urgences avec nous. Respect.',
    'La cadre a organisé un pot pour le départ de Josiane, super moment.',
    'Le chef de service a présenté nos résultats au congrès, fiers de l’équipe !',
    'Nos collègues de nuit sont incroyables, rien à dire.',
    'Cette réforme est nulle, mais je continuerai à soigner avec le sourire.',
    'Le clown de l’association est venu voir les enfants en pédiatrie 🤡🎈',
    'Bravo à notre chef de service, élu président de la CME ! Belle reconnaissance.',
    'Notre directeur est un passionné de vélo, il vient tous les jours à bicyclette 🚲',
  ])('does not flag %s', (text) => {
    expect(rulesFor(text)).not.toContain('RESERVE-01');
  });

  it('binds staff and the establishment’s own voice; a patient may criticise the management', () => {
    const text = 'La direction de cet hôpital se fout des patients, honte à eux.';
    expect(rulesFor(text, 'public')).toEqual([]);
    expect(rulesFor(text, 'reply')).toEqual(['RESERVE-01']);
    expect(rulesFor(text, 'staff')).toEqual(['RESERVE-01']);
  });

  it.each([
    'Le cadre sup nous a encore menti sur les renforts, et maintenant il s’en lave les mains.',
    'notre directrice ? franchement une calamité pour ce service',
    'La DRH se contrefout des soignants, elle nous laisse crever depuis 2 ans.',
    'Mon chef de pôle = un boulet, et il ne s’en rend même pas compte',
    'les chefs font l’autruche pendant qu’on court partout #soignantsépuisés',
  ])('flags contempt said as a lie, a shrug or a label: %s', (text) => {
    expect(rulesFor(text)).toContain('RESERVE-01');
  });

  it.each([
    'Le chef de service a géré la catastrophe du week-end avec un calme impressionnant.',
    'La directrice nous a promis des renforts pour cet été, on attend de voir.',
    'Ma cadre ment très mal quand elle prépare une surprise pour nos anniversaires 😂',
  ])('does not flag %s', (text) => {
    expect(rulesFor(text)).not.toContain('RESERVE-01');
  });

  describe('in the establishment’s replies', () => {
    it.each([
      'On vous comprend. Entre nous, la direction ne fait rien pour les urgences depuis des années.',
      'Vous avez entièrement raison : une direction qui sabre les postes de nuit, voilà le résultat.',
      'Nous sommes d’accord avec vous, notre administration ignore les alertes des équipes.',
    ])('flags a reply that sides with the critic against its management: %s', (text) => {
      expect(rulesFor(text, 'reply')).toEqual(['RESERVE-01']);
    });

    it.each([
      'Vous avez raison, la direction a supprimé le parking payant pour les familles : bonne nouvelle !',
      'Nous comprenons votre colère ; la direction a été informée et reviendra vers vous.',
      'Vous avez raison, l’attente a été trop longue. Notre cadre de santé vous rappellera demain.',
    ])('does not flag %s', (text) => {
      expect(rulesFor(text, 'reply')).toEqual([]);
    });
  });

  it('cites the named manager when the cue is in the same sentence', () => {
    const text = 'Notre cadre Sandrine Roux est une incompétente. Bonne soirée à tous.';
    const person: Span = { type: 'PERSON', start: 12, end: 26, score: 1, recognizer: 'test' };
    const [finding] = reserveEvaluator.evaluate({
      doc: createDocument(text),
      spans: [person],
      ctx: { context: 'staff', options: {}, lexicon },
    });
    expect(finding?.spans).toEqual([person]);
    expect(finding?.severity).toBe('warn');
  });
});
