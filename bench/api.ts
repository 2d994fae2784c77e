/**
 * npm run bench:api — the HTTP API under load with autocannon, while `earshot import` writes to
 * the same database from another process the whole time.
 *
 * Seeds BENCH_ROWS (default 1 M) mentions, starts the real `earshot serve` as a child process,
 * and runs, each for BENCH_SECONDS (default 20) with BENCH_CONNECTIONS (default 10):
 *   /health (the baseline: no key, two small queries), trends (30 days by day, one brand),
 *   mentions paging (limit 100 on cursors spread over the whole year) and small exports (one
 *   day as CSV, 4 connections = the export limit); then one full CSV export of every row, timing
 *   it while sampling the server's resident memory. Prints requests/s, p50/p99 latency, errors
 *   (socket errors, timeouts, non-2xx: all must be 0), ratios to the baseline, and the rows the
 *   background import stored meanwhile. Deletes everything afterwards (BENCH_KEEP=dir keeps and
 *   reuses the seeded database).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import v8 from 'node:v8';
import vm from 'node:vm';
import { serve } from '@hono/node-server';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { createApp } from '../src/api/app.js';
import { issueKey } from '../src/api/keys.js';
import { openDb } from '../src/db/client.js';
import { BENCH_CONFIG, DAY, seedMentions, writeImportCsv, YEAR_START } from './api-seed.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const BIN = path.resolve('bin/earshot.js');
const log = (m: string) => console.error(m);

const keep = process.env.BENCH_KEEP;
const dir = keep ?? mkdtempSync(path.join(process.env.BENCH_DIR ?? os.tmpdir(), 'earshot-api-bench-'));
const dbFile = path.join(dir, `api-${ROWS}.db`);
const configFile = path.join(dir, 'bench.yaml');
const csvFile = path.join(dir, 'background.csv');
writeFileSync(configFile, BENCH_CONFIG);

const children: ChildProcess[] = [];
function cleanup() {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
}
process.on('exit', cleanup);

// ---------------------------------------------------------------- data and keys
const reuse = keep !== undefined && existsSync(dbFile);
const store = openDb(dbFile);
const seconds = reuse ? 0 : seedMentions(store, ROWS, log);
const total = store.sqlite.prepare('SELECT count(*) FROM mentions').pluck().get() as number;
const key = issueKey(store.db, { name: `bench-${Date.now()}`, role: 'analyst', rateLimit: 10_000_000, createdBy: 'bench' }).key;
store.close();
console.log(`## bench:api — ${total.toLocaleString()} mentions${reuse ? ' (kept database)' : `, seeded in ${seconds.toFixed(0)} s`}`);
if (!existsSync(csvFile)) writeImportCsv(csvFile, 50_000);

// ---------------------------------------------------------------- the server and the background writer
const server = spawn(process.execPath, [BIN, 'serve', '--db', dbFile, '--config', configFile, '--port', '0'], {
  env: { ...process.env, HOST: '127.0.0.1' },
  stdio: ['ignore', 'pipe', 'pipe'],
});
children.push(server);
let serverLog = '';
server.stdout!.on('data', (c) => (serverLog += c));
server.stderr!.on('data', (c) => (serverLog += c));
const port = await new Promise<number>((resolve, reject) => {
  const timer = setInterval(() => {
    const m = /listening on http:\/\/localhost:(\d+)/.exec(serverLog);
    if (m) clearInterval(timer), resolve(Number(m[1]));
    if (server.exitCode !== null) clearInterval(timer), reject(new Error(`server exited:\n${serverLog}`));
  }, 50);
});
const base = `http://127.0.0.1:${port}`;
const auth = { authorization: `Bearer ${key}` };

let imports = 0;
const RUN = Date.now().toString(36); // new source names each run, so a kept database gets new rows, not duplicates
let importFailures = 0;
let stopImports = false;
/** `earshot import` of the CSV into a new source each time, again and again, until told to stop. */
function backgroundImport(): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'import', csvFile, '--source', `background-${RUN}-${imports++}`, '--db', dbFile, '--config', configFile], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    children.push(child);
    let stderr = '';
    child.stderr!.on('data', (c) => (stderr += c));
    child.once('exit', (code) => {
      if (code !== 0 && !stopImports) (importFailures++, log(`background import failed (${code}): ${stderr.slice(-500)}`));
      resolve(stopImports ? undefined : backgroundImport());
    });
  });
}

const rss = (): number => {
  const status = readFileSync(`/proc/${server.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024;
};
const mentionsNow = () => {
  const s = openDb(dbFile, { migrate: false });
  try {
    return s.sqlite.prepare('SELECT count(*) FROM mentions').pluck().get() as number;
  } finally {
    s.close();
  }
};

// ---------------------------------------------------------------- scenarios
type Result = { name: string; rps: number; p50: number; p99: number; errors: number; non2xx: number; timeouts: number; mbps: number };
async function cannon(
  name: string,
  paths: string[],
  options: { connections?: number; headers?: Record<string, string>; method?: string; body?: () => string } = {},
): Promise<Result> {
  let i = 0;
  const result = await autocannon({
    url: base,
    connections: options.connections ?? CONNECTIONS,
    duration: SECONDS,
    method: options.method ?? 'GET',
    headers: { ...(options.headers ?? auth), ...(options.body ? { 'content-type': 'application/json' } : {}) },
    requests: [
      {
        setupRequest: (req: { path: string }) => ({ ...req, path: paths[i++ % paths.length], ...(options.body ? { body: options.body() } : {}) }),
      },
    ],
  });
  return {
    name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
    timeouts: result.timeouts,
    mbps: result.throughput.average / 1e6,
  };
}

// Cursors spread over the whole year: walk once with large pages, keeping every 20th cursor.
const cursors: string[] = [];
{
  let cursor: string | null = null;
  for (let page = 0; page < 400; page++) {
    const r = (await (await fetch(`${base}/api/v1/mentions?limit=500${cursor ? `&cursor=${cursor}` : ""}`, { headers: auth })).json()) as { nextCursor: string | null };
    cursor = r.nextCursor;
    if (!cursor) break;
    if (page % 2 === 0) cursors.push(cursor);
  }
}
/** One export of everything, with the server's resident memory sampled while it streams. */
async function fullExport() {
  const before = rss();
  let peak = before;
  const samples: number[] = [];
  const sampler = setInterval(() => (peak = Math.max(peak, rss())), 100);
  const t0 = performance.now();
  const response = await fetch(`${base}/api/v1/mentions/export?format=csv`, { headers: auth });
  let bytes = 0;
  let lines = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.byteLength;
    for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) lines++;
    // RSS at each further quarter of the rows: flat memory means these do not grow with the rows sent.
    if (samples.length < 4 && lines >= ((samples.length + 1) * total) / 4) samples.push(rss());
  }
  clearInterval(sampler);
  return { status: response.status, rows: lines - 1, bytes, seconds: (performance.now() - t0) / 1000, before, peak, after: rss(), samples };
}

// The same export on a quiet server first: the baseline for the export under ingest.
const quiet = await fullExport();
const QUIET = process.env.BENCH_QUIET === '1';
const importing = QUIET ? Promise.resolve() : backgroundImport();
const day = (n: number) => new Date(YEAR_START + n * DAY).toISOString().slice(0, 10);
const startRows = mentionsNow();
const startedAt = performance.now();
const results: Result[] = [];
results.push(await cannon('baseline: GET /health (no key)', ['/health'], { headers: {} }));
results.push(await cannon('trends: volume/day, 30 days, one brand', Array.from({ length: 30 }, (_, i) => `/api/v1/trends?metric=volume&bucket=day&brand=acme&from=${day(300 - i * 7)}&to=${day(330 - i * 7)}`)));
results.push(await cannon('mentions: a page of 100 at a cursor', cursors.map((c) => `/api/v1/mentions?limit=100&cursor=${c}`)));
// Writes on the server's connection while the import holds the write lock in turns: must wait, never fail.
const labels = ['negative', 'neutral', 'positive'];
results.push(
  await cannon('labels: PUT a correction (a write)', Array.from({ length: 500 }, (_, i) => `/api/v1/mentions/${1 + ((i * 7919) % total)}/labels`), {
    method: 'PUT',
    body: () => JSON.stringify({ sentiment: labels[Math.floor(Math.random() * 3)] }),
  }),
);
results.push(await cannon('export: one day as CSV (~2,700 rows)', Array.from({ length: 300 }, (_, i) => `/api/v1/mentions/export?format=csv&from=${day(i)}&to=${day(i + 1)}`), { connections: 4 }));

const underLoad = await fullExport();
const ingestSeconds = (performance.now() - startedAt) / 1000;
stopImports = true;
await importing;
const ingested = mentionsNow() - startRows;

// RSS includes garbage V8 has not collected yet. To see what the export holds, the same export
// runs once more in this process on a real loopback server, with the heap measured after a
// forced collection at each quarter of the bytes.
v8.setFlagsFromString('--expose-gc');
const collect = vm.runInNewContext('gc') as () => void;
const heapAfterGc = () => (collect(), process.memoryUsage().heapUsed);
const own = openDb(dbFile);
const ownServer = serve({ fetch: createApp({ store: own, rateLimit: 1e9 }).fetch, port: 0, hostname: '127.0.0.1' });
await new Promise((r) => ownServer.once('listening', r));
const heaps = [heapAfterGc()];
let ownBytes = 0;
const expected = underLoad.bytes;
await new Promise<void>((resolve, reject) =>
  http
    .get({ host: '127.0.0.1', port: (ownServer.address() as { port: number }).port, path: '/api/v1/mentions/export?format=csv', headers: auth }, (res) => {
      res.on('data', (chunk: Buffer) => {
        ownBytes += chunk.length;
        if (heaps.length < 4 && ownBytes >= (heaps.length * expected) / 4) heaps.push(heapAfterGc());
      });
      res.on('end', () => resolve());
      res.on('error', reject);
    })
    .on('error', reject),
);
heaps.push(heapAfterGc());
ownServer.close();
own.close();

// ---------------------------------------------------------------- report
const mb = (n: number) => `${(n / 1e6).toFixed(0)} MB`;
const baseline = results[0]!.rps;
console.log(`\n${CONNECTIONS} connections (exports: 4), ${SECONDS} s each, \`earshot import\` running throughout (${ingested.toLocaleString()} rows stored meanwhile, ${(ingested / ingestSeconds).toFixed(0)}/s; ${importFailures} failed imports)\n`);
console.log('| scenario | requests/s | vs /health | p50 ms | p99 ms | MB/s | errors (socket / timeouts / non-2xx) |');
console.log('|---|---|---|---|---|---|---|');
for (const r of results) {
  console.log(`| ${r.name} | ${r.rps.toFixed(0)} | ${(r.rps / baseline).toFixed(2)} | ${r.p50} | ${r.p99} | ${r.mbps.toFixed(1)} | ${r.errors} / ${r.timeouts} / ${r.non2xx} |`);
}
console.log('\nfull CSV export of every row:\n');
console.log('| when | rows | MB | seconds | rows/s | vs quiet | server RSS before | at 1/4, 1/2, 3/4, all rows | peak | after |');
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const [name, e] of [['quiet server', quiet], ['under ingest', underLoad]] as const) {
  console.log(`| ${name} | ${e.rows.toLocaleString()} | ${(e.bytes / 1e6).toFixed(0)} | ${e.seconds.toFixed(1)} | ${(e.rows / e.seconds).toFixed(0)} | ${(e.rows / e.seconds / (quiet.rows / quiet.seconds)).toFixed(2)} | ${mb(e.before)} | ${e.samples.map(mb).join(', ')} | ${mb(e.peak)} | ${mb(e.after)} |`);
}
console.log(`\nin-process export on loopback, V8 heap after a forced GC at 0 B and after each further ${mb(expected / 4)} (a quarter of the export under ingest), then at the end (${mb(ownBytes)}): ${heaps.map(mb).join(', ')}`);
const failed =
  results.some((r) => r.errors + r.timeouts + r.non2xx > 0) || importFailures > 0 || [quiet, underLoad].some((e) => e.status !== 200 || e.rows < total);
if (/SQLITE_BUSY|database is locked/i.test(serverLog)) console.log('server log mentions SQLITE_BUSY:\n' + serverLog.slice(-2000));

server.kill('SIGTERM');
await new Promise((r) => server.once('exit', r));
if (!keep) rmSync(dir, { recursive: true, force: true });
if (failed) {
  console.log('\nFAILED: errors above must be zero');
  process.exit(1);
}
