import { writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { detectAlerts } from '../../src/alerts/detect.js';
import { routeAlerts } from '../../src/alerts/route.js';
import { createSubscription } from '../../src/alerts/subscriptions.js';
import { deliverySchema } from '../../src/config/delivery.js';
import { earshotChild } from '../helpers/cli.js';
import { startReceiver, waitFor, type Answer } from '../helpers/receiver.js';
import { HOUR, SPIKE, START, syntheticEarshot } from './synthetic.js';

const DELIVERY = { allowPrivateTargets: ['loopback'], retryBaseMs: 150, retryMaxMs: 300, maxAttempts: 50, timeoutMs: 20_000 };

let phase: 'failing' | 'healthy' = 'failing';
const seen = new Map<string, number>();
const accepted = new Map<string, number>();
let hung = 0;
const receiver = await startReceiver((r): Answer => {
  const key = String(r.headers['idempotency-key']);
  seen.set(key, (seen.get(key) ?? 0) + 1);
  if (phase === 'failing') {
    // Each key fails twice; after that the receiver stops answering, so the process is killed
    // with a send in flight (the window in which a key can arrive twice).
    if ((seen.get(key) ?? 0) <= 2) return { status: 503, body: 'maintenance' };
    hung++;
    return 'hang';
  }
  accepted.set(key, (accepted.get(key) ?? 0) + 1);
  return { status: 200 };
});

const earshot = syntheticEarshot();
afterAll(async () => {
  await receiver.close();
  await earshot.cleanup();
});

function serve(configPath: string) {
  const child = earshotChild(['--config', configPath, '--db', earshot.dbPath, 'serve', '--port', '0'], { env: { HOST: '127.0.0.1' } });
  let output = '';
  child.stdout!.on('data', (c) => (output += c));
  child.stderr!.on('data', (c) => (output += c));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

describe('outbox across a crash', () => {
  it('a killed process mid-retry leaves deliveries pending; the next start delivers every one exactly once', async () => {
    const config = deliverySchema.parse(DELIVERY);
    const db = earshot.store.db;
    await createSubscription(db, { brand: 'acme', kinds: ['volume_spike', 'negative_spike'], cooldownMinutes: 0, channel: 'webhook', target: `${receiver.url}/hook` }, { keyId: 1, name: 'test' }, { config, now: Date.now() - 1000 });
    detectAlerts(earshot.store, { from: START + 7 * 24 * HOUR, to: SPIKE + 6 * HOUR, persist: true, now: Date.now() });
    // Volume and negative spikes on acme, acme / cancellations and acme / disruption.
    expect(routeAlerts(db, config, Date.now()).queued).toBe(6);
    earshot.store.close();

    const configPath = path.join(earshot.dir, 'earshot.yaml');
    writeFileSync(configPath, `delivery:\n${Object.entries(DELIVERY).map(([k, v]) => `  ${k}: ${JSON.stringify(v)}`).join('\n')}\n`);

    const first = serve(configPath);
    await waitFor(() => seen.size === 6 && [...seen.values()].every((n) => n >= 2) && hung > 0, 'every delivery to fail twice and one send to hang', 60_000);
    first.child.kill('SIGKILL');
    await first.exited;

    const mid = new Database(earshot.dbPath, { readonly: true });
    const statuses = mid.prepare('SELECT status FROM deliveries').pluck().all() as string[];
    mid.close();
    expect(statuses.every((s) => s === 'pending' || s === 'sending')).toBe(true);
    expect(statuses).toContain('sending');

    phase = 'healthy';
    const second = serve(configPath);
    await waitFor(() => accepted.size === 6, `every delivery to be accepted; output:\n${second.output()}`, 60_000);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    expect(second.output()).toContain('stopped; database closed');

    expect([...accepted.values()]).toEqual([1, 1, 1, 1, 1, 1]);
    const after = new Database(earshot.dbPath, { readonly: true });
    const rows = after.prepare('SELECT id, status, attempts FROM deliveries').all() as { id: number; status: string; attempts: number }[];
    expect(rows.every((r) => r.status === 'delivered')).toBe(true);
    const outcomes = after.prepare('SELECT delivery_id AS id, outcome FROM delivery_attempts ORDER BY delivery_id, attempt').all() as { id: number; outcome: string }[];
    for (const r of rows) {
      const mine = outcomes.filter((o) => o.id === r.id).map((o) => o.outcome);
      expect(mine.filter((o) => o === 'ok')).toHaveLength(1);
      expect(mine.at(-1)).toBe('ok');
      expect(mine.length).toBe(r.attempts);
    }
    // The send that hung when the process died is on record as interrupted.
    expect(outcomes.filter((o) => o.outcome === 'interrupted').length).toBeGreaterThanOrEqual(1);
    expect(outcomes.some((o) => o.outcome === null)).toBe(false);
    after.close();
  }, 120_000);
});
