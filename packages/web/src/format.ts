import type { TFunction } from 'i18next';

/** Dates and numbers the French (or British) way, whatever the browser's own locale. */
const locale = (language: string) => (language === 'en' ? 'en-GB' : 'fr-FR');

export function formatDateTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(locale(language), { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  );
}

export function formatDate(iso: string, language: string): string {
  return new Intl.DateTimeFormat(locale(language), { dateStyle: 'long' }).format(new Date(iso));
}

export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(locale(language)).format(value);
}

/** « dans 3 heures », « il y a 2 jours »: how near a deadline is, at a glance. */
export function formatRelative(iso: string, language: string, now = Date.now()): string {
  const minutes = Math.round((Date.parse(iso) - now) / 60_000);
  const rtf = new Intl.RelativeTimeFormat(locale(language), { numeric: 'auto' });
  if (Math.abs(minutes) < 60) return rtf.format(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (Math.abs(hours) < 48) return rtf.format(hours, 'hour');
  return rtf.format(Math.round(hours / 24), 'day');
}

/** A translated label for a server enum value, or the raw value when the key is unknown. */
export function labelOf(t: TFunction, prefix: string, value: string): string {
  const key = `${prefix}.${value}`;
  return t(key, { defaultValue: value });
}
