import { createNegativeShareDetector, type NegativeShareDetectorOptions, type ShareBucket, type ShareDecision } from './negative-share.js';
import { createVolumeDetector, DEFAULT_COOLDOWN_MS, type VolumeDetectorOptions } from './volume-spike.js';
import type { SpikeDecision } from './types.js';

export interface NegativeSpikeOptions {
  bucketMs: number;
  sensitivity?: VolumeDetectorOptions['sensitivity'];
  utcOffsetMinutes?: number;
  /** Options of the share test (negative-share.ts). */
  share?: Omit<NegativeShareDetectorOptions, 'sensitivity'>;
  /** Options of the count test (volume-spike.ts, run on the negative counts). */
  count?: Omit<VolumeDetectorOptions, 'bucketMs' | 'sensitivity' | 'utcOffsetMinutes'>;
  /** Buckets after a firing during which neither test fires again. Default: the volume detector's cooldown. */
  cooldownBuckets?: number;
}

export interface NegativeSpikeDecision {
  t: number;
  fired: boolean;
  /** Which test fired: the share of negatives, their number, or both. */
  trigger?: 'share' | 'count' | 'both';
  share: ShareDecision;
  count: SpikeDecision;
  /** The stronger of the two tests' scores (both are standard-normal units). */
  score: number;
}

/**
 * A negative spike is either of two things, and this online detector watches both:
 * - the share of negative mentions jumps (a proportion test; volume may be flat), or
 * - the number of negative mentions jumps against its own hour-of-week baseline (the volume
 *   detector's overdispersed-Poisson test on the negative counts), which catches a series that is
 *   always mostly negative — complaints about cancellations — when its complaints multiply.
 * Each bucket's decision uses only buckets up to it; one cooldown covers both tests.
 */
export function createNegativeSpikeDetector(opts: NegativeSpikeOptions): { push(bucket: ShareBucket): NegativeSpikeDecision } {
  const share = createNegativeShareDetector({ ...opts.share, sensitivity: opts.sensitivity });
  const count = createVolumeDetector({ ...opts.count, bucketMs: opts.bucketMs, sensitivity: opts.sensitivity, utcOffsetMinutes: opts.utcOffsetMinutes });
  const cooldown = opts.cooldownBuckets ?? Math.ceil(DEFAULT_COOLDOWN_MS / opts.bucketMs);
  let quietFor = Number.POSITIVE_INFINITY;
  return {
    push(bucket) {
      const s = share.push(bucket);
      const c = count.push(bucket.t, bucket.negative);
      const trigger = s.fired && c.fired ? 'both' : s.fired ? 'share' : c.fired ? 'count' : undefined;
      const fired = trigger !== undefined && quietFor >= cooldown;
      quietFor = fired ? 0 : quietFor + 1;
      const decision: NegativeSpikeDecision = { t: bucket.t, fired, share: s, count: c, score: Math.max(s.score, c.score) };
      if (fired) decision.trigger = trigger;
      return decision;
    },
  };
}
