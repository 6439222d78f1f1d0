import { describe, expect, it } from 'vitest';
import { log10NormalUpperTail, MAX_SURPRISE, surprise } from './tail-probability.js';

/** ln n! by summation (exact enough for n up to a few thousands). */
function lnFactorial(n: number): number {
  let sum = 0;
  for (let k = 2; k <= n; k++) sum += Math.log(k);
  return sum;
}

/** −log10 P(X ≥ x) for a Poisson X of mean mu, by summing the tail in log space. */
function exactSurprise(x: number, mu: number): number {
  let term = -mu + x * Math.log(mu) - lnFactorial(x);
  const first = term;
  let sum = 0;
  for (let k = x; ; k++) {
    const ratio = Math.exp(term - first);
    sum += ratio;
    if (k > x + mu && ratio < 1e-17 * sum) break;
    term += Math.log(mu) - Math.log(k + 1);
  }
  return -(first + Math.log(sum)) / Math.LN10;
}

function within(approx: number, exact: number): boolean {
  return Math.abs(approx - exact) <= Math.max(0.15, 0.05 * exact);
}

describe('surprise (Poisson upper tail: exact series, then Wilson–Hilferty)', () => {
  it('is exact (within 0.1 %) for counts up to 100, however small the expectation: the quiet hospitals', () => {
    for (const mu of [0.01, 0.1, 0.2, 0.5, 1, 2, 5, 10, 30, 60]) {
      for (let x = Math.floor(mu) + 1; x <= 100; x++) {
        const exact = exactSurprise(x, mu);
        const computed = surprise(x, mu, 1);
        expect(
          Math.abs(computed - exact),
          `mu=${mu} x=${x} exact=${exact} computed=${computed}`,
        ).toBeLessThanOrEqual(Math.max(1e-6, 1e-3 * exact));
      }
    }
  });

  it('matches the exact tail within 5 % (or 0.15) for mu ≥ 3 up to a surprise of 10', () => {
    for (const mu of [3, 5, 7, 10, 20, 50, 100, 200]) {
      for (let x = Math.floor(mu) + 1; ; x++) {
        const exact = exactSurprise(x, mu);
        if (exact > 10) break;
        const approx = surprise(x, mu, 1);
        expect(within(approx, exact), `mu=${mu} x=${x} exact=${exact} approx=${approx}`).toBe(true);
      }
    }
  });

  it('matches the exact tail within 5 % far into the tail when mu ≥ 10 (up to 5 mu)', () => {
    for (const mu of [10, 20, 50, 100, 200]) {
      for (const x of [2 * mu, 3 * mu, 5 * mu]) {
        const exact = exactSurprise(x, mu);
        expect(within(surprise(x, mu, 1), exact), `mu=${mu} x=${x}`).toBe(true);
      }
    }
  });

  it('matches the exact tail within 5 % (or 0.15) for every mu in 0.1..200 when the tail is light (exact ≤ 2)', () => {
    for (const mu of [0.1, 0.2, 0.5, 1, 2, 3, 5, 10, 20, 50, 100, 200]) {
      for (let x = Math.floor(mu) + 1; ; x++) {
        const exact = exactSurprise(x, mu);
        if (exact > 2) break;
        expect(within(surprise(x, mu, 1), exact), `mu=${mu} x=${x}`).toBe(true);
      }
    }
  });

  it('never overstates the exact surprise on the grid mu 0.1..200 (errs towards silence)', () => {
    for (const mu of [0.1, 0.2, 0.5, 1, 2, 3, 5, 10, 20, 50, 100, 200]) {
      for (const factor of [1.2, 1.5, 2, 3, 5, 10, 20, 50, 100]) {
        const x = Math.max(1, Math.ceil(mu * factor));
        expect(surprise(x, mu, 1), `mu=${mu} x=${x}`).toBeLessThanOrEqual(exactSurprise(x, mu) + 0.05);
      }
    }
  });

  it('is 0 when the observed count does not exceed the expectation', () => {
    expect(surprise(0, 0, 1)).toBe(0);
    expect(surprise(3, 3, 1)).toBe(0);
    expect(surprise(2, 5, 1)).toBe(0);
    expect(surprise(10, 0, 1)).toBe(0);
    expect(surprise(10, -1, 1)).toBe(0);
    expect(surprise(Number.NaN, 2, 1)).toBe(0);
    expect(surprise(5, Number.NaN, 1)).toBe(0);
  });

  it('grows with the observed count', () => {
    for (const mu of [0.1, 1, 4, 30, 150]) {
      let previous = 0;
      for (let x = Math.ceil(mu); x < mu * 10 + 30; x++) {
        const s = surprise(x, mu, 1);
        // Exact series up to x = 100, Wilson–Hilferty beyond: the switch may step back by
        // well under 0.1 %.
        expect(s, `mu=${mu} x=${x}`).toBeGreaterThanOrEqual(previous * 0.999);
        previous = s;
      }
      expect(previous).toBeGreaterThan(0);
    }
  });

  it('is lowered by overdispersion and treats dispersion ≤ 1 as Poisson', () => {
    for (const [x, mu] of [
      [15, 5],
      [40, 10],
      [300, 100],
    ] as const) {
      const poisson = surprise(x, mu, 1);
      expect(surprise(x, mu, 2)).toBeLessThan(poisson);
      expect(surprise(x, mu, 4)).toBeLessThan(surprise(x, mu, 2));
      expect(surprise(x, mu, 0.5)).toBe(poisson);
      expect(surprise(x, mu, Number.NaN)).toBe(poisson);
    }
  });

  it('stays finite and non-negative for extreme inputs', () => {
    const cases: [number, number, number][] = [
      [1e9, 1e-9, 1],
      [1e9, 1e-9, 1e6],
      [1, 1e-300, 1],
      [1e15, 1, 1],
      [1e200, 1, 1],
      [5, 1e-9, 1e300],
      [1e9, 1e9 - 1, 1],
    ];
    for (const [x, mu, phi] of cases) {
      const s = surprise(x, mu, phi);
      expect(Number.isFinite(s), `x=${x} mu=${mu} phi=${phi} gave ${s}`).toBe(true);
      expect(s).toBeGreaterThanOrEqual(0);
    }
    // Chances below 10^−1000 are all the same to an alarm: the surprise is capped, never infinite.
    expect(surprise(1e9, 1e-9, 1)).toBe(MAX_SURPRISE);
  });
});

describe('log10NormalUpperTail', () => {
  it('gives log10 P(Z ≥ t) of a standard normal', () => {
    expect(log10NormalUpperTail(0)).toBeCloseTo(Math.log10(0.5), 6);
    expect(log10NormalUpperTail(1.959963985)).toBeCloseTo(Math.log10(0.025), 5);
    expect(log10NormalUpperTail(3.090232306)).toBeCloseTo(Math.log10(0.001), 5);
    // Mills ratio far in the tail: P(Z ≥ t) ≈ φ(t)/t.
    const t = 40;
    const mills = (-t * t) / 2 / Math.LN10 - Math.log10(t * Math.sqrt(2 * Math.PI));
    expect(log10NormalUpperTail(t)).toBeCloseTo(mills, 3);
    expect(Number.isFinite(log10NormalUpperTail(1e6))).toBe(true);
  });
});
