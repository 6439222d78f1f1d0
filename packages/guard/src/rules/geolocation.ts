import type { Finding, SpanType } from '../types.js';
import type { RuleEvaluator, RuleInput } from './evaluator.js';
import { makeFinding } from './finding.js';
import { hostilityOf, isHostile } from './hostility.js';
import { anyOf, namedPeople, spansOfType } from './people-cues.js';
import { phraseFamily, scanFamily } from './phrase-family.js';
import { rememberLast } from './remember-last.js';
import { wordList } from './word-lists.js';

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

const CARE_AREA = anyOf(wordList('geolocation-care-area'));

type GeoSign = 'live' | 'event' | 'clock' | 'day' | 'presence' | 'route' | 'care';

const SIGNS = phraseFamily<GeoSign>(
  [
    // Geotags and live markers.
    [
      'live',
      'check-?in|checkin|en direct (?:de|du|des|d.|avec)|en live (?:de|du|des|d.)|live (?:from|du|de)|position mise a jour|suivez (?:leur|notre|ma) (?:nuit|garde|journee)',
      'check|checkin|direct|live|position|suivez',
    ],
    // Events an institution pins with 📍: a venue, not a carer at work.
    [
      'event',
      'conferences?|amphi(?:theatre)?|ateliers?|stands?|salon|forum|colloque|congres|webinaire|formation|reunion d.information|inauguration|collecte|portes ouvertes|job dating|spectacle|concert|course|marche',
      '',
    ],
    // Someone on duty somewhere, or their own shift ("je finis à", "tu es bien seul de nuit").
    [
      'presence',
      `(?:est|es|sont|sera|seras|seront|serai|serons|suis|t'es) (?:bien |encore |toujours )?(?:sur le pont|de garde|de nuit|d'astreinte|seule?s? (?:de (?:nuit|garde)|en poste|au|a la|aux))|(?:je|tu|il|elle|on|nous|ils|elles) (?:bosse|bosses|bossent|travaille|travailles|travaillent) (?:de nuit|de garde|seule?s?)|tien(?:t|nent|dront|drons)(?= (?:le |la |les |l')${CARE_AREA})|(?:je|il|elle|ils|elles|on|tu) (?:finis|finit|finissent|termine|termines|terminent|commence|commences|commencent|sors|sort|sortent|quitte|quittes|quittent|embauche|debauche)|prend(?:s)? (?:son|mon|ton) (?:poste|service)|(?:a|de) (?:sa|son|ma|mon|leur) (?:sortie|fin) de (?:garde|service|poste|nuit)|a la (?:sortie|fin) de (?:sa|son|ma|mon|leur) (?:garde|service|poste|nuit)|assure(?:nt|ront|ra)? (?:la garde|la nuit)|assure(?:nt|ront|ra)?(?= (?:les urgences|le sau))`,
      'sortie|fin|pont|garde|nuit|astreinte|seule?s?|bosse|bosses|bossent|travaille|travailles|travaillent|tient|tiennent|tiendront|tiendrons|finis|finit|finissent|termine|termines|terminent|commence|commences|commencent|sors|sort|sortent|quitte|quittes|quittent|embauche|debauche|prend|prends|assure|assurent|assureront|assurera',
    ],
    // A route or a way in and out.
    [
      'route',
      "sortir(?:ont|a|ai|ons)? par|sort(?:ent)? par|j'entre par|entrent par|entrera par|mon trajet|son trajet|je longe|elle longe|il longe|depart (?:de |place |du )|pedale|attache (?:son|mon) velo|local (?:a velo|velo|du sous-sol)|parking du personnel|entree du personnel|entree des ambulances|vient me chercher|venez me chercher|passez me (?:voir|faire un coucou|dire bonjour)|faites-leur (?:un )?signe|rejoindre l'hopital",
      'sortir|sortiront|sortira|sortirai|sortirons|sort|sortent|entre|entrent|entrera|trajet|longe|depart|pedale|attache|local|parking|entree|chercher|passez|faites|rejoindre',
    ],
    // A clock time: "8h", "20h45", "21 h 30", "03:12".
    ['clock', '\\d{1,2}\\s?h(?:\\s?\\d{2})?|\\d{2}:\\d{2}', ''],
    [
      'day',
      'lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|ce soir|cette nuit|demain|ce week-end|ce we',
      '',
    ],
    ['care', CARE_AREA, ''],
  ],
  [['live', '📍']],
);

function computeSigns(folded: string): Set<GeoSign> {
  return new Set(scanFamily(SIGNS, folded).map((hit) => hit.label));
}

const signsOf = rememberLast(computeSigns);

/** The people, places and times the finding rests on. */
const CITED: readonly SpanType[] = ['PERSON', 'HANDLE', 'UNIT', 'PLACE', 'DATE'];

export const geolocationEvaluator: RuleEvaluator = {
  family: 'GEO',
  evaluate({ doc, spans, ctx }: RuleInput): Finding[] {
    if (ctx.context === 'public') return [];
    const folded = doc.folded;
    const signs = signsOf(folded);
    const careArea = signs.has('care') || spansOfType(spans, ['UNIT']).length > 0;
    const clock = signs.has('clock');
    const presence = signs.has('presence');
    const institutional = ctx.context === 'institutional';

    // An institution's 📍 usually marks an event venue; it locates staff only with a time or names.
    const liveTag =
      signs.has('live') &&
      careArea &&
      !signs.has('event') &&
      (!institutional || clock || namedPeople(spans).length > 0);
    // A way in is a route only for a carer going in: "l'entrée du personnel se fait par la porte C"
    // is a notice. A day is enough when the carer is said to be alone there ("seul de nuit samedi").
    const route = signs.has('route') && clock && (!institutional || presence);
    const shift = presence && careArea && (clock || signs.has('day'));
    if (!liveTag && !route && !shift) return [];
    if (isHostile(hostilityOf(folded))) return [];
    return [makeFinding('GEO-01', spansOfType(spans, CITED))];
  },
};
