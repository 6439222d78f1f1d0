import type { GuardDocument } from '../text/document.js';
import type { Span } from '../types.js';
import type { Recognizer, RecognizerContext } from './recognizer.js';

/**
 * E-mail addresses of private persons.
 *
 * Matching starts from each "@" and grows outwards over the characters an address may hold,
 * with bounded lengths, instead of running an address regex at every position: a regex over a
 * long run of letters without "@" backtracks quadratically, this scan never does.
 *
 * Policy, as for phone numbers: functional mailboxes ("contact@", "relations.usagers@",
 * "recrutement@", "noreply@") belong to an organisation and are not spans; addresses that look
 * personal ("prenom.nom@", anything at a consumer mail provider) are.
 */

const MAX_LOCAL = 64;
const MAX_DOMAIN = 253;

/** Consumer mail providers: an address there belongs to a person (second-level label). */
const PERSONAL_PROVIDERS = new Set([
  'gmail',
  'googlemail',
  'hotmail',
  'live',
  'msn',
  'outlook',
  'yahoo',
  'ymail',
  'orange',
  'wanadoo',
  'free',
  'laposte',
  'sfr',
  'neuf',
  'icloud',
  'me',
  'mac',
  'aol',
  'gmx',
  'proton',
  'protonmail',
  'pm',
  'tutanota',
  'bbox',
  'numericable',
  'club-internet',
  'aliceadsl',
  'yandex',
]);

/** Words that make a local part a function, not a person (folded, split on . _ - +). */
const FUNCTIONAL_WORDS = new Set(
  (
    'contact contacts accueil info infos information informations communication com presse press ' +
    'drh rh recrutement recrutements recrute emploi emplois jobs job candidature candidatures ' +
    'relation relations usager usagers ru secretariat secretariats service services standard ' +
    'direction dircom dg noreply no reply ne pas repondre nepasrepondre donotreply webmaster admin ' +
    'administration support helpdesk hotline dpo rgpd cnil qualite plainte plaintes reclamation ' +
    'reclamations mediateur mediation facturation factures admission admissions bde entrees ' +
    'consultation consultations rdv rendezvous rendez vous urgences urgence maternite cardiologie ' +
    'cardio pediatrie radiologie imagerie laboratoire labo pharmacie oncologie chirurgie psychiatrie ' +
    'geriatrie neurologie pneumologie reanimation cellule pole unite dons don mecenat fondation ' +
    'formation formations ifsi stage stages achats comptabilite paie newsletter abonnement asso ' +
    'association benevoles benevolat partenariats partenariat evenements events evenement bureau ' +
    'president sav commandes commande ventes marketing hello bonjour team equipe office mail ' +
    'postmaster abuse securite cadre cadres astreinte medecins infirmiers soignants social'
  ).split(' '),
);

// Characters of the local part. RFC 5322 allows more ("/", "=", "?"…), but those are what URLs
// put before an "@" ("https://x.com/@user"), while real people use letters, digits and . _ + -.
// The apostrophe stays out: in "l'adresse" French elision glues it to words. Accented letters
// stay in: people do type "élodie@…".
function isLocalChar(code: number): boolean {
  if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57)) return true;
  if (code === 46 || code === 95 || code === 43 || code === 45) return true;
  return code >= 0xc0 && code < 0xd800 && /\p{L}/u.test(String.fromCharCode(code));
}

function isDomainChar(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    (code >= 48 && code <= 57) ||
    code === 45 ||
    code === 46
  );
}

interface Address {
  readonly start: number;
  readonly end: number;
  readonly domain: string;
}

/** The address around the "@" at `at`, or null when the characters around it do not form one. */
function addressAt(text: string, at: number): Address | null {
  let start = at;
  while (start > 0 && at - start < MAX_LOCAL && isLocalChar(text.charCodeAt(start - 1))) start--;
  while (start < at && text.charAt(start) === '.') start++;
  // "@user@mastodon.social" is an account handle, not a mailbox.
  if (start === at || text.charAt(start - 1) === '@') return null;
  let end = at + 1;
  while (end < text.length && end - at <= MAX_DOMAIN && isDomainChar(text.charCodeAt(end))) end++;
  while (end > at + 1 && /[.-]/.test(text.charAt(end - 1))) end--;
  const local = text.slice(start, at);
  const domain = text.slice(at + 1, end);
  if (local.endsWith('.') || local.includes('..')) return null;
  const labels = domain.split('.');
  if (labels.length < 2 || labels.some((label) => label === '' || label.startsWith('-'))) return null;
  if (!/^[a-z]{2,24}$/i.test(labels[labels.length - 1] ?? '')) return null;
  return { start, end, domain };
}

function isPersonalProvider(domain: string): boolean {
  const labels = domain.toLowerCase().split('.');
  return labels.slice(0, -1).some((label) => PERSONAL_PROVIDERS.has(label));
}

/** The words of a folded local part, digits dropped ("nath.guerin95" → nath, guerin). */
function localWords(foldedLocal: string): string[] {
  return foldedLocal
    .split(/[._+-]+/)
    .map((part) => part.replace(/\d+/g, ''))
    .filter((part) => part.length > 0);
}

/** "prenom.nom", "p.nom", "prenom_nom42": two alphabetic words, the shape of a person's mailbox. */
function looksLikeNamePair(local: string): boolean {
  return /^[a-z]+[._-][a-z]{2,}\d{0,4}$/i.test(local);
}

function scoreAddress(
  address: Address,
  foldedLocal: string,
  ctx: RecognizerContext,
): [number, string] | null {
  const words = localWords(foldedLocal);
  const knownName = words.some(
    (word) => word.length >= 3 && (ctx.lexicon.firstNames.has(word) || ctx.lexicon.surnames.has(word)),
  );
  if (isPersonalProvider(address.domain))
    return [0.9, 'adresse chez un fournisseur de messagerie grand public'];
  const functional = words.some((word) => FUNCTIONAL_WORDS.has(word));
  if (functional && !ctx.lexicon.firstNames.has(words[0] ?? '')) return null;
  if (looksLikeNamePair(foldedLocal) || knownName) return [0.9, 'adresse nominative (prénom.nom)'];
  const ownAccount = ctx.context === 'institutional' || ctx.context === 'reply';
  return ownAccount ? [0.55, 'adresse non fonctionnelle'] : [0.75, 'adresse non fonctionnelle'];
}

export const emailRecognizer: Recognizer = {
  name: 'email',
  find(doc: GuardDocument, ctx: RecognizerContext): Span[] {
    const { text } = doc;
    const spans: Span[] = [];
    let searchFrom = 0;
    for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', searchFrom)) {
      searchFrom = at + 1;
      const address = addressAt(text, at);
      if (address === null) continue;
      searchFrom = address.end;
      const foldedLocal = doc.folded.slice(address.start, at);
      const scored = scoreAddress(address, foldedLocal, ctx);
      if (scored === null) continue;
      const [score, evidence] = scored;
      spans.push({
        type: 'EMAIL',
        start: address.start,
        end: address.end,
        score,
        recognizer: 'email',
        evidence,
      });
    }
    return spans;
  },
};
