export type SentimentLabel = 'negative' | 'neutral' | 'positive';

export const SENTIMENT_LABELS: readonly SentimentLabel[] = ['negative', 'neutral', 'positive'];

// For scores that come without class probabilities (older rows, other analyzers): a small dead
// band keeps rounding noise neutral. The English model labels by its most probable class instead.
const NEUTRAL_BAND = 0.05;

export function labelFor(score: number): SentimentLabel {
  if (score > NEUTRAL_BAND) return 'positive';
  if (score < -NEUTRAL_BAND) return 'negative';
  return 'neutral';
}

export function clampScore(score: number): number {
  if (!Number.isFinite(score)) return 0;
  return Math.max(-1, Math.min(1, score));
}

/**
 * Languages with a sentiment analyzer; every other language gets null with a reason.
 * (Multilingual analyzers plug in here: add the language and route it in pipeline.ts.)
 */
export const SENTIMENT_LANGUAGES = new Set(['en']);

export { ratingAgreement, type RatingAgreement } from './sentiment/rating-agreement.js';
