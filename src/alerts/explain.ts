import type { Db } from '../db/client.js';
import { seriesBreakdown, seriesMentions, sourceNames, type AlertKind, type AlertSeries, type SeriesMention } from '../db/alerts.js';
import type { IncidentInfo } from './detect-scan.js';
import { documentFrequency, growthOf, round, termGrowth, wordsOf, type Growth } from './terms.js';

const HOUR = 3_600_000;
const BASELINE_MS = 7 * 24 * HOUR;

export interface SampleMention {
  id: number;
  text: string;
  url: string | null;
  sentiment: string | null;
  publishedAt: string;
}

/** Why an alert fired, stored with it as JSON. */
export interface AlertExplanation {
  summary: string;
  /** The evidence window the detector summed (ends with the alert's bucket). */
  window: { from: string; to: string; mentions: number; negative: number };
  /** The same series' previous 7 days (or what exists of them), averaged per hour. */
  baseline: { from: string; to: string; hours: number; mentions: number; negative: number };
  /** The detector's own figures (shares for negative spikes, span for volume spikes). */
  detector: Record<string, number | string>;
  topics: (Growth & { id: string })[];
  terms: (Growth & { term: string })[];
  sources: (Growth & { id: number; name: string })[];
  samples: SampleMention[];
  /** The incident the alert belongs to (alerts of one brand close in time) and what it absorbed. */
  incident?: IncidentInfo;
}

export interface ExplainInput {
  kind: AlertKind;
  series: AlertSeries;
  windowFrom: number;
  windowTo: number;
  /** No data before this (the baseline's average is over the hours that had a chance of data). */
  dataStart: number;
  summary: string;
  detector: Record<string, number | string>;
  incident?: IncidentInfo;
}

function growth(window: Map<string, number>, baseline: Map<string, number>, scale: number, limit = 5): (Growth & { key: string })[] {
  const out: (Growth & { key: string })[] = [];
  for (const [key, observed] of window) out.push({ key, ...growthOf(observed, baseline.get(key) ?? 0, scale) });
  // What grew most in absolute terms explains the spike; ties go to the new, then the larger rise in ratio.
  const ratio = (g: Growth) => (g.lift === null ? Number.POSITIVE_INFINITY : g.lift);
  return out
    .filter((g) => g.observed > g.expected)
    .sort((a, b) => b.observed - b.expected - (a.observed - a.expected) || ratio(b) - ratio(a) || a.key.localeCompare(b.key))
    .slice(0, limit);
}

/** Topics, terms, sources and sample mentions behind one alert, compared with the week before. */
export function explainAlert(db: Db, input: ExplainInput): AlertExplanation {
  const { series, windowFrom, windowTo, kind } = input;
  const baseFrom = Math.max(windowFrom - BASELINE_MS, Math.min(input.dataStart, windowFrom));
  const baseHours = Math.max(1, (windowFrom - baseFrom) / HOUR);
  const scale = (windowTo - windowFrom) / HOUR / baseHours;

  const now = seriesMentions(db, series, windowFrom, windowTo);
  const before = baseFrom < windowFrom ? seriesMentions(db, series, baseFrom, windowFrom) : [];
  const terms = termGrowth(documentFrequency(now.map(textOf)), documentFrequency(before.map(textOf)), scale, { limit: 10 });

  const topics = growth(seriesBreakdown(db, series, windowFrom, windowTo, 'topic'), seriesBreakdown(db, series, baseFrom, windowFrom, 'topic'), scale)
    .filter((g) => g.key !== series.topic)
    .map(({ key, ...g }) => ({ id: key, ...g }));
  const names = sourceNames(db);
  const sources = growth(seriesBreakdown(db, series, windowFrom, windowTo, 'source'), seriesBreakdown(db, series, baseFrom, windowFrom, 'source'), scale).map(
    ({ key, ...g }) => ({ id: Number(key), name: names.get(Number(key)) ?? key, ...g }),
  );

  const negatives = (ms: SeriesMention[]) => ms.filter((m) => m.sentimentLabel === 'negative').length;
  return {
    summary: input.summary,
    window: { from: iso(windowFrom), to: iso(windowTo), mentions: now.length, negative: negatives(now) },
    baseline: { from: iso(baseFrom), to: iso(windowFrom), hours: round(baseHours, 0), mentions: before.length, negative: negatives(before) },
    detector: input.detector,
    topics,
    terms,
    sources,
    samples: pickSamples(now, kind, terms.map((t) => t.term)),
    ...(input.incident ? { incident: input.incident } : {}),
  };
}

function textOf(m: SeriesMention): string {
  return m.title ? `${m.title} ${m.text}` : m.text;
}

/**
 * Up to five mentions that show the alert: originals before reposts, negative ones first for a
 * negative spike, those using the alert's top terms before others, one per distinct text.
 */
export function pickSamples(mentions: readonly SeriesMention[], kind: AlertKind, topTerms: readonly string[], limit = 5): SampleMention[] {
  const top = topTerms.slice(0, 5);
  const rank = (m: SeriesMention) => {
    const words = wordsOf(textOf(m));
    const hits = top.filter((t) => words.has(t)).length;
    return (
      (kind === 'negative_spike' && m.sentimentLabel === 'negative' ? 100 : 0) +
      (m.duplicateOf === null ? 10 : 0) +
      hits -
      (kind === 'negative_spike' ? (m.sentimentScore ?? 0) : 0)
    );
  };
  const ranked = mentions.map((m) => ({ m, r: rank(m) })).sort((a, b) => b.r - a.r || b.m.publishedAt - a.m.publishedAt || b.m.id - a.m.id);
  const seen = new Set<string>();
  const out: SampleMention[] = [];
  for (const { m } of ranked) {
    const key = m.text.trim().toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ id: m.id, text: m.text, url: m.url, sentiment: m.sentimentLabel, publishedAt: iso(m.publishedAt) });
    if (out.length >= limit) break;
  }
  return out;
}

function iso(t: number): string {
  return new Date(t).toISOString();
}
