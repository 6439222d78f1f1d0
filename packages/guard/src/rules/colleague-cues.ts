/**
 * Colleagues named, tagged or pictured (RESPECT-02, IMAGE-03): "Merci @lea pour les 12
 * transmissions incomplètes 🙃", "la nouvelle cadre sup, Mme V., est une catastrophe",
 * "Soirée du service 🍻 avec @marie @thibault", "il sait pas que je poste 🤫 @tonio". One scan
 * of the post finds every sign these rules weigh.
 */

import type { GuardDocument } from '../text/document.js';
import { WORD_END } from '../text/words.js';
import type { Span } from '../types.js';
import { staffMentions } from './people-cues.js';
import { type LabelledHit, phraseFamily, scanFamily } from './phrase-family.js';
import { rememberLast } from './remember-last.js';
import { hasKeyWord, keyWords } from './word-gate.js';

type ColleagueSign = 'colleague' | 'tagging' | 'critical' | 'blame' | 'picture' | 'candid' | 'consent';

// The words of criticism one of which a critical phrase needs.
const CRITICAL_KEY =
  'incomplete?s?|catastrophique|catastrophiques|catastrophe|lamentables?|deplorables?|honteu(?:x|se)|honte|bordel|galere|oublie|retard|jamais|decaler|attribue|vole|pique|pris|pense|voie|voit|reconnaisse|comprenne|plaisir|rien|moi|hab|fois|incompetente?s?|laisse|horreur|insupportables?|toxiques?|meprisante?s?|odieu(?:x|se)|desagreables?|imbuvables?|ingerables?|irrespectueu(?:x|se)|tyran|harceleu(?:r|se)|nulle?s?|parle|parlait|parler|m|perdu|fuir|partir|arrivee|pleurer|confondu|trompee?|foutue?|sait|importe|encore';

const SIGNS = phraseFamily<ColleagueSign>(
  [
    [
      'tagging',
      "je (?:te |vous )?(?:tague|tag|taggue|tagge|mentionne)|j'ai (?:tague|tagge|identifie|identifiee|mentionne)|(?:j'ai|je vous ai) (?:tous |toutes )?(?:tague|tagge|identifie)e?s?|identifiee?s? sur",
      'tague|tag|taggue|tagge|tagues|taggues|mentionne|identifie|identifiee|identifies|identifiees',
    ],
    [
      'consent',
      "avec (?:leur |son |votre |l')(?:accord|autorisation|permission|consentement)|(?:ont|a) (?:tous |toutes )?(?:accepte|donne leur accord|donne son accord)|(?:tout le monde|tous|toutes) (?:est |sont |etaient )?(?:ok|d'accord)|d'accord pour (?:etre|apparaitre)|(?:avec|apres) (?:leur|son) (?:ok|feu vert)|(?:d'avoir|ont|a|avez|qui ont) (?:bien )?(?:accepte|voulu|bien voulu)|se sont pretee?s au jeu|ravie?s? de (?:poser|participer)",
      'accord|autorisation|permission|consentement|accepte|ok|feu|voulu|pretes|pretees|ravi|ravie|ravis|ravies',
    ],
    // Taken or posted behind their back.
    [
      'candid',
      "(?:il|elle|ils|elles) (?:ne )?(?:sait|savent|savait|savaient) pas (?:que je|qu'on) (?:poste|publie|filme|prends|l'ai|les ai)|(?:ils|elles|il|elle) ne s'y attendai(?:en)?t pas|(?:il|elle|ils|elles) s'y attendai(?:en)?t pas|a (?:son|leur) insu|en douce|pris sur le vif|sans qu'(?:il|elle|ils|elles) (?:le sache|le sachent|s'en rende|s'en rendent|voie|voient)|(?:s'il|si elle|s'ils|si elles) (?:voit|voient|tombe sur) (?:ca|cette photo|ce post)|(?:il|elle) va me tuer",
      'sait|savent|savait|savaient|attendait|attendaient|insu|douce|vif|sache|sachent|rende|rendent|voie|voient|voit|tombe|tuer',
    ],
    [
      'colleague',
      "(?:ma|mon|notre|nos|la|le|une|un|mes|l') (?:(?:nouvelle?|nouvel|jeune|petite?|chere?|super|grande?|fameu(?:x|se)|adoree?|bien-aimee?) )?(?:collegues?|cadre(?: sup(?:erieure?)?| de sante)?|chef|cheffe|n\\+1|superieure?|co-?equipiere?|binome|remplacante?|interne|externe|stagiaire|esi|coloc de garde|equipiere?)",
      'collegues?|cadre|chef|cheffe|superieure?|coequipiere?|co|binome|remplacante?|interne|externe|stagiaire|esi|coloc|equipiere?',
    ],
    // A sanction or a fault said of a carer ("a été convoquée et sera sanctionnée").
    [
      'blame',
      "sanctionnee?s?|sera sanctionne|mise? en cause|convoquee?|avertissement|blame|mesures? disciplinaires?|procedure disciplinaire|conseil de discipline|a reconnu (?:une|son|ses|sa) (?:erreur|faute|tort|responsabilite)|suspendue?|recadree?|mutee? (?:d'office|de force)|licenciee?|renvoyee?|(?:il|elle) n'aurait (?:jamais |pas )(?:du|pu) (?:vous |te )?(?:parler|repondre|dire|agir|refuser|laisser|traiter|ecrire)",
      'aurait|auraient|sanctionnee?s?|sanctionne|mise?|convoquee?|avertissement|blame|mesures?|procedure|conseil|reconnu|suspendue?|recadree?|mutee?|licenciee?|renvoyee?',
    ],
    // A critical, ironic or mocking tone; a colleague's health or HR matter aired.
    [
      'critical',
      "incomplete?s?|catastrophi\\w*|catastrophe|lamentables?|deplorables?|honteu(?:x|se)|la honte|bordel|galere|oublie|en retard|jamais la|toujours en retard|tout decaler|fait tout decaler|s'est attribue|s'attribue|(?:vole|pique|pris) mon (?:travail|idee|protocole|projet)|ce qu'on pense|pour qu'(?:il|elle) (?:voie|voit|se reconnaisse|comprenne)|toujours un plaisir|merci pour rien|bravo a moi|comme d'hab|encore une fois|incompetente?s?|je vous laisse (?:apprecier|admirer|juger)|une horreur|insupportables?|toxiques?|meprisante?s?|odieu(?:x|se)|desagreables?|imbuvables?|ingerables?|irrespectueu(?:x|se)|tyran|harceleu(?:r|se)|nulle?s?|(?:parle|parlait|parler) comme a (?:un chien|une merde|un gamin|une gamine|un debile)|m'a (?:mal parle|envoye balader|ignoree?|engueulee?|humiliee?|hurle dessus)|(?:on a|a fait) (?:perdu|fuir|partir) \\d+|depuis son arrivee|fait (?:fuir|pleurer)|a confondu|s'est trompee?|pas foutue? de|sait (?:meme )?pas (?:faire|poser|piquer|lire)|n'importe quoi|a encore (?:rate|oublie|perdu|casse)",
      CRITICAL_KEY,
    ],
    // A manager's abuse of power, said with irony: "notre super cadre qui nous refuse tous nos congés".
    [
      'critical',
      'qui (?:nous |me |leur )?(?:refuse|refusent|refusait|impose|imposent|sucre|sucrent|supprime|suppriment|annule|annulent|pourrit|pourrissent|bloque|bloquent) (?:tous |toutes |systematiquement |encore |toujours )?(?:nos|mes|leurs|les) (?:conges|vacances|rtt|repos|jours|demandes|formations|primes|heures|recups|week-ends|plannings?)',
      'refuse|refusent|refusait|impose|imposent|sucre|sucrent|supprime|suppriment|annule|annulent|pourrit|pourrissent|bloque|bloquent',
    ],
    [
      'critical',
      'en arret|burn-?out|depression|ne (?:le|la) remplace pas|arret maladie',
      'arret|burn|burnout|depression|remplace|maladie',
    ],
    [
      'picture',
      "photos?|pics?|selfies?|videos?|story|stories|reels?|album|en tutu|soiree|pot (?:de depart|de noel|de fin|d'adieu)|gala|fete|afterwork|repas (?:de service|d'equipe)|resto|barbecue|bbq|anniv(?:ersaire)?|teambuilding|team building|mariage|evg|evjf|karaoke|je (?:poste|publie)|en photo|coulisses|photo de groupe",
      'photos?|pics?|selfies?|videos?|story|stories|reels?|album|tutu|soiree|pot|gala|fete|afterwork|repas|resto|barbecue|bbq|anniv|anniversaire|teambuilding|team|mariage|evg|evjf|karaoke|poste|publie|photo|coulisses',
    ],
  ],
  [
    ['critical', '🙃|😒|🙄|😤|😑|🤬|😡|👎|🤦|🖕|🤡'],
    ['picture', '📸|📷|🤳|🎥|🍻|🥂|🍾|💃|🕺|🎉|🎊'],
  ],
);

function computeSigns(folded: string): Set<ColleagueSign> {
  return new Set(scanFamily(SIGNS, folded).map((hit: LabelledHit<ColleagueSign>) => hit.label));
}

const signsOf = rememberLast(computeSigns);

/** Institutions, media and public bodies have accounts too; they are not colleagues. */
const INSTITUTIONAL_HANDLE =
  /chu|^@ch[_-]|^@ch[a-z]{0,3}$|hopita|hosto|clinique|aphp|ars_|sante|info|officiel|gouv|mairie|ville|_fr$/i;

export function personHandles(doc: GuardDocument, spans: readonly Span[]): Span[] {
  return spans.filter(
    (span) => span.type === 'HANDLE' && !INSTITUTIONAL_HANDLE.test(doc.text.slice(span.start, span.end)),
  );
}

/** Names said beside a carer's role ("l'infirmière Audrey", "la cadre sup, Mme Vidal", "Dr Roux"). */
const DOCTOR_TITLE = new RegExp(`^(?:dr|pr|docteur|professeur)${WORD_END}`);

export function namedStaff(folded: string, spans: readonly Span[]): Span[] {
  const roles = staffMentions(folded);
  return spans.filter(
    (span) =>
      span.type === 'PERSON' &&
      (DOCTOR_TITLE.test(folded.slice(span.start, span.end)) ||
        roles.some((role) => span.start >= role.end && span.start - role.end <= 30) ||
        roles.some((role) => role.start >= span.end && role.start - span.end <= 3)),
  );
}

const TAG_WORDS = keyWords([
  'tague|tag|taggue|tagge|tagues|taggues|identifie|identifiee|identifies|identifiees',
]);

/** Whether the post may say it tagged people, the one colleague sign that needs no name. */
export function mayTagColleagues(folded: string): boolean {
  return hasKeyWord(folded, TAG_WORDS);
}

export function mentionsColleague(folded: string): boolean {
  return signsOf(folded).has('colleague');
}

export function soundsCritical(folded: string): boolean {
  return signsOf(folded).has('critical');
}

/** A sanction or an admitted fault, said of a carer. */
export function blamesStaff(folded: string): boolean {
  return signsOf(folded).has('blame');
}

export function comesWithPicture(folded: string): boolean {
  return signsOf(folded).has('picture');
}

/** Posted behind the colleague's back: "il sait pas que je poste", "pris sur le vif". */
export function takenUnawares(folded: string): boolean {
  return signsOf(folded).has('candid');
}

export function saysTagged(folded: string): boolean {
  return signsOf(folded).has('tagging');
}

export function mentionsConsent(folded: string): boolean {
  return signsOf(folded).has('consent');
}
