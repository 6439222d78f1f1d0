import { describe, expect, it } from 'vitest';
import { type CsvDelimiter, readCsv } from './csv.js';
import { ImportError } from './import-error.js';

const rows = (text: string, delimiter: CsvDelimiter = ',') => [...readCsv(text, delimiter)];
const fields = (text: string, delimiter: CsvDelimiter = ',') =>
  rows(text, delimiter).map((record) => record.fields);

describe('readCsv', () => {
  it('splits plain records on the delimiter and any line ending', () => {
    expect(fields('a,b,c\r\nd,e,f\ng,h,i\rj,k,l')).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e', 'f'],
      ['g', 'h', 'i'],
      ['j', 'k', 'l'],
    ]);
    expect(fields('a;b\n1;2\n', ';')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(fields('a\tb', '\t')).toEqual([['a', 'b']]);
  });

  it('keeps empty fields, including a trailing one', () => {
    expect(fields(',a,,\n;', ',')).toEqual([['', 'a', '', ''], [';']]);
    expect(fields('a;', ';')).toEqual([['a', '']]);
  });

  it('reads quoted fields with delimiters, doubled quotes and line breaks of every kind', () => {
    const text =
      '"Texte";"Auteur"\r\n"Il a dit ""non"" ; puis\r\nest parti\nvite\rdu tout";"@a"\r\n"";""\r\n';
    expect(fields(text, ';')).toEqual([
      ['Texte', 'Auteur'],
      ['Il a dit "non" ; puis\r\nest parti\nvite\rdu tout', '@a'],
      ['', ''],
    ]);
  });

  it('numbers records as a spreadsheet numbers rows: a multi-line cell is one row, blank rows count', () => {
    const text = 'h1,h2\n"multi\nligne",x\n\ny,z\n';
    expect(rows(text).map((record) => [record.row, record.fields])).toEqual([
      [1, ['h1', 'h2']],
      [2, ['multi\nligne', 'x']],
      [3, ['']],
      [4, ['y', 'z']],
    ]);
  });

  it('is lenient like spreadsheets with stray quotes', () => {
    expect(fields('a"b,c\n"d"e,f')).toEqual([
      ['a"b', 'c'],
      ['de', 'f'],
    ]);
  });

  it('keeps non-ASCII text, emoji and the other delimiter untouched', () => {
    expect(fields('Très bien 👍, merci;«\u00A0ok\u00A0»', ';')).toEqual([
      ['Très bien 👍, merci', '«\u00A0ok\u00A0»'],
    ]);
  });

  it('refuses an unterminated quote, naming the row', () => {
    const read = () => rows('a,b\n1,2\n"jamais fermé,3\n4,5\n');
    expect(read).toThrow(ImportError);
    expect(read).toThrow(
      'Fichier CSV invalide : un guillemet ouvert ligne 3 n’est jamais fermé (le reste du fichier serait lu comme une seule cellule).',
    );
  });

  it('reads nothing from an empty text', () => {
    expect(rows('')).toEqual([]);
  });

  it('reads a large file in linear time', () => {
    const line = '"2026-12-05T10:00:00Z","un texte, avec ""guillemets""",@auteur,123\n';
    const records = rows(line.repeat(50_000));
    expect(records).toHaveLength(50_000);
    expect(records.at(-1)).toEqual({
      row: 50_000,
      fields: ['2026-12-05T10:00:00Z', 'un texte, avec "guillemets"', '@auteur', '123'],
    });
  });
});
