/**
 * Is a count that went from `previous` to `current` a real rise? Under "nothing changed", each
 * of the n = current + previous mentions falls in the current period with probability
 * p = 1 / (1 + previousShare), previousShare being how long the observed previous period is
 * against the current one (1: equally long), so current ~ Binomial(n, p). The one-sided p-value
 * is the chance of at least `current`. Equal periods: 1 → 3 gives p = 0.31, not a rise worth
 * showing; 10 → 30 gives p = 0.001. Half a previous period observed: 5 → 10 is no rise at all.
 */
export function riseSignificance(current: number, previous: number, previousShare = 1): { z: number; pValue: number } {
  const n = current + previous;
  if (n === 0) return { z: 0, pValue: 1 };
  const p = 1 / (1 + previousShare);
  const z = (current - n * p) / Math.sqrt(n * p * (1 - p));
  return { z: Math.round(z * 1000) / 1000, pValue: binomialUpperTail(current, n, p) };
}

/** P(X ≥ k) for X ~ Binomial(n, p); exact up to n = 5000, else the normal approximation. */
export function binomialUpperTail(k: number, n: number, p = 0.5): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p >= 1) return 1;
  if (n > 5000) return normalUpper((k - 0.5 - n * p) / Math.sqrt(n * p * (1 - p)));
  // Sum in log space from the largest term down: terms shrink fast away from the mode.
  let logTerm = logChoose(n, k) + k * Math.log(p) + (n - k) * Math.log(1 - p);
  const odds = Math.log(p / (1 - p));
  let total = 0;
  for (let i = k; i <= n; i++) {
    total += Math.exp(logTerm);
    logTerm += Math.log((n - i) / (i + 1)) + odds;
    if (i > n * p && Math.exp(logTerm) < total * 1e-15) break;
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
