/** How eagerly a detector fires; each level maps to documented thresholds in sensitivity.ts. */
export type Sensitivity = 'sensitive' | 'balanced' | 'strict';

/**
 * One detector decision for bucket `t` (epoch ms, start of the bucket). It carries what an alert
 * needs to explain itself: what was seen, what was expected, and how surprising that is.
 */
export interface SpikeDecision {
  t: number;
  /** Observed count over the evidence span ending at `t`. */
  observed: number;
  /** Expected count over the same span from the seasonal baseline. */
  expected: number;
  /** Surprise in standard-normal units (NB-aware, variance-stabilized); ≥ threshold fires. */
  score: number;
  fired: boolean;
  /** Surprise over the longest evidence span, which must confirm an alert (volume detector). */
  confirmScore?: number;
  /** True from an alert until the series calms down and the detector re-arms (the incident lasts). */
  ongoing?: boolean;
  /** Why it did or did not fire (warm-up, min volume, cooldown, below threshold, …). */
  reason?: string;
}
