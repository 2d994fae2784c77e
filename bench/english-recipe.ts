/**
 * The English model's recipe evaluated without scoring anything a model trained on: shared by
 * scripts/train-sentiment.ts and bench/nlp.ts.
 * - The recipe: airline tweets (3 classes) + Echo reviews rated 1–2 (negative) or 4–5 (positive),
 *   classes balanced within each set (train.ts, Example.group). 3-star reviews are left out: a
 *   mixed review is not the "neutral" of a tweet asking for a gate number.
 * - cross-validated: 5-fold over that training set;
 * - out of domain: trained on the airline tweets alone, scored on the Echo reviews.
 */
import type { SentimentLabel } from '../src/nlp/sentiment.js';
import { featuresOfText } from '../src/nlp/sentiment/english.js';
import type { FeatureVector } from '../src/nlp/sentiment/features.js';
import { score, type Scored } from '../src/nlp/sentiment/model.js';
import { DEFAULT_TRAIN, train, type Example } from '../src/nlp/sentiment/train.js';
import { crossValidated, foldsOf, loadAirline, loadAlexa, type LabelledText } from './nlp-data.js';

export interface RecipeEvaluation {
  airline: LabelledText[];
  /** Every Echo review with a text, 3-star ones included (scored, never trained on). */
  reviews: LabelledText[];
  /** Features of airline (first) then reviews. */
  features: FeatureVector[];
  /** Airline then reviews: out of fold for every training item; for 3-star reviews, a model trained on all folds. */
  oof: Scored[];
  /** The airline-only model on each review. */
  outOfDomain: Scored[];
}

/** The training examples of the recipe, from features in the order airline then reviews. */
export function recipeExamples(airline: LabelledText[], reviews: LabelledText[], features: FeatureVector[]): Example[] {
  const examples: Example[] = airline.map((r, i) => ({ features: features[i]!, label: r.label, group: 'airline' }));
  reviews.forEach((r, i) => {
    if (r.label !== 'neutral') examples.push({ features: features[airline.length + i]!, label: r.label, group: 'reviews' });
  });
  return examples;
}

export function evaluateRecipe(): RecipeEvaluation {
  const airline = loadAirline();
  const reviews = loadAlexa();
  const features = [...airline, ...reviews].map((r) => featuresOfText(r.text));
  const inTraining = [...airline.map(() => true), ...reviews.map((r) => r.label !== 'neutral')];
  const index = inTraining.flatMap((yes, i) => (yes ? [i] : []));
  const examples = recipeExamples(airline, reviews, features);
  const cv = crossValidated(
    examples.map((e) => e.features),
    examples.map((e) => e.label),
    foldsOf(examples.length),
    DEFAULT_TRAIN,
    examples.map((e) => e.group!),
  );
  const full = train(examples, DEFAULT_TRAIN);
  const oof = features.map((x) => score(full, x));
  index.forEach((at, k) => (oof[at] = cv[k]!));
  const airlineOnly = train(airline.map((r, i) => ({ features: features[i]!, label: r.label })), DEFAULT_TRAIN);
  const outOfDomain = reviews.map((_, i) => score(airlineOnly, features[airline.length + i]!));
  return { airline, reviews, features, oof, outOfDomain };
}
