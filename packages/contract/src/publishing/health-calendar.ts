import type { Localized } from '../localized.js';

/**
 * The national and international health-awareness calendar, as rules that generate each year's
 * dates (shared/reference/domain-rules.md §4.3: a day is a fixed date, the n-th weekday of a
 * month, the last day of a month, a whole month, a fixed span or a month's last week). The desk
 * shows them on its calendar and offers them as starting points; `confidence` says how sure our
 * source was (✔ checked, ◐ likely, ⚠ to check each year).
 */
export type HealthDayRule =
  | { readonly kind: 'day'; readonly month: number; readonly day: number }
  | { readonly kind: 'span'; readonly month: number; readonly from: number; readonly to: number }
  | { readonly kind: 'month'; readonly month: number }
  | { readonly kind: 'nth-weekday'; readonly month: number; readonly weekday: number; readonly nth: number }
  | { readonly kind: 'last-day'; readonly month: number }
  | { readonly kind: 'last-week'; readonly month: number };

export interface HealthDay {
  readonly id: string;
  readonly name: Localized;
  readonly rule: HealthDayRule;
  readonly organiser: string;
  readonly confidence: 'checked' | 'likely' | 'to-check';
}

const day = (month: number, d: number): HealthDayRule => ({ kind: 'day', month, day: d });
const month = (m: number): HealthDayRule => ({ kind: 'month', month: m });
const fr = (text: string, en: string): Localized => ({ fr: text, en });

export const HEALTH_DAYS: readonly HealthDay[] = [
  {
    id: 'defi-janvier',
    name: fr('Défi de janvier (Dry January)', 'Dry January'),
    rule: month(1),
    organiser: 'Associations',
    confidence: 'likely',
  },
  {
    id: 'cancer',
    name: fr('Journée mondiale contre le cancer', 'World Cancer Day'),
    rule: day(2, 4),
    organiser: 'UICC',
    confidence: 'likely',
  },
  {
    id: 'cancer-enfant',
    name: fr('Journée internationale du cancer de l’enfant', 'International Childhood Cancer Day'),
    rule: day(2, 15),
    organiser: 'Childhood Cancer International',
    confidence: 'likely',
  },
  {
    id: 'maladies-rares',
    name: fr('Journée internationale des maladies rares', 'Rare Disease Day'),
    rule: { kind: 'last-day', month: 2 },
    organiser: 'EURORDIS',
    confidence: 'likely',
  },
  {
    id: 'mars-bleu',
    name: fr('Mars bleu — dépistage du cancer colorectal', 'Blue March — colorectal cancer screening'),
    rule: month(3),
    organiser: 'INCa, CRCDC, Ligue',
    confidence: 'checked',
  },
  {
    id: 'audition',
    name: fr('Journée nationale de l’audition', 'National Hearing Day'),
    rule: { kind: 'nth-weekday', month: 3, weekday: 4, nth: 2 },
    organiser: 'JNA',
    confidence: 'checked',
  },
  {
    id: 'bucco-dentaire',
    name: fr('Journée mondiale de la santé bucco-dentaire', 'World Oral Health Day'),
    rule: day(3, 20),
    organiser: 'FDI',
    confidence: 'likely',
  },
  {
    id: 'trisomie-21',
    name: fr('Journée mondiale de la trisomie 21', 'World Down Syndrome Day'),
    rule: day(3, 21),
    organiser: 'ONU',
    confidence: 'likely',
  },
  {
    id: 'tuberculose',
    name: fr('Journée mondiale de lutte contre la tuberculose', 'World Tuberculosis Day'),
    rule: day(3, 24),
    organiser: 'OMS',
    confidence: 'likely',
  },
  {
    id: 'autisme',
    name: fr('Journée mondiale de sensibilisation à l’autisme', 'World Autism Awareness Day'),
    rule: day(4, 2),
    organiser: 'ONU',
    confidence: 'likely',
  },
  {
    id: 'sante',
    name: fr('Journée mondiale de la santé', 'World Health Day'),
    rule: day(4, 7),
    organiser: 'OMS',
    confidence: 'checked',
  },
  {
    id: 'parkinson',
    name: fr('Journée mondiale de la maladie de Parkinson', 'World Parkinson’s Day'),
    rule: day(4, 11),
    organiser: '—',
    confidence: 'likely',
  },
  {
    id: 'vaccination',
    name: fr('Semaine européenne de la vaccination', 'European Immunization Week'),
    rule: { kind: 'last-week', month: 4 },
    organiser: 'OMS Europe, Santé publique France',
    confidence: 'likely',
  },
  {
    id: 'paludisme',
    name: fr('Journée mondiale de lutte contre le paludisme', 'World Malaria Day'),
    rule: day(4, 25),
    organiser: 'OMS',
    confidence: 'checked',
  },
  {
    id: 'hygiene-mains',
    name: fr(
      'Journée mondiale de l’hygiène des mains et des sages-femmes',
      'World Hand Hygiene Day and International Day of the Midwife',
    ),
    rule: day(5, 5),
    organiser: 'OMS, ICM',
    confidence: 'checked',
  },
  {
    id: 'infirmieres',
    name: fr('Journée internationale des infirmières', 'International Nurses Day'),
    rule: day(5, 12),
    organiser: 'CII',
    confidence: 'checked',
  },
  {
    id: 'hypertension',
    name: fr('Journée mondiale de l’hypertension artérielle', 'World Hypertension Day'),
    rule: day(5, 17),
    organiser: 'WHL',
    confidence: 'likely',
  },
  {
    id: 'sans-tabac',
    name: fr('Journée mondiale sans tabac', 'World No Tobacco Day'),
    rule: day(5, 31),
    organiser: 'OMS',
    confidence: 'likely',
  },
  {
    id: 'donneurs-sang',
    name: fr('Journée mondiale des donneurs de sang', 'World Blood Donor Day'),
    rule: day(6, 14),
    organiser: 'OMS, EFS',
    confidence: 'checked',
  },
  {
    id: 'don-organes',
    name: fr('Journée nationale du don d’organes et de la greffe', 'National Organ Donation Day'),
    rule: day(6, 22),
    organiser: 'Agence de la biomédecine',
    confidence: 'checked',
  },
  {
    id: 'hepatite',
    name: fr('Journée mondiale contre l’hépatite', 'World Hepatitis Day'),
    rule: day(7, 28),
    organiser: 'OMS',
    confidence: 'checked',
  },
  {
    id: 'septembre-en-or',
    name: fr('Septembre en or — cancers de l’enfant', 'Gold September — childhood cancers'),
    rule: month(9),
    organiser: 'Associations',
    confidence: 'likely',
  },
  {
    id: 'suicide',
    name: fr('Journée mondiale de prévention du suicide', 'World Suicide Prevention Day'),
    rule: day(9, 10),
    organiser: 'IASP, OMS',
    confidence: 'likely',
  },
  {
    id: 'securite-patients',
    name: fr('Journée mondiale de la sécurité des patients', 'World Patient Safety Day'),
    rule: day(9, 17),
    organiser: 'OMS',
    confidence: 'likely',
  },
  {
    id: 'alzheimer',
    name: fr('Journée mondiale Alzheimer', 'World Alzheimer’s Day'),
    rule: day(9, 21),
    organiser: 'ADI',
    confidence: 'likely',
  },
  {
    id: 'coeur',
    name: fr('Journée mondiale du cœur', 'World Heart Day'),
    rule: day(9, 29),
    organiser: 'World Heart Federation',
    confidence: 'likely',
  },
  {
    id: 'octobre-rose',
    name: fr('Octobre rose — dépistage du cancer du sein', 'Pink October — breast cancer screening'),
    rule: month(10),
    organiser: 'Associations, INCa',
    confidence: 'checked',
  },
  {
    id: 'aidants',
    name: fr('Journée nationale des aidants', 'National Carers Day'),
    rule: day(10, 6),
    organiser: 'France',
    confidence: 'likely',
  },
  {
    id: 'sante-mentale',
    name: fr('Journée mondiale de la santé mentale', 'World Mental Health Day'),
    rule: day(10, 10),
    organiser: 'WFMH',
    confidence: 'likely',
  },
  {
    id: 'vue',
    name: fr('Journée mondiale de la vue', 'World Sight Day'),
    rule: { kind: 'nth-weekday', month: 10, weekday: 4, nth: 2 },
    organiser: 'IAPB',
    confidence: 'likely',
  },
  {
    id: 'avc',
    name: fr('Journée mondiale de l’AVC', 'World Stroke Day'),
    rule: day(10, 29),
    organiser: 'WSO',
    confidence: 'likely',
  },
  {
    id: 'mois-sans-tabac',
    name: fr('Mois sans tabac', 'Tobacco-free month'),
    rule: month(11),
    organiser: 'Santé publique France, Assurance maladie (39 89)',
    confidence: 'checked',
  },
  {
    id: 'movember',
    name: fr('Movember', 'Movember'),
    rule: month(11),
    organiser: 'Movember Foundation',
    confidence: 'likely',
  },
  {
    id: 'diabete',
    name: fr('Journée mondiale du diabète', 'World Diabetes Day'),
    rule: day(11, 14),
    organiser: 'IDF, OMS',
    confidence: 'likely',
  },
  {
    id: 'prematurite',
    name: fr('Journée mondiale de la prématurité', 'World Prematurity Day'),
    rule: day(11, 17),
    organiser: 'EFCNI',
    confidence: 'likely',
  },
  {
    id: 'antimicrobiens',
    name: fr('Semaine mondiale pour un bon usage des antimicrobiens', 'World AMR Awareness Week'),
    rule: { kind: 'span', month: 11, from: 18, to: 24 },
    organiser: 'OMS',
    confidence: 'likely',
  },
  {
    id: 'violences-femmes',
    name: fr(
      'Journée internationale pour l’élimination de la violence à l’égard des femmes',
      'International Day for the Elimination of Violence against Women',
    ),
    rule: day(11, 25),
    organiser: 'ONU',
    confidence: 'likely',
  },
  {
    id: 'sida',
    name: fr('Journée mondiale de lutte contre le sida', 'World AIDS Day'),
    rule: day(12, 1),
    organiser: 'ONUSIDA, OMS',
    confidence: 'likely',
  },
  {
    id: 'handicap',
    name: fr(
      'Journée internationale des personnes handicapées',
      'International Day of Persons with Disabilities',
    ),
    rule: day(12, 3),
    organiser: 'ONU',
    confidence: 'likely',
  },
];

/** One occurrence of a health day: its first and last dates (YYYY-MM-DD), both included. */
export interface HealthOccurrence {
  readonly id: string;
  readonly name: Localized;
  readonly start: string;
  readonly end: string;
  readonly organiser: string;
  readonly confidence: HealthDay['confidence'];
}

const iso = (year: number, m: number, d: number) =>
  `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const daysIn = (year: number, m: number) => new Date(Date.UTC(year, m, 0)).getUTCDate();

/** The dates a rule gives in a year. */
export function occurrenceIn(rule: HealthDayRule, year: number): { start: string; end: string } {
  switch (rule.kind) {
    case 'day':
      return { start: iso(year, rule.month, rule.day), end: iso(year, rule.month, rule.day) };
    case 'span':
      return { start: iso(year, rule.month, rule.from), end: iso(year, rule.month, rule.to) };
    case 'month':
      return { start: iso(year, rule.month, 1), end: iso(year, rule.month, daysIn(year, rule.month)) };
    case 'last-day': {
      const last = daysIn(year, rule.month);
      return { start: iso(year, rule.month, last), end: iso(year, rule.month, last) };
    }
    case 'last-week': {
      const last = daysIn(year, rule.month);
      return { start: iso(year, rule.month, last - 6), end: iso(year, rule.month, last) };
    }
    case 'nth-weekday': {
      // weekday: 1 Monday … 7 Sunday (ISO).
      const first = new Date(Date.UTC(year, rule.month - 1, 1)).getUTCDay() || 7;
      const d = 1 + ((rule.weekday - first + 7) % 7) + (rule.nth - 1) * 7;
      return { start: iso(year, rule.month, d), end: iso(year, rule.month, d) };
    }
  }
}

/** Every health day that overlaps [from, to] (YYYY-MM-DD, both included), by start date. */
export function healthDaysBetween(from: string, to: string): HealthOccurrence[] {
  const first = Number(from.slice(0, 4));
  const last = Number(to.slice(0, 4));
  const out: HealthOccurrence[] = [];
  for (let year = first; year <= last; year++)
    for (const healthDay of HEALTH_DAYS) {
      const { start, end } = occurrenceIn(healthDay.rule, year);
      if (end < from || start > to) continue;
      const { id, name, organiser, confidence } = healthDay;
      out.push({ id, name, start, end, organiser, confidence });
    }
  return out.sort((a, b) => a.start.localeCompare(b.start) || a.id.localeCompare(b.id));
}
