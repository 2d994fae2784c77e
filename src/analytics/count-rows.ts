import type Database from 'better-sqlite3';
import type { Db } from '../db/client.js';
import { ALL } from '../db/mention-writer.js';
import { COUNT_COLUMNS, COUNT_KEYS, emptyCounts, MENTION_SUMS_SQL, ROLLUP_SUMS_SQL, type Counts } from './counts.js';

export const SENTIMENT_LABELS = ['negative', 'neutral', 'positive'] as const;
export type SentimentLabel = (typeof SENTIMENT_LABELS)[number];

/** The filters every trend answer takes. */
export interface TrendFilter {
  sourceIds?: number[];
  topic?: string;
  brand?: string;
  lang?: string;
  sentiment?: SentimentLabel;
  /** Star ratings to keep (a mention rated 4 matches 4). */
  rating?: number[];
  /** Star rating against text sentiment (mentions.rating_agreement): e.g. the disagreements only. */
  ratingAgreement?: 'agree' | 'mixed' | 'disagree';
}

/** Where counts come from: the smallest table that can answer the filter exactly. */
export type CountSource = 'rollups_all' | 'rollups' | 'mentions';

/**
 * Sentiment and rating are not rollup keys (each would multiply the rollup rows; see
 * bench/trends.ts), so those filters are answered from mentions through their indexes.
 */
export function countSourceFor(filter: TrendFilter, hourAligned: boolean): CountSource {
  if (!hourAligned || filter.sentiment !== undefined || filter.rating !== undefined || filter.ratingAgreement !== undefined) return 'mentions';
  return filter.sourceIds !== undefined || filter.lang !== undefined ? 'rollups' : 'rollups_all';
}

export interface CountRow extends Counts {
  at: number;
  key: string;
}

export interface CountRequest {
  from: number;
  to: number;
  /** Per hour (or quarter hour, exact for every real zone offset); null sums the whole range. */
  step: 'hour' | 'quarter' | null;
  /** Per topic (each with its ancestors) or per configured brand; null for none. */
  by: 'topic' | 'brand' | null;
}

/** Count rows for a range, ordered by time: every statement is fixed text with bound values. */
export function countRows(db: Db, source: CountSource, filter: TrendFilter, request: CountRequest): CountRow[] {
  const { text, params } = source === 'mentions' ? mentionSql(filter, request) : rollupSql(source, filter, request);
  return prepared(db, text).all(...params) as CountRow[];
}

const cache = new WeakMap<object, Map<string, Database.Statement<unknown[]>>>();
function prepared(db: Db, text: string): Database.Statement<unknown[]> {
  let statements = cache.get(db.$client);
  if (!statements) cache.set(db.$client, (statements = new Map()));
  let statement = statements.get(text);
  if (!statement) statements.set(text, (statement = db.$client.prepare<unknown[]>(text)));
  return statement;
}

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

function rollupSql(source: 'rollups_all' | 'rollups', filter: TrendFilter, request: CountRequest) {
  const where: string[] = [];
  const params: unknown[] = [];
  if (request.by === 'brand') where.push('brand IN (SELECT id FROM brands)');
  else (where.push('brand = ?'), params.push(filter.brand ?? ALL));
  if (request.by === 'topic') where.push('topic IN (SELECT id FROM topics)');
  else (where.push('topic = ?'), params.push(filter.topic ?? ALL));
  where.push('bucket >= ?', 'bucket < ?');
  params.push(request.from, request.to);
  if (filter.sourceIds) (where.push(`source_id IN (${placeholders(filter.sourceIds.length)})`), params.push(...filter.sourceIds));
  if (filter.lang) (where.push('lang = ?'), params.push(filter.lang));
  const at = request.step ? 'bucket' : '0';
  const key = request.by ?? "''";
  const text = `SELECT ${at} AS at, ${key} AS key, ${ROLLUP_SUMS_SQL} FROM ${source} WHERE ${where.join(' AND ')}
    GROUP BY 1, 2 ORDER BY 1`;
  return { text, params };
}

const TOPIC_TREE = `WITH RECURSIVE tree(id) AS (SELECT ? UNION SELECT t.id FROM topics t JOIN tree ON t.parent_id = tree.id)
  SELECT id FROM tree`;
const ANCESTORS = `anc(topic, ancestor) AS (SELECT id, id FROM topics
  UNION SELECT anc.topic, t.parent_id FROM anc JOIN topics t ON t.id = anc.ancestor WHERE t.parent_id IS NOT NULL)`;

function mentionSql(filter: TrendFilter, request: CountRequest) {
  const where = ['m.published_at >= ?', 'm.published_at < ?'];
  const params: unknown[] = [request.from, request.to];
  if (filter.sourceIds) (where.push(`m.source_id IN (${placeholders(filter.sourceIds.length)})`), params.push(...filter.sourceIds));
  if (filter.lang) (where.push('m.lang = ?'), params.push(filter.lang));
  if (filter.sentiment) (where.push('m.sentiment_label = ?'), params.push(filter.sentiment));
  if (filter.rating) (where.push(`m.rating IN (${placeholders(filter.rating.length)})`), params.push(...filter.rating));
  if (filter.ratingAgreement) (where.push('m.rating_agreement = ?'), params.push(filter.ratingAgreement));
  if (filter.brand) {
    where.push('EXISTS (SELECT 1 FROM mention_brands b WHERE b.mention_id = m.id AND b.brand_id = ?)');
    params.push(filter.brand);
  }
  if (filter.topic) {
    where.push(`EXISTS (SELECT 1 FROM mention_topics x WHERE x.mention_id = m.id AND x.topic_id IN (${TOPIC_TREE}))`);
    params.push(filter.topic);
  }
  const step = request.step === 'hour' ? 3_600_000 : 900_000;
  const at = request.step ? `(m.published_at / ${step}) * ${step}` : '0';
  const filters = where.join(' AND ');
  if (request.by === 'topic') {
    // A mention counts once per topic even when two of its subtopics share that parent.
    const text = `WITH RECURSIVE ${ANCESTORS},
      pairs AS (SELECT DISTINCT m.id AS mid, coalesce(anc.ancestor, x.topic_id) AS key FROM mentions m
        JOIN mention_topics x ON x.mention_id = m.id LEFT JOIN anc ON anc.topic = x.topic_id WHERE ${filters})
      SELECT ${at} AS at, pairs.key AS key, ${MENTION_SUMS_SQL} FROM pairs JOIN mentions m ON m.id = pairs.mid
      GROUP BY 1, 2 ORDER BY 1`;
    return { text, params };
  }
  if (request.by === 'brand') {
    const text = `SELECT ${at} AS at, mb.brand_id AS key, ${MENTION_SUMS_SQL} FROM mentions m
      JOIN mention_brands mb ON mb.mention_id = m.id WHERE ${filters} AND mb.brand_id IN (SELECT id FROM brands)
      GROUP BY 1, 2 ORDER BY 1`;
    return { text, params };
  }
  return { text: `SELECT ${at} AS at, '' AS key, ${MENTION_SUMS_SQL} FROM mentions m WHERE ${filters} GROUP BY 1 ORDER BY 1`, params };
}

/** The covered extent of the data under a brand/topic, from the all-sources rollups. */
export function dataExtent(db: Db, filter: TrendFilter): { first: number; last: number } | null {
  const row = prepared(db, 'SELECT min(bucket) AS first, max(bucket) AS last FROM rollups_all WHERE brand = ? AND topic = ?').get(
    filter.brand ?? ALL,
    filter.topic ?? ALL,
  ) as { first: number | null; last: number | null } | undefined;
  return row?.first == null || row.last == null ? null : { first: row.first, last: row.last + 3_600_000 };
}


/** What `bucketSums` is asked for: consecutive buckets, the last ending at `end`. */
export interface BucketRequest {
  /** Ascending bucket starts, each a whole hour (the zone's offset is whole hours). */
  starts: readonly number[];
  end: number;
  /** Per configured brand; null for one series. */
  by: 'brand' | null;
}

/**
 * Rollup counts summed per bucket inside SQLite: the bucket bounds go in as one JSON array, each
 * bound is one range seek on the rollup key (brand, topic, bucket) and SQLite sums the hour rows
 * of that range, so JavaScript reads one row per bucket (and brand) that has data, not one per
 * hour. Any bucket unit and any whole-hour zone, DST included: the bounds are the zone's own
 * bucket starts. Returns the sums per key ('' without `by`), each bucket present (empty as zero).
 */
export function bucketSums(db: Db, source: 'rollups_all' | 'rollups', filter: TrendFilter, request: BucketRequest): Map<string, Counts[]> {
  const { text, params } = bucketSql(source, filter, request.by);
  const out = new Map<string, Counts[]>();
  if (request.starts.length === 0) return out;
  const rows = prepared(db, text).raw(true).all(request.end, JSON.stringify(request.starts), ...params) as (number | string)[][];
  const n = request.starts.length;
  for (const row of rows) {
    const key = String(row[1]);
    let series = out.get(key);
    if (!series) out.set(key, (series = Array.from({ length: n }, emptyCounts)));
    const counts = series[row[0] as number]!;
    for (let k = 0; k < COUNT_KEYS.length; k++) counts[COUNT_KEYS[k]!] = row[k + 2] as number;
  }
  return out;
}

function bucketSql(source: 'rollups_all' | 'rollups', filter: TrendFilter, by: 'brand' | null) {
  const where = ['r.bucket >= b.lo', 'r.bucket < b.hi'];
  const params: unknown[] = [];
  if (by === 'brand') where.push('r.brand IN (SELECT id FROM brands)');
  else (where.push('r.brand = ?'), params.push(filter.brand ?? ALL));
  where.push('r.topic = ?');
  params.push(filter.topic ?? ALL);
  if (filter.sourceIds) (where.push(`r.source_id IN (${placeholders(filter.sourceIds.length)})`), params.push(...filter.sourceIds));
  if (filter.lang) (where.push('r.lang = ?'), params.push(filter.lang));
  const key = by === 'brand' ? 'r.brand' : "''";
  // CROSS JOIN keeps the bounds outside: one index seek per bucket, never a scan of the table.
  const text = `WITH b(i, lo, hi) AS (SELECT key, value, coalesce(lead(value) OVER (ORDER BY key), ?) FROM json_each(?))
    SELECT b.i AS i, ${key} AS key, ${ROLLUP_SUMS_R} FROM b CROSS JOIN ${source} r WHERE ${where.join(' AND ')}
    GROUP BY 1, 2`;
  return { text, params };
}

const ROLLUP_SUMS_R = COUNT_KEYS.map((k) => `sum(r.${COUNT_COLUMNS[k]})`).join(', ');
