import {
  CATEGORIES,
  type Category,
  CONTEXTS,
  type GuardContext,
  SPAN_TYPES,
  type SpanType,
  VERDICTS,
  type Verdict,
} from '../types.js';

/** A span marked by an annotator (shared/data/guard/FORMAT.md). */
export interface GoldSpan {
  readonly type: SpanType;
  readonly start: number;
  readonly end: number;
}

/**
 * One line of an evaluation set: the FORMAT.md fields the metrics need, plus the two flags of
 * shared/data/EXTERNAL-EVAL.md that say which of them are real judgements.
 */
export interface EvalRecord {
  readonly id: string;
  readonly context: GuardContext;
  readonly text: string;
  readonly spans: readonly GoldSpan[];
  readonly rules: readonly string[];
  readonly verdict: Verdict;
  readonly category: Category | null;
  /** False when `verdict` and `rules` are placeholders, not judgements (external sets). */
  readonly verdictAssessed: boolean;
  /** "none" when nobody marked spans: an empty `spans` then proves nothing. */
  readonly annotated: 'gold' | 'none';
}

export type Validation =
  | { readonly ok: true; readonly record: EvalRecord }
  | { readonly ok: false; readonly problem: string };

type Fields = Readonly<Record<string, unknown>>;

/**
 * Checks that a parsed JSON value is a usable evaluation record. Problems are worded in French
 * for the person who maintains the data set; unknown fields (network, note, meta…) are allowed.
 */
export function validateRecord(value: unknown): Validation {
  if (!isObject(value)) return fail('la ligne n’est pas un objet JSON');
  if (value.text === undefined && typeof value.marked === 'string') {
    return fail(
      'champ « text » absent : une ligne « marked » doit d’abord passer par shared/tools/guardset.py',
    );
  }
  const problem =
    expectNonEmptyString(value, 'id') ??
    expectString(value, 'text') ??
    expectOneOf(value, 'context', CONTEXTS) ??
    expectOneOf(value, 'verdict', VERDICTS) ??
    expectStringArray(value, 'rules') ??
    expectCategory(value) ??
    expectOptionalBoolean(value, 'verdict_assessed') ??
    expectOptionalOneOf(value, 'annotated', ['gold', 'none']) ??
    expectSpans(value, 'spans', true) ??
    expectSpans(value, 'extra_spans', false);
  if (problem !== undefined) return fail(problem);

  return {
    ok: true,
    record: {
      id: value.id as string,
      context: value.context as GuardContext,
      text: value.text as string,
      spans: (value.spans as Fields[]).map((span) => ({
        type: span.type as SpanType,
        start: span.start as number,
        end: span.end as number,
      })),
      rules: [...(value.rules as string[])],
      verdict: value.verdict as Verdict,
      category: (value.category ?? null) as Category | null,
      verdictAssessed: value.verdict_assessed !== false,
      annotated: value.annotated === 'none' ? 'none' : 'gold',
    },
  };
}

function fail(problem: string): Validation {
  return { ok: false, problem };
}

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === undefined) return 'absent';
  const json = JSON.stringify(value);
  return json.length > 40 ? `${json.slice(0, 40)}…` : json;
}

function expectString(fields: Fields, key: string): string | undefined {
  return typeof fields[key] === 'string'
    ? undefined
    : `champ « ${key} » : texte attendu, reçu ${describe(fields[key])}`;
}

function expectNonEmptyString(fields: Fields, key: string): string | undefined {
  const value = fields[key];
  return typeof value === 'string' && value.length > 0
    ? undefined
    : `champ « ${key} » : texte non vide attendu, reçu ${describe(value)}`;
}

function expectOneOf(fields: Fields, key: string, allowed: readonly string[]): string | undefined {
  const value = fields[key];
  return typeof value === 'string' && allowed.includes(value)
    ? undefined
    : `champ « ${key} » : une valeur parmi ${allowed.join(', ')} attendue, reçu ${describe(value)}`;
}

function expectOptionalOneOf(fields: Fields, key: string, allowed: readonly string[]): string | undefined {
  return fields[key] === undefined ? undefined : expectOneOf(fields, key, allowed);
}

function expectOptionalBoolean(fields: Fields, key: string): string | undefined {
  const value = fields[key];
  return value === undefined || typeof value === 'boolean'
    ? undefined
    : `champ « ${key} » : true ou false attendu, reçu ${describe(value)}`;
}

function expectStringArray(fields: Fields, key: string): string | undefined {
  const value = fields[key];
  return Array.isArray(value) && value.every((item) => typeof item === 'string')
    ? undefined
    : `champ « ${key} » : liste de textes attendue, reçu ${describe(value)}`;
}

function expectCategory(fields: Fields): string | undefined {
  // A missing category reads as null: only public posts carry one.
  const value = fields.category;
  if (value === undefined || value === null) return undefined;
  return expectOneOf(fields, 'category', CATEGORIES);
}

/**
 * Gold spans must have a FORMAT.md type and lie inside the text; extra spans (EXTERNAL-EVAL.md)
 * carry their source's own labels, so only their offsets are checked.
 */
function expectSpans(fields: Fields, key: string, required: boolean): string | undefined {
  const value = fields[key];
  if (value === undefined && !required) return undefined;
  if (!Array.isArray(value)) return `champ « ${key} » : liste attendue, reçu ${describe(value)}`;
  const textLength = (fields.text as string).length;
  for (const [index, span] of value.entries()) {
    const where = `${key}[${index}]`;
    if (!isObject(span)) return `${where} : objet attendu, reçu ${describe(span)}`;
    if (required ? !SPAN_TYPES.includes(span.type as SpanType) : typeof span.type !== 'string') {
      return `${where} : type inconnu ${describe(span.type)}`;
    }
    const { start, end } = span;
    if (!Number.isInteger(start) || !Number.isInteger(end)) {
      return `${where} : « start » et « end » doivent être des entiers`;
    }
    if ((start as number) < 0 || (start as number) >= (end as number) || (end as number) > textLength) {
      return `${where} : bornes ${start}–${end} hors du texte (longueur ${textLength})`;
    }
  }
  return undefined;
}
