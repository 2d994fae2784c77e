import type Database from 'better-sqlite3';
import { and, desc, eq, inArray, lt, type SQL } from 'drizzle-orm';
import type { Db } from './client.js';
import type { AlertRow } from './alerts.js';
import { deliveries, deliveryAttempts } from './schema.js';

export type DeliveryRow = typeof deliveries.$inferSelect;
export type AttemptRow = typeof deliveryAttempts.$inferSelect;
export const DELIVERY_STATUSES = ['pending', 'sending', 'delivered', 'dead', 'suppressed', 'summarized', 'cancelled'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
export const DELIVERY_KINDS = ['alert', 'summary', 'digest', 'test'] as const;
export type DeliveryKind = (typeof DELIVERY_KINDS)[number];

export interface NewDelivery {
  subscriptionId: number;
  alertId?: number | null;
  kind: DeliveryKind;
  idempotencyKey: string;
  status: DeliveryStatus;
  summaryId?: number | null;
  payload?: unknown;
  periodFrom?: number | null;
  periodTo?: number | null;
  nextAttemptAt?: number | null;
  lastError?: string | null;
}

const statements = new WeakMap<object, Map<string, Database.Statement<unknown[]>>>();
function prepared(db: Db, text: string): Database.Statement<unknown[]> {
  let map = statements.get(db.$client);
  if (!map) statements.set(db.$client, (map = new Map()));
  let s = map.get(text);
  if (!s) map.set(text, (s = db.$client.prepare<unknown[]>(text)));
  return s;
}

/** Inserts unless the alert × subscription or the key is already owed; null when it was. */
export function insertDelivery(db: Db, row: NewDelivery, now: number): DeliveryRow | null {
  return db.insert(deliveries).values({ ...row, createdAt: now, updatedAt: now }).onConflictDoNothing().returning().get() ?? null;
}

export function getDelivery(db: Db, id: number): DeliveryRow | undefined {
  return db.select().from(deliveries).where(eq(deliveries.id, id)).get();
}

/**
 * Alerts created since `since` that have no delivery row for the subscription yet, oldest
 * first: the ones routing still has to decide about.
 */
export function alertsAwaitingRouting(db: Db, subscriptionId: number, since: number, kinds: readonly string[]): AlertRow[] {
  if (kinds.length === 0) return [];
  const rows = prepared(
    db,
    `SELECT a.id, a.kind, a.brand, a.topic, a.source_id AS sourceId, a.bucket_start AS bucketStart, a.bucket_end AS bucketEnd,
       a.observed, a.expected, a.score, a.sensitivity, a.explanation, a.status, a.rule, a.created_at AS createdAt, a.updated_at AS updatedAt
     FROM alerts a
     WHERE a.created_at >= ?
       AND (a.kind IN (SELECT value FROM json_each(?))
         -- An alert also stands for the decisions folded into it (src/alerts/detect-incidents.ts):
         -- a topic's spike carries that topic's emerging-topic decision.
         OR EXISTS (SELECT 1 FROM json_each(a.explanation, '$.incident.merged') m WHERE m.value ->> 'kind' IN (SELECT value FROM json_each(?))))
       AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.alert_id = a.id AND d.subscription_id = ?)
     ORDER BY a.created_at, a.id`,
  ).all(since, JSON.stringify(kinds), JSON.stringify(kinds), subscriptionId) as (Omit<AlertRow, 'explanation'> & { explanation: string })[];
  return rows.map((r) => ({ ...r, explanation: JSON.parse(r.explanation) }));
}

/** Messages (alerts and summaries) owed to or sent to a subscription since `since`: what its hourly cap counts. */
export function messagesSince(db: Db, subscriptionId: number, since: number): { count: number; oldest: number | null } {
  return prepared(
    db,
    `SELECT count(*) AS count, min(created_at) AS oldest FROM deliveries
     WHERE subscription_id = ? AND created_at > ? AND kind IN ('alert', 'summary') AND status IN ('pending', 'sending', 'delivered', 'dead')`,
  ).get(subscriptionId, since) as { count: number; oldest: number | null };
}

/** When an alert of the same kind, brand and topic last reached the subscription (for its cooldown). */
export function lastSentLike(db: Db, subscriptionId: number, alert: { kind: string; brand: string; topic: string }, since: number): number | null {
  const row = prepared(
    db,
    `SELECT max(d.created_at) AS at FROM deliveries d JOIN alerts a ON a.id = d.alert_id
     WHERE d.subscription_id = ? AND d.created_at > ? AND d.status IN ('pending', 'sending', 'delivered', 'dead', 'summarized')
       AND a.kind = ? AND a.brand = ? AND a.topic = ?`,
  ).get(subscriptionId, since, alert.kind, alert.brand, alert.topic) as { at: number | null };
  return row.at;
}

/** The subscription's summary still open for more capped alerts: pending and never attempted. */
export function openSummary(db: Db, subscriptionId: number): DeliveryRow | undefined {
  return db
    .select()
    .from(deliveries)
    .where(and(eq(deliveries.subscriptionId, subscriptionId), eq(deliveries.kind, 'summary'), eq(deliveries.status, 'pending'), eq(deliveries.attempts, 0)))
    .get();
}

export function summaryMembers(db: Db, summaryId: number): { delivery: DeliveryRow; alertId: number }[] {
  return db
    .select()
    .from(deliveries)
    .where(eq(deliveries.summaryId, summaryId))
    .orderBy(deliveries.id)
    .all()
    .map((d) => ({ delivery: d, alertId: d.alertId! }));
}

export function setDeliveryPayload(db: Db, id: number, payload: unknown, now: number): void {
  db.update(deliveries).set({ payload, updatedAt: now }).where(eq(deliveries.id, id)).run();
}

/** Pending deliveries of a subscription become cancelled (it was deleted). */
export function cancelPendingFor(db: Db, subscriptionId: number, reason: string, now: number): number {
  return db
    .update(deliveries)
    .set({ status: 'cancelled', lastError: reason, nextAttemptAt: null, updatedAt: now })
    .where(and(eq(deliveries.subscriptionId, subscriptionId), eq(deliveries.status, 'pending')))
    .run().changes;
}

/** A dead or cancelled delivery goes back to the queue, due now, with its attempts kept. */
export function requeueDelivery(db: Db, id: number, now: number): DeliveryRow | undefined {
  return db
    .update(deliveries)
    .set({ status: 'pending', nextAttemptAt: now, updatedAt: now })
    .where(and(eq(deliveries.id, id), inArray(deliveries.status, ['dead', 'cancelled'])))
    .returning()
    .get();
}

/** When the next pending delivery is due, or null. */
export function nextDueAt(db: Db): number | null {
  return (prepared(db, `SELECT min(next_attempt_at) FROM deliveries WHERE status = 'pending'`).pluck().get() as number | null) ?? null;
}

export interface DeliveryFilter {
  subscriptionId?: number;
  subscriptionIds?: number[];
  alertId?: number;
  status?: DeliveryStatus;
  kind?: DeliveryKind;
}

/** Newest first, keyset paging on id. */
export function listDeliveries(db: Db, filter: DeliveryFilter, limit: number, beforeId?: number): { items: DeliveryRow[]; next: number | null } {
  const conditions: (SQL | undefined)[] = [
    filter.subscriptionId !== undefined ? eq(deliveries.subscriptionId, filter.subscriptionId) : undefined,
    filter.subscriptionIds !== undefined ? inArray(deliveries.subscriptionId, filter.subscriptionIds) : undefined,
    filter.alertId !== undefined ? eq(deliveries.alertId, filter.alertId) : undefined,
    filter.status ? eq(deliveries.status, filter.status) : undefined,
    filter.kind ? eq(deliveries.kind, filter.kind) : undefined,
    beforeId !== undefined ? lt(deliveries.id, beforeId) : undefined,
  ];
  const rows = db.select().from(deliveries).where(and(...conditions)).orderBy(desc(deliveries.id)).limit(limit + 1).all();
  const items = rows.slice(0, limit);
  return { items, next: rows.length > limit ? items.at(-1)!.id : null };
}

export function attemptsOf(db: Db, deliveryIds: readonly number[]): Map<number, AttemptRow[]> {
  const out = new Map<number, AttemptRow[]>();
  if (deliveryIds.length === 0) return out;
  const rows = db.select().from(deliveryAttempts).where(inArray(deliveryAttempts.deliveryId, [...deliveryIds])).orderBy(deliveryAttempts.attempt).all();
  for (const r of rows) {
    if (!out.has(r.deliveryId)) out.set(r.deliveryId, []);
    out.get(r.deliveryId)!.push(r);
  }
  return out;
}

/** The end of the newest digest period of a subscription. */
export function lastDigestEnd(db: Db, subscriptionId: number): number | null {
  return (prepared(db, `SELECT max(period_to) FROM deliveries WHERE subscription_id = ? AND kind = 'digest'`).pluck().get(subscriptionId) as number | null) ?? null;
}
