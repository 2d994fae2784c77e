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
import { createRecordBuilder, defaultWorkerCount } from '../src/ingest/record-pool.js';
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

async function endToEnd(workers: number): Promise<{ rate: number; dbBytes: number }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'earshot-bench-'));
  const store = openDb(path.join(dir, 'bench.db'));
  try {
    syncConfig(store.db, config);
    const source = ensureImportSource(store.db, 'bench');
    const ingestor = createIngestor(store, createRecordBuilder(config, workers, taxonomy));
    // Warm the workers (model load) outside the timing, as a long-running server has them warm.
    await ingestor.prepare(source.id, items.slice(0, 10).map((item) => ({ ...item, externalId: `warm-${item.externalId}` })));
    const started = performance.now();
    let inserted = 0;
    // The import path: the next batch is analysed while the previous one is written.
    let pending = ingestor.prepare(source.id, items.slice(0, BATCH));
    for (let i = BATCH; i <= items.length; i += BATCH) {
      const ready = await pending;
      if (i < items.length) pending = ingestor.prepare(source.id, items.slice(i, i + BATCH));
      inserted += ingestor.commit(ready).inserted;
    }
    const rate = items.length / ((performance.now() - started) / 1000);
    await ingestor.close();
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
const workers = defaultWorkerCount();
const before = rawWink();
const analysis = analysisOnly();
const single = await endToEnd(0);
const pooled = workers > 0 ? await endToEnd(workers) : single;
const after = rawWink();
const baseline = (before + after) / 2;
console.log(`raw wink readDoc+sentiment (1 core): ${fmt(before)} / ${fmt(after)} items/s (mean ${fmt(baseline)})`);
console.log(`earshot analyze() only (1 core):     ${fmt(analysis)} items/s (${(analysis / baseline).toFixed(2)}x raw wink)`);
console.log(`end-to-end, analysis on the main thread: ${fmt(single.rate)} items/s (${(single.rate / baseline).toFixed(2)}x raw wink)`);
console.log(`end-to-end, ${workers} analysis worker(s) (default): ${fmt(pooled.rate)} items/s (${(pooled.rate / baseline).toFixed(2)}x raw wink; target >= 0.5)`);
console.log(`database after ${fmt(items.length)} items: ${(pooled.dbBytes / 1e6).toFixed(1)} MB`);
