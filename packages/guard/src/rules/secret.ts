import type { Finding, Span, SpanType } from '../types.js';
import type { RuleEvaluator, RuleInput } from './evaluator.js';
import { makeFinding } from './finding.js';
import {
  CLOSED_CIRCLE,
  CONSENT,
  DISGUISE,
  NEWS_EVENT,
  SELF_CARE,
  thirdPartyMentions,
  VIP,
} from './patient-cues.js';

/**
 * Medical secrecy (SECRET-01 to SECRET-05). A post breaks secrecy when it says something about
 * the care of a person who can be recognised: by name or initials, or by details that together
 * single them out (age, room, date, unit, place, condition), even when the name was changed.
 * The thresholds differ by who speaks: staff and the institution are bound by secrecy about
 * every patient; a member of the public is free to speak of their own care, not of others'.
 */

const QUASI: readonly SpanType[] = ['AGE', 'ROOM', 'DATE', 'UNIT', 'PLACE', 'HEALTH'];
const PRACTITIONER = /^(?:dr|pr|docteur|docteure|professeur|professeure)\b/u;
const CARE_EVENT =
  /(?<![\p{L}])(?:hospitalisee?s?|admise?s?|arrivee?s? (?:aux urgences|au sau|en|cette|ce|hier|samedi|dimanche)|pris en charge|prise en charge|chez nous|dans nos services|dans notre (?:service|etablissement|unite)|est en (?:rea|reanimation|cardio|neuro|soins)|a quitte|sorti(?:e)? de|en ce moment|toujours (?:dans|en|intube))(?![\p{L}])/u;
const SECOND_PERSON_CARE =
  /(?<![\p{L}])(?:votre|vos|vous (?:etes|avez|avez ete|etiez)|ton|ta|tes|t'as|tu as)(?![\p{L}])/u;
const CARE_RECORD =
  /(?<![\p{L}])(?:hospitalisation|sejour|dossier medical|examens?|resultats|transmissions|prise en charge|consultation|intervention|operation|soins|traitement|rendez-vous|rdv)(?![\p{L}])/u;
/** "votre père a été sondé", "votre grand-mère est bien hospitalisée". */
const RELATIVE_CARE =
  /(?<![\p{L}])(?:votre|ton|ta) (?:pere|mere|grand-mere|grand-pere|mari|femme|fils|fille|enfant|bebe|frere|soeur|conjoint|conjointe|proche) (?:a ete|est (?:bien |toujours )?|etait )(?:hospitalise|admis|opere|sonde|pris en charge|transfere|soigne|sorti|intube|place|vu)/u;

/** The clause just before a care span speaks to the reader: "votre coloscopie", "vous avez eu une IRM". */
function possessiveBefore(folded: string, offset: number): boolean {
  const window = folded.slice(Math.max(0, offset - 45), offset);
  const clause = window.split(/[.!?;:\n]/u).at(-1) ?? '';
  return /(?<![\p{L}])(?:votre|vos|ton|ta|tes|vous (?:avez|etes|a|ont)|tu as|t'as)(?![\p{L}])/u.test(clause);
}

const CONFIRMATION =
  /(?:nous (?:vous )?(?:confirmons|pouvons confirmer|confirmer)|est bien hospitalise|a bien ete (?:opere|hospitalise|pris)|oui,? (?:le|la) )/u;

export const secretEvaluator: RuleEvaluator = {
  family: 'SECRET',
  evaluate({ doc, spans, ctx }: RuleInput): Finding[] {
    const folded = doc.folded;
    const context = ctx.context;
    const of = (type: SpanType) => spans.filter((span) => span.type === type);
    const persons = of('PERSON').filter((span) => !PRACTITIONER.test(folded.slice(span.start, span.end)));
    const handles = of('HANDLE');
    const ids = [...of('NIR'), ...of('HOSPITAL_ID')];
    const thirdParty = thirdPartyMentions(doc);
    const quasi = spans.filter((span) => QUASI.includes(span.type) && !isAuthorsRelative(span));
    const has = (type: SpanType) => quasi.some((span) => span.type === type);
    const kinds = new Set(quasi.map((span) => span.type)).size;
    const consent = CONSENT.test(folded);
    const disguised = DISGUISE.test(folded);
    const named = persons.length > 0;
    const subject = named || thirdParty.length > 0;
    const care = has('HEALTH') || has('ROOM') || has('UNIT') || CARE_EVENT.test(folded);

    const findings: Finding[] = [];
    const evidence = [...ids, ...persons, ...(context === 'reply' ? handles : []), ...quasi];

    // SECRET-03: confirming that someone is or was a patient, even to that person.
    const careSpans = quasi.filter(
      (span) => span.type === 'HEALTH' || span.type === 'UNIT' || span.type === 'ROOM',
    );
    const addressed = context === 'reply' && (handles.length > 0 || named);
    const repliesAboutCare =
      context === 'reply' &&
      ((addressed && careSpans.length > 0) ||
        careSpans.some((span) => possessiveBefore(folded, span.start)) ||
        RELATIVE_CARE.test(folded) ||
        (SECOND_PERSON_CARE.test(folded) && CARE_RECORD.test(folded) && has('DATE')));
    const confirms = context === 'institutional' && CONFIRMATION.test(folded) && subject && care;
    if (repliesAboutCare || confirms) findings.push(makeFinding('SECRET-03', evidence));

    // SECRET-01: a recognisable patient.
    let identifies = ids.length > 0;
    if (!identifies && !(context === 'institutional' && consent && !disguised)) {
      if (context === 'public') {
        identifies =
          subject &&
          !SELF_ONLY(folded, named, thirdParty.length) &&
          (has('HEALTH') || has('ROOM') || (named && has('UNIT')));
      } else if (context !== 'reply' || confirms) {
        identifies =
          (has('ROOM') && (subject || has('HEALTH') || has('AGE'))) ||
          (named && (has('HEALTH') || has('UNIT') || has('ROOM') || has('AGE'))) ||
          (thirdParty.length > 0 && (has('HEALTH') || has('AGE') || has('ROOM')) && kinds >= 2) ||
          (thirdParty.length > 0 && kinds >= 3) ||
          (has('AGE') && has('HEALTH') && (has('UNIT') || has('DATE'))) ||
          (disguised && (named || has('AGE')) && kinds >= 1);
      }
    }
    if (identifies) findings.push(makeFinding('SECRET-01', evidence));

    // SECRET-02: the author thinks the person is disguised; the details still single them out.
    if (disguised && (identifies || subject) && kinds >= 1) findings.push(makeFinding('SECRET-02', evidence));

    // SECRET-04: public figures and people in the news, whom everybody can recognise.
    if (
      context !== 'public' &&
      (VIP.test(folded) || NEWS_EVENT.test(folded)) &&
      care &&
      (subject || kinds >= 2)
    ) {
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

/** An age the recognizer marked as the author's own child or relative ("ma fille de 6 ans"). */
function isAuthorsRelative(span: Span): boolean {
  return span.type === 'AGE' && span.evidence === 'proche de l’auteur';
}

/** A member of the public speaking only of their own care, with nobody else named. */
function SELF_ONLY(folded: string, named: boolean, thirdParties: number): boolean {
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
