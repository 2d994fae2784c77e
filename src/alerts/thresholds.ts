/**
 * Threshold subscriptions ("negative share of Acme's mentions per day above 40 %", "average
 * rating under 3"), judged when detection runs: the current bucket so far and the one before
 * (late mentions), in the subscription's zone. A crossing is stored as an alert of kind
 * 'threshold' carrying the rule's key, once per bucket, so every subscription with the same rule
 * shares it and re-running never stores it twice.
 */
import { bucketEnd, bucketStart, isoInZone } from '../analytics/buckets.js';
import { firstDataHour, insertAlert, NO_SOURCE, recentAlert } from '../db/alerts.js';
import type { Db } from '../db/client.js';
import { activeSubscriptions, sourceIdsByName, type SubscriptionRow } from '../db/subscriptions.js';
import { explainAlert } from './explain.js';
import { fmt, pct } from './message.js';
import { metricValue, sliceCounts } from './slice-counts.js';
import type { ThresholdMetric, ThresholdRule } from './subscription-schema.js';
import { round } from './terms.js';

export const THRESHOLD_SENSITIVITY = 'rule';

const METRIC_NAMES: Record<ThresholdMetric, string> = {
  negative_share: 'negative share',
  volume: 'mentions',
  average_rating: 'average rating',
  average_sentiment: 'average sentiment',
  net_sentiment: 'net sentiment',
  csat: 'CSAT',
  nps: 'NPS',
};
const BASE_NAMES: Record<ThresholdMetric, string> = {
  negative_share: 'labelled mentions',
  volume: 'mentions',
  average_rating: 'ratings',
  average_sentiment: 'scored mentions',
  net_sentiment: 'labelled mentions',
  csat: 'CSAT answers',
  nps: 'NPS answers',
};

/** What makes two subscriptions' rules the same alert (brand and topic are alert columns). */
export function ruleKey(sub: Pick<SubscriptionRow, 'threshold' | 'tz' | 'sources' | 'languages' | 'minVolume'>): string {
  const t = sub.threshold as ThresholdRule | null;
  if (!t) return '';
  return JSON.stringify({
    metric: t.metric,
    op: t.op,
    value: t.value,
    bucket: t.bucket,
    tz: sub.tz,
    sources: [...sub.sources].sort(),
    languages: [...sub.languages].sort(),
    minVolume: sub.minVolume,
  });
}

function show(metric: ThresholdMetric, value: number): string {
  return metric === 'negative_share' || metric === 'csat' ? pct(value) : fmt(value, 2);
}

export interface ThresholdAlert {
  id: number;
  subscriptionId: number;
  created: boolean;
}

/** Judges every enabled threshold subscription at `now`; returns the alerts it stored. */
export function evaluateThresholds(db: Db, now: number): ThresholdAlert[] {
  const out: ThresholdAlert[] = [];
  const dataStart = firstDataHour(db);
  if (dataStart === null) return out;
  const sourceIds = sourceIdsByName(db);
  for (const sub of activeSubscriptions(db)) {
    const rule = sub.threshold as ThresholdRule | null;
    if (!rule || !sub.kinds.includes('threshold')) continue;
    const ids = sub.sources.map((name) => sourceIds.get(name)).filter((id) => id !== undefined);
    if (sub.sources.length > 0 && ids.length === 0) continue;
    const key = ruleKey(sub);
    const brand = sub.brand ?? '*';
    const current = bucketStart(now, rule.bucket, sub.tz);
    const previous = bucketStart(current - 1, rule.bucket, sub.tz);
    for (const topic of sub.topics.length > 0 ? sub.topics : ['*']) {
      for (const start of [previous, current]) {
        const end = bucketEnd(start, rule.bucket, sub.tz);
        const identity = { kind: 'threshold', brand, topic, sourceId: NO_SOURCE, bucketStart: start, sensitivity: THRESHOLD_SENSITIVITY, rule: key };
        const stored = recentAlert(db, { ...identity, bucketEnd: end, observed: 0, expected: 0, score: 0, explanation: {} }, start, start + 1);
        if (stored) continue;
        const counts = sliceCounts(db, { brand, topic, sourceIds: ids.length ? ids : undefined }, sub.languages, start, end, sub.tz);
        const { value, base } = metricValue(rule.metric, counts);
        if (value === null || base < Math.max(1, sub.minVolume)) continue;
        if (!(rule.op === 'above' ? value > rule.value : value < rule.value)) continue;
        const label = rule.bucket === 'hour' ? isoInZone(start, sub.tz).slice(0, 16).replace('T', ' ') : isoInZone(start, sub.tz).slice(0, 10);
        const what = [brand === '*' ? 'all brands' : brand, topic === '*' ? null : `topic ${topic}`].filter(Boolean).join(' / ');
        const summary =
          `${what}: ${METRIC_NAMES[rule.metric]} ${show(rule.metric, value)} over ${base} ${BASE_NAMES[rule.metric]} ` +
          `in the ${rule.bucket} of ${label} (${sub.tz}), ${rule.op} the ${show(rule.metric, rule.value)} threshold`;
        // Negative mentions first among the samples when the rule is about things going badly.
        const bad = rule.metric === 'negative_share' ? rule.op === 'above' : rule.metric !== 'volume' && rule.op === 'below';
        const explanation = explainAlert(db, {
          kind: bad ? 'negative_spike' : 'volume_spike',
          series: { brand, topic, sourceId: NO_SOURCE },
          windowFrom: start,
          windowTo: Math.min(end, Math.max(now, start + 1)),
          dataStart,
          summary,
          detector: { metric: rule.metric, op: rule.op, threshold: rule.value, value, counted: base, bucket: rule.bucket, tz: sub.tz },
        });
        const saved = insertAlert(
          db,
          { ...identity, bucketEnd: end, observed: value, expected: rule.value, score: round(value - rule.value, 4), explanation },
          now,
        );
        out.push({ id: saved.id, subscriptionId: sub.id, created: saved.created });
      }
    }
  }
  return out;
}
