import { DateTime } from 'luxon';
import type { Sensitivity } from '../analytics/detectors/index.js';
import { DEFAULT_ESCALATION } from '../analytics/detectors/volume-spike.js';
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
import { groupIncidents } from './detect-incidents.js';
import { isSlice, REPEAT_MS, scanEmerging, scanSeries, type Candidate, type Series } from './detect-scan.js';
import { explainAlert, type AlertExplanation } from './explain.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** History fed to the detectors before `from`: their week-long baseline plus a day of slack. */
export const HISTORY_MS = 8 * DAY;

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

function group(rows: HourCounts[], make: (key: string) => AlertSeries): Map<string, Series> {
  const out = new Map<string, Series>();
  for (const row of rows) {
    let s = out.get(row.key);
    if (!s) out.set(row.key, (s = { series: make(row.key), hours: new Map(), first: row.bucket }));
    s.hours.set(row.bucket, row);
  }
  return out;
}

/** Every series' fired decisions in [from, to), merged into incidents (detect-incidents.ts). */
function candidatesFor(db: Db, feedFrom: number, from: number, to: number, sensitivity: Sensitivity, tz: string, names: Map<number, string>): Candidate[] {
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

  const window = { to, sensitivity, utcOffsetMinutes: DateTime.fromMillis(from, { zone: tz }).offset, names };
  const candidates: Candidate[] = [];
  // A slice starts with its brand's data (a topic silent for days and then loud is news); a brand
  // starts with its own first mention, not with zeros from before it was watched.
  const brandFirst = (brand: string) => byTopic.get(`${brand}\u0000*`)?.first ?? feedFrom;
  const ongoing = new Map<string, Set<number>>();
  for (const s of series) {
    const hours = isSlice(s.series) ? undefined : new Set<number>();
    if (hours) ongoing.set(s.series.brand, hours);
    candidates.push(...scanSeries(s, { ...window, start: Math.max(feedFrom, Math.min(s.first, brandFirst(s.series.brand))) }, hours));
  }
  for (const all of byTopic.values()) {
    if (all.series.topic !== '*') continue;
    const topics = [...byTopic.values()].filter((s) => s.series.brand === all.series.brand && s.series.topic !== '*');
    candidates.push(...scanEmerging(all, topics, { ...window, start: feedFrom }));
  }
  return groupIncidents(candidates, (brand, t) => ongoing.get(brand)?.has(t) ?? false).filter((c) => c.t >= from);
}

/**
 * Runs every series (brand incl. '*', brand × topic, brand × source when a brand has several
 * sources) through the detectors, hour by hour, from up to 8 days before `from`; each decision
 * uses only hours up to its own, so a replay and a live run decide alike. Fired alerts in
 * [from, to) come back explained; with `persist` they are stored (an alert already stored, or one
 * for the same series and kind within the previous 24 h, is not stored again unless it escalates).
 */
export function detectAlerts(store: { db: Db }, opts: DetectOptions): FiredAlert[] {
  const { db } = store;
  const sensitivity = opts.sensitivity ?? 'balanced';
  const from = Math.floor(opts.from / HOUR) * HOUR;
  const to = Math.ceil(opts.to / HOUR) * HOUR;
  const first = firstDataHour(db);
  if (first === null || to <= from) return [];
  const feedFrom = Math.max(from - HISTORY_MS, first);
  if (feedFrom >= to) return [];
  const names = sourceNames(db);

  const now = opts.now ?? Date.now();
  const out: FiredAlert[] = [];
  for (const c of candidatesFor(db, feedFrom, from, to, sensitivity, opts.tz ?? 'UTC', names)) {
    const identity = { kind: c.kind, brand: c.series.brand, topic: c.series.topic, sourceId: c.series.sourceId, bucketStart: c.t, sensitivity };
    if (opts.persist) {
      // A re-run may decide the same incident an hour off (late mentions); only an escalation is new.
      const recent = recentAlert(db, { ...identity, bucketEnd: 0, observed: 0, expected: 0, score: 0, explanation: {} }, c.t - REPEAT_MS + 1, c.t);
      if (recent && c.observed < DEFAULT_ESCALATION * recent.observed) continue;
    }
    const explanation = explainAlert(db, {
      kind: c.kind,
      series: c.series,
      windowFrom: c.windowFrom,
      windowTo: c.t + HOUR,
      dataStart: first,
      summary: c.summary,
      detector: c.detector,
      incident: c.incident,
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
