import type { GuardDocument } from '../text/document.js';
import type { Finding, Span, SpanType } from '../types.js';
import { allegationCues } from './allegation-cues.js';
import { mostlyComplains } from './category-cues.js';
import {
  blamesStaff,
  comesWithPicture,
  mayTagColleagues,
  mentionsColleague,
  mentionsConsent,
  namedStaff,
  personHandles,
  saysTagged,
  soundsCritical,
  takenUnawares,
} from './colleague-cues.js';
import type { RuleEvaluator, RuleInput } from './evaluator.js';
import { makeFinding } from './finding.js';
import { incitementWeight } from './incitement-cues.js';
import { discriminationCues, insultCues, negativeClaimCues } from './insult-cues.js';
import {
  condescensionWeight,
  contemptCues,
  coverageLabels,
  derisionWeight,
  laughsAtBlunder,
  soundsWarm,
} from './mockery-cues.js';
import {
  anyInSentenceOf,
  bodyMentions,
  type Hit,
  namedPeople,
  patientReferences,
  spansOfType,
  speaksOfHospitalPeople,
  staffMentions,
  studentMentions,
} from './people-cues.js';

/**
 * RESPECT-01 (insults, mockery, discrimination), RESPECT-02 (a colleague named or tagged in a
 * critical post) and IMAGE-03 (colleagues pictured or tagged without being asked).
 *
 * RESPECT-01 protects colleagues, students, patients and families. In a carer's post, any
 * insult or mockery aimed at them breaks it, and so does a hospital answer that talks down to
 * the patient it answers. In a post by the public it breaks only when the post speaks of people
 * of the hospital (insults between strangers elsewhere are not the hospital's business), and a
 * complaint may still call a service "une bande d'incapables": an insult aimed at one person, a
 * slur, a discriminatory generalisation or mockery of a fellow patient does.
 */

/** What shows who is insulted or mocked, when it is one person rather than a group. */
const TARGET: readonly SpanType[] = ['PERSON', 'HANDLE', 'ROOM', 'UNIT', 'PLACE'];
/** "les patients", "ces vieux": a group, so no one to cite. */
const GROUP_START = /^(?:les|des|ces|mes|nos|ceux|celles)\b/;
/** "mon papy", "ma mamie": the author's own family, spoken of fondly by the public (not "ma voisine de lit"). */
const OWN_FAMILY = /^(?:mon|ma|mes|notre|nos)\s+(?!voisin)/;

export const respectEvaluator: RuleEvaluator = {
  family: 'RESPECT',
  evaluate(input: RuleInput): Finding[] {
    const findings: Finding[] = [];
    const disrespect = respectBreach(input);
    if (disrespect !== null) findings.push(disrespect);
    findings.push(...colleagueExposure(input));
    return findings;
  },
};

function respectBreach({ doc, spans, ctx }: RuleInput): Finding | null {
  const folded = doc.folded;
  const isPublic = ctx.context === 'public';
  const official = ctx.context === 'reply' || ctx.context === 'institutional';

  // Judgements such as "incompétent" or "charlatan" in a post by the public are criticism (or,
  // with a fact, DEFAM-01); crude insults and slurs are not.
  // …unless the post rallies a crowd against the person ("RT si toi aussi tu la trouves incompétente").
  const rallying = isPublic && incitementWeight(folded) >= 2;
  const insults = insultCues(folded).filter((hit) => !isPublic || !hit.mild || rallying);
  const discriminatory = discriminationCues(folded).length > 0 || coverageContempt(doc);
  const contempt = contemptCues(folded).length > 0;
  const mocked = mockedPeople(doc, isPublic);
  const condescending = official && condescensionWeight(folded) >= 2;
  if (insults.length === 0 && !discriminatory && !contempt && mocked === null && !condescending) return null;
  // The public insulting strangers outside the hospital is not this rule's business.
  if (isPublic && mocked === null && !speaksOfHospitalPeople(folded)) {
    if (!rallying || staffMentions(folded).length === 0) return null;
  }

  // A group insulted ("tous des cons", "les patients AME") leaves no one to cite.
  const individual =
    insults.some((hit) => !hit.plural) ||
    contempt ||
    (mocked?.some((hit) => !GROUP_START.test(folded.slice(hit.start, hit.end))) ?? false);
  if (condescending && !individual) return makeFinding('RESPECT-01', namedPeople(spans));
  return makeFinding('RESPECT-01', individual ? spansOfType(spans, TARGET) : []);
}

/**
 * Patients, students or a patient's body laughed at: the people mocked, or null. The public
 * mocking a fellow patient ("le papy du lit d'à côté 😂😂 #hopital") counts too, but not a
 * family laughing with their own grandfather.
 */
function mockedPeople(doc: GuardDocument, isPublic: boolean): Hit[] | null {
  const folded = doc.folded;
  if (derisionWeight(doc) < 2 || soundsWarm(folded)) return null;
  let targets = [...patientReferences(folded), ...studentMentions(folded), ...bodyMentions(folded)];
  if (isPublic) targets = targets.filter((hit) => !OWN_FAMILY.test(folded.slice(hit.start, hit.end)));
  // A colleague laughed at for a blunder ("l'externe a mis la sonde à l'envers 🤡"), not laughed with.
  // So is one whose laughable moment is passed round ("tout l'hôpital doit voir ça").
  if (!isPublic && (laughsAtBlunder(folded) || incitementWeight(folded) >= 2))
    targets.push(...staffMentions(folded));
  if (targets.length === 0) return null;
  if (isPublic && !speaksOfHospitalPeople(folded)) return null;
  return targets;
}

/** Whether a post by the public laughs at a fellow patient (a privacy matter as much as a respect one). */
export function mocksFellowPatient(doc: GuardDocument): boolean {
  return mockedPeople(doc, true) !== null;
}

/** "La CMU en retard comme d'hab", "les AME, on devrait les facturer": patients reduced to their coverage. */
function coverageContempt(doc: GuardDocument): boolean {
  const labels = coverageLabels(doc);
  if (labels.length === 0) return false;
  const claims = negativeClaimCues(doc.folded);
  return anyInSentenceOf(doc.text, labels, claims) || derisionWeight(doc) >= 1;
}

/**
 * RESPECT-02 and IMAGE-03. A carer tagging colleagues on a photo, or posting one behind their
 * back; the hospital doing so when the post says they were caught unawares. A colleague named
 * in a critical post by a carer; a carer named in a critical review by the public; a carer named
 * by the hospital beside a sanction.
 */
function colleagueExposure({ doc, spans, ctx }: RuleInput): Finding[] {
  const folded = doc.folded;
  if (namedPeople(spans).length === 0 && !mayTagColleagues(folded)) return [];
  const findings: Finding[] = [];
  const context = ctx.context;
  if (context === 'staff' || context === 'institutional') {
    const exposed = pictured(doc, spans, context === 'institutional');
    if (exposed !== null) findings.push(makeFinding('IMAGE-03', exposed));
  }

  let named: Span[] = [];
  if (context === 'staff') {
    // A colleague is a tagged account, a titled doctor, or a name beside "ma cadre", "notre collègue".
    const handles = personHandles(doc, spans);
    named = mentionsColleague(folded)
      ? [...handles, ...spansOfType(spans, ['PERSON'])]
      : [...handles, ...namedStaff(folded, spans)];
    // An allegation against a carer ("le Dr X se fait payer en liquide") is the harshest criticism.
    if (named.length > 0 && !soundsCritical(folded)) {
      named = allegationCues(folded).length > 0 ? namedStaff(folded, spans) : [];
    }
  } else if (context === 'public') {
    // A review that names a carer and mostly complains ("l'infirmière Audrey m'a parlé comme à un chien").
    named = mostlyComplains(folded) ? namedStaff(folded, spans) : [];
  } else {
    named = blamesStaff(folded) ? namedStaff(folded, spans) : [];
  }
  if (named.length > 0) findings.push(makeFinding('RESPECT-02', named));
  return findings;
}

/** The colleagues shown or tagged on a picture posted without their consent, or null. */
function pictured(doc: GuardDocument, spans: readonly Span[], institutional: boolean): Span[] | null {
  const folded = doc.folded;
  const unawares = takenUnawares(folded);
  if (institutional ? !unawares || !comesWithPicture(folded) : !unawares && !comesWithPicture(folded)) {
    return null;
  }
  if (mentionsConsent(folded)) return null;
  const handles = personHandles(doc, spans);
  const people = spansOfType(spans, ['PERSON']);
  if (!saysTagged(folded) && handles.length === 0 && people.length < 2) return null;
  return [...handles, ...people];
}
