import AhoCorasick from 'modern-ahocorasick';
import type { WatchTermKind } from '../../db/schema.js';
import { FoldBuffer } from './fold-for-matching.js';
import type { EstablishmentMatch, WatchTerm, WatchTermMatcher } from './matcher.js';
import { termPatterns } from './term-patterns.js';
import { atWordEdges, type PatternEdges, patternEdges } from './word-edges.js';

/**
 * Compiles every watch term of every establishment into one automaton (modern-ahocorasick over
 * folded text; its own whole-word option is ten times slower, so word edges are checked here,
 * on the few hits only). A post is folded once and read once, whatever the number of terms.
 *
 * What makes a mention, for one establishment:
 * - a name, an alias or a hashtag of it is found (a handle is an alias written « @… »);
 * - a service (« urgences ») only counts beside one of those: « les urgences » alone would
 *   concern every hospital of the deployment, so it never makes a mention by itself, and it is
 *   reported with the name it came with;
 * - an exclusion found in the post (« Château de Valmont » for the alias « Valmont ») cancels
 *   every term it overlaps, and the establishment's plain aliases anywhere in the post: in that
 *   post they are ambiguous (« Valmont FC gagne, Valmont en finale »). A name, a hashtag or a
 *   handle found outside the exclusion still makes the mention, with the services beside it:
 *   « visite au Château de Valmont, puis urgences au CHU de Valmont » concerns the CHU, and a
 *   hospital would rather read one mention too many than miss that one.
 * Several establishments may share a term (a group, a common abbreviation): each of them gets it.
 * Establishments come out in the order of their first term in `terms`, and their terms in the
 * order of `terms`. Terms without a letter or digit can never match and are left out; a term
 * given twice (same id) counts once.
 *
 * Compile again when terms change (10,000 terms: about half a second of processor time; the first
 * compile of the process also builds the folding tables). `match` is synchronous and reuses one buffer per
 * matcher, so a matcher serves one caller at a time, as everything on one event loop does.
 */
export function compileWatchTerms(given: readonly WatchTerm[]): WatchTermMatcher {
  // A copy: the caller may change its array afterwards without changing what was compiled.
  const terms = [...given];
  const compiled = compileEntries(terms);
  if (compiled.patterns.length === 0) return { match: () => [] };
  const automaton = new AhoCorasick<number>(
    compiled.patterns.map((entry, index) => ({ pattern: entry.pattern, data: index })),
  );
  const projection = alphabetProjection(compiled.patterns);
  const folded = new FoldBuffer();
  return {
    match(text: string): EstablishmentMatch[] {
      folded.fill(text, projection);
      const hits = automaton.search(folded.projected());
      if (hits.length === 0) return [];
      const found = new Map<number, Hit[]>();
      const contextHits: Array<{
        readonly entry: PatternEntry;
        readonly start: number;
        readonly end: number;
      }> = [];
      for (const hit of hits) {
        const entry = compiled.patterns[hit.data ?? -1];
        if (entry === undefined || !atWordEdges(folded, hit.start, hit.end, entry.edges)) continue;
        for (const target of entry.anchors) addHit(found, target, entry, hit.start, hit.end);
        if (entry.context.size > 0) contextHits.push({ entry, start: hit.start, end: hit.end });
      }
      if (found.size === 0) return [];
      // Services and exclusions only for the establishments already named: a service shared by
      // three thousand hospitals costs a look-up per establishment named, not three thousand.
      for (const { entry, start, end } of contextHits) {
        for (const establishment of [...found.keys()]) {
          for (const target of entry.context.get(establishment) ?? [])
            addHit(found, target, entry, start, end);
        }
      }
      return [...found.keys()]
        .sort((a, b) => a - b)
        .flatMap((establishment) => {
          const kept = mentionTerms(found.get(establishment) ?? []);
          if (kept.length === 0) return [];
          return [
            {
              establishmentId: compiled.establishments[establishment] ?? '',
              terms: kept.map((index) => terms[index] as WatchTerm),
            },
          ];
        });
    },
  };
}

function addHit(
  found: Map<number, Hit[]>,
  target: Target,
  entry: PatternEntry,
  start: number,
  end: number,
): void {
  const hit: Hit = {
    term: target.term,
    establishment: target.establishment,
    kind: target.kind,
    tag: entry.edges.tag,
    start,
    end,
  };
  const list = found.get(target.establishment);
  if (list === undefined) found.set(target.establishment, [hit]);
  else list.push(hit);
}

/** One compiled spelling, and every term of every establishment it stands for. */
interface PatternEntry {
  readonly pattern: string;
  readonly edges: PatternEdges;
  /** Names, aliases and hashtags: each makes a mention of its establishment. */
  readonly anchors: Target[];
  /** Services and exclusions, by establishment: read only for the establishments named. */
  readonly context: Map<number, Target[]>;
}

interface Target {
  /** Index in the `terms` given to `compileWatchTerms`. */
  readonly term: number;
  /** Index in `establishments`. */
  readonly establishment: number;
  readonly kind: WatchTermKind;
}

interface Hit extends Target {
  readonly tag: boolean;
  readonly start: number;
  readonly end: number;
}

interface CompiledEntries {
  readonly patterns: readonly PatternEntry[];
  readonly establishments: readonly string[];
}

function compileEntries(terms: readonly WatchTerm[]): CompiledEntries {
  const byPattern = new Map<string, PatternEntry>();
  const establishmentIndex = new Map<string, number>();
  const seenIds = new Set<string>();
  terms.forEach((term, index) => {
    if (seenIds.has(term.id)) return;
    seenIds.add(term.id);
    const patterns = termPatterns(term.kind, term.term);
    if (patterns.length === 0) return;
    let establishment = establishmentIndex.get(term.establishmentId);
    if (establishment === undefined) {
      establishment = establishmentIndex.size;
      establishmentIndex.set(term.establishmentId, establishment);
    }
    for (const pattern of patterns) {
      let entry = byPattern.get(pattern);
      if (entry === undefined) {
        entry = { pattern, edges: patternEdges(pattern), anchors: [], context: new Map() };
        byPattern.set(pattern, entry);
      }
      const target: Target = { term: index, establishment, kind: term.kind };
      if (term.kind === 'service' || term.kind === 'exclusion') {
        const list = entry.context.get(establishment);
        if (list === undefined) entry.context.set(establishment, [target]);
        else list.push(target);
      } else entry.anchors.push(target);
    }
  });
  return { patterns: [...byPattern.values()], establishments: [...establishmentIndex.keys()] };
}

/** The terms that make a mention of one establishment (indexes into `terms`), or none. */
function mentionTerms(hits: readonly Hit[]): number[] {
  const exclusions = hits.filter((hit) => hit.kind === 'exclusion');
  let kept = hits.filter((hit) => hit.kind !== 'exclusion');
  if (exclusions.length > 0) {
    kept = kept.filter(
      (hit) =>
        (hit.kind !== 'alias' || hit.tag) &&
        !exclusions.some((exclusion) => hit.start < exclusion.end && exclusion.start < hit.end),
    );
  }
  if (!kept.some((hit) => hit.kind !== 'service')) return [];
  return [...new Set(kept.map((hit) => hit.term))].sort((a, b) => a - b);
}

/**
 * Maps each UTF-16 unit to itself when some pattern holds it, else to one filler unit that none
 * holds: the automaton finds the same hits in the projected text, which is plain ASCII for
 * every post whose letters all appear in the terms (see `foldPost`).
 */
function alphabetProjection(patterns: readonly PatternEntry[]): Uint16Array {
  const alphabet = new Set<number>();
  for (const { pattern } of patterns)
    for (let i = 0; i < pattern.length; i++) alphabet.add(pattern.charCodeAt(i));
  // A control character, never in a folded term; not CR or LF, which the automaton pairs.
  let filler = FILLER_CANDIDATES.find((unit) => !alphabet.has(unit));
  if (filler === undefined) {
    filler = 0x80;
    while (alphabet.has(filler)) filler++;
  }
  const projection = new Uint16Array(0x10000).fill(filler);
  for (const unit of alphabet) projection[unit] = unit;
  return projection;
}
const FILLER_CANDIDATES = [0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x0e, 0x0f, 0x10];
