import { SeasonalBaseline } from './seasonal-baseline.js';
import { thresholdsFor } from './sensitivity.js';
import { countSurprise, median } from './stats.js';
import type { Sensitivity, SpikeDecision } from './types.js';

const HOUR = 3_600_000;
/**
 * Default cooldown after an alert (see VolumeDetectorOptions.cooldownBuckets): a day, the length
 * of an incident in mention data (NAB's labelled windows on the Twitter series are 1.5–3 days);
 * a larger incident still gets through (`escalation`).
 */
export const DEFAULT_COOLDOWN_MS = 24 * HOUR;
/** Default escalation (see VolumeDetectorOptions.escalation). */
export const DEFAULT_ESCALATION = 10;
/** Default minimum volume over the evidence span (see VolumeDetectorOptions.minVolume). */
export const DEFAULT_MIN_VOLUME = 10;
/** Default warm-up (see VolumeDetectorOptions.warmupBuckets): two days. */
export const DEFAULT_WARMUP_MS = 48 * HOUR;
/** Default evidence spans (see VolumeDetectorOptions.spanMs). */
export const DEFAULT_SPANS_MS: readonly number[] = [HOUR, 2 * HOUR, 4 * HOUR];
/** Default past days in the seasonal baseline (see VolumeDetectorOptions.baselinePeriods). */
export const DEFAULT_BASELINE_PERIODS = 7;

export interface VolumeDetectorOptions {
  bucketMs: number;
  sensitivity?: Sensitivity;
  /** Fewest observed mentions over the evidence span for an alert. Default 10. */
  minVolume?: number;
  /**
   * Buckets after a firing during which no new alert fires. Default: 24 hours' worth. After that the
   * detector re-arms only once the score has fallen below half the threshold (one alert per incident).
   */
  cooldownBuckets?: number;
  /** Buckets seen before any alert may fire. Default: 2 days' worth. */
  warmupBuckets?: number;
  /**
   * Evidence spans: counts are summed over each span ending at the bucket and the most surprising
   * span decides, so a sharp burst and a slower swell are both seen. Default [1 h, 2 h, 4 h] (never
   * shorter than one bucket).
   */
  spanMs?: number | number[];
  /** Past days (weeks for daily buckets) in the seasonal baseline. Default 7. */
  baselinePeriods?: number;
  /**
   * Within the cooldown, a new incident (the detector re-armed since its last alert) whose
   * evidence is at least this many times the last alert's observed count fires anyway: a storm an
   * order of magnitude bigger than the blip that just paged is news. Default 10; Infinity turns
   * it off.
   */
  escalation?: number;
  /** Override the sensitivity's surprise threshold (for sensitivity studies). */
  threshold?: number;
  /** Override the sensitivity's minimum lift (observed / expected). */
  minLift?: number;
  /** Override the sensitivity's confirmation surprise on the longest span (volumeConfirmZ). */
  confirmZ?: number;
  /** Local-time offset of the audience in minutes (shapes the hour-of-day slots). Default 0. */
  utcOffsetMinutes?: number;
}

export interface VolumeDetector {
  /** Feed the next bucket (t ascending); returns the decision for it, using nothing after it. */
  push(t: number, count: number): SpikeDecision;
}

/** Values above this surprise are clipped before entering the baseline (spike resistance). */
const CLIP_Z = 2.5;
/** Median of a χ²₁ variable: turns the median squared residual into a variance. */
const CHI2_MEDIAN = 0.4549;

/**
 * Online volume-spike detector for one series.
 *
 * expected = seasonal baseline (median per-bucket rate in the same hour of day over past days,
 * see SeasonalBaseline) summed over the evidence span; score = NB-aware square-root surprise of
 * the observed span count (stats.countSurprise) whose overdispersion is re-estimated every hour
 * from the median squared residual of the past week. What enters the baseline is winsorized at
 * CLIP_Z, so an incident neither becomes normal nor inflates the noise estimate.
 *
 * The most surprising span decides, and the longest span must confirm it (volumeConfirmZ): a
 * one-hour burst that does not also stand out over four hours is a blip, which on the NAB
 * Twitter series is where most unlabelled alarms were (BENCHMARKS.md).
 */
export function createVolumeDetector(opts: VolumeDetectorOptions): VolumeDetector {
  const { bucketMs } = opts;
  if (!(bucketMs > 0)) throw new RangeError('bucketMs must be positive');
  const th = thresholdsFor(opts.sensitivity);
  const threshold = opts.threshold ?? th.volumeZ;
  const minLift = opts.minLift ?? th.volumeLift;
  const confirmZ = opts.confirmZ ?? th.volumeConfirmZ;
  const minVolume = opts.minVolume ?? DEFAULT_MIN_VOLUME;
  const cooldownBuckets = opts.cooldownBuckets ?? Math.ceil(DEFAULT_COOLDOWN_MS / bucketMs);
  const warmupBuckets = opts.warmupBuckets ?? Math.ceil(DEFAULT_WARMUP_MS / bucketMs);
  const spanMs = opts.spanMs ?? [...DEFAULT_SPANS_MS];
  const periods = opts.baselinePeriods ?? DEFAULT_BASELINE_PERIODS;
  const baseline = new SeasonalBaseline({ bucketMs, periods, utcOffsetMinutes: opts.utcOffsetMinutes });

  const spans = (Array.isArray(spanMs) ? spanMs : [spanMs]).map((ms) => new Span(Math.max(ms, bucketMs), periods));
  let seen = 0;
  let cooldownUntil = Number.NEGATIVE_INFINITY;
  let armed = true;
  let lastObserved = 0;
  const escalation = opts.escalation ?? DEFAULT_ESCALATION;

  return {
    push(t, count) {
      seen += 1;
      const { rate, samples } = baseline.rate(t);
      // The most surprising evidence span speaks for the bucket.
      let best = spans[0]!.observe(t, count, rate, samples > 0);
      for (const sp of spans.slice(1)) {
        const e = sp.observe(t, count, rate, samples > 0);
        if (e.score > best.score) best = e;
      }
      const { observed, expected, score } = best;

      let reason: string | undefined;
      if (seen <= warmupBuckets || samples === 0) reason = 'warm-up';
      else if (observed < minVolume) reason = `below minimum volume ${minVolume}`;
      else if (score < threshold) reason = `score below ${threshold}`;
      else if (observed < expected * minLift) reason = `lift below ${minLift}`;
      // Two scales must agree: a burst not visible over the longest span is a blip.
      else if (spans[spans.length - 1]!.last.score < confirmZ) reason = `not confirmed over ${spans[spans.length - 1]!.ms / HOUR} h`;
      else if (!armed || (t < cooldownUntil && observed < escalation * lastObserved)) reason = 'cooldown';
      const fired = reason === undefined;
      if (fired) {
        cooldownUntil = t + cooldownBuckets * bucketMs;
        armed = false;
        lastObserved = observed;
      } else if (score < threshold / 2) {
        // One alert per incident: re-arm only once the series has calmed down.
        armed = true;
      }

      // Spike resistance: clip what the baseline learns to the top of the usual range (short span).
      const shortest = spans[0]!;
      let stored = count;
      if (samples > 0 && shortest.last.score > CLIP_Z && shortest.last.expected > 0) {
        const e = shortest.last.expected;
        stored = Math.min(count, rate * ((e + CLIP_Z * Math.sqrt(e + shortest.overdispersion * e * e)) / e));
      }
      baseline.add(t, stored);
      const decision: SpikeDecision = { t, observed, expected, score, fired, ongoing: !armed, confirmScore: spans[spans.length - 1]!.last.score };
      if (reason !== undefined) decision.reason = reason;
      return decision;
    },
  };
}

/** One evidence span: a sliding sum of observed and expected counts, with its own noise estimate. */
class Span {
  private readonly buckets: { t: number; count: number; rate: number }[] = [];
  private readonly residuals: { v: number; e: number }[] = [];
  private readonly cap: number;
  private lastResidualAt = Number.NEGATIVE_INFINITY;
  overdispersion = 0;
  last = { observed: 0, expected: 0, score: 0 };

  constructor(
    readonly ms: number,
    periods: number,
  ) {
    this.cap = Math.ceil((periods * 24 * HOUR) / ms);
  }

  observe(t: number, count: number, rate: number, ready: boolean): { observed: number; expected: number; score: number } {
    this.buckets.push({ t, count, rate });
    while (this.buckets.length && this.buckets[0]!.t <= t - this.ms) this.buckets.shift();
    const observed = this.buckets.reduce((s, b) => s + b.count, 0);
    const expected = this.buckets.reduce((s, b) => s + b.rate, 0);
    const score = ready ? countSurprise(observed, expected, this.overdispersion) : 0;
    // One non-overlapping residual per span keeps the overdispersion estimate cheap and honest.
    if (ready && expected > 0 && t >= this.lastResidualAt + this.ms) {
      this.lastResidualAt = t;
      const z0 = countSurprise(observed, expected, 0);
      this.residuals.push({ v: z0 * z0, e: expected });
      if (this.residuals.length > this.cap) this.residuals.shift();
      const c = (median(this.residuals.map((r) => r.v)) / CHI2_MEDIAN - 1) / median(this.residuals.map((r) => r.e));
      this.overdispersion = Math.max(0, c);
    }
    this.last = { observed, expected, score };
    return this.last;
  }
}
