import { describe, expect, it } from 'vitest';
import type { Category, Finding, SpanType } from '../types.js';
import { categorize } from './category.js';
import { defamationEvaluator } from './defamation.js';
import { doxxingEvaluator } from './doxxing.js';
import { makeFinding } from './finding.js';
import { harassmentEvaluator } from './harassment.js';
import { inputFor } from './people-fixture.js';
import { respectEvaluator } from './respect.js';

const EVALUATORS = [respectEvaluator, defamationEvaluator, harassmentEvaluator, doxxingEvaluator];

/** Files a public post as the pipeline would, with extra findings from rules outside this family. */
function file(
  text: string,
  spans: readonly (readonly [SpanType, string])[] = [],
  extra: readonly Finding[] = [],
): Category | null {
  const input = inputFor(text, 'public', spans);
  const findings = [...EVALUATORS.flatMap((evaluator) => evaluator.evaluate(input)), ...extra];
  return categorize(input, findings);
}

describe('categorize: what the post does to people comes first', () => {
  it('files a threat as THREAT, even when it also accuses', () => {
    expect(
      file("L'aide-soignante Mélanie a maltraité mon pere, elle va le regretter 🔪", [['PERSON', 'Mélanie']]),
    ).toBe('THREAT');
    expect(file('Si ma mère attend encore 1h je vais tout casser aux urgences 😡')).toBe('THREAT');
  });

  it('files published whereabouts as DOXXING', () => {
    expect(
      file('Le Dr Ravel gare sa Golf grise GH-777-AA au parking visiteurs tous les jours', [
        ['PERSON', 'Dr Ravel'],
        ['PLATE', 'GH-777-AA'],
      ]),
    ).toBe('DOXXING');
  });

  it('files an allegation as DEFAMATION, even with a call to share', () => {
    expect(file('Le pharmacien de la clinique pioche dans la caisse, partagez un max')).toBe('DEFAMATION');
  });

  it('files a leak of someone else’s health as PRIVACY_BREACH', () => {
    const secret = makeFinding('SECRET-01', []);
    expect(
      file("Apparemment la boulangère d'en face est en chimio, quelqu'un confirme ?", [], [secret]),
    ).toBe('PRIVACY_BREACH');
  });
});

describe('categorize: the tone of the post', () => {
  it.each([
    ["Il paraît que la réa va fermer l'été prochain, qqn confirme ?", 'RUMOR'],
    ['Ils cachent une épidémie de gale en gériatrie et personne n en parle 🤐', 'RUMOR'],
    ['urgences de nuit fermées dès septembre ?? c vrai ??', 'RUMOR'],
    ['5h d attente aux urgences pédiatriques avec un bébé fiévreux, inadmissible', 'COMPLAINT'],
    [
      "3 semaines que j'attends mon compte rendu, c'est normal ??? personne ne répond au secrétariat",
      'COMPLAINT',
    ],
    [
      'Les infirmières étaient gentilles mais chambre sale, repas froid et 2 jours sans voir de médecin',
      'COMPLAINT',
    ],
    ['Merci le CHU pour les 6h d attente 🙃', 'COMPLAINT'],
    ["Un grand merci à l'équipe de la mater, vous êtes des anges 💕", 'PRAISE'],
    ['Parking hors de prix mais une équipe formidable et aux petits soins, merci pour tout ❤️', 'PRAISE'],
    ['Bonjour, est-ce que les visites sont autorisées le dimanche en pédiatrie ?', 'QUESTION'],
    ['Où se trouve le centre de prélèvement svp ? merci d avance', 'QUESTION'],
    ['Collecte de sang mardi de 10h à 18h à la mairie de Vitré.', 'INFO'],
    ["Grève des sages-femmes ce jeudi à la maternité, le préavis dénonce le manque d'effectifs.", 'INFO'],
  ] as const)('files %s as %s', (text, category) => {
    expect(file(text)).toBe(category);
  });
});

describe('categorize: cues that must not mislead', () => {
  it.each([
    [
      "Qqn sait pourquoi on m'a facturé 2 fois ? scandaleux, 3 mois que j'attends le remboursement",
      'COMPLAINT',
      'QUESTION',
    ],
    ['Où se trouve la maternité svp ? merci d avance', 'QUESTION', 'PRAISE'],
    [
      'Super équipe mais 5h d attente, c est inadmissible et personne ne nous a informés',
      'COMPLAINT',
      'PRAISE',
    ],
    [
      'Le chef des urgences est au top, il a pris le temps de tout nous expliquer. Merci !',
      'PRAISE',
      'DEFAMATION',
    ],
    ['Je vais porter plainte contre la clinique, 3 erreurs sur ma facture, honteux', 'COMPLAINT', 'THREAT'],
    ['Je reviens avec ma famille remercier toute l équipe de la mater 💐', 'PRAISE', 'THREAT'],
    ['Mon père a été soigné par le Dr Morel, un médecin génial, merci !', 'PRAISE', 'DEFAMATION'],
    ['Le planning des visites change lundi : de 12h à 20h dans tous les services.', 'INFO', 'DOXXING'],
  ] as const)('files %s as %s, not %s', (text, category, tempting) => {
    const found = file(text);
    expect(found).toBe(category);
    expect(found).not.toBe(tempting);
  });
});

describe('categorize: tones in other registers', () => {
  it.each([
    ["Parking à 3 € de l'heure, c'est du racket pour les familles", 'COMPLAINT'],
    ["Il faut qu'elle soit sanctionnée, cette infirmière m'a mal parlé", 'COMPLAINT'],
    ['le jeûne guérit le cancer, les médecins ne vous le diront jamais', 'RUMOR'],
    ["Bonjour, je voudrais prendre rendez-vous en ORL, c'est possible par mail ? Merci beaucoup", 'QUESTION'],
    ['Petit vlog de ma journée de rééducation, je vous montre les machines ! merci aux kinés', 'INFO'],
    ["jolie balade au parc de l'hôpital ce matin 🌸", 'INFO'],
    ['Fête des voisins à la résidence ce soir 😍', 'INFO'],
  ] as const)('files %s as %s', (text, category) => {
    expect(file(text)).toBe(category);
  });

  it('files a pile-on against a person as THREAT', () => {
    expect(
      file('Mettez-lui tous une étoile sur Google à ce dentiste, il a arraché la mauvaise dent de ma fille'),
    ).toBe('THREAT');
  });

  it('files a fellow patient filmed to be laughed at as PRIVACY_BREACH', () => {
    expect(file("ma voisine de chambre ronfle comme un tracteur 😂😂 j'ai enregistré pour vous #hosto")).toBe(
      'PRIVACY_BREACH',
    );
  });

  it('files an insult thrown at a carer as COMPLAINT', () => {
    expect(file("l'infirmière de nuit du 2e est une vraie conne, elle m'a ignoré toute la nuit")).toBe(
      'COMPLAINT',
    );
  });
});

describe('category: complaints that warn others off', () => {
  it.each([
    ["L'accueil de la radiologie, aucune empathie, d'une arrogance rare. Je déconseille."],
    ['Repas froid, chambre sale… le confort, on repassera.'],
  ])('files %s as a complaint', (text) => {
    expect(file(text)).toBe('COMPLAINT');
  });
});
