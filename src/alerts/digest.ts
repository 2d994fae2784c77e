/**
 * A digest: the period's trends for the subscription's slice (mentions, negative share, net
 * sentiment and rating against the period before, top and rising topics) and the alerts of the
 * period that concern it. Built when the schedule ticks and stored with the delivery, so
 * retries send the same digest.
 */
import { change } from '../analytics/metrics.js';
import { topTopics } from '../analytics/top-topics.js';
import type { DeliveryConfig } from '../config/delivery.js';
import { listAlerts, sourceNames } from '../db/alerts.js';
import type { Db } from '../db/client.js';
import { insertDelivery, type DeliveryRow } from '../db/deliveries.js';
import { sourceIdsByName, type SubscriptionRow } from '../db/subscriptions.js';
import { isoInZone } from '../analytics/buckets.js';
import { alertMatches, matchContext } from './match.js';
import { alertBrief, dashboardLink, type DigestMessage, type DigestSection } from './message.js';
import { metricValue, sliceCounts } from './slice-counts.js';

const MAX_ALERTS = 200;

export function digestKey(subscriptionId: number, periodTo: number): string {
  return `earshot-digest-${subscriptionId}-${new Date(periodTo).toISOString()}`;
}

export function buildDigest(db: Db, sub: SubscriptionRow, from: number, to: number, config: DeliveryConfig): DigestMessage {
  const ids = sourceIdsByName(db);
  const sourceIds = sub.sources.map((n) => ids.get(n)).filter((id) => id !== undefined);
  const filterSources = sourceIds.length ? sourceIds : undefined;
  const brand = sub.brand ?? '*';
  const previousFrom = from - (to - from);
  const sections: DigestSection[] = [];
  for (const topic of sub.topics.length ? sub.topics.slice(0, 10) : [null]) {
    const filter = { brand, topic: topic ?? '*', sourceIds: filterSources };
    const now = sliceCounts(db, filter, sub.languages, from, to, sub.tz);
    const before = sliceCounts(db, filter, sub.languages, previousFrom, from, sub.tz);
    // Topic lists take one language at most; with several, they span every language (said so).
    const lang = sub.languages.length === 1 ? sub.languages[0] : undefined;
    const topics = topTopics(db, { brand, sourceIds: filterSources, lang, tz: sub.tz, from, to, limit: 5, alpha: 0.05 });
    const inTopic = (id: string) => topic === null || id !== topic;
    sections.push({
      brand,
      topic,
      volume: now.volume,
      previousVolume: before.volume,
      volumeChangePercent: change(now.volume, before.volume).percent,
      negativeShare: metricValue('negative_share', now).value,
      previousNegativeShare: metricValue('negative_share', before).value,
      netSentiment: metricValue('net_sentiment', now).value,
      averageRating: metricValue('average_rating', now).value,
      topTopics: topics.top.filter((t) => inTopic(t.topic)).map((t) => ({ topic: t.topic, name: t.name, volume: t.volume, negative: t.negative })),
      risingTopics: topics.rising.filter((t) => inTopic(t.topic)).map((t) => ({ topic: t.topic, name: t.name, volume: t.volume, previousVolume: t.previousVolume })),
      ...(sub.languages.length > 1 ? { topicsNote: 'top and rising topics count every language' } : {}),
    });
  }
  const ctx = matchContext(db);
  const names = sourceNames(db);
  const alerts = listAlerts(db, { brand: sub.brand ?? undefined, from, to }, MAX_ALERTS)
    .items.filter((a) => alertMatches(db, sub, a, ctx).matches)
    .reverse()
    .map((a) => alertBrief(a, names, config.dashboardUrl));
  const period = { from: isoInZone(from, sub.tz), to: isoInZone(to, sub.tz), tz: sub.tz };
  return {
    type: 'digest',
    idempotencyKey: digestKey(sub.id, to),
    subscription: { id: sub.id, name: sub.name },
    period,
    sections,
    alerts,
    link: dashboardLink(config.dashboardUrl, { brand: sub.brand, topic: sub.topics[0], from: period.from, to: period.to }),
  };
}

/** Queues the digest of [from, to) unless one for the same end is already owed; null then. */
export function enqueueDigest(db: Db, sub: SubscriptionRow, from: number, to: number, config: DeliveryConfig, now: number): DeliveryRow | null {
  const payload = buildDigest(db, sub, from, to, config);
  return insertDelivery(
    db,
    { subscriptionId: sub.id, kind: 'digest', idempotencyKey: payload.idempotencyKey, status: 'pending', payload, periodFrom: from, periodTo: to, nextAttemptAt: now },
    now,
  );
}
