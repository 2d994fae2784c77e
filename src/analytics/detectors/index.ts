export type { Sensitivity, SpikeDecision } from './types.js';
export { SENSITIVITY_THRESHOLDS, DEFAULT_SENSITIVITY, isSensitivity, thresholdsFor, type Thresholds } from './sensitivity.js';
export { SeasonalBaseline, type SeasonalBaselineOptions } from './seasonal-baseline.js';
export { createVolumeDetector, type VolumeDetector, type VolumeDetectorOptions } from './volume-spike.js';
export {
  negativeShareSpike,
  createNegativeShareDetector,
  type ShareBucket,
  type ShareDecision,
  type NegativeShareOptions,
  type NegativeShareDetectorOptions,
} from './negative-share.js';
export { emergingTerms, type EmergingTerm, type EmergingOptions, type TermBucket } from './emerging.js';
export { createNegativeSpikeDetector, type NegativeSpikeDecision, type NegativeSpikeOptions } from './negative-spike.js';
