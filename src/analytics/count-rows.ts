import type Database from 'better-sqlite3';
import type { Db } from '../db/client.js';
import { ALL } from '../db/mention-writer.js';
import { COUNT_KEYS, MENTION_SUMS_SQL, type CountKey, type Counts } from './counts.js';

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

/** Where counts come from: the rollups (the table family follows the filter; rollup-tables.ts) or the mentions. */
export type CountSource = 'rollups' | 'mentions';

/**
 * Sentiment is not a rollup key (it would multiply the rollup rows; see bench/trends.ts): a
 * sentiment filter is answered from the rollups' per-label counts when the counts asked are
 * volume, unique voices and labels (rollup-sums.ts). A rating filter is answered from the
 * rating rollups (rating is their key; with source and language too when those are filtered).
 * The rest — other counts under a sentiment filter, a rating-agreement filter, a zone whose
 * offset is not a whole number of hours — from the mentions.
 */
export function countSourceFor(filter: TrendFilter, hourAligned: boolean, keys: readonly CountKey[] = COUNT_KEYS): CountSource {
  if (!hourAligned || filter.ratingAgreement !== undefined) return 'mentions';
  if (filter.sentiment !== undefined && !keys.every((k) => LABEL_ANSWERABLE.has(k))) return 'mentions';
  return 'rollups';
}

/** What the rollups know of the mentions with one sentiment label. */
const LABEL_ANSWERABLE = new Set<CountKey>(['volume', 'originals', 'positive', 'neutral', 'negative']);

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

/**
 * Count rows computed from the mentions for a range, ordered by time: every statement is fixed
 * text with bound values. (Rollup answers come from rollup-sums.ts.)
 */
export function countRows(db: Db, filter: TrendFilter, request: CountRequest): CountRow[] {
  const { text, params } = mentionSql(filter, request);
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
  // Two statements: SQLite answers a lone min() or max() with one seek, both together by a scan.
  const key = [filter.brand ?? ALL, filter.topic ?? ALL];
  const first = prepared(db, 'SELECT min(bucket) FROM rollups_all WHERE brand = ? AND topic = ?').pluck().get(...key) as number | null;
  const last = prepared(db, 'SELECT max(bucket) FROM rollups_all WHERE brand = ? AND topic = ?').pluck().get(...key) as number | null;
  return first == null || last == null ? null : { first, last: last + 3_600_000 };
}


