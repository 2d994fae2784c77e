import type { Sensitivity } from './types.js';

/**
 * Documented thresholds per sensitivity level.
 *
 * - `volumeZ`: surprise (standard-normal units on the NB-aware square-root scale, see
 *   stats.countSurprise) a volume span must reach; one-sided normal tail ≈ 2.3e-4 / 3.2e-5 /
 *   2.9e-7. Chosen for a broad plateau, not a peak (bench:spikes prints the neighbourhood): on
 *   real mention volume the first evidence of labelled incidents spreads from z ≈ 4 upwards, so
 *   every step of the threshold above ~4 starts losing incidents (each worth ~16 false alarms in
 *   NAB's standard profile) while each step below it only adds chance alarms, slowly, because
 *   the confirmation, the lift and the one-day cooldown bound them. With balanced at 4 a ±30 %
 *   move costs at most one marginal incident (~5 points); at 5 a +20 % move lost two. One
 *   series on its own (detect-series, NAB) is tested at this z; alert detection over many series
 *   of a brand corrects it for the number of its tests (alerts/detect-scan.ts, familyThreshold).
 * - `volumeLift`: the observed span must also be at least this multiple of the expected one, so a
 *   statistically clear but tiny rise in a huge series stays quiet.
 * - `volumeConfirmZ`: the surprise the longest evidence span (4 h) must reach as well, so a spike
 *   is seen at two scales; one-sided tail ≈ 6.7e-2 / 2.3e-2 / 6.2e-3.
 * - `shareZ` / `shareDelta`: the negative share's proportion test and the minimum rise of the share
 *   in absolute points. An hourly share test runs on every series every hour (~60 series × 24 h a
 *   day in the airline replay), so z 4 (tail 3.2e-5) is about one chance alarm a month there;
 *   z 3 was about two a day.
 * - `termScore` / `termLift`: an emerging term's Poisson surprise and its rise over the baseline.
 */
export interface Thresholds {
  volumeZ: number;
  volumeLift: number;
  volumeConfirmZ: number;
  shareZ: number;
  shareDelta: number;
  termScore: number;
  termLift: number;
}

export const SENSITIVITY_THRESHOLDS: Readonly<Record<Sensitivity, Readonly<Thresholds>>> = {
  sensitive: { volumeZ: 3.5, volumeLift: 1.3, volumeConfirmZ: 1.5, shareZ: 3.5, shareDelta: 0.05, termScore: 3, termLift: 3 },
  balanced: { volumeZ: 4, volumeLift: 1.5, volumeConfirmZ: 2, shareZ: 4, shareDelta: 0.1, termScore: 4, termLift: 5 },
  strict: { volumeZ: 5, volumeLift: 2, volumeConfirmZ: 2.5, shareZ: 5, shareDelta: 0.15, termScore: 5, termLift: 8 },
};

export const DEFAULT_SENSITIVITY: Sensitivity = 'balanced';

export function isSensitivity(value: unknown): value is Sensitivity {
  return value === 'sensitive' || value === 'balanced' || value === 'strict';
}

export function thresholdsFor(sensitivity: Sensitivity = DEFAULT_SENSITIVITY): Thresholds {
  return { ...SENSITIVITY_THRESHOLDS[sensitivity] };
}
