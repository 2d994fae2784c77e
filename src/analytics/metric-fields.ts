import { COUNT_KEYS, type CountKey, type Counts } from './counts.js';
import { average, csat, netSentiment, nps } from './metrics.js';

export const TREND_METRICS = ['volume', 'sentiment', 'rating', 'csat', 'nps', 'ces', 'cli', 'all'] as const;
export type TrendMetric = (typeof TREND_METRICS)[number];

type Fields = Record<string, number | null>;

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

/** The fields a metric answers with, computed from summed counts. */
export function metricFields(metric: TrendMetric, counts: Counts): Fields {
  if (metric !== 'all') return GROUPS[metric](counts);
  return Object.assign({}, ...Object.values(GROUPS).map((group) => group(counts))) as Fields;
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
