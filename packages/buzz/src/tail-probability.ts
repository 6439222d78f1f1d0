/**
 * How surprising a count is: −log10 P(X ≥ observed) for a count whose expectation is `expected`
 * and whose variance is `dispersion × expected` (quasi-Poisson: mention counts are Poisson when
 * quiet and overdispersed when busy). Constant time, no table, no loop over the count.
 *
 * P(X ≥ x) for a Poisson X of mean μ equals P(Γ(x, 1) ≤ μ); the gamma tail is taken with the
 * Wilson–Hilferty cube-root normal approximation, accurate to a few percent in relative terms
 * far into the tail, which is all an alarm needs. Dispersion is applied by scaling both the count
 * and its expectation by 1/φ (the counts behave like a Poisson variable of mean μ/φ).
 */
const LN10 = Math.LN10;

export function surprise(observed: number, expected: number, dispersion: number): number {
  if (!(observed > expected) || !(expected > 0)) return 0;
  const phi = dispersion > 1 ? dispersion : 1;
  const x = observed / phi;
  const mu = expected / phi;
  const nine = 9 * x;
  const z = (Math.cbrt(mu / x) - (1 - 1 / nine)) * 3 * Math.sqrt(x);
  if (z >= 0) return 0;
  return -log10NormalUpperTail(-z);
}

/** log10 of P(Z ≥ t) for a standard normal Z and t ≥ 0, accurate far into the tail. */
export function log10NormalUpperTail(t: number): number {
  return (Math.log(0.5) + lnErfc(t / Math.SQRT2)) / LN10;
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
