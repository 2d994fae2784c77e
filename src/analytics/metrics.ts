/**
 * Metric formulas as pure functions over counted sums. Every formula answers null when it has
 * nothing to count (no responses is not a score of 0).
 */

const DIGITS = 10_000;
export function round(value: number): number {
  // + 0 turns −0 into 0: sums added in another order (SQLite's sum() compensates rounding) can
  // leave −1e−17 where the exact answer is 0, and the answer must not depend on the order.
  return Math.round(value * DIGITS) / DIGITS + 0;
}

/** Mean of `count` values that add up to `sum`; null without values. */
export function average(sum: number, count: number): number | null {
  return count > 0 ? round(sum / count) : null;
}

/** (positive − negative) / labelled, in [−1, 1]; null when nothing is labelled. */
export function netSentiment(positive: number, neutral: number, negative: number): number | null {
  const labelled = positive + neutral + negative;
  return labelled > 0 ? round((positive - negative) / labelled) : null;
}

/** Share of voice: a brand's mentions over the mentions of every brand compared, in [0, 1]. */
export function share(part: number, total: number): number | null {
  return total > 0 ? round(part / total) : null;
}

/** CSAT: the share of satisfied answers (4–5 of 5) among all answers, in [0, 1]. */
export function csat(satisfied: number, responses: number): number | null {
  return share(satisfied, responses);
}

/** A satisfaction answer on a 1–5 scale counts as satisfied at 4 or more. */
export function isSatisfied(answer: number): boolean {
  return answer >= 4;
}

export function isPromoter(score: number): boolean {
  return score >= 9;
}

export function isDetractor(score: number): boolean {
  return score <= 6;
}

/** NPS: % promoters (9–10) − % detractors (0–6), in [−100, 100]; null without responses. */
export function nps(promoters: number, detractors: number, responses: number): number | null {
  return responses > 0 ? round((100 * (promoters - detractors)) / responses) : null;
}

/** The metadata columns a survey import carries the two other loyalty answers in (0–10). */
export const CLI_METADATA_KEYS = ['repurchase', 'try_other'] as const;

/**
 * One response's Customer Loyalty Index: the mean of its likelihood to recommend (nps),
 * to buy again (`repurchase`) and to try our other products (`try_other`), each 0–10. Null
 * unless all three were answered: a partial mean would not be comparable across responses.
 */
export function cliOfResponse(npsScore: number | null, metadata: Record<string, unknown> | null): number | null {
  if (npsScore === null || metadata === null) return null;
  let sum = npsScore;
  for (const key of CLI_METADATA_KEYS) {
    const answer = scoreAnswer(metadata[key]);
    if (answer === null) return null;
    sum += answer;
  }
  return sum / 3;
}

// Mirrors the SQL check in counts.ts: a number, or text of digits and dots, between 0 and 10.
function scoreAnswer(value: unknown): number | null {
  let n: number;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string' && /^[0-9][0-9.]*$/.test(value.trim())) n = parseFloat(value.trim());
  else return null;
  return Number.isFinite(n) && n >= 0 && n <= 10 ? n : null;
}

export interface Change {
  /** The previous period's value. */
  value: number | null;
  delta: number | null;
  /** Change in percent of the previous value; null when the previous value is 0 or unknown. */
  percent: number | null;
}

/** How a value moved from the previous period. */
export function change(current: number | null, previous: number | null): Change {
  if (current === null || previous === null) return { value: previous, delta: null, percent: null };
  return {
    value: previous,
    delta: round(current - previous),
    percent: previous === 0 ? null : round((100 * (current - previous)) / Math.abs(previous)),
  };
}
