import { eq, inArray } from 'drizzle-orm';
import type { Db } from './client.js';
import { labels, mentions, topics } from './schema.js';

export type LabelRow = typeof labels.$inferSelect;

export class LabelError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Stores an analyst's correction of one mention. A field left undefined keeps its stored value;
 * null clears it. Returns null when the mention does not exist.
 */
export function putLabels(
  db: Db,
  mentionId: number,
  change: { sentiment?: string | null; topics?: string[] | null },
  now = Date.now(),
): LabelRow | null {
  // IMMEDIATE: a deferred transaction that reads and then writes fails at once with SQLITE_BUSY
  // (no waiting) when another process committed in between; taking the write lock first makes it
  // wait its turn behind an import instead (bench:api found this as 500s under ingest).
  return db.transaction((tx) => {
    if (!tx.select({ id: mentions.id }).from(mentions).where(eq(mentions.id, mentionId)).get()) return null;
    if (change.topics) {
      const known = new Set(tx.select({ id: topics.id }).from(topics).where(inArray(topics.id, change.topics)).all().map((t) => t.id));
      const unknown = change.topics.filter((t) => !known.has(t));
      if (unknown.length > 0) throw new LabelError('topics', `unknown topic ${unknown.map((t) => `'${t}'`).join(', ')}`);
    }
    const current = tx.select().from(labels).where(eq(labels.mentionId, mentionId)).get();
    const row = {
      mentionId,
      sentiment: change.sentiment === undefined ? (current?.sentiment ?? null) : change.sentiment,
      topics: change.topics === undefined ? (current?.topics ?? null) : change.topics ? [...new Set(change.topics)].sort() : null,
      updatedAt: now,
    };
    tx.insert(labels).values(row).onConflictDoUpdate({ target: labels.mentionId, set: row }).run();
    return row;
  }, { behavior: 'immediate' });
}

export function labelsFor(db: Db, mentionIds: number[]): Map<number, LabelRow> {
  if (mentionIds.length === 0) return new Map();
  return new Map(db.select().from(labels).where(inArray(labels.mentionId, mentionIds)).all().map((l) => [l.mentionId, l]));
}
