/**
 * npm run bench:near-duplicates — how ingest groups the airline tweets into voices.
 *
 * Imports ../shared/data/airline-tweets/Tweets.csv through the real ingest path into a fresh
 * SQLite file and counts exact copies and near-duplicates (retweets, quote chains, edited
 * copies), then prints a fixed sample of near-duplicate pairs to read: precision is judged by
 * reading them (the data has no copy labels). Also times the fingerprint and the indexed lookup.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseConfigText } from '../src/config/load.js';
import { openDb } from '../src/db/client.js';
import { ensureImportSource, syncConfig } from '../src/db/sources.js';
import { createIngestor } from '../src/ingest/ingest-items.js';
import { createRecordBuilder } from '../src/ingest/record-pool.js';
import { jaccard, nearDuplicateKeys, shingles } from '../src/nlp/near-duplicate.js';
import { parseDate } from '../src/util/dates.js';
import { readTweets, TWEETS } from './topics-data.js';

const tweets = readTweets();
if (!tweets) {
  console.log(`bench:near-duplicates skipped: ${TWEETS} is absent`);
  process.exit(0);
}
const parsed = parseConfigText('topics: []\n');
if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
const config = parsed.config;

const dir = mkdtempSync(path.join(os.tmpdir(), 'earshot-neardup-'));
const store = openDb(path.join(dir, 'bench.db'));
try {
  syncConfig(store.db, config);
  const source = ensureImportSource(store.db, 'tweets');
  const ingestor = createIngestor(store, createRecordBuilder(config, 0));
  // In time order, as a stream would arrive.
  const items = tweets
    .map((t) => ({ externalId: t.id, text: t.text, publishedAt: parseDate(t.created) ?? 0 }))
    .sort((a, b) => a.publishedAt - b.publishedAt);
  const started = performance.now();
  for (let i = 0; i < items.length; i += 1000) await ingestor.ingest(source.id, items.slice(i, i + 1000));
  const ingestMs = performance.now() - started;
  await ingestor.close();

  const sql = store.sqlite;
  const kinds = sql.prepare("SELECT coalesce(duplicate_kind, 'original') AS kind, count(*) AS n FROM mentions GROUP BY 1 ORDER BY 1").all() as { kind: string; n: number }[];
  const groups = sql.prepare("SELECT count(DISTINCT duplicate_of) FROM mentions WHERE duplicate_kind = 'near'").pluck().get() as number;
  const retweets = sql.prepare("SELECT count(*) AS n, sum(duplicate_of IS NOT NULL) AS grouped FROM mentions WHERE text LIKE 'RT @%'").get() as { n: number; grouped: number };
  console.log(`bench:near-duplicates — ${items.length} tweets ingested in ${(ingestMs / 1000).toFixed(1)} s`);
  for (const k of kinds) console.log(`  ${k.kind}: ${k.n}`);
  console.log(`  near-duplicate groups: ${groups}; texts starting "RT @": ${retweets.n}, of them grouped with an earlier voice: ${retweets.grouped}`);

  const pairs = sql
    .prepare("SELECT c.text AS copy, o.text AS original FROM mentions c JOIN mentions o ON o.id = c.duplicate_of WHERE c.duplicate_kind = 'near' ORDER BY c.external_id LIMIT 400")
    .all() as { copy: string; original: string }[];
  console.log(`\nsample of near-duplicate pairs (every 20th of the first ${pairs.length} by tweet id), with their shingle similarity:`);
  for (let i = 0; i < pairs.length; i += 20) {
    const p = pairs[i]!;
    console.log(`  ${jaccard(shingles(p.copy), shingles(p.original)).toFixed(2)}  ${p.original.replace(/\s+/g, ' ').slice(0, 110)}\n        ${p.copy.replace(/\s+/g, ' ').slice(0, 110)}`);
  }

  const t0 = performance.now();
  let sink = 0;
  for (const t of tweets) sink += nearDuplicateKeys(t.text)?.length ?? 0;
  const perItem = ((performance.now() - t0) * 1000) / tweets.length;
  const bandRows = sql.prepare('SELECT count(*) FROM near_duplicate_bands').pluck().get() as number;
  console.log(`\nfingerprint: ${perItem.toFixed(1)} µs a text (${sink} keys); ${bandRows} band rows stored`);
} finally {
  store.close();
  rmSync(dir, { recursive: true, force: true });
}
