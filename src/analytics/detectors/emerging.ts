import { thresholdsFor } from './sensitivity.js';
import { countSurprise, median } from './stats.js';
import type { Sensitivity } from './types.js';

/** Counts per term in one bucket, and the bucket's total mentions. */
export interface TermBucket {
  total: number;
  terms: Readonly<Record<string, number>>;
}

export interface EmergingTerm {
  term: string;
  observed: number;
  expected: number;
  /** observed / expected. */
  lift: number;
  /** Poisson surprise (square-root scale, standard-normal units). */
  score: number;
}

export interface EmergingOptions {
  sensitivity?: Sensitivity;
  /** Fewest occurrences of a term in the current bucket. Default 5. */
  minCount?: number;
  /** Pseudo-occurrences per bucket a never-seen term is assumed to have (keeps new words sane). Default 0.5. */
  prior?: number;
  /** Override the sensitivity's score / lift thresholds. */
  threshold?: number;
  minLift?: number;
}

/**
 * Terms (or topics) that were rare and are now bursting in `current`, best first. A term's
 * expected count is the median of its per-mention share over `history` (so one past burst does not
 * make it normal) times the current total, floored at `prior`; it emerges when its Poisson
 * surprise, its lift and its count all clear their thresholds. Only `history` and `current` are read.
 */
export function emergingTerms(history: readonly TermBucket[], current: TermBucket, opts: EmergingOptions = {}): EmergingTerm[] {
  const th = thresholdsFor(opts.sensitivity);
  const threshold = opts.threshold ?? th.termScore;
  const minLift = opts.minLift ?? th.termLift;
  const minCount = opts.minCount ?? 5;
  const prior = opts.prior ?? 0.5;
  if (history.length === 0) return [];
  const out: EmergingTerm[] = [];
  for (const [term, observed] of Object.entries(current.terms)) {
    if (observed < minCount) continue;
    const shares = history.map((b) => (b.total > 0 ? (b.terms[term] ?? 0) / b.total : 0));
    const expected = Math.max(prior, median(shares) * current.total);
    const score = countSurprise(observed, expected, 0);
    const lift = observed / expected;
    if (score >= threshold && lift >= minLift) out.push({ term, observed, expected, lift, score });
  }
  return out.sort((a, b) => b.score - a.score || a.term.localeCompare(b.term));
}
