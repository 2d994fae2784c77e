/**
 * Routing: every stored alert that concerns a realtime subscription becomes one delivery row
 * (unique per alert × subscription, so routing can run again at any time). The subscription's
 * cooldown holds back a repeat of the same kind, brand and topic (recorded as suppressed), and its
 * hourly cap folds a flood into one summary sent when the hour has room again.
 */
import type { DeliveryConfig } from '../config/delivery.js';
import { sourceNames } from '../db/alerts.js';
import type { Db } from '../db/client.js';
import { alertsAwaitingRouting, insertDelivery, lastSentLike, messagesSince, openSummary } from '../db/deliveries.js';
import { activeSubscriptions, type SubscriptionRow } from '../db/subscriptions.js';
import { alertMatches, matchContext } from './match.js';
import { alertMessage, dashboardLink, type TestMessage } from './message.js';

const HOUR = 3_600_000;
/** Alerts older than this are not routed (a subscription gets what fires after it was made). */
export const ROUTE_WINDOW_MS = 48 * HOUR;

export interface RouteResult {
  queued: number;
  suppressed: number;
  summarized: number;
}

export function alertKey(alertId: number, subscriptionId: number): string {
  return `earshot-alert-${alertId}-sub-${subscriptionId}`;
}

/** A test message for a subscription, due now (it goes through the outbox like any other). */
export function queueTestMessage(db: Db, sub: SubscriptionRow, config: DeliveryConfig, now: number) {
  const key = `earshot-test-${sub.id}-${now}`;
  const payload: TestMessage = {
    type: 'test',
    idempotencyKey: key,
    subscription: { id: sub.id, name: sub.name },
    text: `Earshot can reach this ${sub.channel} target. Alerts for "${sub.name}" will arrive here.`,
    link: dashboardLink(config.dashboardUrl, { brand: sub.brand }),
  };
  return insertDelivery(db, { subscriptionId: sub.id, kind: 'test', idempotencyKey: key, status: 'pending', payload, nextAttemptAt: now }, now);
}

export function routeAlerts(db: Db, config: DeliveryConfig, now: number): RouteResult {
  const result: RouteResult = { queued: 0, suppressed: 0, summarized: 0 };
  const ctx = matchContext(db);
  const names = sourceNames(db);
  // Immediate: routing reads subscriptions, alerts and past sends, then writes deliveries; a
  // deferred transaction would fail at once if another process wrote in between.
  db.$client.transaction(() => {
    for (const sub of activeSubscriptions(db, 'realtime')) {
      const since = Math.max(sub.createdAt, now - ROUTE_WINDOW_MS);
      for (const alert of alertsAwaitingRouting(db, sub.id, since, sub.kinds)) {
        if (!alertMatches(db, sub, alert, ctx).matches) continue;
        const key = alertKey(alert.id, sub.id);
        const base = { subscriptionId: sub.id, alertId: alert.id, kind: 'alert' as const, idempotencyKey: key };
        const cooldownMs = sub.cooldownMinutes * 60_000;
        const last = cooldownMs > 0 ? lastSentLike(db, sub.id, alert, now - cooldownMs) : null;
        if (last !== null) {
          const reason = `cooldown: a ${alert.kind} alert on ${alert.brand} / ${alert.topic} was sent at ${new Date(last).toISOString()} (cooldown ${sub.cooldownMinutes} min)`;
          if (insertDelivery(db, { ...base, status: 'suppressed', lastError: reason }, now)) result.suppressed++;
          continue;
        }
        const cap = sub.maxPerHour ?? config.maxPerHour;
        const window = messagesSince(db, sub.id, now - HOUR);
        if (window.count >= cap) {
          const summary =
            openSummary(db, sub.id) ??
            insertDelivery(
              db,
              {
                subscriptionId: sub.id,
                kind: 'summary',
                idempotencyKey: `earshot-summary-${sub.id}-from-alert-${alert.id}`,
                status: 'pending',
                // When the oldest message of the hour ages out, the cap has room for the summary.
                nextAttemptAt: (window.oldest ?? now) + HOUR,
              },
              now,
            );
          if (summary && insertDelivery(db, { ...base, status: 'summarized', summaryId: summary.id }, now)) result.summarized++;
          continue;
        }
        const payload = alertMessage(key, sub, alert, names, config.dashboardUrl);
        if (insertDelivery(db, { ...base, status: 'pending', payload, nextAttemptAt: now }, now)) result.queued++;
      }
    }
  }).immediate();
  return result;
}
