import { describe, expect, it } from 'vitest';
import { type ExplanationFacts, explain, formatFr } from './explain.js';

const base: ExplanationFacts = {
  level: 'alert',
  observed: 30,
  expected: 7,
  windowMinutes: 60,
  day: 2,
  hourly: true,
};

describe('formatFr', () => {
  it('writes one decimal with a comma below 10 and none above, with French grouping', () => {
    expect(formatFr(4.3)).toBe('4,3');
    expect(formatFr(4.25)).toBe('4,3');
    expect(formatFr(0.5)).toBe('0,5');
    expect(formatFr(3)).toBe('3');
    expect(formatFr(27.4)).toBe('27');
    expect(formatFr(1250).replace(/\s/g, ' ')).toBe('1 250');
  });
});

describe('explain', () => {
  it('gives the ratio, day, window and usual volume in French and English', () => {
    const text = explain(base);
    expect(text.fr).toBe(
      'Alerte : 4,3 fois le volume habituel pour un mardi à cette heure (30 mentions en 1 h, environ 7 d’habitude).',
    );
    expect(text.en).toBe(
      'Alert: 4.3 times the usual volume for a Tuesday at this time (30 mentions in 1 hour, about 7 usually).',
    );
  });

  it('names the level', () => {
    expect(explain({ ...base, level: 'watch' }).fr).toMatch(/^À surveiller : /);
    expect(explain({ ...base, level: 'watch' }).en).toMatch(/^Watch: /);
    expect(explain({ ...base, level: 'normal' }).fr).toMatch(/^4,3 fois/);
  });

  it('writes durations in minutes, hours and days', () => {
    const fr = (windowMinutes: number) => explain({ ...base, windowMinutes }).fr;
    const en = (windowMinutes: number) => explain({ ...base, windowMinutes }).en;
    expect(fr(5)).toContain('en 5 min,');
    expect(fr(15)).toContain('en 15 min,');
    expect(fr(60)).toContain('en 1 h,');
    expect(fr(90)).toContain('en 1 h 30,');
    expect(fr(65)).toContain('en 1 h 05,');
    expect(fr(180)).toContain('en 3 h,');
    expect(fr(1440)).toContain('en 1 jour,');
    expect(fr(2880)).toContain('en 2 jours,');
    expect(fr(7.5)).toContain('en 7,5 min,');
    expect(en(5)).toContain('in 5 min,');
    expect(en(60)).toContain('in 1 hour,');
    expect(en(180)).toContain('in 3 hours,');
    expect(en(1440)).toContain('in 1 day,');
    expect(en(2880)).toContain('in 2 days,');
  });

  it('speaks of an unusual volume when nothing was expected', () => {
    const text = explain({ ...base, observed: 4, expected: 0 });
    expect(text.fr).toContain('un volume inhabituel');
    expect(text.fr).not.toContain('fois');
    expect(text.fr).toContain('environ 0 d’habitude');
    expect(text.en).toContain('an unusual volume');
    expect(text.en).not.toMatch(/Infinity|∞|NaN/);
  });

  it('adapts the comparison to the rhythms in use', () => {
    expect(explain({ ...base, day: 0, hourly: false }).fr).toContain('pour un dimanche (');
    expect(explain({ ...base, day: 6, hourly: false }).en).toContain('for a Saturday (');
    expect(explain({ ...base, day: undefined, hourly: true }).fr).toContain('habituel à cette heure (');
    expect(explain({ ...base, day: undefined, hourly: true }).en).toContain('at this time of day (');
    expect(explain({ ...base, day: undefined, hourly: false }).fr).toContain('habituel (');
  });

  it('uses the singular for one mention and decimals for small expectations', () => {
    const text = explain({ ...base, observed: 1, expected: 0.25 });
    expect(text.fr).toContain('(1 mention en 1 h, environ 0,3 d’habitude)');
    expect(text.en).toContain('(1 mention in 1 hour, about 0.3 usually)');
  });
});
