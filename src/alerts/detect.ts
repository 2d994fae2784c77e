import { DateTime } from 'luxon';
import {
  createNegativeShareDetector,
  createVolumeDetector,
  emergingTerms,
  type Sensitivity,
  type TermBucket,
} from '../analytics/detectors/index.js';
import type { Db } from '../db/client.js';
import {
  brandSourceHours,
  brandTopicHours,
  firstDataHour,
  insertAlert,
  NO_SOURCE,
  recentAlert,
  sourceNames,
  type AlertKind,
  type AlertSeries,
  type HourCounts,
} from '../db/alerts.js';
import { explainAlert, type AlertExplanation } from './explain.js';
import { round } from './terms.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** History fed to the detectors before `from`: their week-long baseline plus a day of slack. */
export const HISTORY_MS = 8 * DAY;
/** The same series fires again only after this (per kind); matches the volume detector's cooldown. */
const REPEAT_MS = 12 * HOUR;
/**
 * Fewest mentions of a topic in the hour for it to emerge: hourly history is mostly empty for a
 * topic, so its median share is 0 and the expected count is the 0.5 prior; the detector's
 * default of 5 then fires on any handful of related posts.
 */
const EMERGING_MIN_COUNT = 8;

export interface DetectOptions {
  /** Decisions are reported for hours starting in [from, to) (widened to whole hours). */
  from: number;
  to: number;
  sensitivity?: Sensitivity;
  /** The audience's zone: shapes the detectors' hour-of-day profile. Default UTC. */
  tz?: string;
  /** Store the fired alerts (never twice); false replays without writing. */
  persist?: boolean;
  /** Clock for created_at / updated_at. */
  now?: number;
}

export interface FiredAlert {
  /** The stored row's id when persisted. */
  id?: number;
  /** False when persisting found the alert already stored. */
  created?: boolean;
  kind: AlertKind;
  brand: string;
  topic: string;
  sourceId: number;
  source: string | null;
  bucketStart: number;
  bucketEnd: number;
  observed: number;
  expected: number;
  score: number;
  sensitivity: Sensitivity;
  explanation: AlertExplanation;
}

interface Candidate {
  kind: AlertKind;
  series: AlertSeries;
  t: number;
  windowFrom: number;
  observed: number;
  expected: number;
  score: number;
  summary: string;
  detector: Record<string, number | string>;
}

type Series = { series: AlertSeries; hours: Map<number, HourCounts>; first: number };

function group(rows: HourCounts[], make: (key: string) => AlertSeries): Map<string, Series> {
  const out = new Map<string, Series>();
  for (const row of rows) {
    let s = out.get(row.key);
    if (!s) out.set(row.key, (s = { series: make(row.key), hours: new Map(), first: row.bucket }));
    s.hours.set(row.bucket, row);
  }
  return out;
}

/**
 * Volume and negative-share detectors for one hourly series. The detectors' defaults stand for a
 * brand series (48 h warm-up, at least 10 mentions); a brand × topic or brand × source series is
 * a slice that often sits near zero, where 10 mentions against an expected 0 is a Poisson
 * "surprise" but not news, so slices need 15 mentions (30 labelled for a share). The share
 * baseline needs 100 labelled mentions rather than 50 so a quiet series' first day cannot page.
 */
function detectorsFor(sensitivity: Sensitivity, utcOffsetMinutes: number, slice: boolean) {
  return {
    volume: createVolumeDetector({ bucketMs: HOUR, sensitivity, utcOffsetMinutes, minVolume: slice ? 15 : 10 }),
    negative: createNegativeShareDetector({ sensitivity, minBaseline: 100, minVolume: slice ? 30 : 20 }),
  };
}

function label(s: AlertSeries, names: Map<number, string>): string {
  const parts = [s.brand === '*' ? 'all brands' : s.brand];
  if (s.topic !== '*') parts.push(`topic ${s.topic}`);
  if (s.sourceId !== NO_SOURCE) parts.push(`source ${names.get(s.sourceId) ?? s.sourceId}`);
  return parts.join(' / ');
}

/** Pushes one zero-filled hourly series through both detectors; the fired decisions in [from, to). */
function scanSeries(s: Series, seriesStart: number, from: number, to: number, sensitivity: Sensitivity, offset: number, names: Map<number, string>): Candidate[] {
  const start = seriesStart;
  const slice = s.series.topic !== '*' || s.series.sourceId !== NO_SOURCE;
  const { volume, negative } = detectorsFor(sensitivity, offset, slice);
  const out: Candidate[] = [];
  const counts: number[] = [];
  for (let t = start; t < to; t += HOUR) {
    const h = s.hours.get(t);
    const count = h?.volume ?? 0;
    counts.push(count);
    const v = volume.push(t, count);
    const n = negative.push({ t, total: h?.labelled ?? 0, negative: h?.negative ?? 0 });
    if (t < from) continue;
    if (v.fired) {
      // The evidence span the detector summed: the shortest of 1, 2, 4 h whose sum is `observed`.
      const span = [1, 2, 4].find((k) => counts.slice(-k).reduce((a, b) => a + b, 0) === v.observed) ?? 1;
      out.push({
        kind: 'volume_spike',
        series: s.series,
        t,
        windowFrom: t - (span - 1) * HOUR,
        observed: v.observed,
        expected: round(v.expected),
        score: round(v.score),
        summary: `${label(s.series, names)}: ${v.observed} mentions in ${span} h vs ${v.expected.toFixed(1)} expected (${(v.observed / Math.max(v.expected, 0.01)).toFixed(1)}×)`,
        detector: { spanHours: span },
      });
    }
    if (n.fired) {
      out.push({
        kind: 'negative_spike',
        series: s.series,
        t,
        windowFrom: t,
        observed: n.negative,
        expected: round(n.expectedShare * n.total),
        score: round(n.score),
        summary: `${label(s.series, names)}: ${n.negative} of ${n.total} labelled mentions negative (${pct(n.observedShare)}) vs ${pct(n.expectedShare)} usual`,
        detector: { observedShare: round(n.observedShare, 3), expectedShare: round(n.expectedShare, 3), labelled: n.total },
      });
    }
  }
  return out;
}

/**
 * Topics that were rare for a brand and burst in an hour: emergingTerms over the brand's topic
 * counts, against the brand's hours with mentions in the previous 7 days. A topic fires at most
 * once per 12 h per brand.
 */
function scanEmerging(brand: string, all: Series, topics: Series[], feedFrom: number, from: number, to: number, sensitivity: Sensitivity, names: Map<number, string>): Candidate[] {
  const start = Math.max(feedFrom, all.first);
  const history: (TermBucket & { t: number })[] = [];
  const lastFired = new Map<string, number>();
  const out: Candidate[] = [];
  for (let t = start; t < to; t += HOUR) {
    const total = all.hours.get(t)?.volume ?? 0;
    const terms: Record<string, number> = {};
    for (const s of topics) {
      const n = s.hours.get(t)?.volume ?? 0;
      if (n > 0) terms[s.series.topic] = n;
    }
    while (history.length && history[0]!.t < t - 7 * DAY) history.shift();
    // A day of history at least, so a young store's first topics are not "emerging".
    if (t >= from && t - start >= DAY && total > 0) {
      for (const e of emergingTerms(history, { total, terms }, { sensitivity, minCount: EMERGING_MIN_COUNT })) {
        if (t - (lastFired.get(e.term) ?? -Infinity) < REPEAT_MS) continue;
        lastFired.set(e.term, t);
        const series = { brand, topic: e.term, sourceId: NO_SOURCE };
        out.push({
          kind: 'emerging_topic',
          series,
          t,
          windowFrom: t,
          observed: e.observed,
          expected: round(e.expected),
          score: round(e.score),
          summary: `${label(series, names)}: emerging, ${e.observed} of ${total} mentions vs ${e.expected.toFixed(1)} expected (${e.lift.toFixed(1)}×)`,
          detector: { lift: round(e.lift), brandMentions: total },
        });
      }
    }
    if (total > 0) history.push({ t, total, terms });
  }
  return out;
}

function pct(x: number): string {
  return `${(x * 100).toFixed(0)}%`;
}

/**
 * Runs every series (brand incl. '*', brand × topic, brand × source when a brand has several
 * sources) through the detectors, hour by hour, from up to 8 days before `from`; each decision
 * uses only hours up to its own, so a replay and a live run decide alike. Fired alerts in
 * [from, to) come back explained; with `persist` they are stored (an alert already stored, or one
 * for the same series and kind within the previous 12 h, is not stored again).
 */
export function detectAlerts(store: { db: Db }, opts: DetectOptions): FiredAlert[] {
  const { db } = store;
  const sensitivity = opts.sensitivity ?? 'balanced';
  const tz = opts.tz ?? 'UTC';
  const from = Math.floor(opts.from / HOUR) * HOUR;
  const to = Math.ceil(opts.to / HOUR) * HOUR;
  const first = firstDataHour(db);
  if (first === null || to <= from) return [];
  const feedFrom = Math.max(from - HISTORY_MS, first);
  if (feedFrom >= to) return [];
  const offset = DateTime.fromMillis(from, { zone: tz }).offset;
  const names = sourceNames(db);

  const byTopic = group(brandTopicHours(db, feedFrom, to), (key) => {
    const [brand, topic] = key.split('\u0000') as [string, string];
    return { brand, topic, sourceId: NO_SOURCE };
  });
  const bySource = group(brandSourceHours(db, feedFrom, to), (key) => {
    const [brand, source] = key.split('\u0000') as [string, string];
    return { brand, topic: '*', sourceId: Number(source) };
  });
  // With one source, the brand × source series is the brand series again: no second alert.
  const sourcesPerBrand = new Map<string, number>();
  for (const s of bySource.values()) sourcesPerBrand.set(s.series.brand, (sourcesPerBrand.get(s.series.brand) ?? 0) + 1);
  const series = [...byTopic.values(), ...[...bySource.values()].filter((s) => (sourcesPerBrand.get(s.series.brand) ?? 0) > 1)];

  const candidates: Candidate[] = [];
  // A slice starts with its brand's data (a topic silent for days and then loud is news); a brand
  // starts with its own first mention, not with zeros from before it was watched.
  const brandFirst = (brand: string) => byTopic.get(`${brand}\u0000*`)?.first ?? feedFrom;
  for (const s of series) {
    const start = Math.max(feedFrom, Math.min(s.first, brandFirst(s.series.brand)));
    candidates.push(...scanSeries(s, start, from, to, sensitivity, offset, names));
  }
  for (const all of byTopic.values()) {
    if (all.series.topic !== '*') continue;
    const topics = [...byTopic.values()].filter((s) => s.series.brand === all.series.brand && s.series.topic !== '*');
    candidates.push(...scanEmerging(all.series.brand, all, topics, feedFrom, from, to, sensitivity, names));
  }
  candidates.sort((a, b) => a.t - b.t || a.kind.localeCompare(b.kind) || a.series.brand.localeCompare(b.series.brand) || a.series.topic.localeCompare(b.series.topic) || a.series.sourceId - b.series.sourceId);

  const now = opts.now ?? Date.now();
  const out: FiredAlert[] = [];
  for (const c of candidates) {
    const identity = { kind: c.kind, brand: c.series.brand, topic: c.series.topic, sourceId: c.series.sourceId, bucketStart: c.t, sensitivity };
    if (opts.persist && recentAlert(db, { ...identity, bucketEnd: 0, observed: 0, expected: 0, score: 0, explanation: {} }, c.t - REPEAT_MS + 1, c.t)) continue;
    const explanation = explainAlert(db, {
      kind: c.kind,
      series: c.series,
      windowFrom: c.windowFrom,
      windowTo: c.t + HOUR,
      dataStart: first,
      summary: c.summary,
      detector: c.detector,
    });
    const alert: FiredAlert = {
      ...identity,
      source: c.series.sourceId === NO_SOURCE ? null : (names.get(c.series.sourceId) ?? null),
      bucketEnd: c.t + HOUR,
      observed: c.observed,
      expected: c.expected,
      score: c.score,
      explanation,
    };
    if (opts.persist) {
      const { source: _source, explanation: _e, ...row } = alert;
      Object.assign(alert, insertAlert(db, { ...row, explanation }, now));
    }
    out.push(alert);
  }
  return out;
}

export interface RunDetectionOptions {
  sensitivity?: Sensitivity;
  tz?: string;
  /** How far back decisions are re-made (late mentions change past hours). Default 48 h. */
  lookbackMs?: number;
}

/**
 * The live run: decide the last ~48 h (the detectors warm up on the 8 days before) and store what
 * fired. Safe to call after every ingest run and on a schedule: stored alerts are never repeated.
 */
export function runDetection(store: { db: Db }, now: number, opts: RunDetectionOptions = {}): FiredAlert[] {
  const lookback = opts.lookbackMs ?? 48 * HOUR;
  return detectAlerts(store, { from: now - lookback, to: now, sensitivity: opts.sensitivity, tz: opts.tz, persist: true, now });
}
