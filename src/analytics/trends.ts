import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { bucketEnd, bucketLabels, bucketStart, hourAlignedZone, isoInZone, MAX_BUCKETS, type BucketUnit } from './buckets.js';
import { countRows, countSourceFor, dataExtent, type CountSource, type TrendFilter } from './count-rows.js';
import { bucketSums } from './rollup-sums.js';
import { emptyCounts, type CountKey, type Counts } from './counts.js';
import type { Change } from './metrics.js';
import { metricFields, metricKeys, metricPoint, TREND_METRICS, type TrendMetric } from './metric-fields.js';
import { compareFields, previousStart, starts as bucketStartsFor, sumAll, sumIntoBuckets } from './period.js';

export { TREND_METRICS, type TrendMetric };

export interface TrendQuery extends TrendFilter {
  metric: TrendMetric;
  bucket: BucketUnit;
  tz: string;
  from?: number;
  to?: number;
  /** Add each value's previous period: the bucket before, and for the summary the range before. */
  compare?: boolean;
  /** Count from the mentions even when rollups could answer (for checks and the benchmark). */
  countSource?: 'mentions';
}

export type TrendPoint = { start: string; previous?: Record<string, Change> } & Record<string, unknown>;

export interface TrendAnswer {
  metric: TrendMetric;
  bucket: BucketUnit;
  tz: string;
  from: string | null;
  to: string | null;
  /** 'rollups' normally; 'mentions' where no rollup answers the filter (count-rows.ts, countSourceFor) and for zones not whole hours off UTC. */
  computedFrom: 'rollups' | 'mentions';
  points: TrendPoint[];
  /** With compare: the whole range against the equally many buckets right before it. */
  summary?: { previousFrom: string; previousTo: string; previous: Record<string, Change> } & Record<string, unknown>;
}

export class TrendRangeError extends Error {}

export interface ResolvedRange {
  start: number;
  end: number;
  starts: number[];
  source: CountSource;
  hourAligned: boolean;
}

/** From/to widened to whole buckets (the data's extent when absent); null when there is no data. */
export function resolveRange(db: Db, query: TrendQuery): ResolvedRange | null {
  let { from, to } = query;
  if (from === undefined || to === undefined) {
    const extent = dataExtent(db, query);
    from ??= extent?.first;
    to ??= extent?.last;
  }
  if (from === undefined || to === undefined || to <= from) return null;
  const start = bucketStart(from, query.bucket, query.tz);
  const end = bucketEnd(to - 1, query.bucket, query.tz);
  const hourAligned = hourAlignedZone(start, end, query.tz);
  const starts = bucketStartsFor(start, end, query.bucket, query.tz, hourAligned);
  if (starts.length > MAX_BUCKETS) throwTooMany(query.bucket);
  return { start, end, starts, source: query.countSource ?? countSourceFor(query, hourAligned, metricKeys(query.metric)), hourAligned };
}

function throwTooMany(unit: BucketUnit): never {
  throw new TrendRangeError(`the range holds more than ${MAX_BUCKETS} ${unit} buckets; narrow from/to or use a larger bucket`);
}

/**
 * A metric per time bucket in the asked zone, every bucket present (empty ones as zero). Read
 * from the day and hour rollups, so the cost follows the number of buckets asked, not of mentions.
 */
export function trendSeries(db: Db, query: TrendQuery): TrendAnswer {
  const base = { metric: query.metric, bucket: query.bucket, tz: query.tz };
  const range = resolveRange(db, query);
  if (!range) return { ...base, from: null, to: null, computedFrom: 'rollups', points: [] };
  const { start, end, starts, source, hourAligned } = range;

  const firstStart = query.compare ? previousStart(start, starts.length, query.bucket, query.tz) : start;
  const previousStarts = query.compare ? bucketStartsFor(firstStart, start, query.bucket, query.tz, hourAligned) : [];
  const allStarts = [...previousStarts, ...starts];
  const totals = bucketTotals(db, source, query, allStarts, end, hourAligned, metricKeys(query.metric), query.tz);
  const current = totals.slice(previousStarts.length);

  const labels = bucketLabels(start, end, query.bucket, query.tz, starts);
  const points = current.map((counts, i): TrendPoint => {
    if (!query.compare) return metricPoint(query.metric, counts, labels[i]!);
    const fields = metricFields(query.metric, counts);
    const before = totals[previousStarts.length + i - 1];
    return { start: labels[i]!, ...fields, previous: compareFields(fields, before ? metricFields(query.metric, before) : {}) };
  });
  const answer: TrendAnswer = {
    ...base,
    from: isoInZone(start, query.tz),
    to: isoInZone(end, query.tz),
    computedFrom: source === 'mentions' ? 'mentions' : 'rollups',
    points,
  };
  if (query.compare) {
    const now = metricFields(query.metric, sumAll(current));
    const then = metricFields(query.metric, sumAll(totals.slice(0, previousStarts.length)));
    answer.summary = {
      ...now,
      previousFrom: isoInZone(firstStart, query.tz),
      previousTo: isoInZone(start, query.tz),
      previous: compareFields(now, then),
    };
  }
  return answer;
}

/**
 * The counts of each bucket. From rollups SQLite sums the days and edge hours of each bucket
 * (rollup-sums.ts); from mentions, rows per hour or quarter hour are summed here.
 */
export function bucketTotals(
  db: Db, source: CountSource, filter: TrendFilter, starts: readonly number[], end: number, hourAligned: boolean, keys?: readonly CountKey[], tz?: string,
): Counts[] {
  if (source !== 'mentions') return bucketSums(db, filter, { starts, end, by: null, keys, tz }).get('') ?? starts.map(emptyCounts);
  const rows = countRows(db, filter, { from: starts[0] ?? end, to: end, step: hourAligned ? 'hour' : 'quarter', by: null });
  return sumIntoBuckets(rows, starts, end);
}

export function topicAndDescendants(topic: string): SQL {
  return sql`with recursive tree(id) as (select ${topic} union select t.id from topics t join tree on t.parent_id = tree.id) select id from tree`;
}
