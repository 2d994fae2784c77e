/**
 * Emerging terms: which terms of a period are used far more than in their own background.
 * Pure: counts in, ranked terms out; the detectors and `GET /api/v1/trends/terms` both call it.
 *
 * Each term is a 2×2 table — voices using it / not, now / in the background — scored with
 * Dunning's log-likelihood ratio G² (χ² with one degree of freedom under "nothing changed"), kept
 * only when its rate rose, it was seen at least `minCount` times now, and it grew at least
 * `minLift`-fold. G² does not blow up on rare terms the way a ratio of rates does, so a word seen
 * twice now and never before is not "emerging" while a storm's "snow" is.
 */

/** Voices (original mentions) of a period, and how many of them used each term. */
export interface TermCounts {
  voices: number;
  terms: ReadonlyMap<string, number> | Readonly<Record<string, number>>;
}

export type TermKind = 'phrase' | 'hashtag' | 'handle' | 'brand' | 'product';

export interface EmergingTerm {
  term: string;
  kind: TermKind;
  observed: number;
  /** What the background rate predicts for this period's voices. */
  expected: number;
  lift: number;
  /** G²; above 10.83 the rise has p < 0.001 under no change. */
  llr: number;
}

export interface EmergingTermOptions {
  /** Fewest uses now. Default 3. */
  minCount?: number;
  /** Smallest observed / expected. Default 2. */
  minLift?: number;
  /** Smallest G². Default 10.83 (p < 0.001). */
  minLlr?: number;
  /** Uses a never-seen term is assumed to have had in the background, so lifts stay finite. Default 0.5. */
  prior?: number;
  limit?: number;
}

export function termKind(term: string): TermKind {
  if (term.startsWith('#')) return 'hashtag';
  if (term.startsWith('@')) return 'handle';
  if (term.startsWith('brand:')) return 'brand';
  if (term.startsWith('product:')) return 'product';
  return 'phrase';
}

export function emergingTerms(background: TermCounts, current: TermCounts, options: EmergingTermOptions = {}): EmergingTerm[] {
  const minCount = options.minCount ?? 3;
  const minLift = options.minLift ?? 2;
  const minLlr = options.minLlr ?? 10.83;
  const prior = options.prior ?? 0.5;
  const n1 = current.voices;
  const n2 = background.voices;
  if (n1 <= 0) return [];
  const out: EmergingTerm[] = [];
  for (const [term, a] of entries(current.terms)) {
    if (a < minCount) continue;
    const b = countOf(background.terms, term);
    // An empty background (a new source, a new brand) says nothing: expected from the prior.
    const expected = n2 > 0 ? (n1 * Math.max(b, prior)) / n2 : prior;
    const lift = a / expected;
    if (lift < minLift) continue;
    const llr = n2 > 0 ? logLikelihoodRatio(a, n1, b, n2) : 0;
    if (n2 > 0 && llr < minLlr) continue;
    out.push({ term, kind: termKind(term), observed: a, expected: round(expected), lift: round(lift), llr: round(llr) });
  }
  out.sort((x, y) => y.llr - x.llr || y.observed - x.observed || x.term.localeCompare(y.term));
  return options.limit === undefined ? out : out.slice(0, options.limit);
}

/** Dunning's G² for a term used a of n1 times now and b of n2 times before. */
export function logLikelihoodRatio(a: number, n1: number, b: number, n2: number): number {
  const c = n1 - a;
  const d = n2 - b;
  const n = n1 + n2;
  const rowUse = a + b;
  const rowNot = c + d;
  const term = (o: number, e: number) => (o > 0 && e > 0 ? o * Math.log(o / e) : 0);
  const g2 = 2 * (term(a, (rowUse * n1) / n) + term(b, (rowUse * n2) / n) + term(c, (rowNot * n1) / n) + term(d, (rowNot * n2) / n));
  return Math.max(0, g2);
}

function entries(terms: TermCounts['terms']): Iterable<[string, number]> {
  return terms instanceof Map ? terms : Object.entries(terms);
}

function countOf(terms: TermCounts['terms'], term: string): number {
  return (terms instanceof Map ? terms.get(term) : (terms as Record<string, number>)[term]) ?? 0;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
