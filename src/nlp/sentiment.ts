export type SentimentLabel = 'negative' | 'neutral' | 'positive';

export const SENTIMENT_LABELS: readonly SentimentLabel[] = ['negative', 'neutral', 'positive'];

// wink scores a text with no sentiment-bearing word as exactly 0 and a single mild word at
// about ±0.1 to ±0.3; a small dead band keeps rounding noise neutral.
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

/** Languages with a sentiment analyzer; every other language gets null with a reason. */
export const SENTIMENT_LANGUAGES = new Set(['en']);
