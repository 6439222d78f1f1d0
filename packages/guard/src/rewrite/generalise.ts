import { fold } from '../text/fold.js';
import type { GuardContext, Span, SpanType } from '../types.js';
import type { Edit } from './edits.js';

/**
 * How each kind of detail is generalised into plain French, from the span and the words around
 * it: a patient's name becomes « une patiente », an age or a room is dropped with the words that
 * bring it (« de la chambre 12 », « , 92 ans »), a date becomes « récemment » or goes, a unit
 * becomes « dans le service », a diagnosis becomes « des soins » or goes. A span whose
 * surroundings give no safe grammatical way out is left as it is: the rewrite is checked again
 * and refused if something identifying remains.
 */

export interface RewriteContext {
  readonly text: string;
  /** `text` folded (lower case, no accents), same length. */
  readonly folded: string;
  readonly context: GuardContext;
  /** People already named by the rewrite: the second mention says « la patiente ». */
  readonly people: { count: number };
  /** Generic place words already written (« dans le service »): not twice. */
  readonly placesWritten: Set<string>;
}

type Gender = 'f' | 'm' | null;

const FEMININE_TITLE = /^(?:mme|madame|mlle|mademoiselle|mme\.)(?![a-z])/u;
const MASCULINE_TITLE = /^(?:m\.|mr\.?|monsieur)(?![a-z])/u;
const DOCTOR_TITLE = /^(?:dr|docteur|docteure|pr|professeur|professeure)(?![a-z])/u;
/** A word before the name that says the person is staff or kin: the name is dropped, the word says enough. */
const ROLE_BEFORE =
  /(?:^|[^a-z])(?:collegue|cadre|infirmiere?|ide|medecin|interne|externe|aide-soignante?|as|sage-femme|cheffe?|chef de service|ami|amie|copine|copain|binome|stagiaire|etudiante?|brancardier|brancardiere|kine|secretaire|fils|fille|mari|femme|epouse|epoux|mere|pere|soeur|frere)\s*$/u;
/** Someone greeted by name (« Bonjour Mme Mercier, ») or already named by a noun (« ma patiente, Mme Brun, »). */
const GREETING_BEFORE = /(?:^|[^a-z])(?:bonjour|bonsoir|salut|coucou|cher|chere|hello)\s*$/u;
/** « ma patiente préférée, Mme Brun, »: the noun before already says who. */
const NAMED_BY_NOUN_BEFORE =
  /(?:^|[^a-z])(?:patiente?|residente?|doyenne?|dame|monsieur|maman|papa|mamie|papy|grand-mere|grand-pere|bebe|enfant|voisine?|amie?)(?: [a-z-]+)?\s*,\s*$/u;
const LITTLE_BEFORE = /(?:^|[^a-z])(le|la) (petite?|jeune)\s*$/u;
const SENTENCE_START_BEFORE = /(?:^|[.!?…]\s*|\n\s*)$/u;
/** Apposition: the detail sits between commas, or between a comma and the end of the sentence. */
const COMMA_BEFORE = /,\s*$/u;
const ENDS_CLAUSE_AFTER = /^\s*(?:[,.!?…;:)]|$)/u;
const PAREN_BEFORE = /\(\s*$/u;
const PAREN_AFTER = /^\s*\)/u;

/** The edit that generalises one span, or null when no safe wording is known. */
export function generalise(span: Span, ctx: RewriteContext): Edit | null {
  switch (span.type) {
    case 'PERSON':
      return person(span, ctx);
    case 'HANDLE':
      return drop(span.start, span.end, ctx, NO_LEAD);
    case 'AGE':
      return age(span, ctx);
    case 'DATE':
      return date(span, ctx);
    case 'ROOM':
      return drop(span.start, span.end, ctx, ROOM_LEAD);
    case 'UNIT':
      return unit(span, ctx);
    case 'PLACE':
      return place(span, ctx);
    case 'HEALTH':
      return health(span, ctx);
    case 'NIR':
    case 'PHONE':
    case 'EMAIL':
    case 'ADDRESS':
    case 'HOSPITAL_ID':
    case 'PLATE':
      return drop(span.start, span.end, ctx, CONTACT_LEAD);
  }
}

const NO_LEAD = /$^/u;
const ROOM_LEAD = /(?:^|[^a-z'])((?:dans|de|a|en) (?:la|le|l')\s?|(?:en|au|du|la|le|l')\s?)$/u;
const DATE_LEAD = /(?:^|[^a-z'])((?:a|vers|des|du|au|le|en|pour|jusqu'a|jusqu'au|avant|ce|cette)\s)$/u;
const PLACE_LEAD =
  /(?:^|[^a-z'])((?:a|au|aux|en|dans|sur|vers|pres de|pres du|du|de|d')\s?|(?:dans|pres de|sur) (?:la|le|l')\s?)$/u;
/** Words that introduce a number, an address or an identifier, one or several in a row. */
const CONTACT_LEAD =
  /(?:^|[^a-z'])((?:(?:appelez|appeler|contactez|contacter|joignez|joindre|ecrivez|ecrire|telephonez|tel|tel\.|telephone|portable|numero|n°|no|au|le|la|a l'adresse|a|adresse|par mail|mail|e-mail|email|courriel|ipp|nip|nda|iep|dossier|de dossier|nir|secu|securite sociale|immatriculee?|plaque|domicilie|domiciliee|domicilies|habite|habitant|habitante|residant|residante|demeurant|demeurante|au numero|sur|son|sa|:)\s*)+)$/u;

/** Drops [start, end) with the words that bring it, and the comma of an apposition. */
function drop(start: number, end: number, ctx: RewriteContext, lead: RegExp): Edit {
  let from = start;
  const leading = ctx.folded.slice(Math.max(0, start - 60), start).match(lead);
  if (leading?.[1] !== undefined) from = start - leading[1].length;
  return dropBetween(from, end, ctx);
}

/** Drops [from, end), taking an apposition's comma or parentheses along. */
function dropBetween(from: number, end: number, ctx: RewriteContext): Edit {
  const before = ctx.text.slice(Math.max(0, from - 20), from);
  const after = ctx.text.slice(end, end + 20);
  if (PAREN_BEFORE.test(before) && PAREN_AFTER.test(after)) {
    const open = before.length - (before.match(PAREN_BEFORE)?.[0].length ?? 0);
    const close = after.match(PAREN_AFTER)?.[0].length ?? 0;
    return { start: from - (before.length - open), end: end + close, replacement: ' ' };
  }
  if (COMMA_BEFORE.test(before) && ENDS_CLAUSE_AFTER.test(after)) {
    const comma = before.match(COMMA_BEFORE)?.[0].length ?? 0;
    return { start: from - comma, end, replacement: APPOSITION_GONE };
  }
  return { start: from, end, replacement: ' ' };
}

function genderOf(span: Span, ctx: RewriteContext): Gender {
  const folded = ctx.folded.slice(span.start, span.end);
  if (FEMININE_TITLE.test(folded)) return 'f';
  if (MASCULINE_TITLE.test(folded)) return 'm';
  // Agreement right after the name: « Lucas, hospitalisé », « Julie, arrivée ».
  const after = ctx.folded.slice(span.end, span.end + 60);
  if (
    /^[^.!?]{0,30}?(?:patiente|hospitalisee|arrivee|admise|operee|soignee|decedee|partie|elle|dame|femme|mamie)(?![a-z])/u.test(
      after,
    )
  )
    return 'f';
  if (
    /^[^.!?]{0,30}?(?:patient|hospitalise|arrive|admis|opere|soigne|decede|parti|il|monsieur|homme|papy)(?![a-z])/u.test(
      after,
    )
  )
    return 'm';
  return null;
}

function person(span: Span, ctx: RewriteContext): Edit | null {
  const folded = ctx.folded.slice(span.start, span.end);
  const before = ctx.folded.slice(Math.max(0, span.start - 40), span.start);
  if (ROLE_BEFORE.test(before) || GREETING_BEFORE.test(before))
    return drop(span.start, span.end, ctx, NO_LEAD);
  if (NAMED_BY_NOUN_BEFORE.test(before) && inApposition(span, ctx.text)) {
    return drop(span.start, span.end, ctx, NO_LEAD);
  }
  if (DOCTOR_TITLE.test(folded)) {
    const article = /(?:^|[^a-z])(le|la) $/u.exec(before);
    const start = article?.[1] === undefined ? span.start : span.start - article[1].length - 1;
    return { start, end: span.end, replacement: article === null ? 'un médecin' : 'le médecin' };
  }
  const gender = genderOf(span, ctx);
  const little = LITTLE_BEFORE.exec(before);
  if (little?.[1] !== undefined && little[2] !== undefined) {
    const start = span.start - little[1].length - little[2].length - 2;
    const feminine = gender === 'f' || little[2].startsWith('petite');
    const replacement = feminine ? `une ${little[2]} patiente` : `un ${little[2]} patient`;
    return { start, end: span.end, replacement: replacement.replace('jeunee', 'jeune') };
  }
  // « M. et Mme Leroy »: two people.
  if (/ et /u.test(folded))
    return { start: span.start, end: span.end, replacement: `deux patients${PERSON_END}` };
  const first = ctx.people.count === 0;
  ctx.people.count++;
  const written =
    gender === 'f'
      ? first
        ? 'une patiente'
        : 'la patiente'
      : gender === 'm'
        ? first
          ? 'un patient'
          : 'le patient'
        : first
          ? 'une personne'
          : 'cette personne';
  // The subject of what follows once its appositions are gone: « Mme D., 92 ans, a fugué ».
  const noun = startsSentence(span, ctx) ? written.charAt(0).toUpperCase() + written.slice(1) : written;
  return { start: span.start, end: span.end, replacement: `${noun}${PERSON_END}` };
}

/**
 * Marks the end of a person's new words until the text is tidied: a comma left between them and
 * their verb, once the appositions between are dropped, goes (« une patiente, a fugué »).
 */
export const PERSON_END = '\u0001';
/** Marks where an apposition was dropped, until the text is tidied. */
export const APPOSITION_GONE = '\u0002';

/** A name written with a capital after something that is not part of a sentence (an emoji, a line start). */
function startsSentence(span: Span, ctx: RewriteContext): boolean {
  if (!/^\p{Lu}/u.test(ctx.text.slice(span.start, span.start + 1))) return false;
  const before = ctx.text.slice(0, span.start).trimEnd();
  return before === '' || !/[\p{L}\p{N},;:'’(«"-]$/u.test(before);
}

function age(span: Span, ctx: RewriteContext): Edit {
  const years = Number.parseInt(
    ctx.folded.slice(span.start, span.end).replace(/\D+/gu, ' ').trim().split(' ')[0] ?? '',
    10,
  );
  const before = ctx.folded.slice(Math.max(0, span.start - 40), span.start);
  const of = /(?:^|[^a-z'])(de |d')$/u.exec(before);
  if (of?.[1] !== undefined) {
    const start = span.start - of[1].length;
    const noun = /(\S+)\s+$/u.exec(before.slice(0, before.length - of[1].length))?.[1] ?? '';
    if (
      Number.isFinite(years) &&
      years >= 75 &&
      /(?:patiente|dame|femme|personne|mamie|grand-mere)$/u.test(noun)
    )
      return { start, end: span.end, replacement: 'âgée' };
    if (Number.isFinite(years) && years >= 75 && /(?:patient|monsieur|homme|papy|grand-pere)$/u.test(noun))
      return { start, end: span.end, replacement: 'âgé' };
    return dropBetween(start, span.end, ctx);
  }
  return drop(span.start, span.end, ctx, NO_LEAD);
}

/** « garde du 24 décembre »: the shift stays, its date goes. */
const SHIFT_THEN_DATE =
  /^(?:nuit|soir|soiree|matin|matinee|apres-midi|journee|week-end|weekend|garde|astreinte)(?= (?:du|de) )/u;

function date(whole: Span, ctx: RewriteContext): Edit {
  const shift = SHIFT_THEN_DATE.exec(ctx.folded.slice(whole.start, whole.end));
  if (shift !== null) return drop(whole.start + shift[0].length + 1, whole.end, ctx, NO_LEAD);
  const span = whole;
  const before = ctx.folded.slice(Math.max(0, span.start - 40), span.start);
  const since = /(?:^|[^a-z])depuis $/u.exec(before);
  if (since !== null) return { start: span.start, end: span.end, replacement: 'quelque temps' };
  if (SENTENCE_START_BEFORE.test(ctx.text.slice(0, span.start).replace(/[^\p{L}\p{N}.!?…\n]+$/u, ''))) {
    const written = ctx.placesWritten.has('récemment');
    ctx.placesWritten.add('récemment');
    if (!written) return { start: span.start, end: span.end, replacement: 'Récemment' };
  }
  return drop(span.start, span.end, ctx, DATE_LEAD);
}

const URGENCES = /urgences|sau|smur|samu/u;
const HOSPITAL_WORDS = /(?:^|[^a-z])(?:chu|chr|ch|hopital|clinique|centre hospitalier|ehpad|hp)(?![a-z])/u;

/** « dans le service » (« dans notre service » for the establishment's own posts), once. */
function serviceWords(ctx: RewriteContext): string {
  return ctx.context === 'institutional' ? 'dans notre service' : 'dans le service';
}

function once(ctx: RewriteContext, span: Span, words: string, lead: RegExp): Edit {
  if (ctx.placesWritten.has(words)) return drop(span.start, span.end, ctx, lead);
  ctx.placesWritten.add(words);
  return { start: span.start, end: span.end, replacement: words };
}

function unit(span: Span, ctx: RewriteContext): Edit {
  const folded = ctx.folded.slice(span.start, span.end);
  const before = ctx.folded.slice(Math.max(0, span.start - 40), span.start);
  // « notre service de gériatrie » → « notre service ».
  if (/^service/u.test(folded) && /(?:notre|votre|le|du|au|ce|son|leur) $/u.test(before)) {
    return { start: span.start, end: span.end, replacement: 'service' };
  }
  // « l'équipe de néonatologie » → « l'équipe ».
  if (/equipes? (?:de |d'|du )?$/u.test(before)) return drop(span.start, span.end, ctx, PLACE_LEAD);
  if (/^(?:en|aux?|a la|a l'|dans|chez|a)(?![a-z])/u.test(folded)) {
    return once(ctx, span, URGENCES.test(folded) ? "à l'hôpital" : serviceWords(ctx), NO_LEAD);
  }
  return drop(span.start, span.end, ctx, PLACE_LEAD);
}

function place(span: Span, ctx: RewriteContext): Edit {
  const folded = ctx.folded.slice(span.start, span.end);
  if (HOSPITAL_WORDS.test(folded) && /^(?:au|a|en|dans|chez)(?![a-z])/u.test(folded)) {
    return once(ctx, span, "à l'hôpital", NO_LEAD);
  }
  return drop(span.start, span.end, ctx, PLACE_LEAD);
}

function health(span: Span, ctx: RewriteContext): Edit | null {
  const before = ctx.folded.slice(Math.max(0, span.start - 40), span.start);
  const cause =
    /(?:^|[^a-z])((?:pour|suite a|a cause d'|a cause de|apres) (?:une?|des|la|le|l'|sa|son|ses)\s?)$/u.exec(
      before,
    );
  if (cause?.[1] !== undefined) {
    const start = span.start - cause[1].length;
    const lead = cause[1].startsWith('pour') ? 'pour ' : cause[1].startsWith('apres') ? 'après ' : 'pour ';
    return { start, end: span.end, replacement: `${lead}des soins` };
  }
  const withWord =
    /(?:^|[^a-z])((?:avec|atteinte? d'|atteinte? de|souffrant d'|souffrant de) (?:une?|des|la|le|l'|sa|son|ses)?\s?)$/u.exec(
      before,
    );
  if (withWord?.[1] !== undefined) return dropBetween(span.start - withWord[1].length, span.end, ctx);
  const inCare = /(?:^|[^a-z])(en )$/u.exec(before);
  if (inCare?.[1] !== undefined) return dropBetween(span.start - inCare[1].length, span.end, ctx);
  // Between commas, as a description of someone: dropped.
  const textBefore = ctx.text.slice(Math.max(0, span.start - 5), span.start);
  const textAfter = ctx.text.slice(span.end, span.end + 5);
  if (COMMA_BEFORE.test(textBefore) && ENDS_CLAUSE_AFTER.test(textAfter))
    return dropBetween(span.start, span.end, ctx);
  if (PAREN_BEFORE.test(textBefore) && PAREN_AFTER.test(textAfter))
    return dropBetween(span.start, span.end, ctx);
  return null;
}

/** A detail set between commas or parentheses, describing whoever comes before: « M. F., AVC, ». */
export function inApposition(span: Span, text: string): boolean {
  const before = text.slice(Math.max(0, span.start - 5), span.start);
  const after = text.slice(span.end, span.end + 5);
  return (
    (COMMA_BEFORE.test(before) && ENDS_CLAUSE_AFTER.test(after)) ||
    (PAREN_BEFORE.test(before) && PAREN_AFTER.test(after))
  );
}

/** Spans of these types are generalised at each level of the rewrite, from least to most. */
export const LEVELS: ReadonlyArray<ReadonlySet<SpanType>> = [
  new Set<SpanType>([
    'PERSON',
    'HANDLE',
    'AGE',
    'DATE',
    'ROOM',
    'NIR',
    'PHONE',
    'EMAIL',
    'ADDRESS',
    'HOSPITAL_ID',
    'PLATE',
  ]),
  new Set<SpanType>([
    'PERSON',
    'HANDLE',
    'AGE',
    'DATE',
    'ROOM',
    'NIR',
    'PHONE',
    'EMAIL',
    'ADDRESS',
    'HOSPITAL_ID',
    'PLATE',
    'UNIT',
    'PLACE',
  ]),
  new Set<SpanType>([
    'PERSON',
    'HANDLE',
    'AGE',
    'DATE',
    'ROOM',
    'NIR',
    'PHONE',
    'EMAIL',
    'ADDRESS',
    'HOSPITAL_ID',
    'PLATE',
    'UNIT',
    'PLACE',
    'HEALTH',
  ]),
];

export function rewriteContext(text: string, context: GuardContext): RewriteContext {
  return { text, folded: fold(text), context, people: { count: 0 }, placesWritten: new Set() };
}
