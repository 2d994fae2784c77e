/**
 * Delivery inside `earshot serve`: after each detection pass, threshold rules are judged, new
 * alerts are routed into the outbox and the worker is woken; digests run on their schedules. On
 * start it catches up (routing, a missed digest, deliveries left pending by the last process).
 */
import type { Sensitivity } from '../analytics/detectors/index.js';
import type { DeliveryConfig } from '../config/delivery.js';
import type { Db } from '../db/client.js';
import { activeSubscriptions, disableSubscriptionsOfRevokedKeys } from '../db/subscriptions.js';
import { startDigests, type DigestScheduler } from './digest-scheduler.js';
import { createOutbox, type Outbox } from './outbox.js';
import { routeAlerts } from './route.js';
import type { Resolver } from './target-guard.js';
import { evaluateThresholds } from './thresholds.js';

export interface DeliveryService {
  /** The sensitivities detection must run at: balanced, plus every one a subscription asks for. */
  sensitivities(): Sensitivity[];
  /** After detection stored alerts: thresholds, routing, wake the outbox. */
  afterDetection(now?: number): void;
  /** A subscription changed (digest schedules re-read). */
  changed(): void;
  /** A delivery was queued by hand (retry). */
  wake(): void;
  stop(graceMs?: number): Promise<void>;
  outbox: Outbox;
}

export function startDelivery(opts: { store: { db: Db }; config: DeliveryConfig; log?: (m: string) => void; resolve?: Resolver; now?: () => number }): DeliveryService {
  const { db } = opts.store;
  const log = opts.log ?? (() => {});
  const now = opts.now ?? Date.now;
  const outbox = createOutbox({ store: opts.store, config: opts.config, resolve: opts.resolve, log, now });
  let digests: DigestScheduler | undefined;

  const afterDetection = (at = now()) => {
    try {
      const fired = evaluateThresholds(db, at).filter((a) => a.created);
      if (fired.length > 0) log(`thresholds: ${fired.length} rule(s) crossed`);
      const routed = routeAlerts(db, opts.config, at);
      if (routed.queued + routed.summarized + routed.suppressed > 0) {
        log(`delivery: ${routed.queued} queued, ${routed.summarized} folded into summaries, ${routed.suppressed} held by cooldown`);
      }
    } catch (error) {
      log(`delivery routing failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    outbox.wake();
  };

  // Keys revoked before revoking disabled their subscriptions (or by a process without this code).
  const orphaned = disableSubscriptionsOfRevokedKeys(db, now());
  if (orphaned > 0) log(`delivery: disabled ${orphaned} subscription(s) whose API key was revoked`);
  outbox.start();
  digests = startDigests({ store: opts.store, config: opts.config, log, now, onQueued: () => outbox.wake() });
  afterDetection();

  return {
    outbox,
    sensitivities() {
      const wanted = new Set<Sensitivity>(['balanced']);
      for (const s of activeSubscriptions(db)) if (s.kinds.some((k) => k !== 'threshold')) wanted.add(s.sensitivity as Sensitivity);
      return [...wanted];
    },
    afterDetection,
    changed: () => digests?.refresh(),
    wake: () => outbox.wake(),
    async stop(graceMs) {
      await digests?.stop();
      digests = undefined;
      await outbox.stop(graceMs);
    },
  };
}
