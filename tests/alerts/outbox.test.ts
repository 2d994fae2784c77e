import { describe, expect, it } from 'vitest';
import { backoffDelay, nextDelay } from '../../src/alerts/backoff.js';
import { insertAlert } from '../../src/db/alerts.js';
import { startReceiver, type Answer } from '../helpers/receiver.js';
import { HOUR, SPIKE } from './synthetic.js';
import { world } from './world.js';

/** The one alert these mechanics tests deliver: the negative spike on Acme's cancellations topic. */
const ONE_NEGATIVE = { brand: 'acme', topics: ['cancellations'], kinds: ['negative_spike'] };

async function setup(answer: (n: number) => Answer, sub: Record<string, unknown>, delivery: Record<string, unknown> = {}) {
  const receiver = await startReceiver((_r, n) => answer(n));
  const w = world(delivery);
  const created = await w.subscribe({ channel: 'webhook', target: `${receiver.url}/hook`, ...sub });
  return {
    w,
    receiver,
    sub: created,
    deliveries: async (query = '') => (await w.call(`/deliveries?subscription=${created.id}&limit=500${query}`)).body.items as any[],
    done: async () => {
      await w.cleanup();
      await receiver.close();
    },
  };
}

describe('backoff', () => {
  it('is full jitter: uniform up to min(max, base·2^(n-1)), and honours Retry-After up to the cap', () => {
    expect(backoffDelay(1, 1000, 60_000, () => 0.999)).toBe(999);
    expect(backoffDelay(4, 1000, 60_000, () => 0.5)).toBe(4000);
    expect(backoffDelay(20, 1000, 60_000, () => 0.5)).toBe(30_000);
    expect(backoffDelay(3, 1000, 60_000, () => 0)).toBe(0);
    expect(nextDelay(1, { baseMs: 1000, maxMs: 60_000, retryAfterMs: 20_000, random: () => 0.1 })).toBe(20_000);
    expect(nextDelay(1, { baseMs: 1000, maxMs: 60_000, retryAfterMs: 600_000, random: () => 0.1 })).toBe(60_000);
  });
});

describe('outbox retries', () => {
  it('retries a failing receiver with backoff until it answers, every attempt with the same key, then stops', async () => {
    const t = await setup((n) => (n <= 2 ? { status: 503, body: 'busy' } : { status: 200 }), ONE_NEGATIVE);
    t.w.detectAndRoute();
    const start = t.w.clock.now;
    expect(await t.w.outbox.drain()).toBe(1);
    let [d] = await t.deliveries();
    // random() = 0.5, base 1 s: first wait 0.5 s, second 1 s.
    expect(d).toMatchObject({ status: 'pending', nextAttemptAt: new Date(start + 500).toISOString(), lastError: 'HTTP 503: busy' });
    expect(await t.w.outbox.drain()).toBe(0);
    t.w.clock.now += 500;
    expect(await t.w.outbox.drain()).toBe(1);
    [d] = await t.deliveries();
    expect(d.nextAttemptAt).toBe(new Date(t.w.clock.now + 1000).toISOString());
    t.w.clock.now += 1000;
    expect(await t.w.outbox.drain()).toBe(1);
    [d] = await t.deliveries();
    expect(d.status).toBe('delivered');
    expect(d.attempts.map((a: any) => [a.attempt, a.outcome, a.httpStatus])).toEqual([[1, 'failed', 503], [2, 'failed', 503], [3, 'ok', 200]]);
    expect(t.receiver.received.map((r) => r.headers['x-earshot-attempt'])).toEqual(['1', '2', '3']);
    expect(new Set(t.receiver.received.map((r) => r.headers['idempotency-key'])).size).toBe(1);
    expect(new Set(t.receiver.received.map((r) => r.body)).size).toBe(1);
    t.w.clock.now += HOUR;
    expect(await t.w.outbox.drain()).toBe(0);
    await t.done();
  });

  it('dead-letters after the maximum of attempts with the last error; a retry sends it again', async () => {
    let healthy = false;
    const t = await setup(() => (healthy ? { status: 204 } : { status: 500, body: 'db down' }), ONE_NEGATIVE);
    t.w.detectAndRoute();
    for (let i = 0; i < 5; i++) {
      await t.w.outbox.drain();
      t.w.clock.now += 60_000;
    }
    let [d] = await t.deliveries();
    expect(d.status).toBe('dead');
    expect(d.attempts).toHaveLength(3);
    expect(d.lastError).toBe('HTTP 500: db down (gave up after 3 attempts)');
    expect((await t.deliveries('&status=dead')).map((x) => x.id)).toEqual([d.id]);

    healthy = true;
    const retried = await t.w.call(`/deliveries/${d.id}/retry`, { method: 'POST' });
    expect(retried.status).toBe(200);
    expect(retried.body.status).toBe('pending');
    await t.w.outbox.drain();
    [d] = await t.deliveries();
    expect(d.status).toBe('delivered');
    expect(d.attempts.map((a: any) => a.outcome)).toEqual(['failed', 'failed', 'failed', 'ok']);
    expect((await t.w.call(`/deliveries/${d.id}/retry`, { method: 'POST' })).status).toBe(409);
    await t.done();
  });

  it('does not retry what cannot succeed (a 404)', async () => {
    const t = await setup(() => ({ status: 404, body: 'no_service' }), ONE_NEGATIVE);
    t.w.detectAndRoute();
    await t.w.outbox.drain();
    const [d] = await t.deliveries();
    expect(d).toMatchObject({ status: 'dead', lastError: 'HTTP 404: no_service (not retried)' });
    expect(d.attempts).toHaveLength(1);
    await t.done();
  });

  it('waits as long as a 429 Retry-After asks (within the cap)', async () => {
    const t = await setup((n) => (n === 1 ? { status: 429, headers: { 'retry-after': '30' } } : { status: 200 }), ONE_NEGATIVE);
    t.w.detectAndRoute();
    const start = t.w.clock.now;
    await t.w.outbox.drain();
    const [d] = await t.deliveries();
    expect(d.nextAttemptAt).toBe(new Date(start + 30_000).toISOString());
    await t.done();
  });
});

describe('cooldown and hourly cap', () => {
  it('holds back a repeat of the same kind, brand and topic within the cooldown, recorded as suppressed', async () => {
    const t = await setup(() => ({ status: 200 }), { ...ONE_NEGATIVE, cooldownMinutes: 60 });
    t.w.detectAndRoute();
    await t.w.outbox.drain();
    const again = (hours: number) =>
      insertAlert(t.w.db, { kind: 'negative_spike', brand: 'acme', topic: 'cancellations', sourceId: 0, bucketStart: SPIKE + hours * HOUR, bucketEnd: SPIKE + (hours + 1) * HOUR, observed: 40, expected: 9, score: 9, sensitivity: 'balanced', explanation: { summary: `again +${hours} h`, window: { mentions: 50 } } }, t.w.clock.now);
    t.w.clock.now += 10 * 60_000;
    again(1);
    expect(t.w.route()).toEqual({ queued: 0, suppressed: 1, summarized: 0 });
    t.w.clock.now += 51 * 60_000;
    again(2);
    expect(t.w.route()).toEqual({ queued: 1, suppressed: 0, summarized: 0 });
    await t.w.outbox.drain();
    const items = await t.deliveries();
    expect(items.map((d) => d.status)).toEqual(['delivered', 'suppressed', 'delivered']);
    expect(items[1].lastError).toMatch(/^cooldown: a negative_spike alert on acme \/ cancellations was sent at .* \(cooldown 60 min\)$/);
    expect(t.receiver.received).toHaveLength(2);
    await t.done();
  });

  it('turns a flood into one summary once the hourly cap is reached', async () => {
    const t = await setup(() => ({ status: 200 }), { cooldownMinutes: 0, maxPerHour: 2, kinds: ['volume_spike', 'negative_spike', 'emerging_topic'] });
    const { alerts, routed } = t.w.detectAndRoute();
    expect(alerts).toHaveLength(12);
    expect(routed).toEqual({ queued: 2, suppressed: 0, summarized: 10 });
    await t.w.outbox.drain();
    expect(t.receiver.received).toHaveLength(2);
    t.w.clock.now += HOUR;
    await t.w.outbox.drain();
    expect(t.receiver.received).toHaveLength(3);
    const summary = JSON.parse(t.receiver.received[2]!.body);
    expect(summary).toMatchObject({ type: 'summary', count: 10 });
    expect(summary.alerts).toHaveLength(10);
    const items = await t.deliveries();
    const summaryRow = items.find((d) => d.kind === 'summary');
    expect(summaryRow).toMatchObject({ status: 'delivered', alertId: null });
    expect(items.filter((d) => d.status === 'summarized').every((d) => d.summaryId === summaryRow.id)).toBe(true);
    expect(new Set(summary.alerts.map((a: any) => a.id))).toEqual(new Set(items.filter((d) => d.status === 'summarized').map((d) => d.alertId)));
    await t.done();
  });
});

describe('a deleted subscription', () => {
  it('gets nothing more: its pending deliveries are cancelled, its history stays readable', async () => {
    const t = await setup(() => ({ status: 200 }), { brand: 'acme', kinds: ['volume_spike'], cooldownMinutes: 0 });
    t.w.detectAndRoute();
    expect((await t.w.call(`/subscriptions/${t.sub.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await t.w.call(`/subscriptions/${t.sub.id}`)).status).toBe(404);
    expect(await t.w.outbox.drain()).toBe(0);
    const items = await t.deliveries();
    expect(items.length).toBe(3);
    expect(items.every((d) => d.status === 'cancelled' && d.lastError === 'the subscription was deleted')).toBe(true);
    expect(t.receiver.received).toHaveLength(0);
    await t.done();
  });
});
