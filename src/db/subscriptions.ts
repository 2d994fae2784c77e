import { and, asc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from './client.js';
import { apiKeys, subscriptions } from './schema.js';

export type SubscriptionRow = typeof subscriptions.$inferSelect;
export type NewSubscription = Omit<typeof subscriptions.$inferInsert, 'id' | 'createdAt' | 'updatedAt' | 'deletedAt'>;

export function insertSubscription(db: Db, row: NewSubscription, now: number): SubscriptionRow {
  return db.insert(subscriptions).values({ ...row, createdAt: now, updatedAt: now }).returning().get();
}

/** A subscription that is not deleted. */
export function getSubscription(db: Db, id: number): SubscriptionRow | undefined {
  return db.select().from(subscriptions).where(and(eq(subscriptions.id, id), isNull(subscriptions.deletedAt))).get();
}

/** Also a deleted one (the outbox still needs its target for history). */
export function getSubscriptionAny(db: Db, id: number): SubscriptionRow | undefined {
  return db.select().from(subscriptions).where(eq(subscriptions.id, id)).get();
}

export function listSubscriptions(db: Db, filter: { ownerKeyId?: number } = {}): SubscriptionRow[] {
  return db
    .select()
    .from(subscriptions)
    .where(and(isNull(subscriptions.deletedAt), filter.ownerKeyId === undefined ? undefined : eq(subscriptions.ownerKeyId, filter.ownerKeyId)))
    .orderBy(asc(subscriptions.id))
    .all();
}

/** Enabled, not deleted subscriptions, optionally of one mode. */
export function activeSubscriptions(db: Db, mode?: 'realtime' | 'digest'): SubscriptionRow[] {
  return db
    .select()
    .from(subscriptions)
    .where(and(isNull(subscriptions.deletedAt), eq(subscriptions.enabled, true), mode ? eq(subscriptions.mode, mode) : undefined))
    .orderBy(asc(subscriptions.id))
    .all();
}

export function updateSubscription(db: Db, id: number, change: Partial<NewSubscription>, now: number): SubscriptionRow | undefined {
  return db
    .update(subscriptions)
    .set({ ...change, updatedAt: now })
    .where(and(eq(subscriptions.id, id), isNull(subscriptions.deletedAt)))
    .returning()
    .get();
}

export function markSubscriptionDeleted(db: Db, id: number, now: number): boolean {
  const row = db
    .update(subscriptions)
    .set({ deletedAt: now, updatedAt: now, enabled: false, secret: null })
    .where(and(eq(subscriptions.id, id), isNull(subscriptions.deletedAt)))
    .returning({ id: subscriptions.id })
    .get();
  return row !== undefined;
}

export function brandExists(db: Db, id: string): boolean {
  return db.$client.prepare('SELECT 1 FROM brands WHERE id = ?').get(id) !== undefined;
}

export function knownTopics(db: Db): Set<string> {
  return new Set(db.$client.prepare('SELECT id FROM topics').pluck().all() as string[]);
}

export function sourceIdsByName(db: Db): Map<string, number> {
  const rows = db.$client.prepare('SELECT id, name FROM sources').all() as { id: number; name: string }[];
  return new Map(rows.map((r) => [r.name, r.id]));
}

/**
 * Disables every live, enabled subscription whose owner key is revoked (a subscription must not
 * outlive the key that made it); run when a key is revoked and when the delivery service starts,
 * so keys revoked before this rule existed are caught too (`onlyKeyId`: just that key's). How
 * many it disabled.
 */
export function disableSubscriptionsOfRevokedKeys(db: Db, now: number, onlyKeyId?: number): number {
  return db
    .update(subscriptions)
    .set({ enabled: false, updatedAt: now })
    .where(
      and(
        isNull(subscriptions.deletedAt),
        eq(subscriptions.enabled, true),
        sql`${subscriptions.ownerKeyId} in (select ${apiKeys.id} from ${apiKeys} where ${apiKeys.revokedAt} is not null)`,
        onlyKeyId === undefined ? undefined : eq(subscriptions.ownerKeyId, onlyKeyId),
      ),
    )
    .run().changes;
}

/** When the owner keys of these subscriptions were revoked, for those that were. */
export function ownerRevocations(db: Db, rows: Pick<SubscriptionRow, 'ownerKeyId'>[]): Map<number, { name: string; revokedAt: number }> {
  const ids = [...new Set(rows.map((r) => r.ownerKeyId))];
  if (ids.length === 0) return new Map();
  const revoked = db
    .select({ id: apiKeys.id, name: apiKeys.name, revokedAt: apiKeys.revokedAt })
    .from(apiKeys)
    .where(and(inArray(apiKeys.id, ids), isNotNull(apiKeys.revokedAt)))
    .all();
  return new Map(revoked.map((k) => [k.id, { name: k.name, revokedAt: k.revokedAt! }]));
}
