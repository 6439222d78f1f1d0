import { fold } from '../text/fold.js';
import type { GuardOptions, Report, SaferVersion, Span, SpanType } from '../types.js';
import { applyEdits, type Edit } from './edits.js';
import { generalise, inApposition, LEVELS, rewriteContext } from './generalise.js';
import { HEALTH_OF_SOMEONE, NOT_REWRITABLE, NOTHING_LEFT, PASSES_ON_CONTACTS, reasonFor } from './reasons.js';
import { tidy } from './tidy.js';

/** Reads a text again: the rewrite is only offered if the guard finds nothing in it. */
export type Recheck = (text: string, options: GuardOptions) => Report;

/**
 * A publishable version of `text`, or why there is none. The details are generalised a level at
 * a time (identifiers first, then units and places, then health details), so that the rewrite
 * changes no more than it must; each attempt is read again by the guard and offered only when
 * it is judged ok.
 */
export function saferVersion(
  text: string,
  report: Report,
  options: GuardOptions,
  recheck: Recheck,
): SaferVersion {
  if (report.verdict === 'ok') return { text };
  // Only a hand-written rule's certainty ends the attempt: a learned finding is a probability,
  // so the rewrite is tried and read again like any other.
  const point = report.findings.find(
    (finding) => NOT_REWRITABLE.has(finding.rule) && finding.source !== 'model',
  );
  if (point !== undefined) return { text: null, reason: reasonFor(point.rule) };
  const everything = [...report.detected, ...report.spans, ...agesInApposition(text)];
  if (passesOnContacts(text, everything)) return { text: null, reason: PASSES_ON_CONTACTS };
  if (contentWordsOutside(text, everything) < 2) {
    const types = new Set(everything.map((span) => span.type));
    const aboutHealth =
      types.has('HEALTH') && (types.has('PERSON') || types.has('HANDLE') || types.has('AGE'));
    return { text: null, reason: aboutHealth ? HEALTH_OF_SOMEONE : NOTHING_LEFT };
  }
  const plainOptions: GuardOptions = { ...options, saferVersion: false };
  let last: Report = report;
  let previousKey = '';
  for (const level of LEVELS) {
    // A health detail in apposition to someone goes at every level: it is tied to that person.
    const spans = merged(
      everything.filter(
        (span) => level.has(span.type) || (span.type === 'HEALTH' && inApposition(span, text)),
      ),
    );
    const key = spans.map((span) => `${span.type}${span.start}:${span.end}`).join(',');
    if (key === previousKey) continue;
    previousKey = key;
    const rewritten = rewrite(text, spans, report.context);
    if (contentWordsOutside(rewritten, []) < 2) return { text: null, reason: NOTHING_LEFT };
    last = recheck(rewritten, plainOptions);
    if (last.verdict === 'ok') return { text: rewritten };
  }
  const remaining = last.findings.find((finding) => finding.severity === 'block') ?? last.findings[0];
  return { text: null, reason: remaining === undefined ? HEALTH_OF_SOMEONE : reasonFor(remaining.rule) };
}

const AGE_IN_APPOSITION = /,\s*(\d{1,3}(?:\s*(?:et|,|-)\s*\d{1,3})*\s+ans)(?=\s*[,.!?;)]|\s*$)/gu;

/**
 * Ages set between commas (« M. et Mme L., 85 et 83 ans, »): the rewrite drops them even where
 * the recognizer saw none, since an age next to a person is a detail about that person.
 */
function agesInApposition(text: string): Span[] {
  const spans: Span[] = [];
  for (const match of text.matchAll(AGE_IN_APPOSITION)) {
    const age = match[1] ?? '';
    const start = match.index + match[0].length - age.length;
    spans.push({ type: 'AGE', start, end: start + age.length, score: 0.5, recognizer: 'rewrite-age' });
  }
  return spans;
}

const CONTACT_VERB =
  /(?:appelez|appeler|contactez|contacter|joignez|joindre|ecrivez|ecrire|telephonez)(?: a| au| le| la| sur)?\s*:?\s*$/u;

/** A post written to pass someone's number or address on: without them it says nothing. */
function passesOnContacts(text: string, spans: readonly Span[]): boolean {
  const folded = fold(text);
  return spans.some(
    (span) =>
      (span.type === 'PHONE' || span.type === 'EMAIL' || span.type === 'ADDRESS') &&
      CONTACT_VERB.test(folded.slice(Math.max(0, span.start - 30), span.start)),
  );
}

function rewrite(text: string, spans: readonly Span[], context: Report['context']): string {
  const ctx = rewriteContext(text, context);
  const edits: Edit[] = [];
  for (const span of spans) {
    const edit = generalise(span, ctx);
    if (edit !== null) edits.push(edit);
  }
  return tidy(applyEdits(text, edits));
}

/** Which span keeps a stretch that two spans share: the more identifying. */
const PRIORITY: Readonly<Record<SpanType, number>> = {
  NIR: 0,
  HOSPITAL_ID: 0,
  PHONE: 0,
  EMAIL: 0,
  ADDRESS: 0,
  PLATE: 0,
  HANDLE: 1,
  PERSON: 1,
  ROOM: 2,
  AGE: 2,
  DATE: 3,
  UNIT: 4,
  PLACE: 4,
  HEALTH: 5,
};

/** One span per stretch of text: a span inside another goes, overlapping ones are joined. */
function merged(spans: readonly Span[]): Span[] {
  const ordered = [...spans].sort(
    (a, b) => a.start - b.start || b.end - a.end || PRIORITY[a.type] - PRIORITY[b.type],
  );
  const out: Span[] = [];
  for (const span of ordered) {
    const previous = out.at(-1);
    if (previous === undefined || span.start >= previous.end) {
      out.push(span);
      continue;
    }
    const type = PRIORITY[span.type] < PRIORITY[previous.type] ? span.type : previous.type;
    out[out.length - 1] = { ...previous, type, end: Math.max(previous.end, span.end) };
  }
  return out;
}

const STOP_WORDS = new Set(
  (
    'les des une uns est sont ete etre avoir ont avait etait qui que quoi dont pour par sur sous avec sans dans chez ' +
    'son ses sa leur leurs mon mes ma ton tes ta notre nos votre vos nous vous ils elles elle lui eux cet cette ces ' +
    'aux del plus tres bien mais donc car puis aussi encore deja fait the and'
  ).split(' '),
);

/** Words worth publishing that lie outside every span: what is left once the details go. */
function contentWordsOutside(text: string, spans: readonly Span[]): number {
  const folded = fold(text).split('');
  for (const span of spans) for (let i = span.start; i < span.end && i < folded.length; i++) folded[i] = ' ';
  let count = 0;
  for (const word of folded.join('').match(/[a-z\u00df-\u024f]{3,}/gu) ?? []) {
    if (!STOP_WORDS.has(word) && !GENERIC_WORDS.has(word)) count++;
  }
  return count;
}

/** Words the rewrite itself writes: they do not count as something left to say. */
const GENERIC_WORDS = new Set([
  'patient',
  'patiente',
  'personne',
  'recemment',
  'service',
  'hopital',
  'soins',
  'agee',
  'age',
  'quelque',
  'temps',
  'medecin',
]);
