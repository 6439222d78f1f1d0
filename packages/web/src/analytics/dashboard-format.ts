import type { TFunction } from 'i18next';
import { formatNumber } from '../format';

/** « 87,5 % », or a dash when there is nothing to divide by. */
export function formatPercent(value: number | null, language: string, none = '—'): string {
  if (value === null) return none;
  // A no-break space: « 87,5 % » never breaks between the figure and its sign.
  return `${new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'fr-FR', { maximumFractionDigits: 1 }).format(value)}\u00a0%`;
}

/** « 45 min », « 3 h 20 min », « 2 j 4 h ». */
export function formatMinutes(t: TFunction, minutes: number | null, none = '—'): string {
  if (minutes === null) return none;
  if (minutes < 60) return t('analytics.duration.minutes', { minutes });
  if (minutes < 48 * 60)
    return minutes % 60 === 0
      ? t('analytics.duration.wholeHours', { hours: minutes / 60 })
      : t('analytics.duration.hours', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
  return t('analytics.duration.days', {
    days: Math.floor(minutes / 1440),
    hours: Math.floor((minutes % 1440) / 60),
  });
}

export const formatCount = (value: number | null, language: string): string =>
  value === null ? '—' : formatNumber(value, language);

/** « 12 oct. »: short day labels for the charts' axes. */
export function shortDay(day: string, language: string): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'fr-FR', {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(new Date(`${day}T00:00:00.000Z`));
}

/** « 12 octobre 2026 ». */
export function longDay(day: string, language: string): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'fr-FR', {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${day}T00:00:00.000Z`));
}
