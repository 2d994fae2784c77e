import { afterAll, describe, expect, it } from 'vitest';
import { ROLLUP_TABLES } from '../../src/analytics/rollup-tables.js';
import { openDb } from '../../src/db/client.js';
import { createMentionWriter, type MentionRecord } from '../../src/db/mention-writer.js';
import { ensureImportSource } from '../../src/db/sources.js';
import { tempEarshot } from '../helpers/temp-earshot.js';
import { TREND_TEST_CONFIG } from '../helpers/trend-config.js';

const H = 3_600_000;
const earshot = tempEarshot(TREND_TEST_CONFIG);
afterAll(() => earshot.cleanup());

function mentions(sourceIds: number[]): MentionRecord[] {
  return Array.from({ length: 400 }, (_, i): MentionRecord => {
    const t = Date.UTC(2024, 2, 1) + i * 37 * 60_000;
    const topics = [['price'], ['late-delivery'], []][i % 3]!;
    return {
      sourceId: sourceIds[i % 2]!, externalId: `m${i}`, url: null, author: null, title: null, text: `t${i}`, lang: i % 4 ? 'en' : 'fr',
      publishedAt: t, fetchedAt: t, rating: i % 5 ? null : 1 + (i % 5), nps: null, csat: null, ces: null, contentHash: `h${i}`,
      sentimentScore: (i % 3) - 1, sentimentLabel: ['negative', 'neutral', 'positive'][i % 3]!, sentimentNote: null, sentences: '[]',
      metadata: null, topics: topics.map((id) => ({ id, terms: [id], score: null, label: null })), brands: i % 2 ? ['acme'] : ['globex'],
      rollupTopics: topics[0] === 'late-delivery' ? ['late-delivery', 'delivery'] : topics,
    };
  });
}

describe('migrations 0010 to 0012: day, language and rating rollups, WITHOUT ROWID', () => {
  it('turns a store with hourly rollups only into one with every table counted exactly as the writer counts', () => {
    const { sqlite } = earshot.store;
    const sources = [ensureImportSource(earshot.store.db, 'a').id, ensureImportSource(earshot.store.db, 'b').id];
    sqlite.transaction(() => createMentionWriter(sqlite).insertAll(mentions(sources)))();
    // Real-valued sums to 9 decimals: the writer and SQLite add them in another order.
    const dumpOf = (db: typeof sqlite) =>
      ROLLUP_TABLES.map((t) =>
        (db.prepare(`SELECT * FROM ${t.name} ORDER BY ${t.keys.join(', ')}`).all() as Record<string, unknown>[]).map((row) =>
          Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'number' ? Math.round(v * 1e9) / 1e9 : v])),
        ),
      );
    const dump = () => dumpOf(sqlite);
    const written = dump();

    // Back to what migration 0009 left: plain (rowid) hour tables without the per-label counts of
    // originals, no language, day, rating or local-day tables.
    const old = (table: string) =>
      (sqlite.prepare(`SELECT name FROM pragma_table_info('${table}')`).pluck().all() as string[]).filter((c) => !/^(positive|neutral|negative)_originals$/.test(c)).join(', ');
    sqlite.exec(`
      DROP TABLE rollups_lang; DROP TABLE rollups_day; DROP TABLE rollups_all_day; DROP TABLE rollups_lang_day;
      DROP TABLE rollups_rating; DROP TABLE rollups_rating_day; DROP TABLE rollup_zones;
      DROP TABLE rollups_local; DROP TABLE rollups_all_local; DROP TABLE rollups_lang_local; DROP TABLE rollups_rating_local;
      DROP TABLE rollups_rating_full; DROP TABLE rollups_rating_full_day; DROP TABLE rollups_rating_full_local;
      CREATE TABLE old_rollups AS SELECT ${old('rollups')} FROM rollups; DROP TABLE rollups; ALTER TABLE old_rollups RENAME TO rollups;
      CREATE TABLE old_all AS SELECT ${old('rollups_all')} FROM rollups_all; DROP TABLE rollups_all; ALTER TABLE old_all RENAME TO rollups_all;
      DELETE FROM __drizzle_migrations WHERE created_at = (SELECT max(created_at) FROM __drizzle_migrations);
      DELETE FROM __drizzle_migrations WHERE created_at = (SELECT max(created_at) FROM __drizzle_migrations);
      DELETE FROM __drizzle_migrations WHERE created_at = (SELECT max(created_at) FROM __drizzle_migrations);`);
    earshot.store.close();

    const reopened = openDb(earshot.dbPath);
    try {
      const tables = reopened.sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name LIKE 'rollups%'").all() as { name: string; sql: string }[];
      expect(tables.map((t) => t.name).sort()).toEqual(ROLLUP_TABLES.map((t) => t.name).sort());
      expect(tables.every((t) => /WITHOUT ROWID\s*$/.test(t.sql))).toBe(true);
      const after = dumpOf(reopened.sqlite);
      expect(after).toEqual(written);
      expect(after[0]!.length).toBeGreaterThan(100);
      // The rating tables are counted by the migration too (only rated mentions are in them).
      const rating = ROLLUP_TABLES.findIndex((t) => t.name === 'rollups_rating');
      expect(after[rating]!.length).toBeGreaterThan(10);
      const ratingFull = ROLLUP_TABLES.findIndex((t) => t.name === 'rollups_rating_full');
      expect(after[ratingFull]!.length).toBeGreaterThanOrEqual(after[rating]!.length);
    } finally {
      reopened.close();
    }
  });
});
