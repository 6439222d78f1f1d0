/**
 * French clean-up after details were dropped or replaced: elisions the new words call for
 * (« de une » → « d'une »), no doubled or stray punctuation, no doubled blanks, a capital at the
 * start of each sentence. Only what an edit can leave behind is touched: French typography's
 * space before « ! ? : ; » stays as the author wrote it.
 */

const RULES: ReadonlyArray<readonly [RegExp, string]> = [
  // Blanks left around a dropped stretch, and parentheses left empty.
  [/\(\s*\)/gu, ''],
  [/[ \t\u00a0\u202f]{2,}/gu, ' '],
  [/ +,/gu, ','],
  [/ +\./gu, '.'],
  [/ +\)/gu, ')'],
  [/\( +/gu, '('],
  // Punctuation that now follows nothing.
  [/,(\s*,)+/gu, ','],
  [/,(\s*)([.!?…;:])/gu, '$1$2'],
  [/(^|[.!?…]\s+|\n\s*)[,;:]\s*/gu, '$1'],
  [/:\s*,/gu, ':'],
  [/ +$/gmu, ''],
  [/^ +/gmu, ''],
];

/** « de une » → « d'une », « que un » → « qu'un », « de hôpital » → « d'hôpital ». */
const ELISION = /(?<!\p{L})([dDlLjJ]|[qQ]u)e (?=(?:une?|hôpital|équipe)(?!\p{L}))/gu;

/** After a person's new words (see PERSON_END): commas then their verb or what leads on. */
const PERSON_THEN_VERB =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: U+0001 and U+0002 are the rewrite's own markers, never in the input
  /(?<=[\p{L}\p{N}.\u0001])\u0001?(?=[\s,\u0002]*(?:\u0002|,[\s\u0002]*,))[\s,\u0002]*(?=(?:a|as|avait|aura|est|etait|était|sera|sont|ont|va|vient|venait|fait|faisait|se|ne|nous|vous|lui|y|pour|avec|dans|après|qui|que|arriver|partir|sortir|rentrer|revenir)(?![\p{L}'’])|[mlsnj]['’]\p{L})/gu;
/** « Patient, admis » at the start of a sentence, once what stood after « Patient » is gone. */
const BARE_PATIENT = /(^|[.!?…]\s+|\n\s*)(Patiente?)(?=,)/gu;

/** The text with what edits left behind cleaned up. */
export function tidy(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the rewrite's own markers are removed
  let out = text.replace(PERSON_THEN_VERB, ' ').replace(/[\u0001\u0002]/gu, '');
  for (const [pattern, replacement] of RULES) {
    out = out.replace(pattern, replacement as string);
  }
  out = out.replace(
    BARE_PATIENT,
    (_m, before: string, noun: string) => `${before}${noun === 'Patiente' ? 'Une patiente' : 'Un patient'}`,
  );
  out = out
    .replace(ELISION, "$1'")
    .replace(/[ \t]{2,}/gu, ' ')
    .trim();
  return capitaliseSentences(out);
}

const SENTENCE_START = /(^|[.!?…]\s+|\n\s*)(\p{Ll})/gu;

/** A capital at the start of the text and of each sentence. */
export function capitaliseSentences(text: string): string {
  return text.replace(
    SENTENCE_START,
    (_match, before: string, letter: string) => before + letter.toUpperCase(),
  );
}
