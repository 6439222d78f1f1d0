/**
 * The guard's one phrase syntax, used by every rule family (phrase families, cue sets, the word
 * lists under data/rules/). Phrases match folded text (lower case, no accents, plain apostrophes
 * and hyphens: `text/fold.ts`) between the word edges of `text/words.ts`; the engines add the
 * edges, a phrase never writes them.
 *
 * A phrase is a regular expression with these readings, so that it can be written as people type:
 * - a space stands for any run of white space or loose punctuation (`, ; : « » " ( ) * _ ~ / = > -`):
 *   "je vais te tuer" matches "je vais, te tuer"; " ?" makes the separator optional;
 * - an apostrophe stands for an optional apostrophe and spaces: "l'infirmiere" matches
 *   "l'infirmiere", "l' infirmiere", "l infirmiere" and "linfirmiere";
 * - a hyphen between two letters may be typed as a space or left out: "aide-soignante" matches
 *   "aide soignante" and "aidesoignante";
 * - inside a look-around (`(?!…)`, `(?=…)`, `(?<!…)`, `(?<=…)`) a space stands for white space
 *   only and an apostrophe for an apostrophe or a space: an exception such as "bourre(?! de)"
 *   holds where its words follow directly, not across a comma ("bourre, demandez");
 * - everything else is plain regex: `?`, `(?:a|b)`, classes, bounded repeats. Groups must be
 *   non-capturing (the engines number their own) and repeats bounded, so matching stays linear.
 *   A literal regex sign is escaped ("n\+1").
 * Emojis and signs are written as plain alternatives, never inside classes (no `u` flag).
 *
 * Gaps are written with `gap(n)` (up to n extra words in the same sentence) and `within(n)` (up to
 * n characters in the same sentence); lists with `oneOf` (longest first) or `anyOf` (in order).
 * A key (the words a phrase cannot do without, for the gate of `word-gate.ts`) is written in the
 * same syntax, limited to what can be expanded into first words ("tuer?", "(?:je|j')").
 * Word lists are data files, one phrase per line in this syntax (`word-lists.ts`).
 */
/**
 * What separates two words: white space and the punctuation people scatter between them. Folded
 * text has turned the no-break and thin spaces into plain ones, so the class lists ASCII white
 * space only: measured on V8, a class with \\s (all of Unicode's spaces) compiles to so much
 * code, repeated at every space of every pattern, that the isolate's budget of optimised regex
 * code runs out and every rule family of the guard gets slower.
 */
const SEPARATOR = '[ \\t\\n\\r,;:«»"()*_~/=>-]+';

/**
 * Up to `max` extra words inside one sentence: "le (petit) chef". An elided article counts as a
 * word, so "donner (de) (l')ibuprofène" fits. Bounded, so matching stays linear.
 */
export function gap(max: number): string {
  // A word holds no separator, so a run of words and separators splits one way only and the
  // regex never backtracks through the ways to split "a-b/c" (that would be exponential).
  // \x27 is the apostrophe, written so that the compiler leaves it alone.
  return `(?:[^ \\t\\n\\r.!?,;:\\x27«»"()*_~/=>-]+(?:\\x27|${SEPARATOR})){0,${max}}`;
}

/**
 * A list of phrases as one alternation, longest first so that the longest wins where several
 * start at the same place ("cadre de sante" before "cadre"). Length is counted without the
 * escapes ("n\+1" is three characters long).
 */
export function oneOf(phrases: readonly string[]): string {
  const length = (phrase: string): number => phrase.replace(/\\(.)/g, '$1').length;
  const sorted = [...phrases].sort((a, b) => length(b) - length(a));
  return `(?:${sorted.join('|')})`;
}

/** The characters of SEPARATOR, for telling whether an optional class is made of them only. */
const SEPARATOR_CHARS = new Set(' \t\n\r,;:«»"()*_~/=>-');

/**
 * A run of spaces (" ", " ?") and optional separator classes ("[:=]?") starting at `start`, as one
 * separator: "code ?[:=]? ?x" compiled token by token put separator runs side by side, and a run
 * of underscores could then be shared between them in O(n³) ways (seconds on a hostile post).
 * The run matches the same strings either way (any run of separator characters, empty if no
 * space is required), so collapsing it changes what matches in no case. Null if no space.
 */
function separatorRun(source: string, start: number): { end: number; required: boolean } | null {
  let i = start;
  let spaces = 0;
  let required = false;
  for (;;) {
    if (source.charAt(i) === ' ') {
      spaces++;
      if (source.charAt(i + 1) === '?') i += 2;
      else {
        required = true;
        i++;
      }
      continue;
    }
    const close = source.indexOf(']', i);
    if (source.charAt(i) !== '[' || close < 0 || source.charAt(close + 1) !== '?') break;
    const members = source.slice(i + 1, close);
    if (members === '' || [...members].some((member) => !SEPARATOR_CHARS.has(member))) break;
    i = close + 2;
  }
  if (spaces === 0) return null;
  return { end: i, required };
}

/** Turns a phrase written in this syntax into regex source, without word edges. */
export function compilePhrase(source: string): string {
  let out = '';
  let inClass = false;
  // For each open group, whether it is a look-around; `looks` counts the open ones.
  const groups: boolean[] = [];
  let looks = 0;
  for (let i = 0; i < source.length; i++) {
    const char = source.charAt(i);
    const previous = source.charAt(i - 1);
    const next = source.charAt(i + 1);
    const escaped = previous === '\\';
    if (char === '[' && !escaped) inClass = true;
    if (char === ']' && !escaped) inClass = false;
    if (!inClass && !escaped && char === '(') {
      const look = LOOK_AROUND.test(source.slice(i, i + 4));
      groups.push(look);
      if (look) looks++;
    } else if (!inClass && !escaped && char === ')' && groups.pop() === true) {
      looks--;
    }
    const run = inClass || escaped ? null : separatorRun(source, i);
    if (inClass || escaped) {
      out += char;
    } else if (run !== null && looks > 0) {
      // An exception ("bourre(?! de)") holds where its words follow directly, not across a comma.
      out += run.required ? '\\s+' : '\\s*';
      i = run.end - 1;
    } else if (run !== null) {
      out += run.required ? SEPARATOR : `(?:${SEPARATOR})?`;
      i = run.end - 1;
      inClass = false;
    } else if (char === "'" && looks > 0) {
      out += "(?:'\\s?|\\s)";
    } else if (char === "'" && next === ' ') {
      // "de l' hopital" in a pattern: the apostrophe may be followed by the word directly.
      out += `(?:' *|${SEPARATOR})`;
      i++;
    } else if (char === "'") {
      out += "'? *";
    } else if (char === '-' && /[a-z]/.test(previous) && /[a-z]/.test(next)) {
      // "aide-soignante", "aide soignante" and "aidesoignante" are the same word.
      out += '[ -]?';
    } else {
      out += char;
    }
  }
  return out;
}

const LOOK_AROUND = /^\(\?<?[=!]/;

/** A list of words or phrases, already written in this syntax, as one alternation. */
export function anyOf(words: readonly string[]): string {
  return `(?:${words.join('|')})`;
}

/** Up to `max` characters inside one sentence (no end mark crossed). */
export function within(max: number): string {
  return `[^.!?\\n]{0,${max}}`;
}
