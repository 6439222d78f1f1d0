const integerFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const decimalFormat = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const preciseFormat = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** French digit grouping: 12 345. */
export function integer(value: number): string {
  return integerFormat.format(value);
}

/** A share as a French percentage, "12,5 %"; a dash when it has no denominator. */
export function percent(value: number | null): string {
  return value === null ? '—' : `${decimalFormat.format(value * 100)} %`;
}

/** "3 / 12": the counts behind a percentage. */
export function fraction(numerator: number, denominator: number): string {
  return `${integer(numerator)} / ${integer(denominator)}`;
}

/** A duration in milliseconds, with two decimals below 10 ms where they matter. */
export function milliseconds(value: number): string {
  return `${value < 10 ? preciseFormat.format(value) : decimalFormat.format(value)} ms`;
}

export function seconds(ms: number): string {
  return `${decimalFormat.format(ms / 1000)} s`;
}

/** "1 ligne", "2 lignes". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${integer(count)} ${count === 1 || count === 0 ? singular : pluralForm}`;
}
