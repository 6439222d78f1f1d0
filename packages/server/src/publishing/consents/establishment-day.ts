/**
 * The calendar day (YYYY-MM-DD) in metropolitan France, where consents are signed and expire:
 * a consent that ends « le 31 décembre » still holds at 23:30 in Paris, which is already the
 * first of January in UTC. Overseas establishments differ by hours, not by the day's meaning.
 */
export function establishmentDay(at: Date, timeZone = 'Europe/Paris'): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}
