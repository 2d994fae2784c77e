/**
 * The detectors run over one hourly series at a time: volume and negative spikes per series,
 * emerging topics per brand. Each bucket's decision reads only buckets up to it, so a replay and
 * a live run decide alike. Fired decisions come back as candidates for detect-incidents.ts,
 * those before the reported range too (they open the incidents later alerts belong to).
 */
import { createNegativeSpikeDetector, createVolumeDetector, emergingTerms, thresholdsFor, type Sensitivity, type TermBucket } from '../analytics/detectors/index.js';
import { DEFAULT_COOLDOWN_MS } from '../analytics/detectors/volume-spike.js';
import { NO_SOURCE, type AlertKind, type AlertSeries, type HourCounts } from '../db/alerts.js';
import { round } from './terms.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** The same series fires again only after this (per kind); the volume detector's cooldown. */
export const REPEAT_MS = DEFAULT_COOLDOWN_MS;
/**
 * Fewest mentions of a topic in the hour for it to emerge: hourly history is mostly empty for a
 * topic, so its median share is 0 and the expected count is the 0.5 prior; the detector's
 * default of 5 then fires on any handful of related posts.
 */
const EMERGING_MIN_COUNT = 8;

export interface Candidate {
  kind: AlertKind;
  series: AlertSeries;
  t: number;
  windowFrom: number;
  observed: number;
  expected: number;
  score: number;
  summary: string;
  detector: Record<string, number | string>;
  /** Set by detect-incidents.ts: the incident this alert belongs to and what it absorbed. */
  incident?: IncidentInfo;
}

export interface IncidentInfo {
  /** "<brand>@<ISO hour of its first alert>": alerts of one incident share it. */
  id: string;
  /** Alerts folded into this one (they said the same thing about the same hours). */
  merged: { kind: string; topic: string; source: number; at: string; observed: number; expected: number }[];
}

export type Series = { series: AlertSeries; hours: Map<number, HourCounts>; first: number };

export interface ScanWindow {
  /** First hour fed to the detectors (their warm-up and baseline). */
  start: number;
  /** Hours are fed up to here (exclusive). Every fired decision comes back, before `from` too. */
  to: number;
  sensitivity: Sensitivity;
  utcOffsetMinutes: number;
  names: Map<number, string>;
}

export function isSlice(s: AlertSeries): boolean {
  return s.topic !== '*' || s.sourceId !== NO_SOURCE;
}

/**
 * Slices tested per brand, for the multiple-testing correction below: the example config's ten
 * topics, give or take its sources.
 */
export const SLICES_PER_BRAND = 10;

/**
 * The surprise one of `tests` tests must reach to keep their family at the tail probability of z
 * (Bonferroni): for a Gaussian tail P(Z ≥ z)/k is P(Z ≥ z') with z'² ≈ z² + 2 ln k.
 */
export function familyThreshold(z: number, tests: number): number {
  return Math.sqrt(z * z + 2 * Math.log(Math.max(1, tests)));
}

/**
 * Detector settings per series. A sensitivity level's volume z is meant per brand (one series on
 * its own, as in detect-series). Here each brand has two count tests every hour (its volume and
 * its number of negatives) and so does each of its ~SLICES_PER_BRAND slices (brand × topic,
 * brand × source), so the count tests share the level's tail probability: a brand's tests at
 * half of it (z 4 → 4.2), a slice's at 1/(2 · SLICES_PER_BRAND) (z 4 → 4.7). The detectors'
 * defaults stand for a brand series (48 h warm-up, at least 10 mentions); a slice often sits
 * near zero, where 10 mentions against an expected 0 is a Poisson "surprise" but not news, so
 * slices need 15 mentions (15 negative ones, or 30 labelled for a share). The share baseline
 * needs 100 labelled mentions rather than 50 so a quiet series' first day cannot page.
 */
function detectorsFor(sensitivity: Sensitivity, utcOffsetMinutes: number, slice: boolean) {
  const minVolume = slice ? 15 : 10;
  const threshold = familyThreshold(thresholdsFor(sensitivity).volumeZ, slice ? 2 * SLICES_PER_BRAND : 2);
  return {
    volume: createVolumeDetector({ bucketMs: HOUR, sensitivity, utcOffsetMinutes, minVolume, threshold }),
    negative: createNegativeSpikeDetector({
      bucketMs: HOUR,
      sensitivity,
      utcOffsetMinutes,
      share: { minBaseline: 100, minVolume: slice ? 30 : 20 },
      count: { minVolume, threshold },
    }),
  };
}

export function seriesLabel(s: AlertSeries, names: Map<number, string>): string {
  const parts = [s.brand === '*' ? 'all brands' : s.brand];
  if (s.topic !== '*') parts.push(`topic ${s.topic}`);
  if (s.sourceId !== NO_SOURCE) parts.push(`source ${names.get(s.sourceId) ?? s.sourceId}`);
  return parts.join(' / ');
}

const pct = (x: number) => `${(x * 100).toFixed(0)}%`;
/** "vs 4.2 expected (3.1×)", or "vs almost none expected" where a ratio would only be noise. */
const versus = (expected: number, observed: number) =>
  expected < 0.5 ? 'vs almost none expected' : `vs ${expected.toFixed(1)} expected (${(observed / expected).toFixed(1)}×)`;
/** The evidence span the volume detector summed: the shortest of 1, 2, 4 h whose sum is `observed`. */
const spanOf = (counts: readonly number[], observed: number) => [1, 2, 4].find((k) => counts.slice(-k).reduce((a, b) => a + b, 0) === observed) ?? 1;

/**
 * Pushes one zero-filled hourly series through the volume and negative-spike detectors. Hours in
 * which the volume detector is still inside an incident it alerted on in an earlier hour go into
 * `ongoing`.
 */
export function scanSeries(s: Series, w: ScanWindow, ongoing?: Set<number>): Candidate[] {
  const { volume, negative } = detectorsFor(w.sensitivity, w.utcOffsetMinutes, isSlice(s.series));
  const label = seriesLabel(s.series, w.names);
  const out: Candidate[] = [];
  const counts: number[] = [];
  const negatives: number[] = [];
  for (let t = w.start; t < w.to; t += HOUR) {
    const h = s.hours.get(t);
    counts.push(h?.volume ?? 0);
    negatives.push(h?.negative ?? 0);
    const v = volume.push(t, h?.volume ?? 0);
    // Ongoing means inside an incident alerted on before this hour: an alert fires only from an
    // armed detector, so the hour it fires in starts a new incident (a spike days after a blip
    // on a near-silent series is not the blip's incident).
    if (v.ongoing && !v.fired) ongoing?.add(t);
    const n = negative.push({ t, total: h?.labelled ?? 0, negative: h?.negative ?? 0 });
    if (v.fired) {
      const span = spanOf(counts, v.observed);
      out.push({
        kind: 'volume_spike', series: s.series, t, windowFrom: t - (span - 1) * HOUR,
        observed: v.observed, expected: round(v.expected), score: round(v.score),
        summary: `${label}: ${v.observed} mentions in ${span} h ${versus(v.expected, v.observed)}`,
        detector: { spanHours: span },
      });
    }
    if (n.fired) {
      const { share, count } = n;
      // The count test speaks when it fired: its span and expected number of negatives.
      const byCount = n.trigger !== 'share';
      const span = byCount ? spanOf(negatives, count.observed) : 1;
      const observed = byCount ? count.observed : share.negative;
      const expected = byCount ? count.expected : share.expectedShare * share.total;
      const shareText = `${pct(share.observedShare)} of ${share.total} labelled this hour vs ${pct(share.expectedShare)} usual`;
      out.push({
        kind: 'negative_spike', series: s.series, t, windowFrom: t - (span - 1) * HOUR,
        observed, expected: round(expected), score: round(n.score),
        summary: byCount
          ? `${label}: ${observed} negative mentions in ${span} h ${versus(expected, observed)}; ${shareText}`
          : `${label}: ${share.negative} of ${share.total} labelled mentions negative (${pct(share.observedShare)}) vs ${pct(share.expectedShare)} usual`,
        detector: {
          trigger: n.trigger!, spanHours: span, shareScore: round(share.score), countScore: round(count.score),
          observedShare: round(share.observedShare, 3), expectedShare: round(share.expectedShare, 3), labelled: share.total,
        },
      });
    }
  }
  return out;
}

/**
 * Topics that were rare for a brand and burst in an hour: emergingTerms over the brand's topic
 * counts against its last 7 days, each day the 24 hours ending a whole number of days before
 * this hour. Days rather than hours: a topic's share per hour is mostly 0 for a brand with few
 * mentions an hour, so its median would call every common topic rare; the median over days
 * still keeps one past burst from becoming normal. A topic fires at most once per 24 h per brand.
 */
export function scanEmerging(all: Series, topics: readonly Series[], w: ScanWindow): Candidate[] {
  const brand = all.series.brand;
  const start = Math.max(w.start, all.first);
  const lastFired = new Map<string, number>();
  const out: Candidate[] = [];
  const countsAt = (t: number): TermBucket => {
    const terms: Record<string, number> = {};
    for (const s of topics) {
      const n = s.hours.get(t)?.volume ?? 0;
      if (n > 0) terms[s.series.topic] = n;
    }
    return { total: all.hours.get(t)?.volume ?? 0, terms };
  };
  const hourly = new Map<number, TermBucket>();
  // The day ending at an hour is summed once and reused by the six following days' decisions.
  const daySums = new Map<number, TermBucket>();
  const dayEndingAt = (end: number): TermBucket => {
    let day = daySums.get(end);
    if (day) return day;
    const terms: Record<string, number> = {};
    let total = 0;
    for (let h = end - DAY; h < end; h += HOUR) {
      const b = hourly.get(h);
      if (!b) continue;
      total += b.total;
      for (const [k, n] of Object.entries(b.terms)) terms[k] = (terms[k] ?? 0) + n;
    }
    daySums.set(end, (day = { total, terms }));
    daySums.delete(end - 8 * DAY);
    return day;
  };
  for (let t = start; t < w.to; t += HOUR) {
    const current = countsAt(t);
    hourly.set(t, current);
    hourly.delete(t - 8 * DAY);
    // A day of history at least, so a young store's first topics are not "emerging".
    if (t - start < DAY || current.total === 0) continue;
    const days: TermBucket[] = [];
    for (let d = 0; d < 7; d++) {
      const day = dayEndingAt(t - d * DAY);
      if (day.total > 0) days.push(day);
    }
    for (const e of emergingTerms(days, current, { sensitivity: w.sensitivity, minCount: EMERGING_MIN_COUNT })) {
      if (t - (lastFired.get(e.term) ?? -Infinity) < REPEAT_MS) continue;
      lastFired.set(e.term, t);
      const series = { brand, topic: e.term, sourceId: NO_SOURCE };
      out.push({
        kind: 'emerging_topic', series, t, windowFrom: t,
        observed: e.observed, expected: round(e.expected), score: round(e.score),
        summary: `${seriesLabel(series, w.names)}: emerging, ${e.observed} of ${current.total} mentions vs ${e.expected.toFixed(1)} expected (${e.lift.toFixed(1)}×)`,
        detector: { lift: round(e.lift), brandMentions: current.total },
      });
    }
  }
  return out;
}
