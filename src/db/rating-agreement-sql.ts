import { sql } from 'drizzle-orm';

/**
 * ratingAgreement() (src/nlp/sentiment/rating-agreement.ts) as an SQLite expression over a
 * mention's `rating` and `sentiment_label`: round(rating) 1–2 reads negative, 3 neutral, 4–5
 * positive; the same polarity agrees, opposite polarities disagree, one side neutral is mixed.
 * tests/db/rating-agreement.test.ts holds the two to the same answers.
 */
export const RATING_AGREEMENT_SQL = sql`CASE
  WHEN rating IS NULL OR sentiment_label IS NULL THEN NULL
  WHEN (CASE WHEN round(rating) <= 2 THEN 'negative' WHEN round(rating) >= 4 THEN 'positive' ELSE 'neutral' END) = sentiment_label THEN 'agree'
  WHEN round(rating) > 2 AND round(rating) < 4 THEN 'mixed'
  WHEN sentiment_label = 'neutral' THEN 'mixed'
  ELSE 'disagree' END`;
