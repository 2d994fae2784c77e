/**
 * npm run bench:ingest — end-to-end ingest throughput against raw wink-nlp, in one run.
 *
 * Replays the texts of ../shared/data/airline-tweets/Tweets.csv, repeated to 100,000 items with
 * unique ids, through the real ingest path (dedupe → analyse → store mentions, topics, brands,
 * rollups, FTS) into a fresh SQLite file, and times raw wink `readDoc` + sentiment (the default
 * pipeline) on the same texts before and after. The ratio is what counts: the machine is shared.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { loadConfig } from '../src/config/load.js';
import type { RawItem } from '../src/connectors/types.js';
import { openDb } from '../src/db/client.js';
import { ensureImportSource, syncConfig } from '../src/db/sources.js';
import { createIngestor } from '../src/ingest/ingest-items.js';
import { analyze } from '../src/nlp/pipeline.js';
import { compileTaxonomy } from '../src/nlp/taxonomy.js';
import { parseDate } from '../src/util/dates.js';

const TOTAL = Number(process.env.BENCH_ITEMS ?? 100_000);
const BATCH = 1000;
const repo = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const csv = path.resolve(repo, '../shared/data/airline-tweets/Tweets.csv');
if (!existsSync(csv)) {
  console.log(`bench:ingest skipped: ${csv} is absent (the benchmark replays the real airline tweets)`);
  process.exit(0);
}

const rows = parse(readFileSync(csv), { columns: true }) as { tweet_id: string; text: string; tweet_created: string }[];
const items: RawItem[] = [];
for (let i = 0; items.length < TOTAL; i++) {
  const row = rows[i % rows.length]!;
  items.push({ externalId: `${row.tweet_id}-${i}`, text: row.text, publishedAt: parseDate(row.tweet_created) });
}
const texts = items.map((item) => item.text);

function rawWink(): number {
  const nlp = winkNLP(model);
  const its = nlp.its;
  const started = performance.now();
  let sink = 0;
  for (const text of texts) sink += Number(nlp.readDoc(text).out(its.sentiment));
  if (Number.isNaN(sink)) throw new Error('unreachable');
  return texts.length / ((performance.now() - started) / 1000);
}

const config = loadConfig(path.join(repo, 'earshot.config.yaml'));
const taxonomy = compileTaxonomy(config.topics, config.brands);

function analysisOnly(): number {
  const started = performance.now();
  for (const text of texts) analyze(text, taxonomy);
  return texts.length / ((performance.now() - started) / 1000);
}

function endToEnd(): { rate: number; dbBytes: number } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'earshot-bench-'));
  const store = openDb(path.join(dir, 'bench.db'));
  try {
    syncConfig(store.db, config);
    const source = ensureImportSource(store.db, 'bench');
    const ingestor = createIngestor(store, taxonomy);
    const started = performance.now();
    let inserted = 0;
    for (let i = 0; i < items.length; i += BATCH) inserted += ingestor.ingest(source.id, items.slice(i, i + BATCH)).inserted;
    const rate = items.length / ((performance.now() - started) / 1000);
    if (inserted !== items.length) throw new Error(`expected ${items.length} inserted, got ${inserted}`);
    store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    return { rate, dbBytes: statSync(path.join(dir, 'bench.db')).size };
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
console.log(`bench:ingest — ${fmt(items.length)} items (Tweets.csv texts repeated), node ${process.version}, ${os.cpus().length} cores`);
const before = rawWink();
const analysis = analysisOnly();
const e2e = endToEnd();
const after = rawWink();
const baseline = (before + after) / 2;
console.log(`raw wink readDoc+sentiment: ${fmt(before)} / ${fmt(after)} items/s (mean ${fmt(baseline)})`);
console.log(`earshot analyze() only:     ${fmt(analysis)} items/s (${(analysis / baseline).toFixed(2)}x raw wink)`);
console.log(`earshot end-to-end ingest:  ${fmt(e2e.rate)} items/s into SQLite (${(e2e.dbBytes / 1e6).toFixed(1)} MB)`);
console.log(`ratio end-to-end / raw wink: ${(e2e.rate / baseline).toFixed(2)} (target >= 0.5)`);
