/**
 * Earshot's own English review fixtures (tests/fixtures/sentiment/reviews-en.tsv): 100 short
 * reviews of hotels, restaurants, apps, electronics and shops, 50 positive and 50 negative,
 * written for Earshot by its engineer (no data set was copied). Small and written by someone who
 * knows the model, so a *development* figure: a check that the recipe reads other domains at all,
 * not an estimate of the judges' sets.
 */
import { readFileSync } from 'node:fs';
import type { SentimentLabel } from '../src/nlp/sentiment.js';
import type { LabelledText } from './nlp-data.js';

export interface OwnReview extends LabelledText {
  domain: string;
}

export function loadOwnReviews(): OwnReview[] {
  const file = new URL('../tests/fixtures/sentiment/reviews-en.tsv', import.meta.url);
  return readFileSync(file, 'utf8')
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((line) => {
      const [domain, label, text] = line.split('\t');
      if (label !== 'positive' && label !== 'negative') throw new Error(`reviews-en.tsv: label "${label}"`);
      return { domain: domain!, label: label as SentimentLabel, text: text! };
    });
}
