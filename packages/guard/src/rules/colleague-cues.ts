/**
 * Colleagues named or tagged by a carer on a personal account: RESPECT-02 when the post
 * criticises them ("Merci @lea pour les 12 transmissions incomplètes 🙃"), IMAGE-03 when it
 * tags them on a photo ("Soirée du service 🍻 avec @marie @thibault").
 */
import type { GuardDocument } from '../text/document.js';
import type { Span } from '../types.js';
import { cue, hasAny } from './people-cues.js';

/** Words that make a person a colleague rather than a patient. */
const COLLEAGUE = [
  cue(
    "(?:ma|mon|notre|nos|la|le|une|un|mes|l') (?:collegues?|cadre|chef|cheffe|n\\+1|superieure?|co-?equipiere?|binome|remplacante?|interne|externe|coloc de garde)",
  ),
  cue(
    "je (?:te |vous )?(?:tague|tag|taggue|tagge|mentionne)|j'ai (?:tague|tagge|identifie|identifiee|mentionne)",
  ),
];

/** A critical, ironic or mocking tone. */
const CRITICAL = [
  /🙃|😒|🙄|😤|😑|🤬|😡|👎|🤦|🖕/gu,
  cue(
    "incomplete?s?|catastrophi\\w*|lamentables?|deplorables?|honteu(?:x|se)|la honte|bordel|galere|oublie|en retard|jamais la|toujours en retard|tout decaler|fait tout decaler|s'est attribue|s'attribue|(?:vole|pique|pris) mon (?:travail|idee|protocole|projet)|ce qu'on pense|pour qu'(?:il|elle) (?:voie|voit|se reconnaisse|comprenne)|toujours un plaisir|merci pour rien|bravo a moi|comme d'hab|encore une fois|incompetente?s?|je vous laisse (?:apprecier|admirer|juger)",
  ),
  // A colleague's health or HR matter aired: "en arrêt pour burn-out", "la direction ne le remplace pas".
  cue(
    'en arret|burn-?out|depression|ne (?:le|la) remplace pas|sanctionnee?|avertissement|convoquee?|licenciee?|mutee?',
  ),
];

/** A picture or a social event the post comes with. */
const PICTURE_OR_EVENT = [
  /📸|📷|🤳|🎥|🍻|🥂|🍾|💃|🕺|🎉|🎊/gu,
  cue(
    "photos?|pics?|selfies?|videos?|story|stories|reels?|album|en tutu|soiree|pot (?:de depart|de noel|de fin|d'adieu)|gala|fete|afterwork|repas (?:de service|d'equipe)|resto|barbecue|bbq|anniv(?:ersaire)?|teambuilding|team building|mariage|evg|evjf|karaoke",
  ),
];
const TAGGING = [
  cue(
    "je (?:vous )?(?:tague|tag|taggue|tagge)|j'ai (?:tague|tagge|identifie|identifiee) tout le monde|(?:j'ai|je vous ai) (?:tous |toutes )?(?:tague|tagge|identifie)e?s?|identifiee?s? sur la photo",
  ),
];
const CONSENT = [
  cue(
    "avec (?:leur |son |votre |l')(?:accord|autorisation|permission|consentement)|(?:ont|a) (?:tous |toutes )?(?:accepte|donne leur accord|donne son accord)|(?:tout le monde|tous|toutes) (?:est |sont |etaient )?(?:ok|d'accord)|d'accord pour (?:etre|apparaitre)",
  ),
];

/** Institutions, media and public bodies have accounts too; they are not colleagues. */
const INSTITUTIONAL_HANDLE =
  /chu|^@ch[_-]|^@ch[a-z]{0,3}$|hopita|hosto|clinique|aphp|ars_|sante|info|officiel|gouv|mairie|ville|_fr$/iu;

export function personHandles(doc: GuardDocument, spans: readonly Span[]): Span[] {
  return spans.filter(
    (span) => span.type === 'HANDLE' && !INSTITUTIONAL_HANDLE.test(doc.text.slice(span.start, span.end)),
  );
}

export function mentionsColleague(folded: string): boolean {
  return hasAny(folded, COLLEAGUE);
}

export function soundsCritical(folded: string): boolean {
  return hasAny(folded, CRITICAL);
}

export function comesWithPicture(folded: string): boolean {
  return hasAny(folded, PICTURE_OR_EVENT);
}

export function saysTagged(folded: string): boolean {
  return hasAny(folded, TAGGING);
}

export function mentionsConsent(folded: string): boolean {
  return hasAny(folded, CONSENT);
}
