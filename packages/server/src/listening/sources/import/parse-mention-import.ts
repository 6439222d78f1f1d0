import type { IncomingPost } from '../../incoming-post.js';
import {
  type ColumnMap,
  EXPECTED_COLUMNS,
  FIELD_BY_NAME,
  foldColumnName,
  type ImportField,
  isHeader,
  mapColumns,
} from './columns.js';
import { CSV_DELIMITERS, type CsvDelimiter, type CsvRecord, isBlank, readCsv } from './csv.js';
import { assertTimeZone } from './dates.js';
import { decodeImportBytes, type ImportEncoding } from './decode-import.js';
import { frenchNumber, ImportError } from './import-error.js';
import { readJsonRows } from './json-rows.js';
import { type CellValue, type RowContext, rowToPost } from './row-to-post.js';

export type ImportFormat = 'csv' | 'json';

export interface MentionImportOptions {
  /** Time zone of dates written without an offset. Default Europe/Paris. */
  readonly timeZone?: string;
  /** Dates after now plus a day are refused as mistakes. */
  readonly now?: () => Date;
  /** Default 20 MB. */
  readonly maxBytes?: number;
  /** Rows of data (header and blank rows not counted). Default 50,000. */
  readonly maxRows?: number;
  /** Characters of a mention's text. Default 10,000. */
  readonly maxTextLength?: number;
}

export const IMPORT_DEFAULTS = {
  timeZone: 'Europe/Paris',
  maxBytes: 20_000_000,
  maxRows: 50_000,
  maxTextLength: 10_000,
} as const;

export interface RejectedRow {
  /** The row a spreadsheet shows (CSV), or the line the object starts on (JSON). */
  readonly line: number;
  /** French, starting with « ligne N : ». */
  readonly message: string;
}

export interface MentionImportResult {
  readonly posts: IncomingPost[];
  readonly rejected: RejectedRow[];
  /** How the bytes were read (« windows-1252 » when they were not UTF-8: worth telling the person). */
  readonly encoding: ImportEncoding;
  /** The columns used, as the file names them (CSV: the header; JSON: the first keys seen). */
  readonly columns: Partial<Record<ImportField, string>>;
}

/**
 * Reads an export of another listening tool (or a hand-made spreadsheet) into heard posts
 * (source « import »). A file that cannot be read at all throws an `ImportError` with a French
 * message; a row that cannot be imported is listed in `rejected` with its line and the reason,
 * and the other rows are imported. Pure: nothing is stored here.
 */
export function parseMentionImport(
  input: Buffer | string,
  format: ImportFormat,
  options: MentionImportOptions = {},
): MentionImportResult {
  const maxBytes = options.maxBytes ?? IMPORT_DEFAULTS.maxBytes;
  const size = typeof input === 'string' ? Buffer.byteLength(input) : input.length;
  if (size > maxBytes) {
    throw new ImportError(
      'fichier_trop_volumineux',
      `Le fichier dépasse ${frenchNumber(maxBytes / 1_000_000)} Mo : découpez-le en plusieurs fichiers.`,
    );
  }
  const timeZone = options.timeZone ?? IMPORT_DEFAULTS.timeZone;
  try {
    assertTimeZone(timeZone);
  } catch {
    throw new ImportError('fuseau_inconnu', `Fuseau horaire inconnu : ${timeZone.slice(0, 60)}.`);
  }
  const { text, encoding } =
    typeof input === 'string'
      ? { text: input.replace(/^\uFEFF/, ''), encoding: 'utf-8' as const }
      : decodeImportBytes(input);
  const context: RowContext = {
    dates: { timeZone, now: (options.now ?? (() => new Date()))() },
    maxTextLength: options.maxTextLength ?? IMPORT_DEFAULTS.maxTextLength,
  };
  const collector = new Collector(options.maxRows ?? IMPORT_DEFAULTS.maxRows);
  const columns =
    format === 'csv' ? importCsv(text, context, collector) : importJson(text, context, collector);
  return { posts: collector.posts, rejected: collector.rejected, encoding, columns };
}

/** Gathers posts and rejections, enforces the row limit, and skips a post seen earlier in the file. */
class Collector {
  readonly posts: IncomingPost[] = [];
  readonly rejected: RejectedRow[] = [];
  private readonly firstLineOf = new Map<string, number>();
  private rows = 0;

  constructor(private readonly maxRows: number) {}

  count(): void {
    this.rows += 1;
    if (this.rows > this.maxRows) {
      throw new ImportError(
        'trop_de_lignes',
        `Le fichier contient plus de ${frenchNumber(this.maxRows)} lignes : découpez-le en plusieurs fichiers.`,
      );
    }
  }

  add(line: number, reading: ReturnType<typeof rowToPost>): void {
    if ('problems' in reading) {
      this.reject(line, reading.problems.join(' ; '));
      return;
    }
    const earlier = this.firstLineOf.get(reading.post.externalId);
    if (earlier !== undefined) {
      this.reject(line, `même publication que la ligne ${earlier}, ignorée`);
      return;
    }
    this.firstLineOf.set(reading.post.externalId, line);
    this.posts.push(reading.post);
  }

  reject(line: number, message: string): void {
    this.rejected.push({ line, message: `ligne ${line} : ${message}` });
  }
}

/** Rows before the header that are skipped (report titles some tools put first). */
const MAX_PREAMBLE_ROWS = 20;

function importCsv(
  text: string,
  context: RowContext,
  collector: Collector,
): Partial<Record<ImportField, string>> {
  const { delimiter, header, map } = findHeader(text);
  for (const record of readCsv(text, delimiter)) {
    if (record.row <= header.row || isBlank(record)) continue;
    collector.count();
    collector.add(
      record.row,
      rowToPost((field) => {
        const index = map[field];
        return index === undefined ? undefined : record.fields[index];
      }, context),
    );
  }
  return namesOf(map, header.fields);
}

/**
 * The delimiter and the header row: the first row, among the first twenty, that names a text
 * and a date column when split on « ; », « , » or a tab (semicolons first: French Excel).
 */
function findHeader(text: string): { delimiter: CsvDelimiter; header: CsvRecord; map: ColumnMap } {
  let firstRow: CsvRecord | null = null;
  for (const delimiter of CSV_DELIMITERS) {
    let seen = 0;
    try {
      for (const record of readCsv(text, delimiter)) {
        if (record.row > MAX_PREAMBLE_ROWS || seen > MAX_PREAMBLE_ROWS) break;
        seen += 1;
        if (isBlank(record)) continue;
        if (
          firstRow === null ||
          (record.row === firstRow.row && record.fields.length > firstRow.fields.length)
        ) {
          firstRow = record;
        }
        const map = mapColumns(record.fields);
        if (isHeader(map)) return { delimiter, header: record, map };
      }
    } catch (error) {
      // An unterminated quote with this delimiter: try the next one, report it if none fits.
      if (!(error instanceof ImportError) || delimiter !== CSV_DELIMITERS.at(-1)) continue;
      throw error;
    }
  }
  if (firstRow === null) throw new ImportError('en_tete_introuvable', 'Le fichier est vide.');
  const names = firstRow.fields
    .slice(0, 12)
    .map((name) => `« ${name.trim().slice(0, 40)} »`)
    .join(', ');
  throw new ImportError(
    'en_tete_introuvable',
    `Aucune ligne d’en-tête reconnue : il faut ${EXPECTED_COLUMNS}. Première ligne lue : ${names}.`,
  );
}

function namesOf(map: ColumnMap, header: readonly string[]): Partial<Record<ImportField, string>> {
  const names: Partial<Record<ImportField, string>> = {};
  for (const [field, index] of Object.entries(map) as [ImportField, number][])
    names[field] = header[index] ?? '';
  return names;
}

function importJson(
  text: string,
  context: RowContext,
  collector: Collector,
): Partial<Record<ImportField, string>> {
  const columns: Partial<Record<ImportField, string>> = {};
  for (const row of readJsonRows(text)) {
    collector.count();
    if ('problem' in row) {
      collector.reject(row.line, row.problem);
      continue;
    }
    if (row.value === null || typeof row.value !== 'object' || Array.isArray(row.value)) {
      collector.reject(row.line, 'un objet { … } est attendu');
      continue;
    }
    const cells = new Map<ImportField, CellValue>();
    const nested: string[] = [];
    for (const [key, value] of Object.entries(row.value)) {
      const field = FIELD_BY_NAME.get(foldColumnName(key));
      if (field === undefined || cells.has(field)) continue;
      if (value !== null && typeof value === 'object') {
        nested.push(key);
        continue;
      }
      cells.set(field, value as CellValue);
      columns[field] ??= key;
    }
    if (nested.length > 0 && (!cells.has('text') || !cells.has('date'))) {
      collector.reject(
        row.line,
        `le champ « ${nested[0]} » contient un objet : un texte ou un nombre est attendu`,
      );
      continue;
    }
    collector.add(
      row.line,
      rowToPost((field) => cells.get(field), context),
    );
  }
  return columns;
}
