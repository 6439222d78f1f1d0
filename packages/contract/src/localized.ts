/** The two languages of the product: French first, English available. */
export type Language = 'fr' | 'en';

/** A text a person reads, in every language of the product. */
export interface Localized {
  readonly fr: string;
  readonly en: string;
}

/** French when the language is not one we have (the product's first language). */
export const pick = (text: Localized, language: string): string =>
  language.startsWith('en') ? text.en : text.fr;
