/**
 * The English model's recipe evaluated without scoring anything a model trained on: shared by
 * scripts/train-sentiment.ts and bench/nlp.ts.
 * - The recipe: airline tweets (3 classes) + Echo reviews rated 1–2 (negative) or 4–5 (positive),
 *   classes balanced within each set (train.ts, Example.group). 3-star reviews are left out: a
 *   mixed review is not the "neutral" of a tweet asking for a gate number.
 * - cross-validated: 5-fold over that training set;
 * - leave one domain out, both ways: trained on the airline tweets alone, scored on the Echo
 *   reviews ("out of domain", the estimate for reviews of other domains); and trained on the Echo
 *   reviews alone, scored on the airline tweets' positives and negatives (does what was learned
 *   from reviews carry to another domain and genre at all).
 */
import type { SentimentLabel } from '../src/nlp/sentiment.js';
import { featuresOfText } from '../src/nlp/sentiment/english.js';
import type { FeatureVector } from '../src/nlp/sentiment/features.js';
import { score, type Scored, type SentimentModel } from '../src/nlp/sentiment/model.js';
import { DEFAULT_TRAIN, train, type Example, type TrainOptions } from '../src/nlp/sentiment/train.js';
import { crossValidated, foldsOf, loadAirline, loadAlexa, polarityOf, scores, type LabelledText } from './nlp-data.js';

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
  /** The model trained on the rated Echo reviews alone, on each airline tweet. */
  airlineFromReviews: Scored[];
  /** The two one-domain models themselves. */
  airlineOnly: SentimentModel;
  reviewsOnly: SentimentModel;
}

/** The training examples of the recipe, from features in the order airline then reviews. */
export function recipeExamples(airline: LabelledText[], reviews: LabelledText[], features: FeatureVector[]): Example[] {
  const examples: Example[] = airline.map((r, i) => ({ features: features[i]!, label: r.label, group: 'airline' }));
  reviews.forEach((r, i) => {
    if (r.label !== 'neutral') examples.push({ features: features[airline.length + i]!, label: r.label, group: 'reviews' });
  });
  return examples;
}

export function evaluateRecipe(options: TrainOptions = DEFAULT_TRAIN): RecipeEvaluation {
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
    options,
    examples.map((e) => e.group!),
  );
  const full = train(examples, options);
  const oof = features.map((x) => score(full, x));
  index.forEach((at, k) => (oof[at] = cv[k]!));
  const airlineOnly = train(airline.map((r, i) => ({ features: features[i]!, label: r.label })), options);
  const outOfDomain = reviews.map((_, i) => score(airlineOnly, features[airline.length + i]!));
  const reviewsOnly = train(examples.filter((e) => e.group === 'reviews'), options);
  const airlineFromReviews = airline.map((_, i) => score(reviewsOnly, features[i]!));
  return { airline, reviews, features, oof, outOfDomain, airlineFromReviews, airlineOnly, reviewsOnly };
}

export interface RecipeFigures {
  /** Airline 3-class macro-F1, 5-fold CV. */
  airline3: number;
  /** Airline pos vs neg (sign): CV, and by the reviews-only model (unseen domain); natural mix and balanced. */
  airlinePn: number;
  airlinePnBalanced: number;
  airlineFromReviews: number;
  airlineFromReviewsBalanced: number;
  /** Echo pos vs neg (sign): CV, and by the airline-only model (unseen domain). */
  echoPn: number;
  echoPnBalanced: number;
  echoFromAirline: number;
  echoFromAirlineBalanced: number;
}

/** The figures of a recipe evaluation that train:sentiment prints and BENCHMARKS.md quotes. */
export function recipeFigures(r: RecipeEvaluation): RecipeFigures {
  const three: SentimentLabel[] = ['negative', 'neutral', 'positive'];
  const two: SentimentLabel[] = ['negative', 'positive'];
  const pn = (rows: LabelledText[], preds: Scored[], balanced: boolean) => {
    const at = rows.flatMap((row, i) => (row.label === 'neutral' ? [] : [i]));
    return scores(at.map((i) => rows[i]!.label), at.map((i) => polarityOf(preds[i]!.score)), two, balanced).macroF1;
  };
  const airOof = r.oof.slice(0, r.airline.length);
  const revOof = r.oof.slice(r.airline.length);
  return {
    airline3: scores(r.airline.map((x) => x.label), airOof.map((x) => x.label), three).macroF1,
    airlinePn: pn(r.airline, airOof, false),
    airlinePnBalanced: pn(r.airline, airOof, true),
    airlineFromReviews: pn(r.airline, r.airlineFromReviews, false),
    airlineFromReviewsBalanced: pn(r.airline, r.airlineFromReviews, true),
    echoPn: pn(r.reviews, revOof, false),
    echoPnBalanced: pn(r.reviews, revOof, true),
    echoFromAirline: pn(r.reviews, r.outOfDomain, false),
    echoFromAirlineBalanced: pn(r.reviews, r.outOfDomain, true),
  };
}
