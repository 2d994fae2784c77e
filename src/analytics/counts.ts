import { cliOfResponse, CLI_METADATA_KEYS, isDetractor, isPromoter, isSatisfied } from './metrics.js';

/**
 * What rollups count, in one order shared by the writer, the rollup readers and the queries
 * over mentions. Each key is a sum over mentions of one per-mention fact.
 */
export const COUNT_KEYS = [
  'volume', 'originals', 'positive', 'neutral', 'negative', 'sentimentSum', 'sentimentCount',
  'ratingSum', 'ratingCount', 'csatCount', 'csatSatisfied', 'npsCount', 'promoters', 'detractors',
  'cesSum', 'cesCount', 'cliSum', 'cliCount', 'positiveOriginals', 'neutralOriginals', 'negativeOriginals',
] as const;
export type CountKey = (typeof COUNT_KEYS)[number];
export type Counts = Record<CountKey, number>;

export const COUNT_COLUMNS: Record<CountKey, string> = {
  volume: 'volume', originals: 'originals', positive: 'positive', neutral: 'neutral', negative: 'negative',
  sentimentSum: 'sentiment_sum', sentimentCount: 'sentiment_count', ratingSum: 'rating_sum', ratingCount: 'rating_count',
  csatCount: 'csat_count', csatSatisfied: 'csat_satisfied', npsCount: 'nps_count', promoters: 'promoters',
  detractors: 'detractors', cesSum: 'ces_sum', cesCount: 'ces_count', cliSum: 'cli_sum', cliCount: 'cli_count',
  positiveOriginals: 'positive_originals', neutralOriginals: 'neutral_originals', negativeOriginals: 'negative_originals',
};

export interface CountedMention {
  duplicateOf: number | null;
  sentimentLabel: string | null;
  sentimentScore: number | null;
  rating: number | null;
  csat: number | null;
  nps: number | null;
  ces: number | null;
  /** The metadata JSON text as stored. */
  metadata: string | null;
}

/** One mention's facts, in COUNT_KEYS order: what it adds to every rollup row it counts in. */
export function mentionCounts(m: CountedMention): number[] {
  const satisfaction = m.csat ?? m.rating;
  const cli = m.nps !== null && m.metadata !== null && m.metadata.includes('"try_other"') ? cliOfResponse(m.nps, parseObject(m.metadata)) : null;
  return [
    1,
    m.duplicateOf === null ? 1 : 0,
    m.sentimentLabel === 'positive' ? 1 : 0,
    m.sentimentLabel === 'neutral' ? 1 : 0,
    m.sentimentLabel === 'negative' ? 1 : 0,
    m.sentimentScore ?? 0,
    m.sentimentScore === null ? 0 : 1,
    m.rating ?? 0,
    m.rating === null ? 0 : 1,
    satisfaction === null ? 0 : 1,
    satisfaction !== null && isSatisfied(satisfaction) ? 1 : 0,
    m.nps === null ? 0 : 1,
    m.nps !== null && isPromoter(m.nps) ? 1 : 0,
    m.nps !== null && isDetractor(m.nps) ? 1 : 0,
    m.ces ?? 0,
    m.ces === null ? 0 : 1,
    cli ?? 0,
    cli === null ? 0 : 1,
    m.duplicateOf === null && m.sentimentLabel === 'positive' ? 1 : 0,
    m.duplicateOf === null && m.sentimentLabel === 'neutral' ? 1 : 0,
    m.duplicateOf === null && m.sentimentLabel === 'negative' ? 1 : 0,
  ];
}

function parseObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function answerSql(key: string): string {
  const v = `json_extract(m.metadata, '$.${key}')`;
  return `(CASE WHEN typeof(${v}) IN ('integer', 'real') OR (trim(${v}) GLOB '[0-9]*' AND trim(${v}) NOT GLOB '*[^0-9.]*') THEN cast(trim(${v}) AS REAL) END)`;
}
const [repurchase, tryOther] = CLI_METADATA_KEYS.map(answerSql) as [string, string];
const CLI_SQL = `(CASE WHEN m.nps IS NOT NULL AND m.metadata IS NOT NULL AND ${repurchase} BETWEEN 0 AND 10 AND ${tryOther} BETWEEN 0 AND 10 THEN (m.nps + ${repurchase} + ${tryOther}) / 3.0 END)`;

/** The same facts as SQL over a mention aliased `m` (mirrors `mentionCounts`). */
export const MENTION_FACTS_SQL: Record<CountKey, string> = {
  volume: '1',
  originals: '(m.duplicate_of IS NULL)',
  positive: "(m.sentiment_label IS 'positive')",
  neutral: "(m.sentiment_label IS 'neutral')",
  negative: "(m.sentiment_label IS 'negative')",
  sentimentSum: 'coalesce(m.sentiment_score, 0)',
  sentimentCount: '(m.sentiment_score IS NOT NULL)',
  ratingSum: 'coalesce(m.rating, 0)',
  ratingCount: '(m.rating IS NOT NULL)',
  csatCount: '(coalesce(m.csat, m.rating) IS NOT NULL)',
  csatSatisfied: 'coalesce(coalesce(m.csat, m.rating) >= 4, 0)',
  npsCount: '(m.nps IS NOT NULL)',
  promoters: 'coalesce(m.nps >= 9, 0)',
  detractors: 'coalesce(m.nps <= 6, 0)',
  cesSum: 'coalesce(m.ces, 0)',
  cesCount: '(m.ces IS NOT NULL)',
  cliSum: `coalesce(${CLI_SQL}, 0)`,
  cliCount: `(${CLI_SQL} IS NOT NULL)`,
  positiveOriginals: "(m.duplicate_of IS NULL AND m.sentiment_label IS 'positive')",
  neutralOriginals: "(m.duplicate_of IS NULL AND m.sentiment_label IS 'neutral')",
  negativeOriginals: "(m.duplicate_of IS NULL AND m.sentiment_label IS 'negative')",
};

/** `sum(col) AS "key", …` over rollup rows. */
export const ROLLUP_SUMS_SQL = COUNT_KEYS.map((k) => `sum(${COUNT_COLUMNS[k]}) AS "${k}"`).join(', ');
/** `sum(fact) AS "key", …` over mentions aliased `m`. */
export const MENTION_SUMS_SQL = COUNT_KEYS.map((k) => `coalesce(sum(${MENTION_FACTS_SQL[k]}), 0) AS "${k}"`).join(', ');

const ZERO: Readonly<Counts> = Object.freeze(Object.fromEntries(COUNT_KEYS.map((k) => [k, 0])) as Counts);

/** A fresh all-zero Counts (a spread of a frozen literal: one per bucket, so it must be cheap). */
export function emptyCounts(): Counts {
  return { ...ZERO };
}

export function addCounts(into: Counts, row: Partial<Record<CountKey, unknown>>): void {
  for (const k of COUNT_KEYS) into[k] += Number(row[k] ?? 0);
}
