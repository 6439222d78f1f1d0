#!/usr/bin/env node
// Builds packages/guard/data/french-words.tsv.gz from the Dicollecte French dictionary as Debian
// ships it (package hunspell-fr-comprehensive, MPL-2.0; see data/PROVENANCE.md).
//
//   apt-get download hunspell-fr-comprehensive && dpkg-deb -x hunspell-fr-comprehensive_*.deb x
//   node packages/guard/scripts/build-lexicons.mjs --dict x/usr/share/hunspell/fr [--deb FILE] [--out DIR]
//
// --dict is the path of the .aff/.dic pair without extension; --deb (optional) is only hashed for
// the provenance note. The output is deterministic: same input, same bytes (sorted rows, gzip level
// 9, no time stamp in the gzip header).
//
// Each row is `folded form \t word classes \t lemma`, sorted by form (UTF-16 order, as the runtime
// binary-searches it):
// - word classes: one letter per class, in the order of CLASS_ORDER below;
// - lemma: empty when the form is its own lemma, else `<n><tail>`: drop the form's last n
//   characters and append tail (« operees » → « operer » is `2r`), which keeps the file small.

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * N common noun, A adjective, V verb, R adverb, F function word (determiners, pronouns,
 * prepositions, conjunctions, interjections, numerals, titles), P first name, S surname,
 * L other proper noun (places, organisations, and capitalised nouns such as « France »).
 */
const CLASS_ORDER = 'NAVRFPSL';

function parseArgs(argv) {
  const args = { dict: undefined, deb: undefined, out: resolve(here, '../data') };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if ((flag === '--dict' || flag === '--deb' || flag === '--out') && value !== undefined) {
      args[flag.slice(2)] = resolve(value);
      i++;
    } else {
      throw new Error(
        `unknown argument ${flag} (usage: build-lexicons.mjs --dict PATH [--deb FILE] [--out DIR])`,
      );
    }
  }
  if (args.dict === undefined)
    throw new Error('--dict PATH (the .aff/.dic pair without extension) is required');
  return args;
}

/** Same folding as src/text/fold.ts and scripts/build-gazetteers.mjs. */
function foldKey(text) {
  return text
    .replace(/[\u2019\u2018\u02bc\u00b4`]/g, "'")
    .replace(/[\u2010-\u2014]/g, '-')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();
}

/** A key the tokenizer can produce: letters and digits, inner apostrophes and hyphens. */
const TOKEN_LIKE = /^[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*$/u;

/** `FLAG long`: every flag is two characters. */
function splitFlags(flags) {
  const out = [];
  for (let i = 0; i + 1 < flags.length; i += 2) out.push(flags.slice(i, i + 2));
  return out;
}

/**
 * The suffix rules of the .aff file. Prefix rules are left out on purpose: in this dictionary
 * they only add elisions (« l' », « d' », « qu' »…), which the guard's tokens carry separately.
 */
function parseAffixes(text) {
  const suffixes = new Map();
  const settings = { needAffix: undefined, forbidden: undefined };
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\s+#.*$/, '').trim();
    const fields = line.split(/\s+/);
    if (fields[0] === 'NEEDAFFIX') settings.needAffix = fields[1];
    if (fields[0] === 'FORBIDDENWORD') settings.forbidden = fields[1];
    if (fields[0] !== 'SFX' || fields.length < 5) continue;
    const [, flag, strip, addWithFlags, condition, ...morph] = fields;
    const add = addWithFlags.split('/')[0];
    const rules = suffixes.get(flag) ?? [];
    rules.push({
      strip: strip === '0' ? '' : strip,
      add: add === '0' ? '' : add,
      // Hunspell conditions are a subset of regular expressions, anchored at the end of the stem.
      condition: condition === '.' ? null : new RegExp(`${condition}$`, 'u'),
      participle: morph.some((field) => field === 'po:ppas' || field === 'po:ppre'),
    });
    suffixes.set(flag, rules);
  }
  return { suffixes, settings };
}

/** Word classes from an entry's `po:` fields; capitalised nouns and adjectives are proper nouns. */
function classesOf(word, morph) {
  const classes = new Set();
  const capitalised = /^\p{Lu}/u.test(word);
  for (const field of morph) {
    if (!field.startsWith('po:')) continue;
    const tag = field.slice(3);
    if (tag === 'nom' || tag === 'loc.nom') classes.add(capitalised ? 'L' : 'N');
    else if (tag === 'adj' || tag === 'loc.adj') classes.add(capitalised ? 'L' : 'A');
    else if (/^v\d/.test(tag) || tag === 'loc.verb') classes.add('V');
    else if (tag === 'adv' || tag === 'negadv' || tag === 'advint' || tag === 'proadv' || tag === 'loc.adv')
      classes.add('R');
    else if (tag === 'prn') classes.add('P');
    else if (tag === 'patr') classes.add('S');
    else if (tag === 'npr') classes.add('L');
    else if (
      /^(?:mg|prep|prepv|det|pro|cj|interj|nb|nbro|titr|preverb|loc\.)/.test(tag) &&
      !tag.startsWith('loc.nom')
    )
      classes.add('F');
  }
  return classes;
}

/** Every form an entry generates: the word itself (unless it needs an affix) and its suffixed forms. */
function expand(word, flags, affixes) {
  const forms = [];
  if (!flags.includes(affixes.settings.needAffix)) forms.push({ form: word, participle: false });
  for (const flag of flags) {
    for (const rule of affixes.suffixes.get(flag) ?? []) {
      if (!word.endsWith(rule.strip)) continue;
      if (rule.condition !== null && !rule.condition.test(word)) continue;
      forms.push({
        form: word.slice(0, word.length - rule.strip.length) + rule.add,
        participle: rule.participle,
      });
    }
  }
  return forms;
}

/** Verbs stand before nouns and adjectives when a form has no lemma of its own (« sommes » → être). */
const LEMMA_PRIORITY = 'VNARFPSL';

/**
 * Light derivational fallback, only when the dictionary has the verb: nouns in -ation, -age and
 * -ement take the lemma of the verb in -er they come from (« opération » → opérer, « passage » →
 * passer, « traitement » → traiter).
 */
function derivedVerb(lemma, verbs) {
  const match = /^(.+?)(?:ation|age|ement)$/u.exec(lemma);
  if (match === null) return undefined;
  const verb = `${match[1]}er`;
  return verbs.has(verb) ? verb : undefined;
}

function lemmaCode(form, lemma) {
  if (form === lemma) return '';
  let common = 0;
  while (common < form.length && common < lemma.length && form[common] === lemma[common]) common++;
  const tail = lemma.slice(common);
  // A tail starting with a digit would be read as part of the count.
  if (/^\d/.test(tail)) return null;
  return `${form.length - common}${tail}`;
}

function build(dictPath) {
  const affixes = parseAffixes(readFileSync(`${dictPath}.aff`, 'utf8'));
  const lines = readFileSync(`${dictPath}.dic`, 'utf8').split('\n').slice(1);
  // folded form → { classes: Set, lemmas: Map<lemma, best class index>, headwords: Set<lemma> }.
  // Lemmas keep their accents until the end: folding merges « pierre » (a noun) with « pierré »
  // (a participle of pierrer), which must not make the stone a verb.
  const forms = new Map();
  const participleOf = new Map(); // participle as spelled → verb as spelled
  const verbs = new Set();
  let entries = 0;
  for (const line of lines) {
    if (line.length === 0) continue;
    const [head, ...morph] = line.split(/\s+/);
    const slash = head.indexOf('/');
    const word = slash < 0 ? head : head.slice(0, slash);
    const flags = slash < 0 ? [] : splitFlags(head.slice(slash + 1));
    if (flags.includes(affixes.settings.forbidden)) continue;
    const classes = classesOf(word, morph);
    if (classes.size === 0) continue;
    entries++;
    const stem = morph.find((field) => field.startsWith('st:'));
    const lemma = stem === undefined ? word : stem.slice(3);
    const rank = Math.min(...[...classes].map((c) => LEMMA_PRIORITY.indexOf(c)));
    if (classes.has('V')) verbs.add(foldKey(lemma));
    for (const { form, participle } of expand(word, flags, affixes)) {
      const key = foldKey(form);
      if (!TOKEN_LIKE.test(key)) continue;
      let row = forms.get(key);
      if (row === undefined) {
        row = { classes: new Set(), lemmas: new Map(), headwords: new Set() };
        forms.set(key, row);
      }
      for (const c of classes) row.classes.add(c);
      row.lemmas.set(lemma, Math.min(row.lemmas.get(lemma) ?? rank, rank));
      if (key === foldKey(lemma)) row.headwords.add(lemma);
      if (participle && classes.has('V')) participleOf.set(form, lemma);
    }
  }
  const rows = [];
  let derived = 0;
  let withLemma = 0;
  for (const [key, row] of forms) {
    // A noun or adjective that is a verb's participle (« opéré », « blessée ») has the verb as
    // lemma; a form that is a headword of its own otherwise is its own lemma (« est », « porte »).
    let lemma;
    const own = [...row.headwords].filter((word) => !participleOf.has(word));
    if (own.length > 0) lemma = key;
    else if (row.headwords.size > 0) lemma = foldKey(participleOf.get([...row.headwords].sort()[0]));
    else {
      const best = [...row.lemmas].sort(
        (a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0),
      )[0][0];
      lemma = foldKey(participleOf.get(best) ?? best);
    }
    const verb = derivedVerb(lemma, verbs);
    if (verb !== undefined) {
      lemma = verb;
      derived++;
    }
    const code = lemmaCode(key, lemma) ?? '';
    if (code !== '') withLemma++;
    const classes = [...CLASS_ORDER].filter((c) => row.classes.has(c)).join('');
    rows.push([key, `${key}\t${classes}\t${code}`]);
  }
  rows.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { entries, lines: rows.map(([, line]) => line), derived, withLemma };
}

function sha256(buffer) {
  return createHash('sha256').update(buffer).digest('hex');
}

function main() {
  const { dict, deb, out } = parseArgs(process.argv.slice(2));
  mkdirSync(out, { recursive: true });
  if (deb !== undefined) console.log(`input ${deb}: sha256 ${sha256(readFileSync(deb))}`);
  for (const ext of ['aff', 'dic'])
    console.log(`input ${dict}.${ext}: sha256 ${sha256(readFileSync(`${dict}.${ext}`))}`);
  const { entries, lines, derived, withLemma } = build(dict);
  const raw = Buffer.from(`${lines.join('\n')}\n`, 'utf8');
  const gz = gzipSync(raw, { level: 9 });
  writeFileSync(join(out, 'french-words.tsv.gz'), gz);
  const counts = {};
  for (const line of lines) for (const c of line.split('\t')[1]) counts[c] = (counts[c] ?? 0) + 1;
  console.log(`dictionary entries used: ${entries}`);
  console.log(
    `french-words.tsv.gz: ${lines.length} rows, ${raw.length} bytes raw, ${gz.length} bytes gzip, sha256 ${sha256(gz)}`,
  );
  console.log(
    `rows with a lemma other than the form: ${withLemma} (of which derived -ation/-age/-ement: ${derived})`,
  );
  console.log(`rows per class: ${[...CLASS_ORDER].map((c) => `${c} ${counts[c] ?? 0}`).join(', ')}`);
}

main();
