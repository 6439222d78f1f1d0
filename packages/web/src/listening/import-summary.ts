import type { MentionImportResult } from '../api/types';

/** How many refused lines are listed; the rest are counted (« … et 12 autres »). */
export const SHOWN_REJECTIONS = 50;

const locale = (language: string) => (language.startsWith('en') ? 'en-GB' : 'fr-FR');

/** French agrees 0 and 1 in the singular (« 0 ligne lue »); English only 1. */
function plural(count: number, language: string): boolean {
  return language.startsWith('en') ? count !== 1 : count > 1;
}

/**
 * One sentence of what an import did with the file, with the agreements said aloud:
 * « 120 lignes lues, 97 mentions enregistrées, 3 déjà connues, 15 sans terme surveillé, 5 refusées ».
 */
export function importSummary(outcome: MentionImportResult, language: string): string {
  const n = (count: number) => new Intl.NumberFormat(locale(language)).format(count);
  const s = (count: number) => (plural(count, language) ? 's' : '');
  const { received, stored, duplicates, unmatched } = outcome;
  const refused = outcome.rejected.length;
  if (language.startsWith('en')) {
    return [
      `${n(received)} line${s(received)} read`,
      `${n(stored)} mention${s(stored)} stored`,
      `${n(duplicates)} already known`,
      `${n(unmatched)} without a watched term`,
      `${n(refused)} refused`,
    ].join(', ');
  }
  return [
    `${n(received)} ligne${s(received)} lue${s(received)}`,
    `${n(stored)} mention${s(stored)} enregistrée${s(stored)}`,
    `${n(duplicates)} déjà connue${s(duplicates)}`,
    `${n(unmatched)} sans terme surveillé`,
    `${n(refused)} refusée${s(refused)}`,
  ].join(', ');
}

/** The first refused lines to list, and how many more there are. */
export function shownRejections<T>(rejected: readonly T[]): { shown: readonly T[]; more: number } {
  return {
    shown: rejected.slice(0, SHOWN_REJECTIONS),
    more: Math.max(0, rejected.length - SHOWN_REJECTIONS),
  };
}

export type ImportFormatChoice = 'auto' | 'csv' | 'json';

/**
 * The format to send: the one chosen, or, left automatic, none (the server reads the extension)
 * except for « .jsonl », which the server does not know by name but reads as JSON.
 */
export function importFormat(choice: ImportFormatChoice, fileName: string): 'csv' | 'json' | undefined {
  if (choice !== 'auto') return choice;
  return /\.jsonl$/i.test(fileName) ? 'json' : undefined;
}
