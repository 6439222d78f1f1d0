import { createHash } from 'node:crypto';
import { badRequest } from '../http/problem.js';
import { isSafeText } from '../http/safe-text.js';

/** The orders the desk can read its list in; « created » is the older name of « newest ». */
export const LIST_SORTS = ['newest', 'oldest', 'severity', 'deadline'] as const;
export type ListSort = (typeof LIST_SORTS)[number];

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/** What each sort key holds, to check a cursor's values before they reach SQL. */
type KeyKind = 'instant' | 'severity' | 'id';

/** The keys of each order, the last always the id so that the order is total and stable. */
export const SORT_KEY_KINDS: Readonly<Record<ListSort, readonly KeyKind[]>> = {
  newest: ['instant', 'id'],
  oldest: ['instant', 'id'],
  severity: ['severity', 'instant', 'id'],
  deadline: ['instant', 'instant', 'id'],
};

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const SEVERITY = /^N[0-4]$/;

function validKey(kind: KeyKind, value: unknown): value is string {
  if (typeof value !== 'string' || value.length > 100 || !isSafeText(value)) return false;
  if (kind === 'instant') return INSTANT.test(value);
  if (kind === 'severity') return SEVERITY.test(value);
  return value.length > 0;
}

/** A short digest of the filters a cursor was made for: it must not continue another list. */
export function filtersDigest(filters: Readonly<Record<string, unknown>>): string {
  const canonical = Object.keys(filters)
    .sort()
    .filter((key) => filters[key] !== undefined)
    .map((key) => [key, filters[key]]);
  return createHash('sha256').update(JSON.stringify(canonical)).digest('base64url').slice(0, 16);
}

interface CursorBody {
  readonly v: 1;
  readonly s: ListSort;
  readonly f: string;
  readonly k: readonly string[];
}

/** Opaque to clients: base64url of the last row's sort keys, the sort and the filters' digest. */
export function encodeCursor(sort: ListSort, digest: string, keys: readonly string[]): string {
  const body: CursorBody = { v: 1, s: sort, f: digest, k: keys };
  return Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');
}

const invalid = () =>
  badRequest(
    'curseur_invalide',
    'Le curseur de pagination est invalide ou ne correspond pas à ces filtres et à ce tri : repartez de la première page.',
  );

/** The keys after which the next page starts; a 400 for anything this server did not make. */
export function decodeCursor(cursor: string, sort: ListSort, digest: string): readonly string[] {
  if (cursor.length > 1_000 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid();
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (typeof body !== 'object' || body === null) throw invalid();
  const { v, s, f, k } = body as Partial<Record<keyof CursorBody, unknown>>;
  const kinds = SORT_KEY_KINDS[sort];
  if (v !== 1 || s !== sort || f !== digest || !Array.isArray(k) || k.length !== kinds.length) {
    throw invalid();
  }
  if (!kinds.every((kind, index) => validKey(kind, k[index]))) throw invalid();
  return k as string[];
}
