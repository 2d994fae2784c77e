/**
 * The outbox worker: takes due deliveries from SQLite, sends them through their channel and
 * records each attempt. Delivery is at least once (a pending row is retried until it succeeds or
 * is dead-lettered, across restarts) and at most once per idempotency key, with one window: a
 * crash after the receiver accepted a message and before the success is committed sends that
 * key again on restart. Receivers close that window by dropping keys they have seen.
 */
import type { DeliveryConfig } from '../config/delivery.js';
import { getAlert, sourceNames } from '../db/alerts.js';
import type { Db } from '../db/client.js';
import { nextDueAt, setDeliveryPayload, summaryMembers } from '../db/deliveries.js';
import { cancelDelivery, claimDue, finishAttempt, releaseStale, type Claimed } from '../db/delivery-claims.js';
import { getSubscriptionAny } from '../db/subscriptions.js';
import { nextDelay } from './backoff.js';
import { createChannels, type Channels } from './channels/index.js';
import type { SendResult } from './channels/types.js';
import { alertBrief, dashboardLink, type Message, type SummaryMessage } from './message.js';
import type { Resolver } from './target-guard.js';

export interface OutboxOptions {
  store: { db: Db };
  config: DeliveryConfig;
  channels?: Channels;
  resolve?: Resolver;
  now?: () => number;
  random?: () => number;
  log?: (message: string) => void;
  /** Longest sleep between looks at the table (rows written by another process). */
  pollMs?: number;
  env?: NodeJS.ProcessEnv;
}

export interface Outbox {
  start(): void;
  /** Look for due deliveries now (after routing put some in). */
  wake(): void;
  /** Sends every delivery due now, batch by batch, and resolves with how many attempts were made. */
  drain(): Promise<number>;
  /** Stops taking work; sends in flight get graceMs, then are aborted and left for the next start. */
  stop(graceMs?: number): Promise<void>;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function createOutbox(opts: OutboxOptions): Outbox {
  const { db } = opts.store;
  const { config } = opts;
  const now = opts.now ?? Date.now;
  const log = opts.log ?? (() => {});
  const channels = opts.channels ?? createChannels(config, { resolve: opts.resolve, env: opts.env });
  const pollMs = opts.pollMs ?? 5_000;
  const leaseMs = config.timeoutMs * 2 + 30_000;
  const abort = new AbortController();
  const inFlight = new Set<Promise<void>>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let started = false;
  let stopping = false;

  /** A summary's content is fixed at its first attempt, from the alerts folded into it. */
  function summaryMessage(claimed: Claimed): SummaryMessage {
    const names = sourceNames(db);
    const members = summaryMembers(db, claimed.delivery.id);
    const alerts = members.map((m) => getAlert(db, m.alertId)).filter((a) => a !== undefined);
    const sub = getSubscriptionAny(db, claimed.delivery.subscriptionId)!;
    const times = members.map((m) => m.delivery.createdAt);
    const from = new Date(Math.min(...times, claimed.delivery.createdAt)).toISOString();
    const to = new Date(Math.max(...times, claimed.delivery.createdAt)).toISOString();
    return {
      type: 'summary',
      idempotencyKey: claimed.delivery.idempotencyKey,
      subscription: { id: sub.id, name: sub.name },
      count: alerts.length,
      period: { from, to },
      alerts: alerts.map((a) => alertBrief(a, names, config.dashboardUrl)),
      link: dashboardLink(config.dashboardUrl, { brand: sub.brand, from, to }),
    };
  }

  async function deliver(claimed: Claimed): Promise<void> {
    const { delivery } = claimed;
    const sub = getSubscriptionAny(db, delivery.subscriptionId);
    if (!sub || sub.deletedAt !== null || !sub.enabled) {
      cancelDelivery(db, claimed, sub?.deletedAt ? 'the subscription was deleted' : 'the subscription is disabled', now());
      return;
    }
    let message = delivery.payload as Message | null;
    if (!message && delivery.kind === 'summary') {
      message = summaryMessage(claimed);
      setDeliveryPayload(db, delivery.id, message, now());
    }
    let result: SendResult;
    if (!message) {
      result = { ok: false, permanent: true, error: 'the delivery has no message (this is a bug)' };
    } else {
      const channel = channels[sub.channel as keyof Channels];
      try {
        result = channel
          ? await channel.send({ subscription: sub, message, deliveryId: delivery.id, attempt: claimed.attempt, signal: abort.signal, nowMs: now() })
          : { ok: false, permanent: true, error: `unknown channel '${sub.channel}'` };
      } catch (error) {
        result = { ok: false, error: error instanceof Error ? error.message : String(error) };
      }
    }
    const at = now();
    if (result.ok) {
      finishAttempt(db, claimed, { outcome: 'ok', httpStatus: result.httpStatus }, { status: 'delivered' }, at);
      return;
    }
    const outcome = result.refused ? 'refused' : abort.signal.aborted ? 'interrupted' : 'failed';
    const attemptResult = { outcome, httpStatus: result.httpStatus, error: result.error } as const;
    if (outcome === 'interrupted') {
      // Stopping is not the receiver's fault: due again at once on the next start.
      finishAttempt(db, claimed, attemptResult, { status: 'pending', nextAttemptAt: at }, at);
    } else if (result.permanent || claimed.attempt >= config.maxAttempts) {
      const why = result.permanent ? 'not retried' : `gave up after ${claimed.attempt} attempts`;
      finishAttempt(db, claimed, { ...attemptResult, error: `${result.error} (${why})` }, { status: 'dead' }, at);
      log(`delivery ${delivery.id} (${delivery.idempotencyKey}) dead-lettered: ${result.error} (${why})`);
    } else {
      const wait = nextDelay(claimed.attempt, { baseMs: config.retryBaseMs, maxMs: config.retryMaxMs, retryAfterMs: result.retryAfterMs, random: opts.random });
      finishAttempt(db, claimed, attemptResult, { status: 'pending', nextAttemptAt: at + wait }, at);
    }
  }

  /**
   * Sends what is due now, keeping up to `concurrency` sends in flight: a slot that frees up
   * claims the next due delivery at once rather than waiting for the slowest of a batch.
   */
  async function drain(): Promise<number> {
    releaseStale(db, now(), isAlive);
    let total = 0;
    const slots = new Set<Promise<void>>();
    for (;;) {
      if (!stopping && slots.size < config.concurrency) {
        for (const c of claimDue(db, now(), config.concurrency - slots.size, leaseMs, process.pid)) {
          total++;
          const job: Promise<void> = deliver(c)
            .catch((error: unknown) => log(`delivery ${c.delivery.id} failed to record: ${error instanceof Error ? error.message : String(error)}`))
            .finally(() => {
              slots.delete(job);
              inFlight.delete(job);
            });
          slots.add(job);
          inFlight.add(job);
        }
      }
      if (slots.size === 0) return total;
      await Promise.race(slots);
    }
  }

  function schedule(): void {
    if (!started || stopping) return;
    clearTimeout(timer);
    const due = nextDueAt(db);
    const wait = due === null ? pollMs : Math.max(0, Math.min(pollMs, due - now()));
    timer = setTimeout(run, wait);
    timer.unref();
  }

  function run(): void {
    if (stopping) return;
    if (running) {
      again = true;
      return;
    }
    running = drain()
      .then(() => undefined)
      .catch((error: unknown) => log(`outbox: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          run();
        } else schedule();
      });
  }

  return {
    start() {
      if (started) return;
      started = true;
      run();
    },
    wake: () => {
      if (started) run();
    },
    drain,
    async stop(graceMs = 15_000) {
      stopping = true;
      clearTimeout(timer);
      if (inFlight.size > 0) {
        let t: NodeJS.Timeout | undefined;
        const graceOver = new Promise<void>((resolve) => (t = setTimeout(resolve, graceMs)));
        await Promise.race([Promise.all(inFlight), graceOver]);
        clearTimeout(t);
        if (inFlight.size > 0) {
          log(`outbox: aborting ${inFlight.size} send(s) in flight; they resume on the next start`);
          abort.abort();
          await Promise.all(inFlight);
        }
      }
      await running;
      for (const channel of Object.values(channels)) channel.close?.();
    },
  };
}
