import { detectAlerts } from '../../src/alerts/detect.js';
import { createOutbox } from '../../src/alerts/outbox.js';
import { routeAlerts } from '../../src/alerts/route.js';
import { deliverySchema, type DeliveryConfig } from '../../src/config/delivery.js';
import { createApp } from '../../src/api/app.js';
import { makeKey } from '../helpers/api-keys.js';
import { HOUR, SPIKE, START, syntheticEarshot } from './synthetic.js';

/**
 * The synthetic store (an Acme storm at SPIKE), the API with a real admin key (`ops-admin`, the
 * store's first key), a clock the test moves, and the outbox on that clock with a fixed jitter.
 */
export function world(delivery: Record<string, unknown> = {}, env: NodeJS.ProcessEnv = {}) {
  const earshot = syntheticEarshot();
  const config: DeliveryConfig = deliverySchema.parse({ allowPrivateTargets: ['loopback'], dashboardUrl: 'https://earshot.example.com/dash', retryBaseMs: 1000, retryMaxMs: 60_000, maxAttempts: 3, ...delivery });
  const clock = { now: Date.UTC(2026, 0, 5, 9) };
  const app = createApp({ store: earshot.store, now: () => clock.now, rateLimit: 100_000, delivery: { config, env } });
  const adminKey = makeKey(earshot.store, 'admin', { name: 'ops-admin' });
  const outbox = createOutbox({ store: earshot.store, config, now: () => clock.now, random: () => 0.5, env });
  const db = earshot.store.db;
  return {
    earshot,
    db,
    config,
    clock,
    outbox,
    /** `key`: another key to call with, or 'none' for no Authorization header (default: ops-admin's). */
    async call(path: string, init: { method?: string; body?: unknown; key?: string } = {}) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (init.key !== 'none') headers.authorization = `Bearer ${init.key ?? adminKey}`;
      const r = await app.request(`/api/v1${path}`, { method: init.method ?? 'GET', headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
      const text = await r.text();
      return { status: r.status, type: r.headers.get('content-type'), body: text ? JSON.parse(text) : null };
    },
    async subscribe(body: Record<string, unknown>) {
      const r = await this.call('/subscriptions', { method: 'POST', body });
      if (r.status !== 201) throw new Error(`subscribe failed: ${JSON.stringify(r.body)}`);
      return r.body as { id: number; secret: string | null };
    },
    /** Detection over the storm, stored at the current clock, then routing. */
    detectAndRoute() {
      clock.now += 1000;
      const alerts = detectAlerts(earshot.store, { from: START + 7 * 24 * HOUR, to: SPIKE + 6 * HOUR, persist: true, now: clock.now });
      const routed = routeAlerts(db, config, clock.now);
      return { alerts, routed };
    },
    route: () => routeAlerts(db, config, clock.now),
    cleanup: async () => {
      await outbox.stop();
      await earshot.cleanup();
    },
  };
}
