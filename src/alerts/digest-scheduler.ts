/**
 * One node-cron task per digest subscription, in the subscription's time zone. A digest covers
 * the time since the previous digest (the first one: one schedule interval back). The task list
 * follows the table (re-read every minute and on request), and a digest missed while Earshot was
 * down is sent at start-up, covering the gap.
 */
import cron, { type ScheduledTask } from 'node-cron';
import type { DeliveryConfig } from '../config/delivery.js';
import type { Db } from '../db/client.js';
import { lastDigestEnd } from '../db/deliveries.js';
import { activeSubscriptions, getSubscription, type SubscriptionRow } from '../db/subscriptions.js';
import { enqueueDigest } from './digest.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export interface DigestScheduler {
  /** Re-reads digest subscriptions (call after one changed). */
  refresh(): void;
  stop(): Promise<void>;
}

export interface DigestOptions {
  store: { db: Db };
  config: DeliveryConfig;
  now?: () => number;
  log?: (message: string) => void;
  /** Called after a digest was queued (wake the outbox). */
  onQueued?: () => void;
  refreshMs?: number;
}

/** The time between two runs of the schedule (a day for "0 8 * * *"), for the first period. */
export function scheduleInterval(task: Pick<ScheduledTask, 'getNextRuns'>): number {
  const [a, b] = task.getNextRuns(2);
  return a && b ? b.getTime() - a.getTime() : DAY;
}

/**
 * Whether the schedule had a run in (last, now]: walks the minutes after the last digest until the
 * first scheduled one (at most 8 days; longer is missed for sure). Only asked when the gap is longer
 * than one interval, so a weekday schedule restarted on Sunday is not taken for a missed run.
 */
export function missedRun(task: Pick<ScheduledTask, 'match'>, last: number, now: number): boolean {
  if (now - last > 8 * DAY) return true;
  for (let t = Math.floor(last / MINUTE) * MINUTE + MINUTE; t <= now; t += MINUTE) if (task.match(new Date(t))) return true;
  return false;
}

/** Queues the digest of one subscription ending at `at`; false when it was already owed. */
export function runDigest(db: Db, sub: SubscriptionRow, config: DeliveryConfig, at: number, intervalMs: number, now: number = at): boolean {
  const to = Math.floor(at / MINUTE) * MINUTE;
  const from = lastDigestEnd(db, sub.id) ?? to - intervalMs;
  if (to <= from) return false;
  return enqueueDigest(db, sub, from, to, config, now) !== null;
}

export function startDigests(opts: DigestOptions): DigestScheduler {
  const { db } = opts.store;
  const now = opts.now ?? Date.now;
  const log = opts.log ?? (() => {});
  const tasks = new Map<number, { task: ScheduledTask; signature: string }>();
  let stopped = false;

  const tick = (id: number, task: ScheduledTask) => {
    const sub = getSubscription(db, id);
    if (!sub || !sub.enabled || sub.mode !== 'digest') return;
    try {
      if (runDigest(db, sub, opts.config, now(), scheduleInterval(task))) opts.onQueued?.();
    } catch (error) {
      log(`digest ${sub.id} (${sub.name}) failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const refresh = () => {
    if (stopped) return;
    const subs = activeSubscriptions(db, 'digest').filter((s) => s.schedule);
    const wanted = new Map(subs.map((s) => [s.id, s]));
    for (const [id, entry] of tasks) {
      const sub = wanted.get(id);
      if (!sub || `${sub.schedule}|${sub.tz}` !== entry.signature) {
        entry.task.destroy();
        tasks.delete(id);
      }
    }
    for (const sub of subs) {
      if (tasks.has(sub.id)) continue;
      const task = cron.schedule(sub.schedule!, () => tick(sub.id, task), { timezone: sub.tz, name: `digest:${sub.id}`, noOverlap: true });
      tasks.set(sub.id, { task, signature: `${sub.schedule}|${sub.tz}` });
      // Down at the last tick: the gap since the previous digest goes out now.
      const last = lastDigestEnd(db, sub.id);
      if (last !== null && now() - last > scheduleInterval(task) + MINUTE && missedRun(task, last, now())) {
        log(`digest ${sub.id} (${sub.name}): missed while stopped, sending the gap since ${new Date(last).toISOString()}`);
        tick(sub.id, task);
      }
    }
  };

  refresh();
  const timer = setInterval(refresh, opts.refreshMs ?? MINUTE);
  timer.unref();
  return {
    refresh,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await Promise.all([...tasks.values()].map(async ({ task }) => {
        await task.stop();
        await task.destroy();
      }));
      tasks.clear();
    },
  };
}
