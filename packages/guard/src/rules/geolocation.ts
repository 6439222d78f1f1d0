import type { Finding, SpanType } from '../types.js';
import type { RuleEvaluator, RuleInput } from './evaluator.js';
import { makeFinding } from './finding.js';
import { hostilityOf, isHostile } from './hostility.js';
import { anyOf, cue, hasAny, namedPeople, spansOfType } from './people-cues.js';

/**
 * GEO-01: a geotag or live location in a care area, or where and when staff come and go
 * ("l'équipe de nuit est là jusqu'à 8h, ils sortiront par l'entrée des ambulances", "je finis à
 * 21h30 aux urgences, qui vient me chercher au parking du personnel ?"). Well meant, but it tells
 * anyone where to find a carer, and a check-in shows who is in the unit.
 *
 * Posts by the hospital and by staff only: the public publishing a carer's schedule is doxxing,
 * and so is any hostile post (DOXX-01 then speaks). Opening hours of a service ("dépistage de 9h à
 * 17h dans le hall") locate nobody.
 */

const CARE_AREA = anyOf([
  'urgences',
  'sau',
  'uhcd',
  'smur',
  'rea(?:nimation)?',
  'soins intensifs',
  'usi',
  'usic',
  'bloc(?: operatoire)?',
  'salle de naissance',
  'salle de reveil',
  'maternite',
  'mater',
  'neonat(?:alogie|ologie)?',
  'pediatrie',
  'psychiatrie',
  'oncologie',
  'onco',
  'hemato(?:logie)?',
  'cardio(?:logie)?',
  'geriatrie',
  'ehpad',
  'unite',
  'service',
  'hopital',
  'chu',
  'ch',
  'clinique',
]);
const CARE = [cue(CARE_AREA)];

/** Geotags and live markers. */
const LIVE = [
  /📍/gu,
  cue('check-?in|checkin|en direct (?:de|du|des|d.)|en live (?:de|du|des|d.)|live (?:from|du|de)'),
];

/** Events an institution pins with 📍: a venue, not a carer at work. */
const EVENT = [
  cue(
    'conferences?|amphi(?:theatre)?|ateliers?|stands?|salon|forum|colloque|congres|webinaire|formation|reunion d.information|inauguration|collecte|portes ouvertes|job dating|spectacle|concert|course|marche',
  ),
];

/** A clock time: "8h", "20h45", "21 h 30", "2h47". */
const CLOCK = [cue('\\d{1,2}\\s?h(?:\\s?\\d{2})?')];

/** Someone on duty somewhere, or their own shift ("je finis à", "prend son poste à"). */
const PRESENCE = [
  cue(
    `(?:est|sont|sera|seront|serai|serons|suis) (?:sur le pont|de garde|de nuit|d'astreinte|seule? de (?:nuit|garde))|tien(?:t|nent|dront|drons) (?:le |la |les |l')${CARE_AREA}|(?:je|il|elle|ils|elles|on) (?:finis|finit|finissent|termine|terminent|commence|commencent|sors|sort|sortent|quitte|quittent|embauche|debauche)|prend(?:s)? (?:son|mon) (?:poste|service)|assure(?:nt|ront|ra)? (?:la garde|la nuit|les urgences|le sau)`,
  ),
];

/** A route or a way in and out. */
const ROUTE = [
  cue(
    "sortir(?:ont|a|ai|ons)? par|sort(?:ent)? par|j'entre par|entrent par|entrera par|mon trajet|son trajet|je longe|elle longe|il longe|depart (?:de |place |du )|pedale|attache (?:son|mon) velo|local (?:a velo|velo|du sous-sol)|parking du personnel|entree du personnel|entree des ambulances|vient me chercher|venez me chercher|passez me (?:voir|faire un coucou|dire bonjour)|faites-leur (?:un )?signe|rejoindre l'hopital",
  ),
];

/** The people, places and times the finding rests on. */
const CITED: readonly SpanType[] = ['PERSON', 'HANDLE', 'UNIT', 'PLACE', 'DATE'];

export const geolocationEvaluator: RuleEvaluator = {
  family: 'GEO',
  evaluate({ doc, spans, ctx }: RuleInput): Finding[] {
    if (ctx.context === 'public') return [];
    const folded = doc.folded;
    const careArea = hasAny(folded, CARE) || spansOfType(spans, ['UNIT']).length > 0;
    const clock = hasAny(folded, CLOCK);

    // An institution's 📍 usually marks an event venue; it locates staff only with a time or names.
    const liveTag =
      hasAny(folded, LIVE) &&
      careArea &&
      !hasAny(folded, EVENT) &&
      (ctx.context !== 'institutional' || clock || namedPeople(spans).length > 0);
    const route = hasAny(folded, ROUTE);
    const schedule = clock && (hasAny(folded, PRESENCE) || route) && (careArea || route);
    if (!liveTag && !schedule) return [];
    if (isHostile(hostilityOf(folded))) return [];
    return [makeFinding('GEO-01', spansOfType(spans, CITED))];
  },
};
