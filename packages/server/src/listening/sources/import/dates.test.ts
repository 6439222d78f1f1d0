import { describe, expect, it } from 'vitest';
import { readEpoch, readImportDate } from './dates.js';

const paris = { timeZone: 'Europe/Paris', now: new Date('2026-12-05T12:00:00Z') };
const read = (value: string, time: string | null = null, context = paris) =>
  readImportDate(value, time, context);

describe('readImportDate', () => {
  it('reads ISO 8601 with an offset as it says', () => {
    expect(read('2026-12-05T14:30:00Z')).toEqual({ iso: '2026-12-05T14:30:00.000Z' });
    expect(read('2026-12-05T14:30:00.123+01:00')).toEqual({ iso: '2026-12-05T13:30:00.123Z' });
    expect(read('2026-12-05 14:30:00 UTC')).toEqual({ iso: '2026-12-05T14:30:00.000Z' });
    expect(read('2026-07-01T08:00:00-0400')).toEqual({ iso: '2026-07-01T12:00:00.000Z' });
  });

  it('reads dates without an offset as local time in the establishment’s zone (winter and summer)', () => {
    expect(read('2026-12-05 14:30')).toEqual({ iso: '2026-12-05T13:30:00.000Z' });
    expect(read('2026-07-05 14:30:00.0')).toEqual({ iso: '2026-07-05T12:30:00.000Z' });
    expect(read('05/12/2026 14:30')).toEqual({ iso: '2026-12-05T13:30:00.000Z' });
    expect(read('5/7/2026 à 14h30')).toEqual({ iso: '2026-07-05T12:30:00.000Z' });
    expect(read('05.12.2026 14h')).toEqual({ iso: '2026-12-05T13:00:00.000Z' });
    expect(read('05-12-2026 14:30:15')).toEqual({ iso: '2026-12-05T13:30:15.000Z' });
    expect(read('05/12/2026')).toEqual({ iso: '2026-12-04T23:00:00.000Z' });
    const reunion = { ...paris, timeZone: 'Indian/Reunion' };
    expect(read('05/12/2026 14:30', null, reunion)).toEqual({ iso: '2026-12-05T10:30:00.000Z' });
  });

  it('settles the offset around the changes of time', () => {
    // 29 March 2026: 02:00 → 03:00 in Paris; 25 October 2026: 03:00 → 02:00.
    expect(read('29/03/2026 01:30')).toEqual({ iso: '2026-03-29T00:30:00.000Z' });
    expect(read('29/03/2026 03:30')).toEqual({ iso: '2026-03-29T01:30:00.000Z' });
    expect(read('25/10/2026 04:00')).toEqual({ iso: '2026-10-25T03:00:00.000Z' });
    expect(read('25/10/2026 01:00')).toEqual({ iso: '2026-10-24T23:00:00.000Z' });
  });

  it('takes the time from its own column when the date has none', () => {
    expect(read('04/12/2026', '18:05')).toEqual({ iso: '2026-12-04T17:05:00.000Z' });
    expect(read('2026-12-04', '8h12')).toEqual({ iso: '2026-12-04T07:12:00.000Z' });
    expect(read('04/12/2026 10:00', '18:05')).toEqual({ iso: '2026-12-04T09:00:00.000Z' });
  });

  it('reads Unix times in seconds or milliseconds', () => {
    expect(read('1796292000')).toEqual({ iso: '2026-12-03T10:00:00.000Z' });
    expect(read('1796292000123')).toEqual({ iso: '2026-12-03T10:00:00.123Z' });
    expect(readEpoch(1796292000, paris)).toEqual({ iso: '2026-12-03T10:00:00.000Z' });
  });

  it('says in French what is wrong', () => {
    expect(read('31/02/2026')).toEqual({ problem: 'la date « 31/02/2026 » n’existe pas' });
    expect(read('29/02/2026 10:00')).toEqual({ problem: 'la date « 29/02/2026 10:00 » n’existe pas' });
    expect(read('29/02/2024 10:00')).toEqual({ iso: '2024-02-29T09:00:00.000Z' });
    expect(read('2026-13-01')).toEqual({ problem: 'la date « 2026-13-01 » n’existe pas' });
    expect(read('05/12/2026 24:10')).toEqual({ problem: 'la date « 05/12/2026 24:10 » n’existe pas' });
    expect(read('05/12/26')).toEqual({
      problem: 'la date « 05/12/26 » doit avoir une année à quatre chiffres',
    });
    expect(read('hier soir')).toEqual({
      problem:
        'la date « hier soir » n’est pas reconnue (formats acceptés : 05/12/2026 14:30 ou 2026-12-05T14:30:00Z)',
    });
    expect(read('04/12/2026', 'midi')).toMatchObject({
      problem: expect.stringContaining('n’est pas reconnue'),
    });
    expect(read('   ')).toEqual({ problem: 'la date est vide' });
    expect(read('12/25/2026')).toEqual({ problem: 'la date « 12/25/2026 » n’existe pas' });
    expect(read('10/01/2027')).toEqual({ problem: 'la date « 10/01/2027 » est dans le futur' });
    expect(read('01/01/1989')).toEqual({ problem: 'la date « 01/01/1989 » est antérieure à 1990' });
  });
});
