/**
 * Is a count that went from `previous` to `current` (over equally long periods) a real rise?
 * Under "nothing changed", each of the n = current + previous mentions falls in either period
 * with probability 1/2, so current ~ Binomial(n, 1/2). The one-sided p-value is the chance of
 * at least `current`. 1 → 3 gives p = 0.31: not a rise worth showing; 10 → 30 gives p = 0.001.
 */
export function riseSignificance(current: number, previous: number): { z: number; pValue: number } {
  const n = current + previous;
  if (n === 0) return { z: 0, pValue: 1 };
  const z = (current - previous) / Math.sqrt(n);
  return { z: Math.round(z * 1000) / 1000, pValue: binomialUpperTail(current, n) };
}

/** P(X ≥ k) for X ~ Binomial(n, 1/2); exact up to n = 5000, else the normal approximation. */
export function binomialUpperTail(k: number, n: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (n > 5000) return normalUpper((k - 0.5 - n / 2) / Math.sqrt(n / 4));
  // Sum in log space from the largest term down: terms shrink fast away from the mode.
  const logHalfN = n * Math.log(0.5);
  let logTerm = logChoose(n, k) + logHalfN;
  let total = 0;
  for (let i = k; i <= n; i++) {
    total += Math.exp(logTerm);
    logTerm += Math.log((n - i) / (i + 1));
    if (i > n / 2 && Math.exp(logTerm) < total * 1e-15) break;
  }
  return Math.min(1, total);
}

function logChoose(n: number, k: number): number {
  return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
}

const logFactorials: number[] = [0];
function logFactorial(n: number): number {
  for (let i = logFactorials.length; i <= n; i++) logFactorials[i] = logFactorials[i - 1]! + Math.log(i);
  return logFactorials[n]!;
}

// Upper tail of the standard normal (Abramowitz–Stegun 7.1.26 erfc approximation, error < 1.5e-7).
function normalUpper(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erfc = poly * Math.exp(-x * x);
  return z >= 0 ? erfc / 2 : 1 - erfc / 2;
}
