import { describe, expect, it } from 'vitest';
import type { Lexicon } from '../lexicon/lexicon.js';
import { createDocument } from '../text/document.js';
import type { GuardContext, Span } from '../types.js';
import { discretionEvaluator } from './discretion.js';

const none = { match: () => [], size: 0 };
const lexicon: Lexicon = { firstNames: new Map(), surnames: new Map(), conditions: none, drugs: none };

function rulesFor(text: string, context: GuardContext = 'staff', spans: Span[] = []): string[] {
  const ctx = { context, options: { context }, lexicon };
  return discretionEvaluator
    .evaluate({ doc: createDocument(text), spans, ctx })
    .map((finding) => finding.rule);
}

describe('DISCR-01: internal information', () => {
  it.each([
    ['le digicode de la réserve de pharmacie c’est 4521, pratique pour les nouveaux 😅', 'staff'],
    ['Mdp du DPI toujours le même depuis 2019, la sécurité informatique on repassera', 'staff'],
    ['Plus aucun vigile la nuit aux urgences depuis lundi, on est seuls face aux agressions.', 'staff'],
    ['Les caméras du parking du personnel sont en panne depuis un mois, personne ne répare.', 'staff'],
    ['La porte de service du sous-sol reste ouverte toute la nuit, n’importe qui peut entrer.', 'staff'],
    [
      'Une enquête administrative est ouverte contre le service après le décès de la semaine dernière.',
      'staff',
    ],
    ['notre collègue brancardier a été mis à pied, la DRH refuse d’en parler', 'staff'],
    ['Capture du mail interne de la direction : « gel des recrutements jusqu’à nouvel ordre ».', 'staff'],
    ['Ce soir 23 patients sur des brancards dans le couloir, record battu.', 'staff'],
    ['Il manque 6 infirmières sur le pôle et on nous demande de faire des heures sup.', 'staff'],
    ['Nuits à 1 IDE pour 30 résidents dans mon EHPAD, bon courage à nous.', 'staff'],
    ['Le rachat de la clinique est signé en catimini, les équipes ne sont pas au courant.', 'staff'],
    ['La direction prévoit de supprimer 30 postes d’ici décembre, gardez ça pour vous.', 'staff'],
    ['Encore une fugue d’un patient en psy, la direction veut étouffer l’affaire.', 'staff'],
    ['Le badge de l’ancien interne marche encore, personne ne l’a désactivé lol', 'staff'],
    ['L’infirmière impliquée a fait l’objet d’un avertissement et d’une mutation.', 'institutional'],
    [
      'Erreur de dosage sur un nourrisson hier en pédiatrie, tout le monde fait comme si de rien n’était.',
      'staff',
    ],
    [
      'Le médecin mis en cause a été suspendu à titre conservatoire dans l’attente de l’enquête.',
      'institutional',
    ],
    [
      'Rappel : les agents de sûreté ne sont présents que de 20h à 2h, soyez vigilants après.',
      'institutional',
    ],
    ['Bonjour, une procédure disciplinaire a été engagée contre l’agent concerné. Cordialement.', 'reply'],
  ] as const)('flags %s', (text, context) => {
    expect(rulesFor(text, context)).toContain('DISCR-01');
  });

  it.each([
    ['Nous recrutons 25 infirmiers pour l’ouverture de notre nouvelle unité ! #recrutement', 'institutional'],
    ['Dépistage gratuit et confidentiel, sans rendez-vous, tous les jeudis au CeGIDD.', 'institutional'],
    [
      'Un agent de sécurité est présent 24h/24 à l’accueil des urgences pour votre sécurité.',
      'institutional',
    ],
    ['Le wifi patients est gratuit : demandez le code à l’accueil.', 'institutional'],
    [
      'Suite à un cas de gale dans une unité, les mesures d’hygiène ont été renforcées. Les visites restent possibles.',
      'institutional',
    ],
    ['Grève le 14 : rassemblement à midi devant le hall, pour des effectifs dignes !', 'staff'],
    ['Ouverture de 12 lits de soins de suite au printemps 🎉', 'institutional'],
    ['Trois ans que je bosse de nuit et j’adore toujours autant mon équipe.', 'staff'],
    ['J’ai révisé la procédure d’hygiène des mains pour l’audit de demain, croisez les doigts !', 'staff'],
    ['Code couleur des bracelets : rouge pour les allergies, expliqué dans notre vidéo.', 'institutional'],
    ['Je suis en arrêt maladie depuis lundi, prenez soin de vous les collègues 🤒', 'staff'],
    ['Nouvelle cadre du service : ma porte reste ouverte, venez me voir quand vous voulez !', 'staff'],
    ['La souffrance des soignants est passée sous silence depuis trop longtemps.', 'staff'],
    ['Prévenir la chute du patient âgé : nos conseils dans la fiche du service.', 'staff'],
    ['Épidémie de gastro à la maison, les enfants sont malades, courage à moi.', 'staff'],
    ['Mon mari a été licencié de son usine, dur mois pour la famille.', 'staff'],
    ['Une enquête de satisfaction est en cours : donnez votre avis sur votre séjour !', 'institutional'],
  ] as const)('does not flag %s', (text, context) => {
    expect(rulesFor(text, context)).not.toContain('DISCR-01');
  });

  it.each([
    [
      'Effectivement, 9 postes d’aides-soignants restent vacants et 6 lits de chirurgie vont fermer en août.',
      'reply',
    ],
    ['Ça a été décidé en codir hier : plus de SMUR de nuit à partir de septembre 🤐', 'staff'],
    ['chiffres pas encore publiés mais on est à 40 % de turnover dans le pôle', 'staff'],
    ['La fermeture, pas encore annoncée aux équipes, concernerait tout le 3e étage.', 'institutional'],
    ['Ils l’ont acté lors de la réunion des cadres : la maternité passe en 12h l’an prochain.', 'staff'],
  ] as const)('flags unannounced decisions and figures: %s (%s)', (text, context) => {
    expect(rulesFor(text, context)).toContain('DISCR-01');
  });

  it.each([
    [
      'Le projet, validé en comité de direction puis en conseil de surveillance, sera présenté le 12 mars.',
      'institutional',
    ],
    ['Les résultats de l’étude ne sont pas encore publiés, patience !', 'staff'],
    ['On a parlé de la fête de fin d’année en réunion de service, trop hâte 🎉', 'staff'],
  ] as const)('does not flag %s (%s)', (text, context) => {
    expect(rulesFor(text, context)).not.toContain('DISCR-01');
  });

  it('lets the establishment announce an outbreak, but not a staff member', () => {
    const text = 'Cluster de grippe dans le service de gériatrie, visites limitées.';
    expect(rulesFor(text, 'institutional')).toEqual([]);
    expect(rulesFor(text, 'staff')).toEqual(['DISCR-01']);
  });

  it('does not judge members of the public (they owe no discretion)', () => {
    expect(rulesFor('Le code de la porte du personnel c’est 1234, je l’ai vu taper.', 'public')).toEqual([]);
  });

  it('cites the colleague exposed by an HR disclosure', () => {
    const text = 'Notre collègue Romain est en arrêt maladie depuis un mois pour burn-out.';
    const person: Span = { type: 'PERSON', start: 15, end: 21, score: 1, recognizer: 'test' };
    const unit: Span = { type: 'UNIT', start: 0, end: 5, score: 1, recognizer: 'test' };
    const [finding] = discretionEvaluator.evaluate({
      doc: createDocument(text),
      spans: [person, unit],
      ctx: { context: 'staff', options: {}, lexicon },
    });
    expect(finding?.rule).toBe('DISCR-01');
    expect(finding?.spans).toEqual([person]);
    expect(finding?.explanation.fr).toContain('en arrêt maladie');
  });
});
