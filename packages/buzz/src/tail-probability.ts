/**
 * How surprising a count is: −log10 P(X ≥ observed) for a count whose expectation is `expected`
 * and whose variance is `dispersion × expected` (quasi-Poisson: mention counts are Poisson when
 * quiet and overdispersed when busy). Constant time: no table, and never a loop longer than a
 * fixed bound whatever the count.
 *
 * P(X ≥ x) for a Poisson X of mean μ equals the regularised lower incomplete gamma function
 * P(x, μ). Up to x = SERIES_LIMIT it is computed from its power series (exact to rounding, and
 * the alarm thresholds sit there for quiet series); beyond, with the Wilson–Hilferty cube-root
 * normal approximation, accurate to a few percent once x is large. Dispersion is applied by
 * scaling the count and its expectation by 1/φ (a Poisson variable of mean μ/φ).
 */
const SERIES_LIMIT = 100;
// The series converges geometrically; this many terms reach rounding for x ≤ SERIES_LIMIT.
const SERIES_TERMS = 400;
/** Chances below 10^−1000 are all the same to an alarm, and stay finite. */
export const MAX_SURPRISE = 1000;

export function surprise(observed: number, expected: number, dispersion: number): number {
  if (!(observed > expected) || !(expected > 0)) return 0;
  const phi = dispersion > 1 ? dispersion : 1;
  const x = observed / phi;
  const mu = expected / phi;
  const log10p = x <= SERIES_LIMIT ? log10GammaSeries(x, mu) : log10WilsonHilferty(x, mu);
  const value = -log10p;
  if (!(value > 0)) return 0;
  return value < MAX_SURPRISE ? value : MAX_SURPRISE;
}

/** log10 P(a, z) from z^a e^−z / Γ(a+1) × Σ z^n / ((a+1)…(a+n)), for z < a. */
function log10GammaSeries(a: number, z: number): number {
  let term = 1;
  let sum = 1;
  for (let n = 1; n <= SERIES_TERMS; n++) {
    term *= z / (a + n);
    sum += term;
    if (term < sum * 1e-15) break;
  }
  return (a * Math.log(z) - z - lnGamma(a + 1) + Math.log(sum)) / Math.LN10;
}

function log10WilsonHilferty(x: number, mu: number): number {
  const z = (Math.cbrt(mu / x) - (1 - 1 / (9 * x))) * 3 * Math.sqrt(x);
  if (z >= 0) return 0;
  return log10NormalUpperTail(-z);
}

/** log10 of P(Z ≥ t) for a standard normal Z and t ≥ 0, accurate far into the tail. */
export function log10NormalUpperTail(t: number): number {
  return (Math.log(0.5) + lnErfc(t / Math.SQRT2)) / Math.LN10;
}

/**
 * ln erfc(z) for z ≥ 0 from the Chebyshev fit of erfc in Numerical Recipes (fractional error
 * below 1.2e-7 everywhere), written in log form so that it never underflows.
 */
function lnErfc(z: number): number {
  const t = 1 / (1 + 0.5 * z);
  const poly =
    -1.26551223 +
    t *
      (1.00002368 +
        t *
          (0.37409196 +
            t *
              (0.09678418 +
                t *
                  (-0.18628806 +
                    t *
                      (0.27886807 +
                        t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  return Math.log(t) - z * z + poly;
}

// Lanczos approximation (g = 7, nine coefficients), relative error about 1e-15 for x > 0.
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

export function lnGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lnGamma(1 - x);
  const shifted = x - 1;
  let sum = LANCZOS[0] as number;
  for (let index = 1; index < LANCZOS.length; index++) sum += (LANCZOS[index] as number) / (shifted + index);
  const t = shifted + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (shifted + 0.5) * Math.log(t) - t + Math.log(sum);
}
