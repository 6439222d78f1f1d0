/**
 * Turns a verbatim CIM-10 label into the short folded phrase a person would actually write.
 * The labels are shipped verbatim (CC BY-ND); this runs at load time, in memory only.
 *
 * "Infarctus (transmural aigu) du myocarde (de la paroi) antérieure, prise en charge initiale"
 *   → "infarctus du myocarde anterieure"
 * "Autres thrombopénies primaires" → "thrombopenies primaires"
 * "Démence au cours d'autres maladies classées ailleurs" → "demence"
 */
import { fold } from '../text/fold.js';

/** Editorial markers ("*** SU17 ***") that ATIH put in front of some labels. */
const EDITORIAL_MARK = /^\*{3}[^*]*\*{3}\s*/;
const PARENTHESES = /\([^()]*\)/g;
const BRACKETS = /\[([^\]]*)\]/g;

/**
 * Where the head of a label ends: the coding qualifiers that nobody writes in a post.
 * Enumerations and site suffixes (",", ";", ":", " - ") are cut on the raw label already. Every
 * alternative starts with a space, which keeps this scan fast over 16,000 labels.
 */
const CUT =
  / (?:au cours d|(?:non )?classee?s? (?:ailleurs|dans d)|(?:ou |et )?sans precision|(?:et |ou )?non precise|sans autre indication|sai\b|nca\b|sans mention|avec mention|non specifi|d.autres sieges|de sieges? multiples|de siege non precise|autres et )/;

const TRAILING =
  /(?: (?:precisee?s?|autres?|specifiee?s?|de|du|des|d'|la|le|les|l'|et|ou|a|au|aux|en|par|avec|sans|dans))+$/;
const LEADING = /^(?:(?:autres?|certaine?s?) (?:et )?(?:formes? (?:de |d')|types? (?:de |d'))?)+/;

export interface CleanLabel {
  /** The folded head phrase, or '' when nothing usable is left. */
  readonly phrase: string;
  /** Folded synonyms given in square brackets ("Giardiase [lambliase]" → "lambliase"). */
  readonly synonyms: readonly string[];
}

// Bracketed text that qualifies rather than names ("[tout type]", "[IVG dans le cadre légal]").
const BRACKET_QUALIFIER =
  /^(?:tout|toute|tous|y compris|apres|de |du |d'|hallucinogenes|affectifs?|hypoxique|hypercapnique|mmol|enzymes|permanente|accretions|subsp)/;

function cleanFolded(folded: string): string {
  let text = folded.replace(/\s+/g, ' ').trim();
  const cut = CUT.exec(text);
  if (cut !== null) text = text.slice(0, cut.index);
  text = text.replace(LEADING, '');
  let previous = '';
  while (previous !== text) {
    previous = text;
    // The leading space lets a label left with only a qualifier ("Autres") empty out.
    text = ` ${text}`.replace(TRAILING, '').trim();
  }
  return text;
}

// Cut on the raw label before folding: only the text before the first enumeration or site
// suffix is ever used, and folding whole 300-character labels dominated the load time.
const RAW_CUT = /[,;:]| - /;

interface RawHead {
  readonly head: string;
  readonly brackets: readonly string[];
}

function stripRaw(label: string): RawHead {
  let text = label.replace(EDITORIAL_MARK, '');
  const brackets: string[] = [];
  if (text.includes('[')) {
    for (const bracket of text.matchAll(BRACKETS)) {
      const inner = (bracket[1] ?? '').trim();
      // Lower-case start only: capitalised brackets are eponyms ("[Baker]") that collide with
      // surnames, upper-case ones are acronyms ("[VRS]") too short to match safely.
      if (/^\p{Ll}/u.test(inner)) brackets.push(inner);
    }
    text = text.replace(BRACKETS, ' ');
  }
  if (text.includes('(')) {
    // Nested parentheses are rare but exist: strip innermost first.
    let before = '';
    while (before !== text) {
      before = text;
      text = text.replace(PARENTHESES, ' ');
    }
  }
  const cut = RAW_CUT.exec(text);
  if (cut !== null) text = text.slice(0, cut.index);
  return { head: text.replace(/[()[\]*\n]/g, ' '), brackets: brackets.map((b) => b.replace(/\n/g, ' ')) };
}

/**
 * Cleans many labels at once. Folding is done in one pass over all the heads joined by line
 * breaks (fold keeps lengths and line breaks), which is several times faster than folding
 * 16,000 short strings one by one.
 */
export function cleanCim10Labels(labels: readonly string[]): CleanLabel[] {
  // Site and episode variants ("… - Genou", "…, épisode initial") share their head: clean each
  // distinct raw head once.
  const raws = labels.map(stripRaw);
  const unique = new Map<string, number>();
  const pieces: string[] = [];
  for (const raw of raws) {
    const key = raw.brackets.length === 0 ? raw.head : `${raw.head}\u0000${raw.brackets.join('\u0000')}`;
    if (unique.has(key)) continue;
    unique.set(key, pieces.length);
    pieces.push(raw.head, ...raw.brackets);
  }
  const folded = fold(pieces.join('\n')).split('\n');
  const results = new Map<number, CleanLabel>();
  return raws.map((raw) => {
    const key = raw.brackets.length === 0 ? raw.head : `${raw.head}\u0000${raw.brackets.join('\u0000')}`;
    let at = unique.get(key) as number;
    const known = results.get(at);
    if (known !== undefined) return known;
    const start = at;
    const phrase = cleanFolded(folded[at++] ?? '');
    const synonyms: string[] = [];
    for (let i = 0; i < raw.brackets.length; i++) {
      const bracket = (folded[at++] ?? '').replace(/\s+/g, ' ').trim();
      if (BRACKET_QUALIFIER.test(bracket)) continue;
      const synonym = cleanFolded(bracket);
      if (synonym.length >= 5) synonyms.push(synonym);
    }
    const clean: CleanLabel = { phrase, synonyms };
    results.set(start, clean);
    return clean;
  });
}

export function cleanCim10Label(label: string): CleanLabel {
  return cleanCim10Labels([label])[0] as CleanLabel;
}
