import { ImportError } from './import-error.js';

/** One CSV record and the row a spreadsheet shows it on (1-based, blank rows counted). */
export interface CsvRecord {
  readonly row: number;
  readonly fields: string[];
}

export const CSV_DELIMITERS = [';', ',', '\t'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

/*
 * RFC 4180 with the delimiters French spreadsheets use: fields separated by `delimiter`,
 * records by CRLF, LF or CR; a field in double quotes may hold delimiters, line breaks and
 * doubled quotes (""). Lenient where spreadsheets are: a quote inside an unquoted field is a
 * character, text after a closing quote is kept. A record is numbered as a spreadsheet numbers
 * its row (a cell with line breaks is still one row), blank rows included, so that « ligne 12 »
 * is the row the person sees when opening the file. An unterminated quote is an error: what
 * follows it cannot be read reliably.
 */
export function* readCsv(text: string, delimiter: CsvDelimiter): Generator<CsvRecord> {
  let row = 0;
  let index = 0;
  const length = text.length;
  while (index < length) {
    row += 1;
    const startLine = row;
    const fields: string[] = [];
    let field = '';
    let ended = false;
    while (!ended) {
      if (text.charCodeAt(index) === 0x22 /* " */) {
        index += 1;
        for (;;) {
          const quote = text.indexOf('"', index);
          if (quote === -1) {
            throw new ImportError(
              'csv_invalide',
              `Fichier CSV invalide : un guillemet ouvert ligne ${startLine} n’est jamais fermé (le reste du fichier serait lu comme une seule cellule).`,
            );
          }
          field += text.slice(index, quote);
          if (text.charCodeAt(quote + 1) === 0x22) {
            field += '"';
            index = quote + 2;
            continue;
          }
          index = quote + 1;
          break;
        }
      }
      // Unquoted content (or what follows a closing quote) up to the delimiter or the line end.
      let end = index;
      while (end < length) {
        const char = text[end];
        if (char === delimiter || char === '\n' || char === '\r') break;
        end += 1;
      }
      field += text.slice(index, end);
      fields.push(field);
      field = '';
      if (end >= length) {
        index = length;
        ended = true;
      } else if (text[end] === delimiter) {
        index = end + 1;
        if (index >= length) {
          fields.push('');
          ended = true;
        }
      } else {
        index = end + (text[end] === '\r' && text[end + 1] === '\n' ? 2 : 1);
        ended = true;
      }
    }
    yield { row: startLine, fields };
  }
}

/** A blank row: no field, or one empty field. */
export function isBlank(record: CsvRecord): boolean {
  return record.fields.every((field) => field.trim() === '');
}
