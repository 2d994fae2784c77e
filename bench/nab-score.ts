/**
 * Numenta Anomaly Benchmark scoring (standard profile by default), as described in
 * ../shared/data/nab-realtweets/SCORING.md and NAB's sweeper.py:
 * - the first min(floor(0.15 × rows), 750) rows are probation and never scored;
 * - each window counts once, scored by its earliest flag: σ(−(b − i + 1)/w) × tp / σ(−1);
 *   a window with no flag scores −fn;
 * - a flag outside every window costs σ(|b − i|/(w − 1)) × fp after the latest earlier window
 *   (a..b, width w), or −fp when no window came before it;
 * - normalized = 100 × (S − S_null)/(S_perfect − S_null), S_null = −fn·windows, S_perfect = tp·windows.
 */

export interface CostProfile {
  tp: number;
  fp: number;
  fn: number;
}

export const PROFILES = {
  standard: { tp: 1.0, fp: 0.11, fn: 1.0 },
  reward_low_FP_rate: { tp: 1.0, fp: 0.22, fn: 1.0 },
  reward_low_FN_rate: { tp: 1.0, fp: 0.11, fn: 2.0 },
} as const satisfies Record<string, CostProfile>;

/** A labelled window as the benchmark writes it: [start, end] timestamps, inclusive. */
export type LabelWindow = readonly [string, string];

export interface FileScore {
  raw: number;
  windows: number;
  detectedWindows: number;
  /** Sum of the windows' scores (detected windows > 0, missed −fn each). */
  windowScore: number;
  falsePositives: number;
  /** Sum of the false positives' (negative) scores. */
  fpScore: number;
  probation: number;
}

/** NAB's scaled sigmoid: 2/(1 + e^(5x)) − 1, and −1 past x = 3. */
export function scaledSigmoid(x: number): number {
  if (x > 3) return -1;
  return 2 / (1 + Math.exp(5 * x)) - 1;
}

export function probationRows(rows: number): number {
  return Math.min(Math.floor(0.15 * rows), 750);
}

const key = (ts: string): string => ts.slice(0, 19);

/** Row index ranges [a, b] of each window; windows holding no row are dropped. */
export function windowRows(timestamps: readonly string[], windows: readonly LabelWindow[]): [number, number][] {
  const out: [number, number][] = [];
  for (const [start, end] of windows) {
    const s = key(start);
    const e = key(end);
    let a = -1;
    let b = -1;
    timestamps.forEach((ts, i) => {
      const k = key(ts);
      if (k >= s && k <= e) {
        if (a < 0) a = i;
        b = i;
      }
    });
    if (a >= 0) out.push([a, b]);
  }
  return out.sort((x, y) => x[0] - y[0]);
}

/** Score one file: its rows' timestamps (in order), its labelled windows and the flagged timestamps. */
export function scoreFile(
  timestamps: readonly string[],
  windows: readonly LabelWindow[],
  flagged: Iterable<string>,
  profile: CostProfile = PROFILES.standard,
): FileScore {
  const flags = new Set([...flagged].map(key));
  const probation = probationRows(timestamps.length);
  const ranges = windowRows(timestamps, windows);
  const maxTp = scaledSigmoid(-1);
  // A window lying wholly in probation cannot be scored, as in NAB.
  const scored = ranges.filter(([, b]) => b >= probation);
  const best = new Map<number, number>(scored.map((_, w) => [w, -profile.fn]));
  let fpScore = 0;
  let falsePositives = 0;
  let wi = 0; // index into `scored` of the first window not yet ended before row i
  for (let i = probation; i < timestamps.length; i++) {
    while (wi < scored.length && scored[wi]![1] < i) wi++;
    if (!flags.has(key(timestamps[i]!))) continue;
    const cur = scored[wi];
    if (cur && cur[0] <= i && i <= cur[1]) {
      const [, b] = cur;
      const w = cur[1] - cur[0] + 1;
      const s = (scaledSigmoid(-(b - i + 1) / w) * profile.tp) / maxTp;
      if (s > best.get(wi)!) best.set(wi, s);
      continue;
    }
    falsePositives++;
    const prev = wi > 0 ? scored[wi - 1] : undefined;
    if (!prev) {
      fpScore += -1 * profile.fp;
    } else {
      const w = prev[1] - prev[0] + 1;
      fpScore += scaledSigmoid(Math.abs(prev[1] - i) / (w - 1)) * profile.fp;
    }
  }
  const windowScore = [...best.values()].reduce((s, v) => s + v, 0);
  const detectedWindows = [...best.values()].filter((v) => v > -profile.fn).length;
  return {
    raw: windowScore + fpScore,
    windows: scored.length,
    detectedWindows,
    windowScore,
    falsePositives,
    fpScore,
    probation,
  };
}

/** 100 × (S − S_null)/(S_perfect − S_null) over one or more files. */
export function normalizedScore(files: readonly FileScore[], profile: CostProfile = PROFILES.standard): number {
  const raw = files.reduce((s, f) => s + f.raw, 0);
  const windows = files.reduce((s, f) => s + f.windows, 0);
  if (windows === 0) return 0;
  const nul = -profile.fn * windows;
  const perfect = profile.tp * windows;
  return (100 * (raw - nul)) / (perfect - nul);
}
