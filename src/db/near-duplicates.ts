import type Database from 'better-sqlite3';
import { jaccard, NEAR_DUPLICATE_JACCARD, shingles } from '../nlp/near-duplicate.js';

/** Enough to find the original among a busy band; a bound so no lookup reads a whole campaign. */
const MAX_CANDIDATES = 64;

/** Copies are looked for among mentions published this close to each other. */
export const NEAR_DUPLICATE_WINDOW_MS = 7 * 24 * 3_600_000;

export interface DuplicateOf {
  root: number;
  kind: 'exact' | 'near';
}

/**
 * Finds what a mention copies: the oldest stored mention (lowest id, below `before`) with the
 * same normalized text, else the oldest first voice within a week whose text shares a MinHash
 * band key and is at least NEAR_DUPLICATE_JACCARD similar. Only first voices carry band keys, so
 * a group has one original however it grew.
 */
export function createNearDuplicateIndex(sqlite: Database.Database) {
  const firstWithHash = sqlite.prepare<[string, number], { root: number }>(
    'SELECT coalesce(duplicate_of, id) AS root FROM mentions WHERE content_hash = ? AND id < ? ORDER BY id LIMIT 1',
  );
  const candidates = sqlite.prepare<unknown[], { id: number; root: number; text: string }>(
    `SELECT DISTINCT m.id, coalesce(m.duplicate_of, m.id) AS root, m.text
     FROM near_duplicate_bands b JOIN mentions m ON m.id = b.mention_id
     WHERE b.band IN (?, ?, ?, ?, ?, ?) AND b.published_at BETWEEN ? AND ? AND b.mention_id < ?
     ORDER BY m.id LIMIT ${MAX_CANDIDATES}`,
  );
  const addBand = sqlite.prepare('INSERT OR IGNORE INTO near_duplicate_bands (band, published_at, mention_id) VALUES (?, ?, ?)');

  return {
    find(text: string, contentHash: string, keys: readonly number[] | null, publishedAt: number, before = Number.MAX_SAFE_INTEGER): DuplicateOf | null {
      const exact = firstWithHash.get(contentHash, before);
      if (exact) return { root: exact.root, kind: 'exact' };
      if (keys === null || keys.length !== 6) return null;
      const found = candidates.all(...keys, publishedAt - NEAR_DUPLICATE_WINDOW_MS, publishedAt + NEAR_DUPLICATE_WINDOW_MS, before);
      if (found.length === 0) return null;
      const mine = shingles(text);
      // Oldest first: the first that is similar enough is the original.
      for (const c of found) if (jaccard(mine, shingles(c.text)) >= NEAR_DUPLICATE_JACCARD) return { root: c.root, kind: 'near' };
      return null;
    },

    /**
     * Makes a stored mention findable by its band keys. A retag writes the same rows again (the
     * text and its keys do not change), so this only ever adds. Keys left by an older
     * fingerprint version would only add candidates, which are checked exactly anyway.
     */
    index(mentionId: number, keys: readonly number[] | null, publishedAt: number): void {
      for (const key of keys ?? []) addBand.run(key, publishedAt, mentionId);
    },
  };
}

export type NearDuplicateIndex = ReturnType<typeof createNearDuplicateIndex>;
