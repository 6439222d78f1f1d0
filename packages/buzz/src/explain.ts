import type { BuzzExplanation, BuzzLevel } from './types.js';

const DAYS_FR = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'];
const DAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export interface ExplanationFacts {
  readonly level: BuzzLevel;
  readonly observed: number;
  readonly expected: number;
  /** Length of the judged window, in minutes. */
  readonly windowMinutes: number;
  /** Local day of the week (0 = Sunday), or undefined when the weekly rhythm is not used. */
  readonly day: number | undefined;
  /** True when the daily rhythm is used (the comparison is "at this time of day"). */
  readonly hourly: boolean;
}

/** « 4,3 fois le volume habituel pour un mardi à cette heure (30 mentions en 1 h, environ 7 d’habitude) ». */
export function explain(facts: ExplanationFacts): BuzzExplanation {
  const ratio = facts.expected > 0 ? facts.observed / facts.expected : Number.POSITIVE_INFINITY;
  const when = comparisonFr(facts);
  const whenEn = comparisonEn(facts);
  const window = durationFr(facts.windowMinutes);
  const windowEn = durationEn(facts.windowMinutes);
  const usual = formatFr(facts.expected);
  const head = facts.level === 'alert' ? 'Alerte : ' : facts.level === 'watch' ? 'À surveiller : ' : '';
  const headEn = facts.level === 'alert' ? 'Alert: ' : facts.level === 'watch' ? 'Watch: ' : '';
  const ratioFr = Number.isFinite(ratio)
    ? `${formatFr(ratio)} fois le volume habituel`
    : 'un volume inhabituel';
  const ratioEn = Number.isFinite(ratio) ? `${formatEn(ratio)} times the usual volume` : 'an unusual volume';
  const mentions = facts.observed === 1 ? 'mention' : 'mentions';
  return {
    fr: `${head}${ratioFr}${when} (${formatFr(facts.observed)} ${mentions} en ${window}, environ ${usual} d’habitude).`,
    en: `${headEn}${ratioEn}${whenEn} (${formatEn(facts.observed)} ${mentions} in ${windowEn}, about ${formatEn(facts.expected)} usually).`,
  };
}

function comparisonFr(facts: ExplanationFacts): string {
  if (facts.day !== undefined && facts.hourly) return ` pour un ${DAYS_FR[facts.day]} à cette heure`;
  if (facts.day !== undefined) return ` pour un ${DAYS_FR[facts.day]}`;
  if (facts.hourly) return ' à cette heure';
  return '';
}

function comparisonEn(facts: ExplanationFacts): string {
  if (facts.day !== undefined && facts.hourly) return ` for a ${DAYS_EN[facts.day]} at this time`;
  if (facts.day !== undefined) return ` for a ${DAYS_EN[facts.day]}`;
  if (facts.hourly) return ' at this time of day';
  return '';
}

function durationFr(minutes: number): string {
  if (minutes % 1440 === 0) return minutes === 1440 ? '1 jour' : `${minutes / 1440} jours`;
  if (minutes % 60 === 0) return `${minutes / 60} h`;
  if (minutes > 60) return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')}`;
  return `${formatFr(minutes)} min`;
}

function durationEn(minutes: number): string {
  if (minutes % 1440 === 0) return minutes === 1440 ? '1 day' : `${minutes / 1440} days`;
  if (minutes % 60 === 0) return minutes === 60 ? '1 hour' : `${minutes / 60} hours`;
  return `${formatEn(minutes)} min`;
}

// Built once: a NumberFormat costs tens of microseconds to create.
const FR_SMALL = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const FR_LARGE = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const EN_SMALL = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
const EN_LARGE = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

/** One decimal below 10, none above: « 4,3 », « 27 », « 1 250 ». */
export function formatFr(value: number): string {
  return (value < 10 ? FR_SMALL : FR_LARGE).format(value);
}

function formatEn(value: number): string {
  return (value < 10 ? EN_SMALL : EN_LARGE).format(value);
}
