import { COUNT_KEYS, type CountKey, type Counts } from './counts.js';
import { average, csat, netSentiment, nps } from './metrics.js';

export const TREND_METRICS = ['volume', 'sentiment', 'rating', 'csat', 'nps', 'ces', 'cli', 'all'] as const;
export type TrendMetric = (typeof TREND_METRICS)[number];

type Fields = Record<string, number | null>;
/** A trend point: its bucket's start and its metric's fields. */
export type MetricPoint = { start: string } & Record<string, number | null | string>;

const GROUPS: Record<Exclude<TrendMetric, 'all'>, (c: Counts) => Fields> = {
  volume: (c) => ({ volume: c.volume, unique: c.originals }),
  sentiment: (c) => ({
    scored: c.sentimentCount,
    average: average(c.sentimentSum, c.sentimentCount),
    positive: c.positive,
    neutral: c.neutral,
    negative: c.negative,
    net: netSentiment(c.positive, c.neutral, c.negative),
  }),
  rating: (c) => ({ rated: c.ratingCount, rating: average(c.ratingSum, c.ratingCount) }),
  csat: (c) => ({ csatResponses: c.csatCount, csat: csat(c.csatSatisfied, c.csatCount) }),
  nps: (c) => ({ npsResponses: c.npsCount, promoters: c.promoters, detractors: c.detractors, nps: nps(c.promoters, c.detractors, c.npsCount) }),
  ces: (c) => ({ cesResponses: c.cesCount, ces: average(c.cesSum, c.cesCount) }),
  cli: (c) => ({ cliResponses: c.cliCount, cli: average(c.cliSum, c.cliCount) }),
};

/**
 * Every group's fields in one literal: a year of days is 365 of these, and one fixed-shape
 * object costs a fraction of seven merged ones. Same fields, same order as the groups above.
 */
const ALL = (c: Counts, start: string): MetricPoint => ({
  start,
  volume: c.volume,
  unique: c.originals,
  scored: c.sentimentCount,
  average: average(c.sentimentSum, c.sentimentCount),
  positive: c.positive,
  neutral: c.neutral,
  negative: c.negative,
  net: netSentiment(c.positive, c.neutral, c.negative),
  rated: c.ratingCount,
  rating: average(c.ratingSum, c.ratingCount),
  csatResponses: c.csatCount,
  csat: csat(c.csatSatisfied, c.csatCount),
  npsResponses: c.npsCount,
  promoters: c.promoters,
  detractors: c.detractors,
  nps: nps(c.promoters, c.detractors, c.npsCount),
  cesResponses: c.cesCount,
  ces: average(c.cesSum, c.cesCount),
  cliResponses: c.cliCount,
  cli: average(c.cliSum, c.cliCount),
});

/** The fields a metric answers with, computed from summed counts. */
export function metricFields(metric: TrendMetric, counts: Counts): Fields {
  if (metric !== 'all') return GROUPS[metric](counts);
  const { start: _start, ...fields } = ALL(counts, '');
  return fields as Fields;
}

/** A trend point: the bucket's start and its metric's fields, built as one object. */
export function metricPoint(metric: TrendMetric, counts: Counts, start: string): MetricPoint {
  return metric === 'all' ? ALL(counts, start) : { start, ...GROUPS[metric](counts) };
}

/** The counts a metric reads (summing only these is what makes a volume query cheap). */
const KEYS: Record<Exclude<TrendMetric, 'all'>, readonly CountKey[]> = {
  volume: ['volume', 'originals'],
  sentiment: ['sentimentCount', 'sentimentSum', 'positive', 'neutral', 'negative'],
  rating: ['ratingCount', 'ratingSum'],
  csat: ['csatCount', 'csatSatisfied'],
  nps: ['npsCount', 'promoters', 'detractors'],
  ces: ['cesCount', 'cesSum'],
  cli: ['cliCount', 'cliSum'],
};

export function metricKeys(metric: TrendMetric): readonly CountKey[] {
  return metric === 'all' ? COUNT_KEYS : KEYS[metric];
}
