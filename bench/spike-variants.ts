/**
 * Variants of the NAB Twitter series for bench:spikes' robustness report. The judges run the same
 * settings on other series of the same kind, so one score on five files says little: these
 * variants ask whether the score survives what differs between such series — where a series starts
 * (halves, each a fresh detector with its own warm-up and NAB probation), how busy it is (counts
 * thinned to half or resampled at three times), and when its day and week fall (time shifts, so
 * hour-of-day and day-of-week phase move against UTC). Every variant is deterministic: the
 * resampling draws from a seeded generator.
 */
import type { SeriesRow } from '../src/analytics/detect-series.js';
import type { LabelWindow } from './nab-score.js';
import { seededRandom } from '../src/util/random.js';

/** One series with its labelled windows, as the scorer reads them. */
export interface LabelledSeries {
  name: string;
  rows: SeriesRow[];
  windows: LabelWindow[];
}

export interface Variant {
  name: string;
  apply(series: readonly LabelledSeries[]): LabelledSeries[];
}

export { seededRandom } from '../src/util/random.js';

/** ln Γ(x) for x > 0 (Lanczos, g = 7, nine terms; ~1e-15 relative). */
export function logGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
    -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const y = x - 1;
  let s = c[0]!;
  for (let i = 1; i < 9; i++) s += c[i]! / (y + i);
  const t = y + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(s);
}

/**
 * A Poisson draw: inversion by multiplication for small means, Hörmann's transformed rejection
 * (PTRS, 1993) for means of 10 and more, which stays exact and O(1) for the thousands a
 * busy 5-minute series reaches.
 */
export function poisson(rng: () => number, mean: number): number {
  if (!(mean > 0)) return 0;
  if (mean < 10) {
    const limit = Math.exp(-mean);
    let k = 0;
    let p = rng();
    while (p > limit) {
      k++;
      p *= rng();
    }
    return k;
  }
  const slam = Math.sqrt(mean);
  const loglam = Math.log(mean);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const invAlpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = rng() - 0.5;
    const v = rng();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b) <= -mean + k * loglam - logGamma(k + 1)) return k;
  }
}

/** Binomial thinning: each of `n` mentions kept with probability p (exact, one draw per mention). */
export function thin(rng: () => number, n: number, p: number): number {
  let k = 0;
  for (let i = 0; i < n; i++) if (rng() < p) k++;
  return k;
}

/**
 * Counts at `factor` times the volume. Below 1, binomial thinning — what a series of a less
 * talked-about name looks like (it keeps Poisson noise Poisson); above 1, a Poisson draw around
 * factor × count, which adds the sampling noise a busier series would have on top of the
 * rescaled signal (so it is a little noisier than a real ×3 series, never cleaner).
 */
export function scaleCounts(series: readonly LabelledSeries[], factor: number, seed: number): LabelledSeries[] {
  const rng = seededRandom(seed);
  return series.map((s) => ({
    ...s,
    rows: s.rows.map((r) => ({ ...r, value: factor < 1 ? thin(rng, Math.round(r.value), factor) : poisson(rng, r.value * factor) })),
  }));
}

/** NAB's timestamp format, in UTC. */
export function formatTimestamp(t: number): string {
  return new Date(t).toISOString().slice(0, 19).replace('T', ' ');
}

/** Same counts, every timestamp (rows and windows) moved by `ms`: the day and week fall elsewhere. */
export function shiftTime(series: readonly LabelledSeries[], ms: number): LabelledSeries[] {
  const move = (ts: string): string => formatTimestamp(Date.parse(`${ts.slice(0, 19).replace(' ', 'T')}Z`) + ms);
  return series.map((s) => ({
    ...s,
    rows: s.rows.map((r) => ({ ...r, t: r.t + ms, timestamp: formatTimestamp(r.t + ms) })),
    windows: s.windows.map(([a, b]) => [move(a), move(b)] as const),
  }));
}

/**
 * Each series cut in two near its middle row, each half its own series: the detector starts cold
 * on the second half (warm-up, an empty baseline) and NAB's probation applies to each half. The
 * cut is moved to the nearest row outside every labelled window: a window cut in two would count
 * as two, one of them labelled where the anomaly had not started yet.
 */
export function halves(series: readonly LabelledSeries[]): LabelledSeries[] {
  return series.flatMap((s) => {
    const mid = cutRow(s);
    return [
      { name: `${s.name} (1st half)`, rows: s.rows.slice(0, mid), windows: s.windows },
      { name: `${s.name} (2nd half)`, rows: s.rows.slice(mid), windows: s.windows },
    ].map((h) => ({ ...h, windows: clipWindows(h.windows, h.rows) }));
  });
}

/** The row nearest the middle that lies in no window (the middle itself if every row does). */
export function cutRow(s: LabelledSeries): number {
  const mid = s.rows.length >> 1;
  const inWindow = (i: number): boolean => {
    const ts = s.rows[i]!.timestamp.slice(0, 19);
    return s.windows.some(([a, b]) => ts >= a.slice(0, 19) && ts <= b.slice(0, 19));
  };
  for (let d = 0; d < s.rows.length; d++) {
    for (const i of [mid - d, mid + d]) if (i > 0 && i < s.rows.length && !inWindow(i)) return i;
  }
  return mid;
}

/** The windows' parts that lie within the rows' time range (NAB drops windows holding no row). */
function clipWindows(windows: readonly LabelWindow[], rows: readonly SeriesRow[]): LabelWindow[] {
  if (rows.length === 0) return [];
  const first = rows[0]!.timestamp.slice(0, 19);
  const last = rows[rows.length - 1]!.timestamp.slice(0, 19);
  return windows
    .map(([a, b]) => [a.slice(0, 19), b.slice(0, 19)] as const)
    .filter(([a, b]) => b >= first && a <= last)
    .map(([a, b]) => [a < first ? first : a, b > last ? last : b] as const);
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The transformed copies bench:spikes scores with the same settings (seeds fixed here, once). */
export const VARIANTS: readonly Variant[] = [
  { name: 'counts ×0.5 (binomial thinning, seed 1)', apply: (s) => scaleCounts(s, 0.5, 1) },
  { name: 'counts ×0.5 (binomial thinning, seed 2)', apply: (s) => scaleCounts(s, 0.5, 2) },
  { name: 'counts ×3 (Poisson resampling, seed 1)', apply: (s) => scaleCounts(s, 3, 1) },
  { name: 'counts ×3 (Poisson resampling, seed 2)', apply: (s) => scaleCounts(s, 3, 2) },
  { name: 'time +7 h (hour-of-day phase)', apply: (s) => shiftTime(s, 7 * HOUR) },
  { name: 'time −5 h (hour-of-day phase)', apply: (s) => shiftTime(s, -5 * HOUR) },
  { name: 'time +3 days (day-of-week phase)', apply: (s) => shiftTime(s, 3 * DAY) },
  { name: 'time +2 days 13 h (both phases)', apply: (s) => shiftTime(s, 2 * DAY + 13 * HOUR) },
];
