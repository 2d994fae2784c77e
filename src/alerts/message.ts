/**
 * The channel-neutral messages the outbox sends: built once, stored with the delivery, and
 * rendered by each channel (webhook JSON as is, Slack blocks, e-mail). A retry renders the same
 * stored message, so every attempt of one idempotency key carries the same content.
 */
import type { AlertRow } from '../db/alerts.js';
import type { SubscriptionRow } from '../db/subscriptions.js';
import type { AlertExplanation } from './explain.js';

export const KIND_LABELS: Record<string, string> = {
  volume_spike: 'Volume spike',
  negative_spike: 'Negative spike',
  emerging_topic: 'Emerging topic',
  threshold: 'Threshold crossed',
};

export interface AlertBrief {
  id: number;
  kind: string;
  brand: string;
  topic: string;
  source: string | null;
  bucketStart: string;
  bucketEnd: string;
  observed: number;
  expected: number;
  score: number;
  summary: string;
  link: string;
}

export interface AlertDetail extends AlertBrief {
  sensitivity: string;
  status: string;
  topics: { id: string; observed: number; expected: number }[];
  terms: { term: string; observed: number; expected: number }[];
  sources: { name: string; observed: number; expected: number }[];
  samples: { id: number; text: string; url: string | null; sentiment: string | null; publishedAt: string }[];
  window: AlertExplanation['window'];
  baseline: AlertExplanation['baseline'];
  detector: AlertExplanation['detector'];
}

interface Envelope {
  idempotencyKey: string;
  subscription: { id: number; name: string };
}

export interface AlertMessage extends Envelope {
  type: 'alert';
  alert: AlertDetail;
}

export interface SummaryMessage extends Envelope {
  type: 'summary';
  /** Alerts held back by the subscription's hourly cap, oldest first. */
  count: number;
  period: { from: string; to: string };
  alerts: AlertBrief[];
  link: string;
}

export interface DigestSection {
  brand: string;
  topic: string | null;
  volume: number;
  previousVolume: number;
  volumeChangePercent: number | null;
  negativeShare: number | null;
  previousNegativeShare: number | null;
  netSentiment: number | null;
  averageRating: number | null;
  topTopics: { topic: string; name: string; volume: number; negative: number }[];
  risingTopics: { topic: string; name: string; volume: number; previousVolume: number }[];
  /** Set when top topics ignore a language filter of several languages. */
  topicsNote?: string;
}

export interface DigestMessage extends Envelope {
  type: 'digest';
  period: { from: string; to: string; tz: string };
  sections: DigestSection[];
  alerts: AlertBrief[];
  link: string;
}

/** Sent on request to check a subscription's channel and target. */
export interface TestMessage extends Envelope {
  type: 'test';
  text: string;
  link: string;
}

export type Message = AlertMessage | SummaryMessage | DigestMessage | TestMessage;

/** A dashboard link with the alert's brand, topic and time range as query parameters. */
export function dashboardLink(base: string, q: { brand?: string | null; topic?: string | null; from?: string; to?: string; alert?: number }): string {
  const url = new URL(base);
  if (q.brand && q.brand !== '*') url.searchParams.set('brand', q.brand);
  if (q.topic && q.topic !== '*') url.searchParams.set('topic', q.topic);
  if (q.from) url.searchParams.set('from', q.from);
  if (q.to) url.searchParams.set('to', q.to);
  if (q.alert !== undefined) url.searchParams.set('alert', String(q.alert));
  return url.toString();
}

export function alertBrief(alert: AlertRow, sourceNames: Map<number, string>, dashboardUrl: string): AlertBrief {
  const e = alert.explanation as AlertExplanation;
  const bucketStart = new Date(alert.bucketStart).toISOString();
  const bucketEnd = new Date(alert.bucketEnd).toISOString();
  return {
    id: alert.id,
    kind: alert.kind,
    brand: alert.brand,
    topic: alert.topic,
    source: alert.sourceId === 0 ? null : (sourceNames.get(alert.sourceId) ?? String(alert.sourceId)),
    bucketStart,
    bucketEnd,
    observed: alert.observed,
    expected: alert.expected,
    score: alert.score,
    summary: e.summary,
    link: dashboardLink(dashboardUrl, { brand: alert.brand, topic: alert.topic, from: e.window?.from ?? bucketStart, to: bucketEnd, alert: alert.id }),
  };
}

export function alertMessage(key: string, sub: SubscriptionRow, alert: AlertRow, sourceNames: Map<number, string>, dashboardUrl: string): AlertMessage {
  const e = alert.explanation as AlertExplanation;
  const pick = <T extends { observed: number; expected: number }>(list: T[] | undefined) => list ?? [];
  return {
    type: 'alert',
    idempotencyKey: key,
    subscription: { id: sub.id, name: sub.name },
    alert: {
      ...alertBrief(alert, sourceNames, dashboardUrl),
      sensitivity: alert.sensitivity,
      status: alert.status,
      topics: pick(e.topics).map((t) => ({ id: t.id, observed: t.observed, expected: t.expected })),
      terms: pick(e.terms).map((t) => ({ term: t.term, observed: t.observed, expected: t.expected })),
      sources: pick(e.sources).map((s) => ({ name: s.name, observed: s.observed, expected: s.expected })),
      samples: e.samples ?? [],
      window: e.window,
      baseline: e.baseline,
      detector: e.detector,
    },
  };
}

/** A one-line title for subjects and notifications. */
export function title(m: Message): string {
  if (m.type === 'alert') {
    const a = m.alert;
    const what = [a.brand === '*' ? 'all brands' : a.brand, a.topic === '*' ? null : a.topic, a.source].filter(Boolean).join(' / ');
    return `${KIND_LABELS[a.kind] ?? a.kind}: ${what} — ${fmt(a.observed)} vs ${fmt(a.expected)} expected`;
  }
  if (m.type === 'summary') return `${m.count} more alerts for "${m.subscription.name}" (hourly limit reached)`;
  if (m.type === 'test') return `Test message for "${m.subscription.name}"`;
  return `Digest "${m.subscription.name}": ${m.period.from.slice(0, 10)} to ${m.period.to.slice(0, 10)}`;
}

export function fmt(x: number | null | undefined, digits = 1): string {
  if (x === null || x === undefined) return 'n/a';
  return Number.isInteger(x) ? String(x) : x.toFixed(digits);
}

export function pct(x: number | null | undefined): string {
  return x === null || x === undefined ? 'n/a' : `${(x * 100).toFixed(0)}%`;
}
