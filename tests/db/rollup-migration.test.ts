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

describe('migration 0006: day and language rollups, WITHOUT ROWID', () => {
  it('turns a store with hourly rollups only into one with every table filled exactly as the writer fills it', () => {
    const { sqlite } = earshot.store;
    const sources = [ensureImportSource(earshot.store.db, 'a').id, ensureImportSource(earshot.store.db, 'b').id];
    sqlite.transaction(() => createMentionWriter(sqlite).insertAll(mentions(sources)))();
    const dump = () => ROLLUP_TABLES.map((t) => sqlite.prepare(`SELECT * FROM ${t.name} ORDER BY ${t.keys.join(', ')}`).all());
    const written = dump();

    // Back to what migration 0005 left: plain (rowid) hour tables, no language or day tables.
    sqlite.exec(`
      DROP TABLE rollups_lang; DROP TABLE rollups_day; DROP TABLE rollups_all_day; DROP TABLE rollups_lang_day;
      CREATE TABLE old_rollups AS SELECT * FROM rollups; DROP TABLE rollups; ALTER TABLE old_rollups RENAME TO rollups;
      CREATE TABLE old_all AS SELECT * FROM rollups_all; DROP TABLE rollups_all; ALTER TABLE old_all RENAME TO rollups_all;
      DELETE FROM __drizzle_migrations WHERE created_at = (SELECT max(created_at) FROM __drizzle_migrations);`);
    earshot.store.close();

    const reopened = openDb(earshot.dbPath);
    try {
      const tables = reopened.sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name LIKE 'rollups%'").all() as { name: string; sql: string }[];
      expect(tables.map((t) => t.name).sort()).toEqual(ROLLUP_TABLES.map((t) => t.name).sort());
      expect(tables.every((t) => /WITHOUT ROWID\s*$/.test(t.sql))).toBe(true);
      const after = ROLLUP_TABLES.map((t) => reopened.sqlite.prepare(`SELECT * FROM ${t.name} ORDER BY ${t.keys.join(', ')}`).all());
      expect(after).toEqual(written);
      expect(after[0]!.length).toBeGreaterThan(100);
    } finally {
      reopened.close();
    }
  });
});
