/**
 * npm run bench:dashboard — how long the dashboard takes to show a view in headless Chromium, and
 * what it weighs, against the API answers it needs fetched straight from Node in the same run.
 *
 * Store: BENCH_DB=<file> (e.g. a 1 M-mention database kept by `BENCH_KEEP=dir npm run bench:trends`),
 * else the airline tweets from ../shared imported with `earshot import`, else the seeded test store
 * (tests/web/seed.ts). For each view: the page is loaded BENCH_REPS times (fresh tab, warm HTTP
 * cache off) until every panel has rendered; the /api/v1 requests it made are then replayed from
 * Node, each stage in parallel as the page issues them, BENCH_REPS times. An analyst key is made for
 * the run (and revoked afterwards in a BENCH_DB database). Prints p50/p95 of both,
 * their ratio, and the bytes the page transferred (gzip on).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { detectAlerts } from '../src/alerts/detect.js';
import { openDb } from '../src/db/client.js';
import { earshotAsync, REPO } from '../tests/helpers/cli.js';
import { HAS_SHARED, sharedPath } from '../tests/helpers/shared.js';
import { launchBrowser, newContext, serveEarshot, VIEWER_ZONE } from '../tests/web/harness.js';
import { createKey, seedStore, startFeedServer } from '../tests/web/seed.js';

const REPS = Number(process.env.BENCH_REPS ?? 15);

async function store(dir: string): Promise<{ dbPath: string; configPath: string; label: string }> {
  const configPath = path.join(dir, 'earshot.yaml');
  if (process.env.BENCH_DB) {
    // The store's own config (BENCH_CONFIG) keeps its brands and topics active; none leaves them as stored.
    writeFileSync(configPath, process.env.BENCH_CONFIG ? readFileSync(process.env.BENCH_CONFIG, 'utf8') : '');
    return { dbPath: process.env.BENCH_DB, configPath, label: process.env.BENCH_DB };
  }
  if (HAS_SHARED) {
    const example = parse(readFileSync(path.join(REPO, 'earshot.config.yaml'), 'utf8'));
    writeFileSync(configPath, stringify({ brands: example.brands, topics: example.topics }));
    const dbPath = path.join(dir, 'earshot.db');
    const args = ['import', sharedPath('data/airline-tweets/Tweets.csv'), '--source', 'tweets', '--map', 'id=tweet_id', '--map', 'date=tweet_created', '--map', 'brand=airline'];
    const result = await earshotAsync([...args, '--db', dbPath, '--config', configPath]);
    if (result.status !== 0) throw new Error(result.stderr);
    const opened = openDb(dbPath);
    detectAlerts(opened, { from: Date.parse('2015-02-16'), to: Date.parse('2015-02-25'), persist: true });
    opened.close();
    return { dbPath, configPath, label: 'airline tweets (14,485 mentions)' };
  }
  const feeds = await startFeedServer();
  const seeded = await seedStore(dir, feeds.base);
  await feeds.close();
  return { dbPath: seeded.dbPath, configPath: seeded.configPath, label: 'seeded test store (1,519 mentions)' };
}

function percentile(xs: number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'earshot-bench-dashboard-'));
const { dbPath, configPath, label } = await store(dir);
const keyName = `bench-dashboard-${Date.now()}`;
const key = await createKey(dbPath, keyName, 'analyst');
const server = await serveEarshot(dbPath, configPath);
const browser = await launchBrowser();
/** The second view: the store's first brand and its top topic, by the hour, over the last three days with data. */
async function narrowView(): Promise<string> {
  const get = async (p: string) => (await fetch(`${server.base}/api/v1${p}`, { headers: { authorization: `Bearer ${key}` } })).json() as Promise<any>;
  const catalog = await get('/catalog');
  const day = (t: number) => new Intl.DateTimeFormat('en-CA', { timeZone: VIEWER_ZONE }).format(new Date(t));
  const to = day(Date.parse(catalog.span.last) - 1);
  const from = day(Date.parse(catalog.span.last) - 3 * 86_400_000);
  const brand = catalog.brands[0]?.id;
  const topics = await get(`/trends/topics?tz=${VIEWER_ZONE}&from=${from}${brand ? `&brand=${brand}` : ''}`);
  const topic = topics.top[0]?.topic;
  return `/?${new URLSearchParams({ ...(brand ? { brand } : {}), ...(topic ? { topic } : {}), bucket: 'hour', from, to })}`;
}
const views = [
  ['default view (last two weeks with data)', '/'],
  ['one brand, its top topic, hourly, 3 days', await narrowView()],
] as const;
console.log(`store: ${label}; ${REPS} reps; Chromium headless, viewer zone ${VIEWER_ZONE}`);
try {
  for (const [name, url] of views) {
    const pageTimes: number[] = [];
    let stages: URL[][] = [];
    let bytes = 0;
    for (let rep = 0; rep < REPS; rep++) {
      const context = await newContext(browser, key);
      const page = await context.newPage();
      const seen: { url: URL; at: number }[] = [];
      let transferred = 0;
      page.on('request', (r) => {
        const u = new URL(r.url());
        if (u.pathname.startsWith('/api/v1/')) seen.push({ url: u, at: performance.now() });
      });
      page.on('response', async (r) => {
        const length = Number((await r.allHeaders())['content-length'] ?? 0);
        transferred += length || (await r.body().catch(() => Buffer.alloc(0))).length;
      });
      const started = performance.now();
      await page.goto(`${server.base}${url}`);
      await page.waitForSelector('body[data-state="ready"]', { timeout: 60_000 });
      pageTimes.push(performance.now() - started);
      if (rep === 0) {
        // Requests issued within 5 ms of each other belong to one stage (the page awaits between stages).
        stages = [];
        let last = -Infinity;
        for (const s of seen) {
          if (s.at - last > 5) stages.push([]);
          stages[stages.length - 1]!.push(s.url);
          last = s.at;
        }
        bytes = transferred;
      }
      await context.close();
    }
    const apiTimes: number[] = [];
    for (let rep = 0; rep < REPS; rep++) {
      const started = performance.now();
      for (const stage of stages) await Promise.all(stage.map((u) => fetch(`${server.base}${u.pathname}${u.search}`, { headers: { 'accept-encoding': 'gzip', authorization: `Bearer ${key}` } }).then((r) => r.arrayBuffer())));
      apiTimes.push(performance.now() - started);
    }
    const requests = stages.reduce((n, s) => n + s.length, 0);
    console.log(
      `${name}: page p50 ${percentile(pageTimes, 50).toFixed(0)} ms / p95 ${percentile(pageTimes, 95).toFixed(0)} ms; ` +
        `its ${requests} API requests in ${stages.length} stages from Node p50 ${percentile(apiTimes, 50).toFixed(0)} ms / p95 ${percentile(apiTimes, 95).toFixed(0)} ms; ` +
        `ratio ${(percentile(pageTimes, 50) / percentile(apiTimes, 50)).toFixed(2)}; transferred ${(bytes / 1024).toFixed(0)} KB`,
    );
  }
} finally {
  await browser.close();
  await server.stop();
  // A database given with BENCH_DB keeps no key of the bench's.
  if (process.env.BENCH_DB) await earshotAsync(['keys', 'revoke', keyName, '--db', dbPath]);
  if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
}
