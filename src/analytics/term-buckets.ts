import type { Db } from '../db/client.js';
import type { TrendFilter } from './count-rows.js';
import type { TermCounts } from './emerging-terms.js';

const HOUR_MS = 3_600_000;
const ALL = '*';

/** Where term counts come from: the hourly table, or the mentions' own terms for other filters. */
export type TermSource = 'term_counts' | 'mentions';

/**
 * term_counts is kept per brand and hour only; topic, source, language, sentiment and rating
 * filters (and ranges not on whole hours) count from the mentions in the range instead.
 */
export function termSourceFor(filter: TrendFilter, from: number, to: number): TermSource {
  const aligned = from % HOUR_MS === 0 && to % HOUR_MS === 0;
  const narrowed = filter.topic !== undefined || filter.sourceIds !== undefined || filter.lang !== undefined || filter.sentiment !== undefined || filter.rating !== undefined;
  return aligned && !narrowed ? 'term_counts' : 'mentions';
}

/**
 * Voices and term uses summed over [from, to). With `only`, just those terms are counted (a
 * background needs only the terms of the period it is compared with); else every term.
 */
export function termCounts(
  db: Db,
  filter: TrendFilter,
  from: number,
  to: number,
  only?: readonly string[],
  source = termSourceFor(filter, from, to),
): TermCounts & { terms: Map<string, number> } {
  const sqlite = db.$client;
  if (source === 'term_counts') {
    const brand = filter.brand ?? ALL;
    const voices = (sqlite
      .prepare("SELECT coalesce(sum(originals), 0) FROM rollups_all WHERE brand = ? AND topic = '*' AND bucket >= ? AND bucket < ?")
      .pluck()
      .get(brand, from, to) as number);
    const terms = new Map<string, number>();
    const rows = (only === undefined
      ? sqlite.prepare(
          `SELECT t.term, sum(c.count) AS n FROM term_counts c JOIN terms t ON t.id = c.term_id
           WHERE c.brand = ? AND c.bucket >= ? AND c.bucket < ? GROUP BY c.term_id`,
        ).all(brand, from, to)
      : sqlite.prepare(
          `SELECT t.term, sum(c.count) AS n FROM json_each(?) j JOIN terms t ON t.term = j.value
           JOIN term_counts c ON c.term_id = t.id AND c.brand = ? AND c.bucket >= ? AND c.bucket < ? GROUP BY t.id`,
        ).all(JSON.stringify(only), brand, from, to)) as { term: string; n: number }[];
    for (const row of rows) terms.set(row.term, row.n);
    return { voices, terms };
  }
  const { where, params } = mentionFilter(filter, from, to);
  const wanted = only === undefined ? null : new Set(only);
  const terms = new Map<string, number>();
  let voices = 0;
  for (const row of sqlite.prepare(`SELECT m.terms FROM mentions m WHERE ${where}`).iterate(...params) as Iterable<{ terms: string | null }>) {
    voices++;
    if (row.terms === null) continue;
    for (const term of JSON.parse(row.terms) as string[]) {
      if (wanted && !wanted.has(term)) continue;
      terms.set(term, (terms.get(term) ?? 0) + 1);
    }
  }
  return { voices, terms };
}

/**
 * Hourly term buckets over [from, to) for one brand (or all), as the detectors read history:
 * each bucket's original voices and term uses. One index range over term_counts.
 */
export function hourlyTermCounts(db: Db, from: number, to: number, brand?: string): { start: number; counts: TermCounts & { terms: Map<string, number> } }[] {
  const start = Math.floor(from / HOUR_MS) * HOUR_MS;
  const buckets = new Map<number, { voices: number; terms: Map<string, number> }>();
  for (let at = start; at < to; at += HOUR_MS) buckets.set(at, { voices: 0, terms: new Map() });
  const sqlite = db.$client;
  for (const row of sqlite
    .prepare("SELECT bucket, originals FROM rollups_all WHERE brand = ? AND topic = '*' AND bucket >= ? AND bucket < ?")
    .all(brand ?? ALL, start, to) as { bucket: number; originals: number }[]) {
    buckets.get(row.bucket)!.voices = row.originals;
  }
  for (const row of sqlite
    .prepare('SELECT c.bucket, t.term, c.count FROM term_counts c JOIN terms t ON t.id = c.term_id WHERE c.brand = ? AND c.bucket >= ? AND c.bucket < ?')
    .all(brand ?? ALL, start, to) as { bucket: number; term: string; count: number }[]) {
    buckets.get(row.bucket)!.terms.set(row.term, row.count);
  }
  return [...buckets].map(([at, counts]) => ({ start: at, counts }));
}

const TOPIC_TREE = `WITH RECURSIVE tree(id) AS (SELECT ? UNION SELECT t.id FROM topics t JOIN tree ON t.parent_id = tree.id) SELECT id FROM tree`;

function mentionFilter(filter: TrendFilter, from: number, to: number): { where: string; params: unknown[] } {
  const where = ['m.published_at >= ?', 'm.published_at < ?', 'm.duplicate_of IS NULL'];
  const params: unknown[] = [from, to];
  const list = (n: number) => Array.from({ length: n }, () => '?').join(', ');
  if (filter.sourceIds) (where.push(`m.source_id IN (${list(filter.sourceIds.length)})`), params.push(...filter.sourceIds));
  if (filter.lang) (where.push('m.lang = ?'), params.push(filter.lang));
  if (filter.sentiment) (where.push('m.sentiment_label = ?'), params.push(filter.sentiment));
  if (filter.rating) (where.push(`m.rating IN (${list(filter.rating.length)})`), params.push(...filter.rating));
  if (filter.brand) (where.push('EXISTS (SELECT 1 FROM mention_brands b WHERE b.mention_id = m.id AND b.brand_id = ?)'), params.push(filter.brand));
  if (filter.topic) {
    where.push(`EXISTS (SELECT 1 FROM mention_topics x WHERE x.mention_id = m.id AND x.topic_id IN (${TOPIC_TREE}))`);
    params.push(filter.topic);
  }
  return { where: where.join(' AND '), params };
}
