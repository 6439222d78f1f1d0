import { describe, expect, it } from 'vitest';
import { BuzzInputError } from '../types.js';
import { type CountRow, inferBucketSeconds, parseCountCsv } from './count-csv.js';

function errorOf(text: string): Error {
  try {
    parseCountCsv(text, 'série.csv');
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected parseCountCsv to throw');
}

describe('parseCountCsv', () => {
  it('reads NAB rows, zone-less timestamps being UTC', () => {
    const rows = parseCountCsv(
      'timestamp,value\n2015-02-26 21:42:53,3\n2015-02-26 21:47:53,4.5\n',
      'nab.csv',
    );
    expect(rows).toEqual([
      { timestamp: '2015-02-26 21:42:53', value: '3', ms: Date.UTC(2015, 1, 26, 21, 42, 53), count: 3 },
      { timestamp: '2015-02-26 21:47:53', value: '4.5', ms: Date.UTC(2015, 1, 26, 21, 47, 53), count: 4.5 },
    ]);
  });

  it('reads ISO 8601 with Z, with an offset and without seconds', () => {
    const rows = parseCountCsv(
      [
        'timestamp,value',
        '2026-03-29T01:00:00Z,1',
        '2026-03-29T03:00:00+02:00,2',
        '2026-03-29T00:00:00-01:00,3',
        '2026-03-29 03:00+0200,4',
        '2026-03-29T01:00,5',
      ].join('\n'),
      'iso.csv',
    );
    const expected = Date.UTC(2026, 2, 29, 1);
    expect(rows.map((row) => row.ms)).toEqual([expected, expected, expected, expected, expected]);
    expect(rows.map((row) => row.count)).toEqual([1, 2, 3, 4, 5]);
    expect(rows[1]?.timestamp).toBe('2026-03-29T03:00:00+02:00');
  });

  it('accepts CRLF, blank lines, spaces in cells, a capitalised header and extra or swapped columns', () => {
    const text =
      'Value,Timestamp,label\r\n 7 , 2015-02-26 21:42:53 ,x\r\n\r\n   \r\n0,2015-02-26 21:47:53,y\r\n';
    const rows = parseCountCsv(text, 'crlf.csv');
    expect(rows.map((row) => [row.timestamp, row.value, row.count])).toEqual([
      ['2015-02-26 21:42:53', '7', 7],
      ['2015-02-26 21:47:53', '0', 0],
    ]);
  });

  it('reads a header with a byte-order mark and spaces around the names', () => {
    const rows = parseCountCsv('\uFEFFtimestamp , value\n2015-02-26 21:42:53,4\n', 'bom.csv');
    expect(rows.map((row) => row.count)).toEqual([4]);
  });

  it('keeps fractional seconds and applies offsets', () => {
    const [plain, offset] = parseCountCsv(
      'timestamp,value\n2015-02-26 21:42:53.250,1\n2015-02-26T22:42:53.250+01:00,2\n',
      'fraction.csv',
    );
    expect(plain?.ms).toBe(Date.UTC(2015, 1, 26, 21, 42, 53, 250));
    expect(offset?.ms).toBe(Date.UTC(2015, 1, 26, 21, 42, 53, 250));
  });

  it.each([
    ['30 February', '2015-02-30 00:00:00,1'],
    ['month 13', '2015-13-26 00:00:00,1'],
    ['hour 24', '2015-02-26 24:00:00,1'],
    ['minute 60', '2015-02-26 23:60:00,1'],
    ['a hexadecimal count', '2015-02-26 23:00:00,0x10'],
    ['an exponent', '2015-02-26 23:00:00,1e3'],
    ['Infinity', '2015-02-26 23:00:00,Infinity'],
    ['a signed count', '2015-02-26 23:00:00,+3'],
  ])('rejects %s instead of guessing', (_name, row) => {
    expect(() => parseCountCsv(`timestamp,value\n${row}\n`, 'bad.csv')).toThrow(/ligne 2/);
  });

  it('returns nothing for a header alone', () => {
    expect(parseCountCsv('timestamp,value\n', 'empty.csv')).toEqual([]);
  });

  it('rejects a header without timestamp or value columns', () => {
    for (const text of ['', 'time,count\n2015-02-26 21:42:53,1', 'timestamp\n2015-02-26 21:42:53']) {
      const error = errorOf(text);
      expect(error).toBeInstanceOf(BuzzInputError);
      expect(error.message).toContain('série.csv');
      expect(error.message).toContain('timestamp et value');
    }
  });

  it('rejects a bad row and names its line (blank lines included in the numbering)', () => {
    const cases: [string, number][] = [
      ['timestamp,value\n2015-02-26 21:42:53,3\n\nnot a date,3', 4],
      ['timestamp,value\n2015-02-26 21:42:53,-1', 2],
      ['timestamp,value\n2015-02-26 21:42:53,abc', 2],
      ['timestamp,value\n2015-02-26 21:42:53,', 2],
      ['timestamp,value\n2015-02-26 21:42:53', 2],
      ['timestamp,value\r\n2015-02-26 21:42:53,1\r\n2015-02-26 21:47:53,Infinity\r\n', 3],
      ['timestamp,value\n26/02/2015 21:42,1', 2],
      ['timestamp,value\n2015-02-26,1', 2],
      ['timestamp,value\n2015-02-26T21:42:53Q,1', 2],
    ];
    for (const [text, line] of cases) {
      const error = errorOf(text);
      expect(error, text).toBeInstanceOf(BuzzInputError);
      expect(error.message, text).toContain(`série.csv, ligne ${line} :`);
    }
  });
});

describe('inferBucketSeconds', () => {
  function rows(offsetsSeconds: readonly number[]): CountRow[] {
    return offsetsSeconds.map((seconds) => ({
      timestamp: String(seconds),
      value: '1',
      ms: Date.UTC(2015, 0, 1) + seconds * 1000,
      count: 1,
    }));
  }

  it('finds the most common interval, despite gaps and jitter', () => {
    expect(inferBucketSeconds(rows([0, 300, 600, 900, 1500, 1800, 2100]))).toBe(300);
    expect(inferBucketSeconds(rows([0, 3600, 7200, 7200, 10_800, 14_400.4]))).toBe(3600);
  });

  it('falls back to one hour without two distinct rows', () => {
    expect(inferBucketSeconds([])).toBe(3600);
    expect(inferBucketSeconds(rows([0]))).toBe(3600);
    expect(inferBucketSeconds(rows([0, 0, 0]))).toBe(3600);
  });

  it('works on parsed CSV', () => {
    const parsed = parseCountCsv(
      'timestamp,value\n2015-02-26 21:40:00,1\n2015-02-26 21:45:00,1\n2015-02-26 21:50:00,1\n',
      'five.csv',
    );
    expect(inferBucketSeconds(parsed)).toBe(300);
  });
});
