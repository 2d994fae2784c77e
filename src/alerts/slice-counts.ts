/**
 * Counts of one slice (brand, topic, sources, several languages) over one period, from the trend
 * queries: one bucketTotals call per language, summed (counts add up exactly by design), so a
 * subscription's language list needs no query of its own.
 */
import { hourAlignedZone } from '../analytics/buckets.js';
import { countSourceFor, type TrendFilter } from '../analytics/count-rows.js';
import { COUNT_KEYS, emptyCounts, type Counts } from '../analytics/counts.js';
import { average, csat, netSentiment, nps, share } from '../analytics/metrics.js';
import { bucketTotals } from '../analytics/trends.js';
import type { Db } from '../db/client.js';
import type { ThresholdMetric } from './subscription-schema.js';

const HOUR = 3_600_000;

export function sliceCounts(db: Db, filter: Omit<TrendFilter, 'lang'>, languages: readonly string[], from: number, to: number, tz: string): Counts {
  const aligned = from % HOUR === 0 && to % HOUR === 0 && hourAlignedZone(from, to, tz);
  const total = emptyCounts();
  for (const lang of languages.length > 0 ? languages : [undefined]) {
    const f: TrendFilter = { ...filter, lang };
    const [counts] = bucketTotals(db, countSourceFor(f, aligned), f, [from], to, aligned, undefined, tz);
    if (counts) for (const k of COUNT_KEYS) total[k] += counts[k];
  }
  return total;
}

/** A threshold metric's value over counts, and how many mentions (or answers) it rests on. */
export function metricValue(metric: ThresholdMetric, c: Counts): { value: number | null; base: number } {
  const labelled = c.positive + c.neutral + c.negative;
  switch (metric) {
    case 'negative_share':
      return { value: share(c.negative, labelled), base: labelled };
    case 'volume':
      return { value: c.volume, base: c.volume };
    case 'average_rating':
      return { value: average(c.ratingSum, c.ratingCount), base: c.ratingCount };
    case 'average_sentiment':
      return { value: average(c.sentimentSum, c.sentimentCount), base: c.sentimentCount };
    case 'net_sentiment':
      return { value: netSentiment(c.positive, c.neutral, c.negative), base: labelled };
    case 'csat':
      return { value: csat(c.csatSatisfied, c.csatCount), base: c.csatCount };
    case 'nps':
      return { value: nps(c.promoters, c.detractors, c.npsCount), base: c.npsCount };
  }
}
