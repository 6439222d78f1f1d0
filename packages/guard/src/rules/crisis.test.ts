import { describe, expect, it } from 'vitest';
import type { Lexicon } from '../lexicon/lexicon.js';
import { createDocument } from '../text/document.js';
import type { GuardContext, Span } from '../types.js';
import { crisisEvaluator } from './crisis.js';

const none = { match: () => [], size: 0 };
const lexicon: Lexicon = { firstNames: new Map(), surnames: new Map(), conditions: none, drugs: none };

function rulesFor(text: string, context: GuardContext = 'staff', spans: Span[] = []): string[] {
  const ctx = { context, options: { context }, lexicon };
  return crisisEvaluator.evaluate({ doc: createDocument(text), spans, ctx }).map((finding) => finding.rule);
}

describe('CRISIS-01: rumours and internal figures during a crisis', () => {
  it.each([
    'Plan blanc déclenché 🚨 il paraît qu’il y a des enfants parmi les victimes, priez pour eux',
    'cyberattaque au CHU : apparemment toutes les données patients sont déjà en vente, partagez',
    'Grève des urgences : d’après un collègue la direction va fermer le SAU la nuit dès lundi',
    'Explosion à l’usine : on a déjà 12 blessés graves chez nous et ce n’est que le début',
    'Épidémie de rougeole dans le département, on nous cache le vrai nombre de cas !!',
    'Attentat : on parle de 20 morts, faites tourner',
    'Incendie de l’immeuble rue Voltaire, bruits de couloir : deux pompiers seraient morts',
    'Avec la grève, selon ma cadre il y aurait des réquisitions massives ce week-end',
    'Attentat au marché de Noël : des collègues disent qu’il y aurait des dizaines de morts',
    'Plan blanc : des morts dans les couloirs d’après ce qu’on m’a dit',
  ])('flags %s', (text) => {
    expect(rulesFor(text)).toContain('CRISIS-01');
  });

  it.each([
    'Plan blanc déclenché au CHU : ne venez aux urgences qu’en cas d’urgence vitale. Infos officielles sur le site.',
    'Grève reconductible à partir de jeudi, rassemblement devant le hall à 13h ✊',
    'Je serai en grève demain, le service minimum sera assuré.',
    'Épidémie de grippe : lavez-vous les mains et portez un masque en cas de toux (Santé publique France).',
    'Il paraît que la cantine refait des lasagnes jeudi 😍',
    'Apparemment le nouveau scanner arrive en mars, trop hâte',
    'On parle de la grève en AG jeudi, venez nombreux.',
    'Exercice attentat ce matin avec le SAMU, merci à tous les participants pour leur sérieux.',
    'Il a fait une crise cardiaque en plein match, apparemment tout va bien maintenant.',
  ])('does not flag %s', (text) => {
    expect(rulesFor(text)).not.toContain('CRISIS-01');
  });

  describe('rumours spread by the public or by the establishment’s replies', () => {
    it.each([
      ['Plan blanc au CHU, il paraît qu’il y a 10 morts !!', 'public'],
      [
        'Fusillade près de la gare ?? Apparemment une vingtaine de blessés, ne venez pas aux urgences ce soir',
        'public',
      ],
      ['alerte à la bombe à la clinique, ma belle-sœur bosse là-bas elle parle de 3 blessés 😱', 'public'],
      ['on dit que les urgences ont été évacuées à cause d’un incendie, faites tourner', 'public'],
      [
        'Selon des témoins il y aurait des victimes dans l’explosion. Évitez le quartier de l’hôpital.',
        'reply',
      ],
    ] as const)('flags %s (%s)', (text, context) => {
      expect(rulesFor(text, context)).toEqual(['CRISIS-01']);
    });

    it.each([
      // A question without figures or a call to act stays a RUMOR for the communication team.
      [
        'Il paraît qu’il y a une grève jeudi aux urgences ? Quelqu’un sait si les consultations sont maintenues ?',
        'public',
      ],
      ['Apparemment l’hôpital est en plan blanc, vous savez ce qui se passe ?', 'public'],
      // A slow-burning worry is not the acute crisis of the rule (a RUMOR, not CRISIS-01).
      ['On dit qu’il y a une épidémie de grippe à l’EHPAD, 3 décès, partagez', 'public'],
      // The official relay: no hearsay.
      [
        'Incendie dans la zone industrielle : plan blanc déclenché, 12 blessés pris en charge. Évitez le secteur.',
        'reply',
      ],
      ['Grève des urgences : soutien total, 8 heures d’attente pour ma mère hier, partagez !', 'public'],
    ] as const)('does not flag %s (%s)', (text, context) => {
      expect(rulesFor(text, context)).toEqual([]);
    });
  });

  it('applies to a public post whose author signs as staff', () => {
    expect(
      rulesFor(
        'Je bosse aux urgences : plan blanc, on a reçu 9 blessés, il paraît que c’est pas fini',
        'public',
      ),
    ).toEqual(['CRISIS-01']);
  });

  it('does not apply to the establishment’s accounts', () => {
    expect(
      rulesFor(
        'Plan blanc : 14 blessés accueillis cette nuit, cellule familles au 0800 000 000.',
        'institutional',
      ),
    ).toEqual([]);
  });

  it('says when the post also asks people to share', () => {
    const [finding] = crisisEvaluator.evaluate({
      doc: createDocument('Attentat : il paraît qu’il y a 30 victimes, partagez !'),
      spans: [],
      ctx: { context: 'staff', options: {}, lexicon },
    });
    expect(finding?.explanation.fr).toContain('partager');
    expect(finding?.severity).toBe('warn');
  });
});
