/**
 * The words that explain an alert: frequent in the alert's mentions and rarer before. Words are
 * counted once per mention (a rant repeating "delay" ten times is one voice); handles, URLs,
 * numbers and stop words are left out.
 */

const STOP_WORDS = new Set(
  (
    'a about above after again against all also am an and any are aren as at be because been before being below between ' +
    'both but by can cannot could couldn did didn do does doesn doing don down during each few for from further get got ' +
    'had hadn has hasn have haven having he her here hers herself him himself his how i if in into is isn it its itself ' +
    'just let ll me more most mustn my myself no nor not now of off on once only or other ought our ours ourselves out ' +
    'over own re s same shan she should shouldn so some such t than that the their theirs them themselves then there ' +
    'these they this those through to too under until up us ve very was wasn we were weren what when where which while ' +
    'who whom why will with won would wouldn you your yours yourself yourselves d m o y im ive youre dont cant amp rt ' +
    'via one two get gets going go still even really much many like would could yes ok okay thanks thank please'
  ).split(' '),
);

/** Distinct lower-case words of a text, without handles, hashtag marks, URLs, numbers and stop words. */
export function wordsOf(text: string): Set<string> {
  const cleaned = text
    .toLowerCase()
    .replace(/https?:\/\/\S+|www\.\S+/g, ' ')
    .replace(/[@＠][\p{L}\p{N}_]+/gu, ' ')
    .replace(/&amp;/g, ' ');
  const words = new Set<string>();
  for (const raw of cleaned.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? []) {
    const w = raw.replace(/['’](s|t|re|ve|ll|d|m)?$/u, '').replace(/-+$/, '');
    if (w.length < 2 || /^\p{N}+$/u.test(w) || STOP_WORDS.has(w)) continue;
    words.add(w);
  }
  return words;
}

/** In how many of the texts each word appears. */
export function documentFrequency(texts: Iterable<string>): Map<string, number> {
  const df = new Map<string, number>();
  for (const text of texts) for (const w of wordsOf(text)) df.set(w, (df.get(w) ?? 0) + 1);
  return df;
}

export interface Growth {
  observed: number;
  /** The baseline's average over a window of the same length (0 when the baseline never had it). */
  expected: number;
  /** Occurrences over the whole baseline period (what `expected` was averaged from). */
  baseline: number;
  /**
   * observed / expected; null when the baseline never had it (`new`): a ratio against nothing
   * would only print the smoothing constant (a word new this hour read "20160×").
   */
  lift: number | null;
  /**
   * The lift the counts support at 95 %: observed against the one-sided 95 % Poisson upper bound
   * of the baseline count (3 for a count of 0, 4.7 for 1), scaled the same way. A word seen once
   * last week has a lift of ~1000 but "at least" ~260; it is also defined for new words.
   */
  liftAtLeast: number;
  /** Absent from the baseline: shown as "new", not as a ratio. */
  new: boolean;
}

/** One-sided 95 % upper confidence bound of a Poisson mean given a count (Wilson–Hilferty; 3.0 for 0). */
export function poissonUpper95(count: number): number {
  const k = count + 1;
  return k * (1 - 1 / (9 * k) + 1.6449 / (3 * Math.sqrt(k))) ** 3;
}

/** One row of growth: observed in the window against `baseline` occurrences scaled to it. */
export function growthOf(observed: number, baseline: number, scale: number): Growth {
  const expected = baseline * scale;
  return {
    observed,
    expected: round(expected),
    baseline,
    lift: baseline > 0 ? round(observed / expected) : null,
    liftAtLeast: round(observed / (poissonUpper95(baseline) * scale)),
    new: baseline === 0,
  };
}

/**
 * Terms of the window ranked by how much they grew: observed count against the baseline's count
 * per hour times the window's hours, scored observed·ln(lift) so a frequent word that grew beats
 * a one-off oddity. Only the ranking smooths: a word the baseline never had ranks as if it had
 * been seen 0.5 times; it is reported as new, with no lift.
 */
export function termGrowth(
  window: Map<string, number>,
  baseline: Map<string, number>,
  scale: number,
  opts: { minCount?: number; minLift?: number; limit?: number } = {},
): (Growth & { term: string })[] {
  const minCount = opts.minCount ?? 3;
  const minLift = opts.minLift ?? 1.5;
  const out: (Growth & { term: string; rank: number })[] = [];
  for (const [term, observed] of window) {
    if (observed < minCount) continue;
    const before = baseline.get(term) ?? 0;
    const smoothedLift = observed / (Math.max(before, 0.5) * scale);
    if (smoothedLift < minLift) continue;
    out.push({ term, ...growthOf(observed, before, scale), rank: observed * Math.log(smoothedLift) });
  }
  return out
    .sort((a, b) => b.rank - a.rank || a.term.localeCompare(b.term))
    .slice(0, opts.limit ?? 10)
    .map(({ rank: _rank, ...rest }) => rest);
}

export function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
