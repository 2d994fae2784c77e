/** Small robust-statistics helpers shared by the detectors. */

/**
 * The median, by selection rather than a full sort (the detectors take a week's median every
 * hour of every series; sorting was most of a detection run).
 */
export function median(values: readonly number[]): number {
  const n = values.length;
  if (n === 0) return Number.NaN;
  const a = Float64Array.from(values);
  const mid = n >> 1;
  const upper = select(a, mid);
  if (n % 2) return upper;
  // The lower middle is the largest value left of `mid` once selection has partitioned there.
  let lower = -Infinity;
  for (let i = 0; i < mid; i++) if (a[i]! > lower) lower = a[i]!;
  return (lower + upper) / 2;
}

/** Hoare's quickselect: puts the k-th smallest at index k, smaller ones left of it; returns it. */
function select(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return a[k]!;
}

/** P(Z ≥ z) for a standard normal (Abramowitz–Stegun 7.1.26 erfc, error < 1.5e-7). */
export function normalUpperTail(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erfc = poly * Math.exp(-x * x);
  return z >= 0 ? erfc / 2 : 1 - erfc / 2;
}

/**
 * Surprise of `observed` counts against `expected` under a negative binomial with extra relative
 * variance `overdispersion` (Var = μ + c·μ²), on the Anscombe square-root scale where a Poisson
 * count has unit variance: z = 2(√(x+3/8) − √(μ+3/8)) / √(1 + c·μ). For small μ this is the
 * Poisson test (so 5 against 2 is unremarkable); for large μ it becomes a relative-change test.
 */
export function countSurprise(observed: number, expected: number, overdispersion: number): number {
  const diff = 2 * (Math.sqrt(observed + 0.375) - Math.sqrt(Math.max(expected, 0) + 0.375));
  return diff / Math.sqrt(1 + Math.max(overdispersion, 0) * Math.max(expected, 0));
}

/** One-sided pooled two-proportion z statistic: is x1/n1 above x0/n0? */
export function proportionZ(x1: number, n1: number, x0: number, n0: number): number {
  if (n1 <= 0 || n0 <= 0) return 0;
  const p1 = x1 / n1;
  const p0 = x0 / n0;
  const pooled = (x1 + x0) / (n1 + n0);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n0));
  if (se === 0) return 0;
  return (p1 - p0) / se;
}
