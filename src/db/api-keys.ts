import { and, asc, eq, gt, isNull, sql, type SQL } from 'drizzle-orm';
import type { Role } from '../api/principal.js';
import type { Db } from './client.js';
import { apiKeys } from './schema.js';
import { disableSubscriptionsOfRevokedKeys } from './subscriptions.js';

export type ApiKeyRow = typeof apiKeys.$inferSelect;
/** A key as lists show it: everything but the hash. */
export type ApiKeyInfo = Omit<ApiKeyRow, 'hash'>;

export class KeyNameTakenError extends Error {
  constructor(readonly keyName: string) {
    super(`a live key named '${keyName}' exists; revoke it first or choose another name`);
  }
}

const info = {
  id: apiKeys.id,
  name: apiKeys.name,
  role: apiKeys.role,
  hint: apiKeys.hint,
  rateLimit: apiKeys.rateLimit,
  createdBy: apiKeys.createdBy,
  createdAt: apiKeys.createdAt,
  lastUsedAt: apiKeys.lastUsedAt,
  revokedAt: apiKeys.revokedAt,
};

export interface NewKey {
  name: string;
  role: Role;
  hash: string;
  hint: string;
  rateLimit?: number | null;
  createdBy: string;
}

export function insertKey(db: Db, key: NewKey, now: number): ApiKeyInfo {
  try {
    return db
      .insert(apiKeys)
      .values({ ...key, rateLimit: key.rateLimit ?? null, createdAt: now })
      .returning(info)
      .get();
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE' && /api_keys\.name/.test((error as Error).message)) {
      throw new KeyNameTakenError(key.name);
    }
    throw error;
  }
}

/** The live (not revoked) key with this hash. */
export function findLiveKey(db: Db, hash: string): Pick<ApiKeyRow, 'id' | 'name' | 'role' | 'rateLimit'> | undefined {
  return db
    .select({ id: apiKeys.id, name: apiKeys.name, role: apiKeys.role, rateLimit: apiKeys.rateLimit })
    .from(apiKeys)
    .where(and(eq(apiKeys.hash, hash), isNull(apiKeys.revokedAt)))
    .get();
}

export function getKey(db: Db, id: number): ApiKeyInfo | undefined {
  return db.select(info).from(apiKeys).where(eq(apiKeys.id, id)).get();
}

export function findLiveKeyByName(db: Db, name: string): ApiKeyInfo | undefined {
  return db.select(info).from(apiKeys).where(and(eq(apiKeys.name, name), isNull(apiKeys.revokedAt))).get();
}

export interface KeyFilter {
  role?: Role;
  revoked?: boolean;
}

/** Keys in the order they were made; keyset paging on id. */
export function listKeys(db: Db, filter: KeyFilter, limit: number, afterId?: number) {
  const conditions: (SQL | undefined)[] = [
    filter.role ? eq(apiKeys.role, filter.role) : undefined,
    filter.revoked === undefined ? undefined : filter.revoked ? sql`${apiKeys.revokedAt} IS NOT NULL` : isNull(apiKeys.revokedAt),
    afterId !== undefined ? gt(apiKeys.id, afterId) : undefined,
  ];
  const rows = db
    .select(info)
    .from(apiKeys)
    .where(and(...conditions))
    .orderBy(asc(apiKeys.id))
    .limit(limit + 1)
    .all();
  const items = rows.slice(0, limit);
  return { items, next: rows.length > limit ? items.at(-1)!.id : null };
}

/**
 * Revokes a live key and, in the same transaction, disables the subscriptions it made (they would
 * otherwise go on sending alerts for a key that no longer exists). The revoked row with how many
 * subscriptions that disabled, or undefined when there is no live key with that id.
 */
export function revokeKey(db: Db, id: number, now: number): (ApiKeyInfo & { subscriptionsDisabled: number }) | undefined {
  return db.transaction(
    (tx) => {
      const key = tx
        .update(apiKeys)
        .set({ revokedAt: now })
        .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
        .returning(info)
        .get();
      return key ? { ...key, subscriptionsDisabled: disableSubscriptionsOfRevokedKeys(tx as unknown as Db, now, key.id) } : undefined;
    },
    { behavior: 'immediate' },
  );
}

export function countKeys(db: Db, filter: { live?: boolean; role?: Role } = {}): number {
  const row = db
    .select({ n: sql<number>`count(*)` })
    .from(apiKeys)
    .where(and(filter.live ? isNull(apiKeys.revokedAt) : undefined, filter.role ? eq(apiKeys.role, filter.role) : undefined))
    .get();
  return row?.n ?? 0;
}

/** SQL the last-use recorder runs on its own connection; never moves a time backwards. */
export const TOUCH_KEY_SQL = 'UPDATE api_keys SET last_used_at = max(coalesce(last_used_at, 0), ?) WHERE id = ?';
