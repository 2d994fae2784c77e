import type { SentimentLabel } from '../sentiment.js';

export type RatingAgreement = 'agree' | 'disagree' | 'mixed';

/**
 * Whether a star rating and the text's sentiment tell the same story: 1–2 stars are negative,
 * 3 neutral, 4–5 positive (ratings are rounded; 0–5 scales only). Opposite polarities disagree
 * ("5 stars — stopped working after a week" is worth a look); one side neutral is mixed.
 */
export function ratingAgreement(rating: number, sentimentLabel: SentimentLabel): RatingAgreement {
  if (!Number.isFinite(rating)) throw new RangeError(`rating must be a number, got ${rating}`);
  const stars = Math.round(rating);
  const fromRating: SentimentLabel = stars <= 2 ? 'negative' : stars >= 4 ? 'positive' : 'neutral';
  if (fromRating === sentimentLabel) return 'agree';
  if (fromRating === 'neutral' || sentimentLabel === 'neutral') return 'mixed';
  return 'disagree';
}
