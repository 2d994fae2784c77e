import { and, eq, gte, inArray, lt, max, min, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { ALL } from '../db/mention-writer.js';
import { mentionBrands, mentionTopics, mentions, rollups } from '../db/schema.js';
import { bucketEnd, bucketStart, bucketStarts, hourAlignedZone, isoInZone, MAX_BUCKETS, type BucketUnit } from './buckets.js';

export const TREND_METRICS = ['volume', 'sentiment'] as const;
export type TrendMetric = (typeof TREND_METRICS)[number];

export interface TrendQuery {
  metric: TrendMetric;
  bucket: BucketUnit;
  tz: string;
  from?: number;
  to?: number;
  sourceIds?: number[];
  topic?: string;
  brand?: string;
  lang?: string;
}

interface Counts {
  volume: number;
  originals: number;
  positive: number;
  neutral: number;
  negative: number;
  sentimentSum: number;
  sentimentCount: number;
}

export type TrendPoint =
  | { start: string; volume: number; unique: number }
  | { start: string; scored: number; average: number | null; positive: number; neutral: number; negative: number; net: number | null };

export interface TrendAnswer {
  metric: TrendMetric;
  bucket: BucketUnit;
  tz: string;
  from: string | null;
  to: string | null;
  /** 'rollups' normally; 'mentions' for zones whose offset is not whole hours. */
  computedFrom: 'rollups' | 'mentions';
  points: TrendPoint[];
}

export class TrendRangeError extends Error {}

const sums = {
  volume: sql<number>`sum(volume)`,
  originals: sql<number>`sum(originals)`,
  positive: sql<number>`sum(positive)`,
  neutral: sql<number>`sum(neutral)`,
  negative: sql<number>`sum(negative)`,
  sentimentSum: sql<number>`sum(sentiment_sum)`,
  sentimentCount: sql<number>`sum(sentiment_count)`,
};

/**
 * A metric per time bucket in the asked zone, every bucket present (empty ones as zero). Read
 * from the hourly rollups, so the cost follows the number of hours asked, not of mentions.
 */
export function trendSeries(db: Db, query: TrendQuery): TrendAnswer {
  const rollupFilter = and(
    eq(rollups.brand, query.brand ?? ALL),
    eq(rollups.topic, query.topic ?? ALL),
    query.sourceIds ? inArray(rollups.sourceId, query.sourceIds) : undefined,
    query.lang ? eq(rollups.lang, query.lang) : undefined,
  );
  let from = query.from;
  let to = query.to;
  if (from === undefined || to === undefined) {
    const extent = db.select({ first: min(rollups.bucket), last: max(rollups.bucket) }).from(rollups).where(rollupFilter).get();
    from ??= extent?.first ?? undefined;
    to ??= extent?.last == null ? undefined : extent.last + 3_600_000;
  }
  const base = { metric: query.metric, bucket: query.bucket, tz: query.tz };
  if (from === undefined || to === undefined || to <= from) {
    return { ...base, from: null, to: null, computedFrom: 'rollups', points: [] };
  }
  const start = bucketStart(from, query.bucket, query.tz);
  const end = bucketEnd(to - 1, query.bucket, query.tz);
  const starts = bucketStarts(start, end, query.bucket, query.tz);
  if (starts.length > MAX_BUCKETS) {
    throw new TrendRangeError(`the range holds more than ${MAX_BUCKETS} ${query.bucket} buckets; narrow from/to or use a larger bucket`);
  }

  const aligned = hourAlignedZone(start, end, query.tz);
  const rows = aligned
    ? db
        .select({ at: rollups.bucket, ...sums })
        .from(rollups)
        .where(and(rollupFilter, gte(rollups.bucket, start), lt(rollups.bucket, end)))
        .groupBy(rollups.bucket)
        .all()
    : quarterHourRowsFromMentions(db, query, start, end);

  const totals = new Map<number, Counts>(starts.map((s) => [s, emptyCounts()]));
  for (const row of rows) {
    const into = totals.get(bucketStart(row.at, query.bucket, query.tz));
    if (into) addCounts(into, row);
  }
  return {
    ...base,
    from: isoInZone(start, query.tz),
    to: isoInZone(end, query.tz),
    computedFrom: aligned ? 'rollups' : 'mentions',
    points: starts.map((s) => toPoint(query.metric, isoInZone(s, query.tz), totals.get(s)!)),
  };
}

// Zones such as Asia/Kolkata (+05:30) cut days inside an hour bucket; every real offset is a
// multiple of 15 minutes, so quarter-hour counts straight from mentions are exact there.
function quarterHourRowsFromMentions(db: Db, query: TrendQuery, start: number, end: number) {
  const quarter = sql<number>`(${mentions.publishedAt} / 900000) * 900000`;
  const filters: (SQL | undefined)[] = [
    gte(mentions.publishedAt, start),
    lt(mentions.publishedAt, end),
    query.sourceIds ? inArray(mentions.sourceId, query.sourceIds) : undefined,
    query.lang ? eq(mentions.lang, query.lang) : undefined,
    query.brand
      ? sql`exists (select 1 from ${mentionBrands} where ${mentionBrands.mentionId} = ${mentions.id} and ${mentionBrands.brandId} = ${query.brand})`
      : undefined,
    query.topic ? sql`exists (select 1 from ${mentionTopics} where ${mentionTopics.mentionId} = ${mentions.id} and ${mentionTopics.topicId} in (${topicAndDescendants(query.topic)}))` : undefined,
  ];
  return db
    .select({
      at: quarter,
      volume: sql<number>`count(*)`,
      originals: sql<number>`sum(${mentions.duplicateOf} is null)`,
      positive: sql<number>`sum(${mentions.sentimentLabel} = 'positive')`,
      neutral: sql<number>`sum(${mentions.sentimentLabel} = 'neutral')`,
      negative: sql<number>`sum(${mentions.sentimentLabel} = 'negative')`,
      sentimentSum: sql<number>`coalesce(sum(${mentions.sentimentScore}), 0)`,
      sentimentCount: sql<number>`count(${mentions.sentimentScore})`,
    })
    .from(mentions)
    .where(and(...filters))
    .groupBy(quarter)
    .all();
}

export function topicAndDescendants(topic: string): SQL {
  return sql`with recursive tree(id) as (select ${topic} union select t.id from topics t join tree on t.parent_id = tree.id) select id from tree`;
}

function emptyCounts(): Counts {
  return { volume: 0, originals: 0, positive: 0, neutral: 0, negative: 0, sentimentSum: 0, sentimentCount: 0 };
}

function addCounts(into: Counts, row: Counts): void {
  into.volume += Number(row.volume);
  into.originals += Number(row.originals);
  into.positive += Number(row.positive);
  into.neutral += Number(row.neutral);
  into.negative += Number(row.negative);
  into.sentimentSum += Number(row.sentimentSum);
  into.sentimentCount += Number(row.sentimentCount);
}

function toPoint(metric: TrendMetric, start: string, c: Counts): TrendPoint {
  if (metric === 'volume') return { start, volume: c.volume, unique: c.originals };
  const labelled = c.positive + c.neutral + c.negative;
  return {
    start,
    scored: c.sentimentCount,
    average: c.sentimentCount > 0 ? round(c.sentimentSum / c.sentimentCount) : null,
    positive: c.positive,
    neutral: c.neutral,
    negative: c.negative,
    net: labelled > 0 ? round((c.positive - c.negative) / labelled) : null,
  };
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
