import type Database from 'better-sqlite3';
import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from './client.js';
import { alerts } from './schema.js';

/** The detectors' kinds, and 'threshold' for a subscription's rule on a trend metric. */
export const ALERT_KINDS = ['volume_spike', 'negative_spike', 'emerging_topic', 'threshold'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
export const ALERT_STATUSES = ['open', 'acknowledged', 'resolved'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];
/** source_id of an alert about every source. */
export const NO_SOURCE = 0;

export type AlertRow = typeof alerts.$inferSelect;
export type NewAlert = Omit<typeof alerts.$inferInsert, 'id' | 'status' | 'createdAt' | 'updatedAt'>;

// ---------------------------------------------------------------- reading the series

/** One hour of one series: every mention, and the labelled ones split by sentiment. */
export interface HourCounts {
  key: string;
  bucket: number;
  volume: number;
  negative: number;
  labelled: number;
}

const statements = new WeakMap<object, Map<string, Database.Statement<unknown[]>>>();
function prepared(db: Db, text: string): Database.Statement<unknown[]> {
  let map = statements.get(db.$client);
  if (!map) statements.set(db.$client, (map = new Map()));
  let s = map.get(text);
  if (!s) map.set(text, (s = db.$client.prepare<unknown[]>(text)));
  return s;
}

const COUNTS = 'sum(volume) AS volume, sum(negative) AS negative, sum(positive + neutral + negative) AS labelled';

/** brand × topic hours from rollups_all (topic '*' = all mentions of the brand); key "brand\0topic". */
export function brandTopicHours(db: Db, from: number, to: number): HourCounts[] {
  return prepared(
    db,
    `SELECT brand || char(0) || topic AS key, bucket, ${COUNTS} FROM rollups_all
     WHERE bucket >= ? AND bucket < ? GROUP BY brand, topic, bucket ORDER BY bucket`,
  ).all(from, to) as HourCounts[];
}

/** brand × source hours (all topics) from rollups; key "brand\0sourceId". */
export function brandSourceHours(db: Db, from: number, to: number): HourCounts[] {
  return prepared(
    db,
    `SELECT brand || char(0) || source_id AS key, bucket, ${COUNTS} FROM rollups
     WHERE topic = '*' AND bucket >= ? AND bucket < ? GROUP BY brand, source_id, bucket ORDER BY bucket`,
  ).all(from, to) as HourCounts[];
}

/** First hour with any mention (all brands), or null on an empty store. */
export function firstDataHour(db: Db): number | null {
  const row = prepared(db, `SELECT min(bucket) AS first FROM rollups_all WHERE brand = '*' AND topic = '*'`).get() as { first: number | null };
  return row.first;
}

export function sourceNames(db: Db): Map<number, string> {
  const rows = prepared(db, 'SELECT id, name FROM sources').all() as { id: number; name: string }[];
  return new Map(rows.map((r) => [r.id, r.name]));
}

export interface SeriesMention {
  id: number;
  sourceId: number;
  text: string;
  title: string | null;
  url: string | null;
  publishedAt: number;
  sentimentLabel: string | null;
  sentimentScore: number | null;
  duplicateOf: number | null;
}

export interface AlertSeries {
  brand: string;
  topic: string;
  sourceId: number;
}

/** WHERE text for the mentions of one series: brand '*' and topic '*' mean all; a topic includes its descendants. */
function seriesWhere(series: AlertSeries, from: number, to: number): { where: string; params: unknown[] } {
  const where = ['m.published_at >= ?', 'm.published_at < ?'];
  const params: unknown[] = [from, to];
  if (series.brand !== '*') (where.push('m.id IN (SELECT mention_id FROM mention_brands WHERE brand_id = ?)'), params.push(series.brand));
  if (series.topic !== '*') {
    where.push(`m.id IN (SELECT mention_id FROM mention_topics WHERE topic_id IN (
      WITH RECURSIVE tree(id) AS (SELECT ? UNION SELECT t.id FROM topics t JOIN tree ON t.parent_id = tree.id) SELECT id FROM tree))`);
    params.push(series.topic);
  }
  if (series.sourceId !== NO_SOURCE) (where.push('m.source_id = ?'), params.push(series.sourceId));
  return { where: where.join(' AND '), params };
}

/** Mentions of one series in [from, to), oldest first. */
export function seriesMentions(db: Db, series: AlertSeries, from: number, to: number): SeriesMention[] {
  const { where, params } = seriesWhere(series, from, to);
  return prepared(
    db,
    `SELECT m.id, m.source_id AS sourceId, m.text, m.title, m.url, m.published_at AS publishedAt,
       m.sentiment_label AS sentimentLabel, m.sentiment_score AS sentimentScore, m.duplicate_of AS duplicateOf
     FROM mentions m WHERE ${where} ORDER BY m.published_at, m.id`,
  ).all(...params) as SeriesMention[];
}

/** How many of the series' mentions in [from, to) carry each topic (as matched), come from each source or are in each language. */
export function seriesBreakdown(db: Db, series: AlertSeries, from: number, to: number, by: 'topic' | 'source' | 'lang'): Map<string, number> {
  const { where, params } = seriesWhere(series, from, to);
  const text =
    by === 'topic'
      ? `SELECT mt.topic_id AS key, count(*) AS n FROM mentions m JOIN mention_topics mt ON mt.mention_id = m.id WHERE ${where} GROUP BY 1`
      : by === 'source'
        ? `SELECT CAST(m.source_id AS TEXT) AS key, count(*) AS n FROM mentions m WHERE ${where} GROUP BY 1`
        : `SELECT m.lang AS key, count(*) AS n FROM mentions m WHERE ${where} GROUP BY 1`;
  const rows = prepared(db, text).all(...params) as { key: string; n: number }[];
  return new Map(rows.map((r) => [r.key, r.n]));
}

// ---------------------------------------------------------------- storing and listing alerts

/**
 * Stores an alert unless the same one (kind, series, hour, sensitivity) is already there; the
 * stored row's id either way, and whether it is new. An existing alert keeps its status.
 */
export function insertAlert(db: Db, alert: NewAlert, now: number): { id: number; created: boolean } {
  const row = db
    .insert(alerts)
    .values({ ...alert, status: 'open', createdAt: now, updatedAt: now })
    .onConflictDoNothing()
    .returning({ id: alerts.id })
    .get();
  if (row) return { id: row.id, created: true };
  const existing = db
    .select({ id: alerts.id })
    .from(alerts)
    .where(
      and(
        eq(alerts.kind, alert.kind),
        eq(alerts.brand, alert.brand),
        eq(alerts.topic, alert.topic),
        eq(alerts.sourceId, alert.sourceId ?? NO_SOURCE),
        eq(alerts.bucketStart, alert.bucketStart),
        eq(alerts.sensitivity, alert.sensitivity),
        eq(alerts.rule, alert.rule ?? ''),
      ),
    )
    .get();
  return { id: existing!.id, created: false };
}

/** The latest stored alert of the same kind, series and sensitivity starting in [from, to). */
export function recentAlert(db: Db, alert: NewAlert, from: number, to: number): AlertRow | undefined {
  return db
    .select()
    .from(alerts)
    .where(
      and(
        eq(alerts.kind, alert.kind),
        eq(alerts.brand, alert.brand),
        eq(alerts.topic, alert.topic),
        eq(alerts.sourceId, alert.sourceId ?? NO_SOURCE),
        eq(alerts.sensitivity, alert.sensitivity),
        eq(alerts.rule, alert.rule ?? ''),
        gte(alerts.bucketStart, from),
        lt(alerts.bucketStart, to),
      ),
    )
    .orderBy(desc(alerts.bucketStart))
    .get();
}

export interface AlertFilter {
  status?: AlertStatus;
  kind?: AlertKind;
  brand?: string;
  topic?: string;
  from?: number;
  to?: number;
}

export interface AlertCursor {
  bucketStart: number;
  id: number;
}

export class BadAlertCursorError extends Error {}

export function encodeAlertCursor(c: AlertCursor): string {
  return Buffer.from(JSON.stringify([c.bucketStart, c.id])).toString('base64url');
}

export function decodeAlertCursor(text: string): AlertCursor {
  try {
    const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && value.every(Number.isSafeInteger)) return { bucketStart: value[0], id: value[1] };
  } catch {
    // fall through
  }
  throw new BadAlertCursorError('cursor is not one this API issued');
}

/** One page of alerts, newest bucket first; keyset paging on (bucket_start, id). */
export function listAlerts(db: Db, filter: AlertFilter, limit: number, after?: AlertCursor) {
  const conditions: (SQL | undefined)[] = [
    filter.status ? eq(alerts.status, filter.status) : undefined,
    filter.kind ? eq(alerts.kind, filter.kind) : undefined,
    filter.brand ? eq(alerts.brand, filter.brand) : undefined,
    filter.topic ? eq(alerts.topic, filter.topic) : undefined,
    filter.from !== undefined ? gte(alerts.bucketStart, filter.from) : undefined,
    filter.to !== undefined ? lt(alerts.bucketStart, filter.to) : undefined,
    // A row value, as for mentions: SQLite can seek the (bucket_start, id) index to it.
    after ? sql`(${alerts.bucketStart}, ${alerts.id}) < (${after.bucketStart}, ${after.id})` : undefined,
  ];
  const rows = db
    .select()
    .from(alerts)
    .where(and(...conditions))
    .orderBy(desc(alerts.bucketStart), desc(alerts.id))
    .limit(limit + 1)
    .all();
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, next: rows.length > limit && last ? { bucketStart: last.bucketStart, id: last.id } : null };
}

export function getAlert(db: Db, id: number): AlertRow | undefined {
  return db.select().from(alerts).where(eq(alerts.id, id)).get();
}

export function setAlertStatus(db: Db, id: number, status: AlertStatus, now: number): AlertRow | undefined {
  return db.update(alerts).set({ status, updatedAt: now }).where(eq(alerts.id, id)).returning().get();
}
