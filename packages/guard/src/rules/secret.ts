import type { GuardDocument } from '../text/document.js';
import { WORD_START } from '../text/words.js';
import type { Finding, Span, SpanType } from '../types.js';
import type { RuleEvaluator, RuleInput } from './evaluator.js';
import { makeFinding } from './finding.js';
import {
  CLOSED_CIRCLE,
  CONSENT,
  DISGUISE,
  NEWS_EVENT,
  SELF_CARE,
  SINGLE_PARENT_CONSENT,
  specificThirdParties,
  VIP,
} from './patient-cues.js';
import { patientNames } from './staff-people.js';

/**
 * Medical secrecy (SECRET-01 to SECRET-05). A post breaks secrecy when it says something about
 * the care of a person who can be recognised: by name or initials, or by details that together
 * single them out (age, room, date, unit, place, condition), even when the name was changed.
 * The thresholds differ by who speaks: staff and the institution are bound by secrecy about
 * every patient; a member of the public may speak of their own care and their own family's
 * (that is MOD-01's business on the establishment's pages), not of other people's.
 */

const QUASI: readonly SpanType[] = ['AGE', 'ROOM', 'DATE', 'UNIT', 'PLACE', 'HEALTH'];
const CARE_EVENT =
  /(?<![a-z0-9\u00b5\u00df-\u00f6\u00f8-\u024f])(?:hospitalisee?s?|admise?s?|arrivee?s? (?:aux urgences|au sau|en|cette|ce|hier|samedi|dimanche)|pris en charge|prise en charge|chez nous|dans nos services|dans notre (?:service|etablissement|unite|chu|hopital|clinique)|est en (?:rea|reanimation|cardio|neuro|soins)|a quitte|sorti(?:e)? de|en ce moment|toujours (?:dans|en|intube)|on a (?:eu|recu|vu) (?:en|aux|au)|operee?|transferee?|soignee?)(?![a-z0-9\u00b5\u00df-\u00f6\u00f8-\u024f])/u;
const SECOND_PERSON =
  /(?<![a-z0-9\u00b5\u00df-\u00f6\u00f8-\u024f])(?:votre|vos|vous (?:etes|avez|avez ete|etiez|n'etiez|aviez|auriez|n'auriez)|ton|ta|tes|t'as|tu as)(?![a-z0-9\u00b5\u00df-\u00f6\u00f8-\u024f])/u;
/** The reader's own stay: "votre séjour", "votre hospitalisation du 3 au 7 mars". */
const OWN_CARE_RECORD =
  /(?<![a-z0-9\u00b5\u00df-\u00f6\u00f8-\u024f])(?:votre|vos|ton|ta|tes) (?:hospitalisation|sejour|dossier medical|examens?|resultats|prise en charge|consultation|intervention|operation|passage|venue|admission)(?![a-z0-9\u00b5\u00df-\u00f6\u00f8-\u024f])/u;
/** "les sages-femmes qui vous ont accompagnée", "l'équipe qui vous a soigné". */
const CARED_FOR_READER =
  /(?<![a-z0-9\u00b5\u00df-\u00f6\u00f8-\u024f])vous (?:ont|a|avait|avaient) (?:accompagnee?s?|soignee?s?|operee?s?|accouchee?s?|prise? en charge|suivie?s?|recue?s?|accueillie?s?|perfusee?s?|sondee?s?)(?![a-z0-9\u00b5\u00df-\u00f6\u00f8-\u024f])/u;
const CONFIRMATION =
  /(?:nous (?:vous )?(?:confirmons|pouvons confirmer|confirmer)|est bien hospitalise|a bien ete (?:opere|hospitalise|pris)|oui,? (?:le|la) )/u;
/** A named person's visit or stay, told by the establishment ("lors de sa venue le 2 octobre"). */
const THIRD_PARTY_STAY =
  /(?<![a-z0-9\u00b5\u00df-\u00f6\u00f8-\u024f])(?:sa venue|son sejour|son passage|son hospitalisation|sa consultation|son admission)(?![a-z0-9\u00b5\u00df-\u00f6\u00f8-\u024f])/u;
/** "votre père a été sondé", "votre grand-mère est bien hospitalisée". */
const RELATIVE_CARE =
  /(?<![a-z0-9\u00b5\u00df-\u00f6\u00f8-\u024f])(?:votre|ton|ta) (?:pere|mere|maman|papa|grand-mere|grand-pere|mari|femme|epoux|epouse|fils|fille|enfant|bebe|frere|soeur|conjoint|conjointe|proche)(?![a-z0-9\u00b5\u00df-\u00f6\u00f8-\u024f])[^.!?]{0,80}(?:hospitalise|admis|opere|sonde|pris en charge|transfere|soigne|sorti|intube|vu par|a recu|recu (?:tous )?les soins|triage|surveille|examine|perfuse|place en|dans le service|aux urgences|en chambre)/u;
/** The staff member speaking to a patient about that patient's visit. */
const STAFF_TO_PATIENT =
  /(?<![a-z0-9\u00b5\u00df-\u00f6\u00f8-\u024f])vous (?:n'etiez|etiez|avez ete|etes venue?|etes arrivee?|aviez)(?![a-z0-9\u00b5\u00df-\u00f6\u00f8-\u024f])/u;
/** The author's own family, named: "ma fille Léa", "mon père Jean". */
const OWN_RELATIVE = new RegExp(
  `${WORD_START}(?:mon|ma|mes) (?:pere|mere|maman|papa|mari|femme|fils|fille|bebe|petite?|garcon|enfants?|conjointe?)(?: [a-z-]+)?$`,
);
/** The author's own identifiers: "mon numéro de sécu c'est …", "mon tel". */
const OWN_IDENTIFIER =
  /(?:mon|ma) (?:numero|n°|no|tel|telephone|portable|dossier|ipp|carte vitale|secu)[^.!?]{0,25}$/u;

export const secretEvaluator: RuleEvaluator = {
  family: 'SECRET',
  evaluate({ doc, spans, ctx }: RuleInput): Finding[] {
    const folded = doc.folded;
    const context = ctx.context;
    const of = (type: SpanType) => spans.filter((span) => span.type === type);
    const persons = patientNames(doc, of('PERSON'));
    // The author's own family ("ma fille Léa", "mon petit Gabin") and, in a comment, the
    // author's own signature are not someone else's secret.
    const others = persons.filter(
      (span) => !isOwnRelative(doc, span) && !(context === 'public' && isSignature(doc, span)),
    );
    const handles = of('HANDLE');
    const ids = [...of('NIR'), ...of('HOSPITAL_ID')];
    const othersIds = context === 'public' ? ids.filter((span) => !isOwnIdentifier(doc, span)) : ids;
    const thirdParty = specificThirdParties(doc);
    const quasi = spans.filter((span) => QUASI.includes(span.type) && !isAuthorsRelative(span));
    const has = (type: SpanType) => quasi.some((span) => span.type === type);
    const kinds = new Set(quasi.map((span) => span.type)).size;
    // The long cue patterns only run when the spans leave the question open.
    const disguised = (kinds > 0 || thirdParty.length > 0 || persons.length > 0) && DISGUISE.test(folded);
    const consent =
      (persons.length > 0 || thirdParty.length > 0) &&
      CONSENT.test(folded) &&
      !SINGLE_PARENT_CONSENT.test(folded);
    const named = others.length > 0;
    const subject = named || thirdParty.length > 0;
    const care = has('HEALTH') || has('ROOM') || has('UNIT') || CARE_EVENT.test(folded);
    const newsworthy = care && (VIP.test(folded) || NEWS_EVENT.test(folded));

    const findings: Finding[] = [];
    const evidence = [...othersIds, ...others, ...(context === 'reply' ? handles : []), ...quasi];

    // SECRET-03: confirming that someone is or was a patient, even to that person.
    const careSpans = quasi.filter(
      (span) => span.type === 'HEALTH' || span.type === 'UNIT' || span.type === 'ROOM',
    );
    const toReader = careSpans.some((span) => secondPersonAround(folded, span));
    const addressed = addressedByName(doc, [...others, ...handles]);
    const repliesAboutCare =
      context === 'reply' &&
      (toReader ||
        RELATIVE_CARE.test(folded) ||
        CARED_FOR_READER.test(folded) ||
        (named && (THIRD_PARTY_STAY.test(folded) || CARE_EVENT.test(folded))) ||
        (addressed && careSpans.length > 0 && (has('DATE') || has('HEALTH') || others.length >= 2)) ||
        (OWN_CARE_RECORD.test(folded) && has('DATE')));
    const institutionConfirms =
      context === 'institutional' &&
      subject &&
      care &&
      !(consent && !disguised) &&
      (CONFIRMATION.test(folded) || (named && CARE_EVENT.test(folded)));
    const staffAnswersPatient = context === 'staff' && STAFF_TO_PATIENT.test(folded) && toReader;
    const confirms = repliesAboutCare || institutionConfirms || staffAnswersPatient;
    if (confirms) findings.push(makeFinding('SECRET-03', evidence));

    // SECRET-01: a recognisable patient.
    let identifies = othersIds.length > 0;
    if (!identifies && !(context === 'institutional' && consent && !disguised)) {
      if (context === 'public') {
        identifies =
          (subject &&
            !selfOnly(folded, named, thirdParty.length) &&
            (has('HEALTH') || has('ROOM') || (named && has('UNIT')))) ||
          (disguised && subject && kinds >= 1);
      } else if (context === 'reply') {
        // A reply that confirms care and adds what singles the person out (a room, an age, a
        // name with details) exposes them to everyone reading the thread.
        identifies = confirms && (has('ROOM') || has('AGE') || ((named || handles.length > 0) && kinds >= 2));
      } else {
        identifies =
          (has('ROOM') && (subject || has('AGE'))) ||
          (named && (has('HEALTH') || has('UNIT') || has('ROOM') || has('AGE'))) ||
          (thirdParty.length > 0 && (has('HEALTH') || has('AGE') || has('ROOM')) && kinds >= 2) ||
          (thirdParty.length > 0 && kinds >= 3) ||
          (has('AGE') && has('HEALTH') && (has('UNIT') || has('DATE'))) ||
          (disguised && (named || has('AGE')) && kinds >= 1) ||
          (disguised && kinds >= 2);
      }
    }
    if (identifies) findings.push(makeFinding('SECRET-01', evidence));

    // SECRET-02: the author thinks the person is disguised; the details still single them out.
    if (disguised && (identifies || subject) && kinds >= 1) findings.push(makeFinding('SECRET-02', evidence));

    // SECRET-04: public figures and people in the news, whom everybody can recognise.
    if (newsworthy && (subject || kinds >= 2)) {
      findings.push(makeFinding('SECRET-04', evidence));
      if (!identifies) findings.push(makeFinding('SECRET-01', evidence));
    }

    // SECRET-05: a closed group or a private story is not a safe place.
    if (context === 'staff' && CLOSED_CIRCLE.test(folded) && (identifies || /patients?/u.test(folded))) {
      findings.push(makeFinding('SECRET-05', identifies ? evidence : []));
    }
    return dedupe(findings);
  },
};

/**
 * The care span is about the reader: a second person just before it in the same clause ("votre
 * coloscopie", "vous avez eu une IRM") or a possessive just after it ("la grossesse de votre
 * épouse", "une erreur d'insuline chez votre mère").
 */
function secondPersonAround(folded: string, span: Span): boolean {
  const window = folded.slice(Math.max(0, span.start - 60), span.start);
  const clause = window.split(/[.!?;\n]/u).at(-1) ?? '';
  const after = folded.slice(span.end, span.end + 20);
  return (
    SECOND_PERSON.test(clause) ||
    /^ (?:de|chez|pour) (?:votre|vos|ton|ta|tes)(?![a-z0-9\u00b5\u00df-\u00f6\u00f8-\u024f])/u.test(after)
  );
}

/** The reply opens on the person's name or account ("Bonjour Madame Rivière,", "@lea_b …"). */
function addressedByName(doc: GuardDocument, people: readonly Span[]): boolean {
  return people.some((span) => {
    if (span.start > 40) return false;
    const before = doc.folded.slice(0, span.start);
    return /^(?:\s*(?:@\S+\s+)*)(?:(?:bonjour|bonsoir|merci|chere?|hello|coucou)[\s,!]*)?(?:madame |monsieur )?$/u.test(
      before,
    );
  });
}

/** "ma fille Léa": the author's own relative, named by a parent speaking of their own family. */
function isOwnRelative(doc: GuardDocument, span: Span): boolean {
  return OWN_RELATIVE.test(doc.folded.slice(Math.max(0, span.start - 24), span.start).trimEnd());
}

/** A name alone at the very end of a comment, after the last sentence: the author signing. */
function isSignature(doc: GuardDocument, span: Span): boolean {
  const after = doc.text.slice(span.end).trim();
  const before = doc.text.slice(0, span.start).trimEnd();
  return /^[.!🙏😊🙂]*$/u.test(after) && /[.!?\n,]$/u.test(before);
}

function isOwnIdentifier(doc: GuardDocument, span: Span): boolean {
  return OWN_IDENTIFIER.test(doc.folded.slice(Math.max(0, span.start - 50), span.start));
}

/** An age the recognizer marked as the author's own or a relative's ("ma fille de 6 ans"). */
function isAuthorsRelative(span: Span): boolean {
  return span.type === 'AGE' && /de l['’]auteur$/u.test(span.evidence ?? '');
}

/** A member of the public speaking only of their own care, with nobody else named. */
function selfOnly(folded: string, named: boolean, thirdParties: number): boolean {
  return !named && thirdParties === 0 && SELF_CARE.test(folded);
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    if (seen.has(finding.rule)) return false;
    seen.add(finding.rule);
    return true;
  });
}
