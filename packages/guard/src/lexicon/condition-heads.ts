/**
 * Derives the condition phrases people type ("infarctus du myocarde", "fracture", "diabete")
 * from the verbatim CIM-10 labels, at load time: short labels whole, the head noun of longer
 * ones, shared noun + adjective prefixes, number variants; filtered by the reviewed stop-lists
 * of condition-stoplist.ts. Labels that describe circumstances rather than a person's condition
 * (external causes, social factors) are skipped.
 */
import { type CleanLabel, cleanCim10Labels } from './cim10-clean.js';
import type { ConditionStoplist } from './condition-stoplist.js';
import type { HealthTerm } from './lexicon.js';
import { foldedPhraseKeys } from './phrase-matcher.js';

/** Labels of at most this many content words are kept whole: longer ones nobody types. */
const MAX_CONTENT_WORDS = 4;
const MAX_TOKENS = 8;
/** A multi-word prefix shared by this many labels is a head of its own ("insuffisance renale"). */
const SHARED_PREFIX_LABELS = 3;
/**
 * Chapters and blocks that are not conditions of a person: external causes (V01–Y98, "Passager
 * d'un autobus blessé…"), and in chapter Z the examinations (Z00–Z13), socio-economic and
 * psychosocial circumstances (Z55–Z65: "Absence de couverture sociale"), counselling and
 * services (Z70–Z76) and family history (Z80–Z84).
 */
const NOT_CONDITIONS = /^cim10:(?:[VWXY]|Z(?:0\d|1[0-3]|5[5-9]|6[0-5]|7[0-6]|8[0-4]))/;
// A phrase ending in a coding qualifier ("troubles precises", "autres") names nothing.
const QUALIFIER_END = /^(?:precise|specifiee?s?$|autres?$|divers)/;

export interface ConditionStats {
  /** Single-word heads kept → number of labels they head. */
  readonly heads: Map<string, number>;
}

interface Label {
  readonly keys: readonly string[];
  readonly source: string;
}

function contentCount(keys: readonly string[], stoplist: ConditionStoplist): number {
  let n = 0;
  for (const key of keys) if (!stoplist.isFunctionWord(key)) n++;
  return n;
}

function isWord(key: string): boolean {
  return /^\p{L}[\p{L}\p{N}'-]*$/u.test(key);
}

/** A phrase worth keeping as a whole: short, starting with a word that names a condition. */
function isUsablePhrase(keys: readonly string[], stoplist: ConditionStoplist): boolean {
  const first = keys[0];
  const last = keys[keys.length - 1];
  if (first === undefined || last === undefined) return false;
  if (!isWord(first) || stoplist.isFunctionWord(first) || stoplist.isFunctionWord(last)) return false;
  if (stoplist.isBlockedHead(first) || QUALIFIER_END.test(last)) return false;
  const content = contentCount(keys, stoplist);
  if (content > MAX_CONTENT_WORDS || keys.length > MAX_TOKENS) return false;
  if (keys.length === 1)
    return first.length >= 4 && !stoplist.isGenericHead(first) && !stoplist.isOrdinaryWord(first);
  return !stoplist.isOrdinaryPhrase(keys.join(' '));
}

/**
 * The proper prefixes of a label made of its head noun and the adjectives right after it
 * ("insuffisance renale" in "insuffisance renale chronique terminale"), 2 or 3 words. A prefix
 * that crosses a preposition ("tumeur maligne du corps") is cut mid-phrase and is never a head.
 */
function adjectivePrefixes(keys: readonly string[], stoplist: ConditionStoplist): string[] {
  const prefixes: string[] = [];
  let joined = keys[0] ?? '';
  for (let k = 1; k < 3 && k < keys.length - 1; k++) {
    const key = keys[k] as string;
    if (stoplist.isFunctionWord(key) || key.includes("'")) break;
    joined = `${joined} ${key}`;
    prefixes.push(joined);
  }
  return prefixes;
}

/**
 * French plural → singular when the singular is itself a CIM-10 word ("fractures" → "fracture",
 * "cerebraux" → "cerebral"); checking the vocabulary keeps "abces" or "herpes" intact.
 */
function singular(key: string, vocabulary: ReadonlySet<string>): string | undefined {
  if (key.length < 4) return undefined;
  if (key.endsWith('aux')) {
    const al = `${key.slice(0, -3)}al`;
    if (vocabulary.has(al)) return al;
  }
  const last = key.charCodeAt(key.length - 1);
  if (last !== 115 && last !== 120) return undefined; // s, x
  const stem = key.slice(0, -1);
  return vocabulary.has(stem) ? stem : undefined;
}

/**
 * The (label, source) rows of the shipped CIM-10 file, without the labels that are not
 * conditions (NOT_CONDITIONS): those 27,000 lines are skipped without being split, which
 * matters for the load time.
 */
export function parseCim10Rows(text: string): Array<readonly [label: string, source: string]> {
  const rows: Array<readonly [string, string]> = [];
  let at = 0;
  while (at < text.length) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    const tab = text.indexOf('\t', at);
    if (tab > at && tab < end) {
      const source = text.slice(tab + 1, end);
      if (!NOT_CONDITIONS.test(source)) rows.push([text.slice(at, tab), source]);
    }
    at = end + 1;
  }
  return rows;
}

export function deriveConditionPhrases(
  rows: Iterable<readonly [label: string, source: string]>,
  stoplist: ConditionStoplist,
  stats?: ConditionStats,
): Array<readonly [phrase: string, term: HealthTerm]> {
  const labels: Label[] = [];
  const vocabulary = new Set<string>();
  const headLabels = new Map<string, number>();
  const prefixLabels = new Map<string, number>();
  const whole = new Map<string, string>();
  const synonyms: Array<[string, string]> = [];
  const seen = new Map<string, readonly string[]>();
  const headSource = new Map<string, { length: number; source: string }>();

  const kept: Array<readonly [string, string]> = [];
  for (const row of rows) if (!NOT_CONDITIONS.test(row[1])) kept.push(row);
  const cleaned = cleanCim10Labels(kept.map(([label]) => label));

  for (let i = 0; i < kept.length; i++) {
    const source = (kept[i] as readonly [string, string])[1];
    const clean = cleaned[i] as CleanLabel;
    for (const synonym of clean.synonyms) synonyms.push([synonym, source]);
    // Site and episode variants share their head ("Polyarthrite juvénile - Genou", "… - Main"):
    // they count as labels of that head but are analysed once.
    const known = seen.get(clean.phrase);
    if (known !== undefined) {
      if (known.length > 0) headLabels.set(known[0] as string, (headLabels.get(known[0] as string) ?? 0) + 1);
      continue;
    }
    const keys = foldedPhraseKeys(clean.phrase);
    seen.set(clean.phrase, keys);
    if (keys.length === 0) continue;
    labels.push({ keys, source });
    for (const key of keys) vocabulary.add(key);
    const head = keys[0] as string;
    headLabels.set(head, (headLabels.get(head) ?? 0) + 1);
    // A head alone takes the code of its shortest label ("tumeur maligne" → C80, not the first
    // label in code order, "Tumeur maligne de la lèvre").
    const best = headSource.get(head);
    if (best === undefined || keys.length < best.length)
      headSource.set(head, { length: keys.length, source });
    for (const prefix of adjectivePrefixes(keys, stoplist))
      prefixLabels.set(prefix, (prefixLabels.get(prefix) ?? 0) + 1);
    const joined = keys.join(' ');
    if (!whole.has(joined) && isUsablePhrase(keys, stoplist)) whole.set(joined, source);
  }

  const phrases = new Map<string, string>(whole);
  const add = (keys: readonly string[], source: string): void => {
    const phrase = keys.join(' ');
    if (!phrases.has(phrase)) phrases.set(phrase, source);
  };
  for (const [synonym, source] of synonyms) {
    const keys = foldedPhraseKeys(synonym);
    if (isUsablePhrase(keys, stoplist)) add(keys, source);
  }

  // Leading noun phrases of the labels: the head word alone when it heads several labels (or is
  // a label of its own), and multi-word prefixes that are labels themselves or shared widely.
  for (const { keys, source } of labels) {
    const head = keys[0] as string;
    if ((headLabels.get(head) ?? 0) >= 2 || whole.has(head)) {
      if (isUsablePhrase([head], stoplist)) {
        add([head], headSource.get(head)?.source ?? source);
        stats?.heads.set(head, headLabels.get(head) ?? 0);
      }
    }
    for (const prefix of adjectivePrefixes(keys, stoplist)) {
      if (whole.has(prefix) || (prefixLabels.get(prefix) ?? 0) < SHARED_PREFIX_LABELS) continue;
      const prefixKeys = prefix.split(' ');
      if (
        isUsablePhrase(prefixKeys, stoplist) &&
        !stoplist.isDangling(prefixKeys[prefixKeys.length - 1] as string)
      )
        add(prefixKeys, source);
    }
  }

  // Number variants: "fractures" for "fracture" and the other way round, checked against the
  // CIM-10 vocabulary so that no invented word enters the lexicon.
  for (const [phrase, source] of [...phrases]) {
    const keys = phrase.split(' ');
    if (keys.length === 1 && vocabulary.has(`${phrase}s`) && isUsablePhrase([`${phrase}s`], stoplist))
      add([`${phrase}s`], source);
    // Only the leading noun group agrees in number: "tumeurs malignes des os" → "tumeur maligne des os".
    let changed = false;
    const singularKeys = keys.slice();
    for (let i = 0; i < keys.length && !stoplist.isFunctionWord(keys[i] as string); i++) {
      const one = singular(keys[i] as string, vocabulary);
      if (one !== undefined) {
        singularKeys[i] = one;
        changed = true;
      }
    }
    if (changed && isUsablePhrase(singularKeys, stoplist)) add(singularKeys, source);
  }

  return [...phrases].map(([phrase, source]) => [phrase, { kind: 'condition', source }] as const);
}
