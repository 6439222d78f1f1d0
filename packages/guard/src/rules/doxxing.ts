import type { Finding, SpanType } from '../types.js';
import { blamesStaff } from './colleague-cues.js';
import type { RuleEvaluator, RuleInput } from './evaluator.js';
import { type ExposureHit, exposureCues, soundsGrateful } from './exposure-cues.js';
import { makeFinding } from './finding.js';
import { hostilityOf, isHostile } from './hostility.js';
import { namedPeople, singlePeople, spansNear, spansOfType, staffMentions } from './people-cues.js';

/**
 * DOXX-01: a person plus what lets them be found — home, private number, car, family, private
 * account, the ward or room where they lie, or the times and places they come and go (C. pén.
 * 223-1-1, heavier when the victim works in a public service).
 *
 * A carer is exposed by the detail alone ("le Dr Moreau gare sa Clio EZ-314-PQ au P3"). Anyone
 * else named (a patient, a neighbour) only when the post is hostile, since "Mme X du 12 rue des
 * Écoles a été emmenée par le SAMU" is a secrecy breach, not a manhunt. A schedule is doxxing
 * only in a hostile post: the same words in a friendly staff portrait are GEO-01's business. A
 * hospital reply that names the carer it blames and says where they now work hands them over to
 * the complainant, which counts as hostile.
 */

/** Details that expose by themselves; the others need a hostile post or a span that backs them. */
const SELF_EVIDENT = new Set<ExposureHit['kind']>(['home', 'contact', 'family', 'account']);
/** What a doxxing cites: who is exposed and what locates them (never health, which is SECRET's). */
const CITED: readonly SpanType[] = [
  'PERSON',
  'HANDLE',
  'DATE',
  'PLACE',
  'PLATE',
  'ADDRESS',
  'PHONE',
  'EMAIL',
  'UNIT',
  'ROOM',
  'AGE',
];
/** What backs a car's whereabouts ("au parking P3") or a home ("7 allée des Saules"); a town is not a home. */
const PARKING: readonly SpanType[] = ['ADDRESS', 'PLACE', 'PLATE'];
const HOME: readonly SpanType[] = ['ADDRESS'];
/** A call to gather somewhere: "venez nombreux", "rendez-vous devant", "on l'attend tous". */
const GATHERING =
  /\b(?:venez (?:nombreu(?:x|ses)|tous|toutes|en nombre|en masse)|rendez-vous devant|rdv devant|on (?:l'|les )?attend (?:tous|toutes|nombreux|en nombre)|soyons nombreu(?:x|ses)|retrouvons-nous)\b/;

export const doxxingEvaluator: RuleEvaluator = {
  family: 'DOXX',
  evaluate({ doc, spans, ctx }: RuleInput): Finding[] {
    const folded = doc.folded;
    const exposures = exposureCues(folded);
    const plates = spansOfType(spans, ['PLATE']);
    if (exposures.length === 0 && plates.length === 0) return [];

    const staffTarget = staffMentions(folded).length > 0;
    const named = namedPeople(spans).length > 0;
    const someone = named || staffTarget || singlePeople(folded).length > 0;
    if (!someone) return [];
    // The hospital telling a complainant where the carer it blames now works hands them over.
    const official = ctx.context === 'institutional' || ctx.context === 'reply';
    const handedOver = official && named && blamesStaff(folded);
    const hostility = hostilityOf(folded);
    // Anyone spoken of ("le type qui…") is a target only when the post is out to get them; an
    // allegation alone ("le patient est arrivé ivre") tells of them, it does not hunt them.
    const hunted = hostility.threat || hostility.incitement > 0 || hostility.grievance || hostility.innuendo;
    // A crowd called to the carer's exit at a set time ("venez nombreux à sa sortie de garde,
    // lundi 19 h") puts them within anyone's reach, however kindly meant.
    const summoned =
      GATHERING.test(folded) &&
      exposures.some((hit) => hit.kind === 'schedule' || hit.kind === 'whereabouts');
    const hostile = handedOver || summoned || (named || staffTarget ? isHostile(hostility) : hunted);
    // Institutions and other people's targets are only doxxing when the post means harm.
    if (!hostile && (!staffTarget || official)) return [];

    const grateful = soundsGrateful(folded);
    const exposing = exposures.filter((hit) => {
      if (hit.kind === 'account' && grateful) return false;
      if (SELF_EVIDENT.has(hit.kind)) return true;
      if (hit.kind === 'schedule' || hit.kind === 'whereabouts' || hit.kind === 'profile') return hostile;
      // "il habite 7 allée des Saules", "sa Clio au parking P3": backed by a span, or said in anger.
      return hostile || spansNear(spans, hit, hit.kind === 'car' ? PARKING : HOME, 60).length > 0;
    });
    if (exposing.length === 0 && plates.length === 0) return [];

    return [
      makeFinding('DOXX-01', spansOfType(spans, CITED), {
        explanation: explain(exposing, plates.length > 0),
      }),
    ];
  },
};

const WHAT: Record<ExposureHit['kind'], { fr: string; en: string }> = {
  home: { fr: 'son adresse', en: 'their address' },
  residence: { fr: "l'endroit où elle habite", en: 'where they live' },
  contact: { fr: 'son numéro ou son adresse e-mail personnels', en: 'their private number or e-mail' },
  vehicle: { fr: 'sa voiture', en: 'their car' },
  car: { fr: 'sa voiture et où elle est garée', en: 'their car and where it is parked' },
  family: { fr: 'sa famille', en: 'their family' },
  account: { fr: 'ses comptes personnels ou son identité', en: 'their private accounts or identity' },
  profile: { fr: 'son compte sur un réseau social', en: 'their social media account' },
  whereabouts: { fr: "l'endroit où elle se trouve ou travaille", en: 'where they are or work' },
  schedule: { fr: 'ses horaires et ses trajets', en: 'their times and routes' },
};

function explain(exposing: readonly ExposureHit[], plate: boolean): { fr: string; en: string } {
  const kinds = [...new Set(exposing.map((hit) => hit.kind))];
  if (plate && !kinds.includes('car')) kinds.push('vehicle');
  const fr = kinds.map((kind) => WHAT[kind].fr).join(', ');
  const en = kinds.map((kind) => WHAT[kind].en).join(', ');
  return {
    fr: `Ce message donne de quoi retrouver une personne (${fr}). Cela peut la mettre en danger, et c'est puni par la loi (C. pén. 223-1-1).`,
    en: `This post gives what it takes to find a person (${en}). It can put them in danger, and it is an offence (C. pén. 223-1-1).`,
  };
}
