import { thresholdsFor } from './sensitivity.js';
import { proportionZ } from './stats.js';
import type { Sensitivity } from './types.js';

/** One bucket of mentions: how many in all, how many negative. */
export interface ShareBucket {
  t: number;
  total: number;
  negative: number;
}

export interface ShareDecision {
  t: number;
  observedShare: number;
  expectedShare: number;
  total: number;
  negative: number;
  /** One-sided pooled two-proportion z of this bucket against the baseline buckets. */
  score: number;
  fired: boolean;
  reason?: string;
}

export interface NegativeShareOptions {
  sensitivity?: Sensitivity;
  /** Fewest mentions in the bucket for a decision. Default 20. */
  minVolume?: number;
  /** Fewest mentions across the baseline buckets. Default 50. */
  minBaseline?: number;
  /** Override the sensitivity's z threshold / minimum rise in share (absolute). */
  threshold?: number;
  minDelta?: number;
}

/**
 * Did the negative share of `current` jump against `history` (earlier buckets only)? Volume may be
 * flat: this is a proportion test (pooled two-proportion z) plus a minimum absolute rise, with a
 * minimum volume so three negatives out of five never page anyone. The caller keeps past spikes out
 * of `history` (createNegativeShareDetector does) so an incident does not become the baseline.
 */
export function negativeShareSpike(
  history: readonly ShareBucket[],
  current: ShareBucket,
  opts: NegativeShareOptions = {},
): ShareDecision {
  const th = thresholdsFor(opts.sensitivity);
  const threshold = opts.threshold ?? th.shareZ;
  const minDelta = opts.minDelta ?? th.shareDelta;
  const minVolume = opts.minVolume ?? 20;
  const minBaseline = opts.minBaseline ?? 50;
  const n0 = history.reduce((s, b) => s + b.total, 0);
  const x0 = history.reduce((s, b) => s + b.negative, 0);
  const { t, total, negative } = current;
  const observedShare = total > 0 ? negative / total : 0;
  const expectedShare = n0 > 0 ? x0 / n0 : 0;
  const score = proportionZ(negative, total, x0, n0);
  let reason: string | undefined;
  if (n0 < minBaseline) reason = 'warm-up';
  else if (total < minVolume) reason = `below minimum volume ${minVolume}`;
  else if (score < threshold) reason = `score below ${threshold}`;
  else if (observedShare - expectedShare < minDelta) reason = `share rise below ${minDelta}`;
  const base = { t, observedShare, expectedShare, total, negative, score, fired: reason === undefined };
  return reason === undefined ? base : { ...base, reason };
}

export interface NegativeShareDetectorOptions extends NegativeShareOptions {
  /** Buckets of history in the baseline. Default 168 (a week of hours). */
  baselineBuckets?: number;
  /** Buckets after a firing during which no new alert fires. Default 6. */
  cooldownBuckets?: number;
}

/** Online wrapper: keeps the baseline (fired buckets held out) and the cooldown. */
export function createNegativeShareDetector(opts: NegativeShareDetectorOptions = {}): {
  push(bucket: ShareBucket): ShareDecision;
} {
  const keep = opts.baselineBuckets ?? 168;
  const cooldown = opts.cooldownBuckets ?? 6;
  const history: ShareBucket[] = [];
  let quietFor = Number.POSITIVE_INFINITY;
  return {
    push(bucket) {
      let d = negativeShareSpike(history, bucket, opts);
      if (d.fired && quietFor < cooldown) d = { ...d, fired: false, reason: 'cooldown' };
      quietFor = d.fired ? 0 : quietFor + 1;
      // Spike resistance: a bucket whose share stood out does not teach the baseline.
      if (!(d.score >= (opts.threshold ?? thresholdsFor(opts.sensitivity).shareZ))) history.push(bucket);
      if (history.length > keep) history.shift();
      return d;
    },
  };
}
