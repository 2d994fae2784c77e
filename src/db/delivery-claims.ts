/**
 * The worker's side of the outbox: claiming due deliveries under a lease, closing attempts, and
 * taking back what a dead process left in flight. Each step is one transaction.
 */
import type Database from 'better-sqlite3';
import { and, eq } from 'drizzle-orm';
import type { Db } from './client.js';
import type { DeliveryRow } from './deliveries.js';
import { deliveries, deliveryAttempts } from './schema.js';

const statements = new WeakMap<object, Map<string, Database.Statement<unknown[]>>>();
function prepared(db: Db, text: string): Database.Statement<unknown[]> {
  let map = statements.get(db.$client);
  if (!map) statements.set(db.$client, (map = new Map()));
  let s = map.get(text);
  if (!s) map.set(text, (s = db.$client.prepare<unknown[]>(text)));
  return s;
}

export interface Claimed {
  delivery: DeliveryRow;
  attempt: number;
}

/**
 * Takes up to `limit` due deliveries for this process: marks them sending under a lease and
 * opens an attempt row for each, in one transaction, so two workers never send the same row.
 */
export function claimDue(db: Db, now: number, limit: number, leaseMs: number, pid: number): Claimed[] {
  // Raw statements on this path: it runs for every attempt (see bench/delivery.ts).
  return db.$client.transaction(() => {
    const rows = prepared(
      db,
      `UPDATE deliveries SET status = 'sending', attempts = attempts + 1, locked_until = ?, locked_by = ?, updated_at = ?
       WHERE id IN (SELECT id FROM deliveries WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?)
       RETURNING *`,
    ).all(now + leaseMs, pid, now, now, limit) as Record<string, unknown>[];
    const open = prepared(db, 'INSERT INTO delivery_attempts (delivery_id, attempt, started_at) VALUES (?, ?, ?)');
    return rows
      .map((r) => {
        const delivery = toDeliveryRow(r);
        open.run(delivery.id, delivery.attempts, now);
        return { delivery, attempt: delivery.attempts };
      })
      .sort((a, b) => (a.delivery.nextAttemptAt ?? 0) - (b.delivery.nextAttemptAt ?? 0) || a.delivery.id - b.delivery.id);
  }).immediate();
}

function toDeliveryRow(r: Record<string, unknown>): DeliveryRow {
  return {
    id: r.id as number,
    subscriptionId: r.subscription_id as number,
    alertId: r.alert_id as number | null,
    kind: r.kind as string,
    idempotencyKey: r.idempotency_key as string,
    status: r.status as string,
    summaryId: r.summary_id as number | null,
    payload: r.payload === null ? null : JSON.parse(r.payload as string),
    periodFrom: r.period_from as number | null,
    periodTo: r.period_to as number | null,
    attempts: r.attempts as number,
    nextAttemptAt: r.next_attempt_at as number | null,
    lockedUntil: r.locked_until as number | null,
    lockedBy: r.locked_by as number | null,
    lastError: r.last_error as string | null,
    deliveredAt: r.delivered_at as number | null,
    createdAt: r.created_at as number,
    updatedAt: r.updated_at as number,
  };
}

/**
 * Deliveries left `sending` by a process that died (or whose lease ran out) go back to pending,
 * due now; their open attempt is closed as interrupted. The receiver may have got that attempt:
 * this is the one window in which a key can arrive twice.
 */
export function releaseStale(db: Db, now: number, isAlive: (pid: number) => boolean): number {
  const stuck = db
    .select({ id: deliveries.id, lockedBy: deliveries.lockedBy, lockedUntil: deliveries.lockedUntil })
    .from(deliveries)
    .where(eq(deliveries.status, 'sending'))
    .all()
    .filter((d) => (d.lockedUntil ?? 0) < now || d.lockedBy === null || (d.lockedBy !== process.pid && !isAlive(d.lockedBy)));
  if (stuck.length === 0) return 0;
  db.$client.transaction(() => {
    for (const d of stuck) {
      prepared(
        db,
        `UPDATE delivery_attempts SET finished_at = ?, outcome = 'interrupted', error = ?
         WHERE delivery_id = ? AND finished_at IS NULL`,
      ).run(now, 'the sending process stopped during this attempt; the receiver may have received it', d.id);
      db.update(deliveries)
        .set({ status: 'pending', nextAttemptAt: now, lockedUntil: null, lockedBy: null, lastError: 'interrupted: the sending process stopped', updatedAt: now })
        .where(and(eq(deliveries.id, d.id), eq(deliveries.status, 'sending')))
        .run();
    }
  })();
  return stuck.length;
}

export interface AttemptResult {
  outcome: 'ok' | 'failed' | 'refused' | 'interrupted';
  httpStatus?: number | null;
  error?: string | null;
}

/**
 * Closes an attempt and moves its delivery on, in one transaction: success marks the delivery
 * delivered in the same step that records it (at most once per key); a failure schedules the
 * next try or dead-letters it with the error.
 */
export function finishAttempt(
  db: Db,
  claimed: Claimed,
  result: AttemptResult,
  next: { status: 'delivered' | 'pending' | 'dead'; nextAttemptAt?: number | null },
  now: number,
): void {
  const close = prepared(db, 'UPDATE delivery_attempts SET finished_at = ?, outcome = ?, http_status = ?, error = ? WHERE delivery_id = ? AND attempt = ?');
  const move = prepared(
    db,
    `UPDATE deliveries SET status = ?, next_attempt_at = ?, locked_until = NULL, locked_by = NULL, last_error = ?, delivered_at = ?, updated_at = ?
     WHERE id = ? AND status = 'sending'`,
  );
  db.$client.transaction(() => {
    close.run(now, result.outcome, result.httpStatus ?? null, result.error ?? null, claimed.delivery.id, claimed.attempt);
    move.run(
      next.status,
      next.status === 'pending' ? (next.nextAttemptAt ?? now) : null,
      result.outcome === 'ok' ? null : (result.error ?? null),
      next.status === 'delivered' ? now : null,
      now,
      claimed.delivery.id,
    );
  })();
}

/** Ends a delivery without sending (its subscription was deleted or disabled). */
export function cancelDelivery(db: Db, claimed: Claimed, reason: string, now: number): void {
  db.$client.transaction(() => {
    db.delete(deliveryAttempts)
      .where(and(eq(deliveryAttempts.deliveryId, claimed.delivery.id), eq(deliveryAttempts.attempt, claimed.attempt)))
      .run();
    db.update(deliveries)
      .set({ status: 'cancelled', attempts: claimed.attempt - 1, lastError: reason, lockedUntil: null, lockedBy: null, nextAttemptAt: null, updatedAt: now })
      .where(eq(deliveries.id, claimed.delivery.id))
      .run();
  })();
}
