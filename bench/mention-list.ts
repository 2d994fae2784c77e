/**
 * npm run bench:mentions — one page of /mentions (newest first, 50 a page) with brand and topic
 * filters, and a page of /alerts behind a cursor, at 1 M mentions (BENCH_SIZE): the queries of
 * src/db against the ones they replaced (kept below as the baseline), in the same run, on the same
 * database. Every pair is also checked to give the very same page.
 *
 * Seeds a year of synthetic mentions through the real MentionWriter (brands from 44 % of mentions
 * down to 0.1 %, a topic hierarchy with a rare leaf, one mention in ten backfilled out of id
 * order) and 100 k alerts; the FTS triggers are dropped in the bench database only (no q here).
 * The database goes in a temporary folder under /tmp (BENCH_DIR) and is deleted afterwards;
 * BENCH_KEEP=dir keeps it there and reuses it on the next run.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { and, desc, eq, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { parseConfigText } from '../src/config/load.js';
import { listAlerts, type AlertCursor, type AlertFilter } from '../src/db/alerts.js';
import { openDb, type Db, type OpenDb } from '../src/db/client.js';
import { mentionConditions, pageKeys, type MentionFilter, type MentionPageCursor } from '../src/db/mention-queries.js';
import { createMentionWriter, type MentionRecord } from '../src/db/mention-writer.js';
import { alerts, mentions, sources } from '../src/db/schema.js';
import { syncConfig } from '../src/db/sources.js';

const SIZE = Number(process.env.BENCH_SIZE ?? 1_000_000);
const REPS = Number(process.env.BENCH_REPS ?? 30);
const ALERTS = 100_000;
const YEAR_START = Date.UTC(2025, 0, 1);
const DAY = 86_400_000;
const YEAR_MS = 365 * DAY;
const END = YEAR_START + YEAR_MS;

const SOURCES = ['news', 'reddit', 'appstore', 'trustpilot', 'survey'];
const BRANDS = ['acme', 'globex', 'initech', 'umbrella', 'hooli'];
const BRAND_WEIGHTS = [40, 30, 15, 5, 0.05];
const TOPICS: [string, string | null][] = [
  ['delivery', null], ['late-delivery', 'delivery'], ['lost-parcel', 'delivery'], ['price', null], ['refund', 'price'],
  ['support', null], ['wait-time', 'support'], ['app', null], ['app-crash', 'app'], ['recall', null],
];
const TOPIC_WEIGHTS = [0, 20, 10, 0, 15, 0, 25, 0, 20, 0.05];
const yaml = `
brands:
${BRANDS.map((b, i) => `  - { id: ${b}, name: ${b}, include: [${b}], competitor: ${i > 0} }`).join('\n')}
sources:
${SOURCES.map((s) => `  - { name: ${s}, kind: rss, options: { url: "https://example.com/${s}" } }`).join('\n')}
topics:
${TOPICS.map(([id, parent]) => `  - { id: ${id}, name: ${id}, terms: [${id.replace('-', '')}]${parent ? `, parent: ${parent}` : ''} }`).join('\n')}
`;

let seed = 11;
const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
function pick<T>(xs: readonly T[], weights: readonly number[]): T {
  let r = rand() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < xs.length; i++) if ((r -= weights[i]!) < 0) return xs[i]!;
  return xs[xs.length - 1]!;
}
const parentOf = new Map(TOPICS);

function record(i: number, sourceIds: number[]): MentionRecord {
  // Mostly in id order, with one in ten backfilled at a random earlier time and whole seconds
  // (so instants tie and the id breaks them).
  const inOrder = YEAR_START + Math.floor(((i + rand()) / SIZE) * YEAR_MS);
  const t = rand() < 0.1 ? YEAR_START + Math.floor(rand() * (inOrder - YEAR_START) / 1000) * 1000 : inOrder;
  const brands = rand() < 0.9 ? [pick(BRANDS, BRAND_WEIGHTS)] : [];
  if (rand() < 0.1) brands.push(pick(BRANDS, BRAND_WEIGHTS));
  const leaves = rand() < 0.2 ? [] : [pick(TOPICS.map(([id]) => id), TOPIC_WEIGHTS)];
  const topics = [...new Set(leaves)];
  const rollupTopics = [...new Set(topics.flatMap((id) => [id, parentOf.get(id)].filter((x): x is string => !!x)))];
  const score = Math.round((rand() * 2 - 1) * 1000) / 1000;
  const label = score > 0.2 ? 'positive' : score < -0.2 ? 'negative' : 'neutral';
  const s = Math.floor(rand() * SOURCES.length);
  return {
    sourceId: sourceIds[s]!, externalId: `m${i}`, url: null, author: `u${i % 50_000}`, title: null,
    text: `mention ${i} about ${brands.join(' ')}`, lang: rand() < 0.8 ? 'en' : 'fr', publishedAt: t, fetchedAt: t,
    rating: SOURCES[s] === 'appstore' ? 1 + Math.floor(rand() * 5) : null, nps: null, csat: null, ces: null,
    contentHash: `h${i}`, sentimentScore: score, sentimentLabel: label, sentimentNote: null, sentences: '[]', metadata: null,
    topics: topics.map((id) => ({ id, terms: [id], score, label })), brands: [...new Set(brands)], rollupTopics,
  };
}

/** Alerts: an hourly series per brand slice over the year (one row per slice × hour), statuses mixed. */
function seedAlerts(store: OpenDb): void {
  const { sqlite } = store;
  sqlite.exec('DELETE FROM alerts');
  const addAlert = sqlite.prepare(
    `INSERT INTO alerts (kind, brand, topic, source_id, bucket_start, bucket_end, observed, expected, score, sensitivity,
       explanation, status, rule, created_at, updated_at) VALUES (?, ?, '*', 0, ?, ?, 10, 2, 5, 'balanced', '{}', ?, '', ?, ?)`,
  );
  const HOURS = YEAR_MS / 3_600_000;
  sqlite.transaction(() => {
    for (let i = 0; i < ALERTS; i++) {
      const at = YEAR_START + (i % HOURS) * 3_600_000;
      addAlert.run(pick(['volume_spike', 'negative_spike'], [3, 1]), `slice-${Math.floor(i / HOURS)}`, at, at + 3_600_000,
        pick(['open', 'acknowledged', 'resolved'], [2, 1, 1]), at, at);
    }
  })();
  sqlite.exec('ANALYZE');
}

function seedDb(store: OpenDb): number {
  const config = parseConfigText(yaml);
  if (!config.ok) throw new Error(config.problems.join('\n'));
  syncConfig(store.db, config.config);
  const { sqlite } = store;
  for (const trigger of ['mentions_fts_insert', 'mentions_fts_delete', 'mentions_fts_update']) sqlite.exec(`DROP TRIGGER ${trigger}`);
  sqlite.pragma('synchronous = OFF');
  const sourceIds = SOURCES.map((name) => (sqlite.prepare('SELECT id FROM sources WHERE name = ?').get(name) as { id: number }).id);
  const writer = createMentionWriter(sqlite);
  const insert = sqlite.transaction((batch: MentionRecord[]) => writer.insertAll(batch));
  const started = performance.now();
  const BATCH = 20_000;
  for (let i = 0; i < SIZE; i += BATCH) {
    insert(Array.from({ length: Math.min(BATCH, SIZE - i) }, (_, j) => record(i + j, sourceIds)));
    if ((i / BATCH) % 10 === 0) process.stderr.write(`  seeded ${i.toLocaleString()}\r`);
  }
  sqlite.pragma('synchronous = NORMAL');
  sqlite.exec('ANALYZE');
  return (performance.now() - started) / 1000;
}

/** The baseline: listMentions as it was before this change (only the page's rows; the rest is shared). */
function listMentionsBefore(db: Db, filter: MentionFilter, limit: number, after?: MentionPageCursor) {
  const rows = db
    .select({ id: mentions.id, publishedAt: mentions.publishedAt })
    .from(mentions)
    .innerJoin(sources, eq(sources.id, mentions.sourceId))
    .where(and(mentionConditions(filter), after ? sql`(${mentions.publishedAt}, ${mentions.id}) < (${after.publishedAt}, ${after.id})` : undefined))
    .orderBy(desc(mentions.publishedAt), desc(mentions.id))
    .limit(limit + 1)
    .all();
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { ids: page.map((r) => r.id), next: rows.length > limit && last ? { publishedAt: last.publishedAt, id: last.id } : null };
}

/** The page's rows as listMentions picks them now (the row loading after it is the same as before). */
function listMentionsAfter(db: Db, filter: MentionFilter, limit: number, after?: MentionPageCursor) {
  const keys = pageKeys(db, filter, limit, after);
  const page = keys.slice(0, limit);
  const last = page.at(-1);
  return { ids: page.map((k) => k.id), next: keys.length > limit && last ? { publishedAt: last.publishedAt, id: last.id } : null };
}

/** The baseline of the alerts list: its cursor as the OR form it had. */
function listAlertsBefore(db: Db, filter: AlertFilter, limit: number, after?: AlertCursor) {
  const rows = db
    .select()
    .from(alerts)
    .where(
      and(
        filter.status ? eq(alerts.status, filter.status) : undefined,
        filter.brand ? eq(alerts.brand, filter.brand) : undefined,
        filter.from !== undefined ? gte(alerts.bucketStart, filter.from) : undefined,
        filter.to !== undefined ? lt(alerts.bucketStart, filter.to) : undefined,
        after ? or(lt(alerts.bucketStart, after.bucketStart), and(eq(alerts.bucketStart, after.bucketStart), lt(alerts.id, after.id))) : undefined,
      ),
    )
    .orderBy(desc(alerts.bucketStart), desc(alerts.id))
    .limit(limit + 1)
    .all();
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { ids: items.map((r) => r.id), next: rows.length > limit && last ? { bucketStart: last.bucketStart, id: last.id } : null };
}

function listAlertsAfter(db: Db, filter: AlertFilter, limit: number, after?: AlertCursor) {
  const page = listAlerts(db, filter, limit, after);
  return { ids: page.items.map((a) => a.id), next: page.next };
}

function time(fn: () => unknown): { p50: number; p95: number; result: unknown } {
  const times: number[] = [];
  let result: unknown;
  for (let i = 0; i < REPS; i++) {
    const t = performance.now();
    result = fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { p50: at(0.5), p95: at(0.95), result };
}

/** The cursor of the row that ends page `pages` of a walk (same for both versions: checked). */
function cursorAt(db: Db, filter: MentionFilter, pages: number): MentionPageCursor | undefined {
  let next: MentionPageCursor | null | undefined;
  for (let i = 0; i < pages; i++) next = listMentionsBefore(db, filter, 50, next ?? undefined).next;
  return next ?? undefined;
}

const keep = process.env.BENCH_KEEP;
const dir = keep ?? mkdtempSync(path.join(process.env.BENCH_DIR ?? os.tmpdir(), 'earshot-mentions-'));
const file = path.join(dir, keep ? `mentions-${SIZE}.db` : 'bench.db');
const reuse = keep !== undefined && existsSync(file);
const store = openDb(file);
try {
  const seconds = reuse ? 0 : seedDb(store);
  const { db } = store;
  const count = (where: string) => (store.sqlite.prepare(`SELECT count(*) AS n FROM ${where}`).get() as { n: number }).n;
  if (count('alerts') !== ALERTS) seedAlerts(store);
  console.log(`## ${SIZE.toLocaleString()} mentions, ${count('alerts').toLocaleString()} alerts${reuse ? ' (reused database)' : `, seeded in ${seconds.toFixed(0)} s`}`);
  console.log(`brand shares: ${BRANDS.map((b) => `${b} ${((100 * count(`mention_brands WHERE brand_id = '${b}'`)) / SIZE).toFixed(2)} %`).join(', ')}`);
  console.log(`${REPS} runs each; ms per page of 50 (limit 51 read); node ${process.version}\n`);

  const mentionCases: { name: string; filter: MentionFilter; pages?: number }[] = [
    { name: 'brand acme (44 %)', filter: { brand: 'acme' } },
    { name: 'brand umbrella (6 %)', filter: { brand: 'umbrella' } },
    { name: 'brand hooli (0.1 %)', filter: { brand: 'hooli' } },
    { name: 'parent topic delivery (+ 2 subtopics)', filter: { topic: 'delivery' } },
    { name: 'topic wait-time', filter: { topic: 'wait-time' } },
    { name: 'topic recall (0.04 %)', filter: { topic: 'recall' } },
    { name: 'brand globex + topic app', filter: { brand: 'globex', topic: 'app' } },
    { name: 'brand acme + sentiment negative + lang fr', filter: { brand: 'acme', sentiment: 'negative', lang: 'fr' } },
    { name: 'brand initech, last 7 days', filter: { brand: 'initech', from: END - 7 * DAY, to: END } },
    { name: 'brand acme, page 40 (cursor)', filter: { brand: 'acme' }, pages: 40 },
    { name: 'topic refund, page 200 (cursor)', filter: { topic: 'refund' }, pages: 200 },
    { name: 'brand hooli, page 3 (cursor)', filter: { brand: 'hooli' }, pages: 3 },
    { name: 'no filter (unchanged path)', filter: {} },
  ];
  const alertCases: { name: string; filter: AlertFilter; pages: number }[] = [
    { name: 'alerts, page 2 (cursor)', filter: {}, pages: 1 },
    { name: 'alerts, page 500 (cursor)', filter: {}, pages: 500 },
    { name: 'alerts status=open, page 300 (cursor)', filter: { status: 'open' }, pages: 300 },
  ];

  console.log('| query | before p50 | before p95 | after p50 | after p95 | p50 speed-up | same page |');
  console.log('|---|---|---|---|---|---|---|');
  let allSame = true;
  const row = (name: string, before: ReturnType<typeof time>, after: ReturnType<typeof time>) => {
    const same = isDeepStrictEqual(before.result, after.result);
    allSame &&= same;
    console.log(`| ${name} | ${before.p50.toFixed(1)} ms | ${before.p95.toFixed(1)} ms | ${after.p50.toFixed(2)} ms | ${after.p95.toFixed(2)} ms | ${(before.p50 / after.p50).toFixed(0)}× | ${same ? 'yes' : 'NO'} |`);
  };
  for (const c of mentionCases) {
    const after = c.pages ? cursorAt(db, c.filter, c.pages) : undefined;
    row(c.name, time(() => listMentionsBefore(db, c.filter, 50, after)), time(() => listMentionsAfter(db, c.filter, 50, after)));
  }
  for (const c of alertCases) {
    let cursor: AlertCursor | null = null;
    for (let i = 0; i < c.pages; i++) cursor = listAlertsBefore(db, c.filter, 50, cursor ?? undefined).next;
    row(c.name, time(() => listAlertsBefore(db, c.filter, 50, cursor ?? undefined)), time(() => listAlertsAfter(db, c.filter, 50, cursor ?? undefined)));
  }
  // A whole walk: every page of a mid-sized brand, both ways, must list the same rows in the same order.
  const walk = (list: typeof listMentionsBefore, filter: MentionFilter) => {
    const ids: number[] = [];
    let next: MentionPageCursor | null | undefined;
    do {
      const page = list(db, filter, 500, next ?? undefined);
      ids.push(...page.ids);
      next = page.next;
    } while (next);
    return ids;
  };
  const walkSame = isDeepStrictEqual(walk(listMentionsBefore, { brand: 'hooli' }), walk(listMentionsAfter, { brand: 'hooli' }))
    && isDeepStrictEqual(walk(listMentionsBefore, { topic: 'recall', lang: 'en' }), walk(listMentionsAfter, { topic: 'recall', lang: 'en' }));
  console.log(`\nfull cursor walks (hooli; recall + en) identical: ${walkSame ? 'yes' : 'NO'}; every page identical: ${allSame ? 'yes' : 'NO'}`);
  if (!walkSame || !allSame) process.exitCode = 1;
} finally {
  store.close();
  if (!keep) rmSync(dir, { recursive: true, force: true });
}
