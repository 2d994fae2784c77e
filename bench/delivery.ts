/**
 * npm run bench:delivery — what the outbox costs over plain HTTP posts, in one run.
 *
 * N alerts are routed to one webhook subscription and the outbox sends them to a local HTTP
 * server (signed, keyed, each claim and attempt recorded in SQLite, SSRF-guarded lookup).
 * Baseline: the same bodies posted with node:http at the same concurrency, nothing recorded.
 * Reported: deliveries/s of each and their ratio, and routing's alerts/s. Synthetic alerts (the
 * content does not matter here), so it needs no ../shared data.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createOutbox } from '../src/alerts/outbox.js';
import { routeAlerts } from '../src/alerts/route.js';
import { createSubscription } from '../src/alerts/subscriptions.js';
import { deliverySchema } from '../src/config/delivery.js';
import { insertAlert } from '../src/db/alerts.js';
import { openDb } from '../src/db/client.js';
import { listDeliveries } from '../src/db/deliveries.js';

const N = Number(process.env.BENCH_N ?? 3000);
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => res.end('ok'));
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;

const dir = mkdtempSync(path.join(os.tmpdir(), 'earshot-bench-delivery-'));
const store = openDb(path.join(dir, 'bench.db'));
const config = deliverySchema.parse({ allowPrivateTargets: ['loopback'], maxPerHour: 1_000_000 });
const t0 = Date.now();
await createSubscription(store.db, { channel: 'webhook', target: url, cooldownMinutes: 0 }, { keyId: 1, name: 'bench' }, { config, now: t0 - 1 });
store.sqlite.transaction(() => {
  for (let i = 0; i < N; i++) {
    insertAlert(
      store.db,
      {
        kind: 'volume_spike', brand: 'acme', topic: `t${i % 50}`, sourceId: 0, bucketStart: i * 3_600_000, bucketEnd: (i + 1) * 3_600_000,
        observed: 60, expected: 5, score: 9, sensitivity: 'balanced',
        explanation: { summary: `acme: 60 mentions in 1 h vs 5.0 expected (${i})`, window: { from: new Date(i * 3_600_000).toISOString(), to: new Date((i + 1) * 3_600_000).toISOString(), mentions: 60, negative: 40 }, topics: [], terms: [], sources: [], samples: [], detector: {} },
      },
      t0,
    );
  }
})();

const r0 = performance.now();
const routed = routeAlerts(store.db, config, t0 + 1);
const routeMs = performance.now() - r0;
const bodies = listDeliveries(store.db, {}, N).items.map((d) => JSON.stringify(d.payload));

async function rawPosts(): Promise<number> {
  const start = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < bodies.length) {
      const body = bodies[next++]!;
      await new Promise<void>((resolve, reject) => {
        const req = request(url, { method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
          res.resume();
          res.on('end', resolve);
        });
        req.on('error', reject);
        req.end(body);
      });
    }
  };
  await Promise.all(Array.from({ length: config.concurrency }, worker));
  return bodies.length / ((performance.now() - start) / 1000);
}

await rawPosts(); // warm-up: JIT and the first sockets, not measured
const before = await rawPosts();
const outbox = createOutbox({ store, config, now: () => t0 + 2 });
const o0 = performance.now();
const sent = await outbox.drain();
const outboxRate = sent / ((performance.now() - o0) / 1000);
await outbox.stop();
const after = await rawPosts();
const raw = (before + after) / 2;
const delivered = listDeliveries(store.db, { status: 'delivered' }, N).items.length;

console.log(`bench:delivery ${new Date().toISOString().slice(0, 10)}, N=${N}, concurrency ${config.concurrency}`);
console.log(`routing: ${routed.queued} alerts in ${routeMs.toFixed(0)} ms (${Math.round(routed.queued / (routeMs / 1000))} alerts/s)`);
console.log(`raw node:http posts: ${Math.round(before)} / ${Math.round(after)} per s (before/after), mean ${Math.round(raw)}`);
console.log(`outbox deliveries: ${Math.round(outboxRate)} per s (${delivered} delivered) = ${(outboxRate / raw).toFixed(2)} of raw`);
store.close();
server.close();
rmSync(dir, { recursive: true, force: true });
