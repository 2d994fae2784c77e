/**
 * npm run bench:trends — trend queries from the rollups against the same answers computed by
 * GROUP BY over the mentions, at 1 M and 10 M mentions (BENCH_SIZES=1000000,10000000).
 *
 * Seeds a year of synthetic mentions (4 brands, 12 topics in a hierarchy, 8 sources, 4
 * languages, ratings on review sources, NPS/CSAT/CES/CLI answers on the survey source) through
 * the real MentionWriter, so mentions, topics, brands and every rollup table (Los Angeles is in
 * trends.zones, so its local days too) are written exactly as ingest writes them (NLP is skipped: labels and scores are drawn at random). The FTS triggers
 * are dropped in the bench database only: full-text search plays no part in trends.
 * Prints seeding time, p50/p95 per query for both paths, whether the answers agree, database size
 * and process memory; deletes each database afterwards.
 */
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { shareOfVoice } from '../src/analytics/share-of-voice.js';
import { topTopics } from '../src/analytics/top-topics.js';
import { trendSeries, type TrendQuery } from '../src/analytics/trends.js';
import { parseConfigText } from '../src/config/load.js';
import { openDb, type OpenDb } from '../src/db/client.js';
import { createMentionWriter, type MentionRecord } from '../src/db/mention-writer.js';
import { syncConfig } from '../src/db/sources.js';
import { ROLLUP_TABLES } from '../src/analytics/rollup-tables.js';

const SIZES = (process.env.BENCH_SIZES ?? '1000000,10000000').split(',').map(Number);
const ROLLUP_REPS = Number(process.env.BENCH_REPS ?? 200);
const YEAR_START = Date.UTC(2024, 0, 1);
const YEAR_MS = 366 * 86_400_000;
const DAY = 86_400_000;

const SOURCES = ['news', 'reddit', 'hn', 'mastodon', 'appstore', 'trustpilot', 'youtube', 'survey'];
const TOPICS: [string, string | null][] = [
  ['delivery', null], ['late-delivery', 'delivery'], ['lost-parcel', 'delivery'], ['price', null], ['refund', 'price'],
  ['quality', null], ['broken', 'quality'], ['support', null], ['wait-time', 'support'], ['rude-staff', 'support'],
  ['app', null], ['app-crash', 'app'],
];
const BRANDS = ['acme', 'globex', 'initech', 'umbrella'];
const yaml = `
brands:
${BRANDS.map((b, i) => `  - { id: ${b}, name: ${b}, include: [${b}], competitor: ${i > 0} }`).join('\n')}
sources:
${SOURCES.map((s) => `  - { name: ${s}, kind: rss, options: { url: "https://example.com/${s}" } }`).join('\n')}
topics:
${TOPICS.map(([id, parent]) => `  - { id: ${id}, name: ${id}, terms: [${id.replace('-', '')}]${parent ? `, parent: ${parent}` : ''} }`).join('\n')}
trends:
  zones: [America/Los_Angeles]
`;

// A small fast PRNG keeps runs comparable.
let seed = 42;
const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
const pick = <T>(xs: readonly T[], weights?: number[]): T => {
  if (!weights) return xs[Math.floor(rand() * xs.length)]!;
  let r = rand() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < xs.length; i++) if ((r -= weights[i]!) < 0) return xs[i]!;
  return xs[xs.length - 1]!;
};
const LEAVES = TOPICS.filter(([id]) => !TOPICS.some(([, p]) => p === id)).map(([id]) => id);
const parentOf = new Map(TOPICS);

function record(i: number, total: number, sourceIds: number[]): MentionRecord {
  // Sorted times with a weekly rhythm and a slow growth over the year.
  const t = YEAR_START + Math.floor(((i + rand()) / total) * YEAR_MS);
  const s = pick([0, 1, 2, 3, 4, 5, 6, 7], [20, 25, 8, 10, 12, 10, 10, 5]);
  const source = SOURCES[s]!;
  const lang = source === 'hn' ? 'en' : pick(['en', 'fr', 'de', 'es'], [75, 10, 10, 5]);
  const brands = rand() < 0.85 ? [pick(BRANDS, [40, 30, 20, 10])] : [];
  if (rand() < 0.1) brands.push(pick(BRANDS.filter((b) => !brands.includes(b))));
  const leaves = rand() < 0.2 ? [] : [pick(LEAVES)];
  if (rand() < 0.25) leaves.push(pick(LEAVES));
  const topics = [...new Set(leaves)];
  const rollupTopics = [...new Set(topics.flatMap((id) => [id, parentOf.get(id)].filter((x): x is string => !!x)))];
  const scored = lang === 'en';
  const score = scored ? Math.round((rand() * 2 - 1) * 1000) / 1000 : null;
  const label = score === null ? null : score > 0.2 ? 'positive' : score < -0.2 ? 'negative' : 'neutral';
  const review = source === 'appstore' || source === 'trustpilot';
  const survey = source === 'survey';
  const nps = survey ? Math.floor(rand() * 11) : null;
  const metadata = survey && rand() < 0.5 ? JSON.stringify({ repurchase: String(Math.floor(rand() * 11)), try_other: Math.floor(rand() * 11) }) : null;
  const dup = rand() < 0.05;
  return {
    sourceId: sourceIds[s]!, externalId: `m${i}`, url: null, author: `u${i % 50_000}`, title: null,
    text: `mention ${i} about ${brands.join(' ')} ${topics.join(' ')}`, lang, publishedAt: t, fetchedAt: t,
    rating: review ? 1 + Math.floor(rand() * 5) : null, nps, csat: survey ? 1 + Math.floor(rand() * 5) : null,
    ces: survey ? 1 + Math.floor(rand() * 7) : null,
    contentHash: dup ? `h${i % 997}` : `h${i}`, sentimentScore: score, sentimentLabel: label,
    sentimentNote: scored ? null : `no sentiment analyzer for language '${lang}'`, sentences: '[]', metadata,
    topics: topics.map((id) => ({ id, terms: [id], score, label })), brands, rollupTopics,
  };
}

function seedDb(store: OpenDb, total: number): number {
  const config = parseConfigText(yaml);
  if (!config.ok) throw new Error(config.problems.join('\n'));
  syncConfig(store.db, config.config);
  const { sqlite } = store;
  for (const trigger of ['mentions_fts_insert', 'mentions_fts_delete', 'mentions_fts_update']) sqlite.exec(`DROP TRIGGER ${trigger}`);
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('cache_size = -1000000');
  const sourceIds = SOURCES.map((name) => (sqlite.prepare('SELECT id FROM sources WHERE name = ?').get(name) as { id: number }).id);
  const writer = createMentionWriter(sqlite);
  const insert = sqlite.transaction((batch: MentionRecord[]) => writer.insertAll(batch));
  const started = performance.now();
  const BATCH = 20_000;
  for (let i = 0; i < total; i += BATCH) {
    const batch: MentionRecord[] = [];
    for (let j = i; j < Math.min(total, i + BATCH); j++) batch.push(record(j, total, sourceIds));
    insert(batch);
    if ((i / BATCH) % 50 === 0) process.stderr.write(`  seeded ${i.toLocaleString()}\r`);
  }
  sqlite.pragma('synchronous = NORMAL');
  sqlite.exec('ANALYZE');
  return (performance.now() - started) / 1000;
}

function time(fn: () => unknown, reps: number): { p50: number; p95: number; result: unknown } {
  const times: number[] = [];
  let result: unknown;
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    result = fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { p50: at(0.5), p95: at(0.95), result };
}

const END = YEAR_START + YEAR_MS;
const base = { bucket: 'day' as const, tz: 'UTC', metric: 'volume' as const };
type Query = { name: string; run: (db: OpenDb['db'], fromMentions: boolean) => unknown };
const trendQueries: { name: string; q: Partial<TrendQuery> }[] = [
  { name: 'volume/day, 30 d, UTC', q: { ...base, from: END - 30 * DAY, to: END } },
  { name: 'all metrics/week, 1 y, LA, brand, compare', q: { ...base, metric: 'all', bucket: 'week', tz: 'America/Los_Angeles', brand: 'acme', compare: true } },
  { name: 'sentiment/day, 90 d, Paris, parent topic', q: { ...base, metric: 'sentiment', tz: 'Europe/Paris', topic: 'delivery', from: END - 90 * DAY, to: END } },
  { name: 'volume/hour, 7 d, source=reddit', q: { ...base, bucket: 'hour', from: END - 7 * DAY, to: END, sourceIds: [2] } },
  { name: 'all metrics/month, 1 y, brand+lang=en', q: { ...base, metric: 'all', bucket: 'month', brand: 'acme', lang: 'en' } },
  { name: 'all metrics/day, 1 y, LA, brand+topic', q: { ...base, metric: 'all', tz: 'America/Los_Angeles', brand: 'globex', topic: 'support' } },
  { name: 'volume/day, 1 y, LA, lang=fr', q: { ...base, tz: 'America/Los_Angeles', lang: 'fr' } },
  { name: 'sentiment/month, 1 y, brand+source=appstore', q: { ...base, metric: 'sentiment', bucket: 'month', brand: 'acme', sourceIds: [5] } },
  { name: 'volume/day, 30 d, brand, sentiment=negative', q: { ...base, from: END - 30 * DAY, to: END, brand: 'acme', sentiment: 'negative' } },
  { name: 'sentiment/week, 90 d, rating=1,2', q: { ...base, metric: 'sentiment', bucket: 'week', from: END - 90 * DAY, to: END, rating: [1, 2] } },
  // Vancouver keeps Los Angeles' clock but is not in trends.zones: the same year of days read
  // from hours, as every zone off UTC's midnight was before local-day rollups.
  { name: 'all metrics/day, 1 y, Vancouver (not declared: hours), brand+topic', q: { ...base, metric: 'all', tz: 'America/Vancouver', brand: 'globex', topic: 'support' } },
  { name: 'all metrics/day, 1 y, LA, rating=1,2', q: { ...base, metric: 'all', tz: 'America/Los_Angeles', rating: [1, 2] } },
  { name: 'volume/week, 1 y, LA, brand, rating=5', q: { ...base, bucket: 'week', tz: 'America/Los_Angeles', brand: 'acme', rating: [5] } },
  { name: 'sentiment/week, 90 d, rating=1,2 + source', q: { ...base, metric: 'sentiment', bucket: 'week', from: END - 90 * DAY, to: END, rating: [1, 2], sourceIds: [5] } },
  { name: 'all metrics/day, 1 y, LA, rating=1,2 + lang=de (every source)', q: { ...base, metric: 'all', tz: 'America/Los_Angeles', rating: [1, 2], lang: 'de' } },
];
const queries: Query[] = trendQueries.map(({ name, q }) => ({
  name,
  run: (db: OpenDb['db'], fromMentions: boolean) => trendSeries(db, { ...(q as TrendQuery), countSource: fromMentions ? 'mentions' : undefined }),
}));
queries.push(
  {
    name: 'top + rising topics, 7 d vs 7 d before',
    run: (db, m) => topTopics(db, { tz: 'UTC', from: END - 7 * DAY, to: END, limit: 10, alpha: 0.05, countSource: m ? 'mentions' : undefined }),
  },
  {
    name: 'share of voice/week, 1 y, compare',
    run: (db, m) => shareOfVoice(db, { bucket: 'week', tz: 'UTC', compare: true, ...(m ? { countSource: 'mentions' as const } : {}) }),
  },
);

/**
 * Equal, numbers within one unit of the answers' 4th decimal: averages are rounded there, and
 * float sums added in another order (days then hours, or SQLite's compensated sum) can round the
 * other way.
 */
function closeEnough(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1.0001e-4;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => closeEnough(x, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => closeEnough((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return isDeepStrictEqual(a, b);
}

const strip = (x: unknown) => JSON.parse(JSON.stringify(x).replaceAll('"computedFrom":"mentions"', '"computedFrom":"rollups"'));
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;

for (const size of SIZES) {
  // BENCH_KEEP=dir keeps each seeded database there (bench-<size>.db) and reuses it on the next
  // run, so two versions of the code can be timed on the very same data.
  const keep = process.env.BENCH_KEEP;
  const dir = keep ?? mkdtempSync(path.join(process.env.BENCH_DIR ?? os.tmpdir(), `earshot-trends-${size}-`));
  const file = path.join(dir, keep ? `bench-${size}.db` : 'bench.db');
  // A kept database is reused only if a seeding run finished it (a marker file written after the
  // last batch): a run stopped mid-seed once left a tenth of the mentions, timed as if complete.
  const done = `${file}.seeded`;
  if (keep !== undefined && existsSync(file) && !existsSync(done)) {
    console.log(`${file} was not seeded to the end: deleting it and seeding again`);
    for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
  }
  const reuse = keep !== undefined && existsSync(file);
  const store = openDb(file);
  try {
    console.log(`\n## ${size.toLocaleString()} mentions`);
    const seconds = reuse ? 0 : seedDb(store, size);
    if (keep !== undefined && !reuse) writeFileSync(done, `${size}\n`);
    if (reuse) console.log('(reusing the kept database)');
    const rows = (t: string) => (store.sqlite.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
    console.log(`seeded in ${seconds.toFixed(0)} s (${Math.round(size / seconds).toLocaleString()}/s); rows: ${ROLLUP_TABLES.map((t) => `${t.name} ${rows(t.name).toLocaleString()}`).join(', ')}`);
    const groupReps = size >= 5_000_000 ? 3 : 5;
    console.log('| query | rollups p50 | rollups p95 | GROUP BY mentions p50 | p95 | p50 ratio | same answer |');
    console.log('|---|---|---|---|---|---|---|');
    for (const q of queries) {
      const fast = time(() => q.run(store.db, false), ROLLUP_REPS);
      const slow = time(() => q.run(store.db, true), groupReps);
      const same = closeEnough(strip(fast.result), strip(slow.result));
      const ratio = slow.p50 / fast.p50;
      console.log(`| ${q.name} | ${fast.p50.toFixed(2)} ms | ${fast.p95.toFixed(2)} ms | ${slow.p50.toFixed(0)} ms | ${slow.p95.toFixed(0)} ms | ${ratio.toFixed(0)}× | ${same ? 'yes' : 'NO'} |`);
    }
    const size_ = statSync(file).size + (existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0);
    const tableBytes = store.sqlite
      .prepare(`SELECT name, sum(pgsize) AS bytes FROM dbstat WHERE name IN ('mentions', 'mention_topics', 'mention_brands', ${ROLLUP_TABLES.map((t) => `'${t.name}'`).join(', ')}) GROUP BY name`)
      .all() as { name: string; bytes: number }[];
    const memory = process.memoryUsage();
    console.log(`database ${mb(size_)} (${tableBytes.map((t) => `${t.name} ${mb(t.bytes)}`).join(', ')}); process rss ${mb(memory.rss)}, heap ${mb(memory.heapUsed)}`);
  } finally {
    store.close();
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}
