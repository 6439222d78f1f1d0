/**
 * CSV as French Excel opens it by a double click: UTF-8 with a byte-order mark (or the accents
 * come out wrong), `;` between cells (the comma is the decimal separator), CRLF line ends, and
 * RFC 4180 quoting. A text cell starting with = + - @ (or a tab or carriage return) is prefixed
 * with a quote, so that a category or a rule id written by someone cannot run as a formula
 * (« CSV injection »). Numbers stay numbers, with a decimal comma.
 */
export type CsvCell = string | number | null;

const BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvCell): string {
  if (value === null) return '';
  if (typeof value === 'number')
    return Number.isInteger(value) ? String(value) : String(value).replace('.', ',');
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(';'));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
