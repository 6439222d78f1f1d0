import { createHash } from 'node:crypto';
import type { AuthorKind, IncomingPost } from '../../incoming-post.js';
import { cleanAuthor, cleanPostText, toPostUrl } from '../post-fields.js';
import type { ImportField } from './columns.js';
import { type DateContext, type DateReading, readEpoch, readImportDate } from './dates.js';
import { frenchNumber } from './import-error.js';

/** A cell as read: CSV gives strings, JSON may give numbers, booleans or nothing. */
export type CellValue = string | number | boolean | null | undefined;

export interface RowContext {
  readonly dates: DateContext;
  readonly maxTextLength: number;
}

export type RowReading = { readonly post: IncomingPost } | { readonly problems: readonly string[] };

/*
 * Values of the « network » column that mean a newspaper or a news site: such a mention is
 * from the press, which raises an alert at once. Other networks say nothing of the author.
 */
const PRESS_NETWORKS = new Set([
  'press',
  'presse',
  'presse en ligne',
  'news',
  'online news',
  'actualite',
  'actualites',
  'media',
  'medias',
  'journal',
  'print',
  'presse ecrite',
]);

/**
 * One row as a heard post, or every problem found in it (in French, to follow « ligne N : »).
 * Text and date are required; a link, when given, must be an http(s) address; a follower count,
 * when given, must be a number. The external id is the link, else a hash of author, text and
 * date, so that importing the same file twice stores nothing twice.
 */
export function rowToPost(cell: (field: ImportField) => CellValue, context: RowContext): RowReading {
  const problems: string[] = [];
  const text = joinTitle(asText(cell('title')), asText(cell('text')));
  if (text === '') problems.push('le texte est vide');
  else if (text.length > context.maxTextLength) {
    problems.push(
      `le texte dépasse ${frenchNumber(context.maxTextLength)} caractères (${frenchNumber(text.length)})`,
    );
  }
  const date = readDate(cell('date'), cell('time'), context.dates);
  if ('problem' in date) problems.push(date.problem);
  const rawUrl = asText(cell('url'));
  const url = rawUrl === '' ? null : toPostUrl(rawUrl);
  if (rawUrl !== '' && url === null)
    problems.push(`le lien ${shown(rawUrl)} n’est pas une adresse http(s) valide`);
  const reach = readReach(cell('reach'));
  if (reach === 'invalid')
    problems.push(`le nombre d’abonnés ${shown(asText(cell('reach')))} n’est pas un nombre`);
  if (problems.length > 0 || !('iso' in date) || reach === 'invalid') return { problems };

  const authorHandle = cleanAuthor(asText(cell('author')));
  return {
    post: {
      source: 'import',
      externalId:
        url ??
        `sha256:${createHash('sha256')
          .update(`${authorHandle ?? ''}\n${text}\n${date.iso}`)
          .digest('hex')
          .slice(0, 32)}`,
      url,
      authorHandle,
      authorKind: authorKindOf(asText(cell('network'))),
      reach,
      text,
      publishedAt: date.iso,
    },
  };
}

function asText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  return cleanPostText(String(value));
}

function joinTitle(title: string, text: string): string {
  if (title === '' || text.startsWith(title)) return text;
  return text === '' ? title : `${title}\n\n${text}`;
}

function shown(value: string): string {
  const line = value.replace(/\s+/g, ' ');
  return `« ${line.length > 60 ? `${line.slice(0, 60)}…` : line} »`;
}

function readDate(date: CellValue, time: CellValue, context: DateContext): DateReading {
  if (typeof date === 'number') return readEpoch(date, context);
  const timeText = asText(time);
  return readImportDate(asText(date), timeText === '' ? null : timeText, context);
}

const EMPTY_REACH = new Set(['', '-', '–', 'n/a', 'na', 'nc', 'n.c.', 'inconnu', 'unknown', 'null']);
/** More than anyone has: a wrong column, not a follower count. */
const MAX_REACH = 10_000_000_000;

/**
 * « 12 345 », « 12.345 », « 12,3k », « 1.2M », « 3 Md » or a JSON number; null when empty or
 * marked unknown (« N/A », « - »).
 */
export function readReach(value: CellValue): number | null | 'invalid' {
  if (typeof value === 'number')
    return Number.isFinite(value) && value >= 0 && value <= MAX_REACH ? Math.round(value) : 'invalid';
  const text = asText(value)
    .toLowerCase()
    .replace(/[\s\u00A0\u202F\u2009']/g, '');
  if (EMPTY_REACH.has(text)) return null;
  const suffixed = /^(\d+(?:[.,]\d+)?)(k|m|md|mds|b)$/.exec(text);
  let count: number;
  if (suffixed !== null) {
    const factor = { k: 1e3, m: 1e6, md: 1e9, mds: 1e9, b: 1e9 }[
      suffixed[2] as 'k' | 'm' | 'md' | 'mds' | 'b'
    ];
    count = Math.round(Number((suffixed[1] as string).replace(',', '.')) * factor);
  } else if (/^\d{1,3}([.,]\d{3})+$/.test(text)) {
    count = Number(text.replace(/[.,]/g, ''));
  } else if (/^\d+$/.test(text)) {
    count = Number(text);
  } else {
    return 'invalid';
  }
  return count <= MAX_REACH ? count : 'invalid';
}

function authorKindOf(network: string): AuthorKind | null {
  const folded = network
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, ' ')
    .trim();
  return PRESS_NETWORKS.has(folded) ? 'press' : null;
}
