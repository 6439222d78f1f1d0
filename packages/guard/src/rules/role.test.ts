import { describe, expect, it } from 'vitest';
import type { Lexicon } from '../lexicon/lexicon.js';
import { createDocument } from '../text/document.js';
import type { GuardContext, Span } from '../types.js';
import { roleEvaluator } from './role.js';

const none = { match: () => [], size: 0 };
const lexicon: Lexicon = { firstNames: new Map(), surnames: new Map(), conditions: none, drugs: none };

function rulesFor(text: string, context: GuardContext = 'staff', spans: Span[] = []): string[] {
  const ctx = { context, options: { context }, lexicon };
  return roleEvaluator.evaluate({ doc: createDocument(text), spans, ctx }).map((finding) => finding.rule);
}

describe('ROLE-01: speaking in the name of the establishment', () => {
  it.each([
    'Je vous réponds au nom de tout le service de néonat : on ne laissera pas dire ça.',
    'jparle au nom de l equipe des urgences, les délais annoncés sont faux',
    "En tant qu'infirmier au CHU de Brest je vous certifie que personne n'a été renvoyé chez lui.",
    'Info importante aux familles des résidents : pas de sortie ce dimanche, consignes de l’équipe.',
    'Au nom des soignants de la maternité : les accouchements continuent normalement.',
    'Nous vous informons que le service de rééducation sera fermé tout le mois d’août.',
    'La direction vous confirme que la prime sera versée en mars, je viens de le voir passer.',
    'je réponds pour le service de cardio : aucune erreur n’a été commise',
    'Mise au point de notre service suite aux rumeurs : aucun enfant n’a été contaminé.',
    'Le CH tient à démentir : la maternité reste ouverte (je relaie pour l’équipe)',
  ])('flags %s', (text) => {
    expect(rulesFor(text)).toContain('ROLE-01');
  });

  it.each([
    'Au nom de toute l’équipe de pédiatrie, merci pour vos dessins, ils égayent nos couloirs 💛',
    'Fière de travailler au CHU depuis 10 ans, je ne changerais pour rien au monde.',
    'En tant qu’infirmière, je trouve ce métier passionnant malgré la fatigue.',
    'Le CHU annonce l’ouverture d’un nouveau service de soins palliatifs, je partage 👇',
    'La direction a présenté le projet d’établissement hier, beaucoup de questions dans la salle.',
    'Vous ne le lirez pas dans le communiqué du CHU, mais on était trois cette nuit.',
    'De la part de toute l’équipe de nuit : bonne année à tous les collègues ! 🎉',
  ])('does not flag %s', (text) => {
    expect(rulesFor(text)).not.toContain('ROLE-01');
  });

  it('never applies to the establishment’s own accounts', () => {
    const text = 'Nous vous confirmons au nom du CHU que les consultations sont maintenues.';
    expect(rulesFor(text, 'institutional')).toEqual([]);
    expect(rulesFor(text, 'reply')).toEqual([]);
  });

  it('applies to a public post only when its author signs as staff', () => {
    expect(rulesFor('Au nom du service je vous le dis : tout va bien.', 'public')).toEqual([]);
    expect(
      rulesFor(
        'Je travaille aux urgences et je réponds au nom du service : personne n’a été refoulé.',
        'public',
      ),
    ).toContain('ROLE-01');
  });
});

describe('ROLE-02: "ces propos n’engagent que moi"', () => {
  it.each([
    'Ces propos n’engagent que moi mais notre hosto va droit dans le mur.',
    'mes propos n engagent que moi, la gestion du bloc est catastrophique',
    'IDE en réa (mes tweets n’engagent que moi)',
    'Ce message n’engage pas mon employeur : les plannings sont faits n’importe comment.',
    'Avis perso : la direction de mon CHU ne sait plus quoi inventer.',
    'Opinions personnelles, sur les conditions de travail dans mon service.',
    'Views are my own. Nurse at a big French hospital.',
    'À titre perso je trouve que la cadre gère mal les congés.',
  ])('flags %s', (text) => {
    expect(rulesFor(text)).toContain('ROLE-02');
  });

  it.each([
    'Avis perso : ce film est une pépite, foncez le voir 🍿',
    'À titre personnel, j’adore la randonnée en montagne.',
    'Mon engagement auprès des patients ne faiblit pas.',
    'Je m’engage pour le don du sang, rejoignez-moi !',
    'Cette opinion, beaucoup la partagent : le vélo c’est la vie.',
    'Pas d’avis médical en ligne, consultez votre médecin.',
  ])('does not flag %s', (text) => {
    expect(rulesFor(text)).not.toContain('ROLE-02');
  });
});

describe('ROLE-03: answering criticism or rumours oneself', () => {
  it.each([
    'Arrêtez de raconter n’importe quoi sur notre maternité, je bosse là-bas.',
    "c'est archi faux, je travaille dans ce service et personne n'a été maltraité",
    'Pour tous ceux qui relaient cette rumeur sur la fermeture des urgences : c’est faux !!',
    'Vous qui critiquez les soignants sans savoir, venez faire une garde avec nous 😡',
    'Je suis aide-soignante là-bas et je peux vous assurer que ce témoignage est inventé.',
    '@lemag_local votre reportage sur notre hôpital est mensonger du début à la fin.',
    'Les gens qui râlent en commentaire, avant de juger venez voir comment on bosse',
    'Stop de colporter des fake news sur le CHU svp 🙄',
    'Pour répondre aux commentaires haineux sous l’article : on fait ce qu’on peut, avec ce qu’on a.',
    'Les gens qui mettent des avis une étoile sur Google, vous ne savez pas ce qu’on vit.',
  ])('flags %s', (text) => {
    expect(rulesFor(text)).toContain('ROLE-03');
  });

  it.each([
    'Non, les antibiotiques ne soignent pas les virus. C’est faux de croire le contraire (Assurance Maladie).',
    'Arrêtez de fumer, votre cœur vous dira merci 🚭',
    'J’ai signalé le post mensonger au service communication, ils s’en occupent.',
    'Ma collègue m’a dit que c’était faux, j’avais mal noté l’heure du staff 😅',
    'Les critiques des patients nous aident à progresser, on les lit toutes.',
    'Rumeur ou pas, je vais à la chorale ce soir 🎶',
    'Arrêtez de dire que les soignants sont des héros, on veut juste des moyens.',
    'Je réponds à vos questions sur le métier en story ce soir !',
    'Merci à celles et ceux qui laissent des avis positifs, ça fait chaud au cœur 🥰',
  ])('does not flag %s', (text) => {
    expect(rulesFor(text)).not.toContain('ROLE-03');
  });

  it.each([
    '@mamandeclara tu racontes des bêtises, j’étais de garde ce soir-là et ton fils a été vu en 20 min',
    'C’est moi la sage-femme que vous accusez dans votre avis Google : je vous ai expliqué chaque geste.',
    'j’y travaille depuis 10 ans, personne n’a jamais été refusé aux urgences la nuit',
    'Je suis l’aide-soignante dont parle cet article, et ça ne s’est pas du tout passé comme ça.',
    'Vous n’étiez pas une urgence, madame, votre entorse pouvait attendre deux heures.',
    'vous mentez sur les groupes du coin, arrêtez avec vos histoires sur notre hosto',
  ])('flags a staff member answering a critic: %s', (text) => {
    expect(rulesFor(text)).toContain('ROLE-03');
  });

  it.each([
    'J’y travaille depuis 10 ans et je ne m’en lasse pas 💙',
    'Tu racontes n’importe quoi 😂 ce film était génial, on y retourne samedi',
    'Je suis l’infirmière de nuit, celle qui chante dans les couloirs 🎶',
    'Ma fille m’a dit « tu mens » quand je lui ai dit que je rentrais tôt 😅',
  ])('does not flag %s', (text) => {
    expect(rulesFor(text)).not.toContain('ROLE-03');
  });

  it('is for staff only', () => {
    expect(rulesFor('Arrêtez de raconter n’importe quoi sur le CHU.', 'reply')).toEqual([]);
    expect(rulesFor('Arrêtez de raconter n’importe quoi sur le CHU.', 'public')).toEqual([]);
  });
});

describe('findings', () => {
  it('quote the words seen and keep the catalogue severity', () => {
    const [finding] = roleEvaluator.evaluate({
      doc: createDocument('Je réponds au nom du service : tout est sous contrôle.'),
      spans: [],
      ctx: { context: 'staff', options: {}, lexicon },
    });
    expect(finding?.severity).toBe('warn');
    expect(finding?.explanation.fr).toContain('« ');
    expect(finding?.explanation.fr).toMatch(/au nom du service/);
  });

  it('cite no span: the rule is about the author’s voice, not about someone named', () => {
    const text = 'Je réponds au nom du service avec @julie_ide : tout va bien.';
    const handle: Span = { type: 'HANDLE', start: 35, end: 45, score: 1, recognizer: 'test' };
    const [finding] = roleEvaluator.evaluate({
      doc: createDocument(text),
      spans: [handle],
      ctx: { context: 'staff', options: {}, lexicon },
    });
    expect(finding?.rule).toBe('ROLE-01');
    expect(finding?.spans).toEqual([]);
  });
});
