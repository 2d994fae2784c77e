import type { SentimentLabel } from '../sentiment.js';
import type { FeatureVector } from './features.js';

/**
 * A multinomial logistic regression over the features in features.ts, stored relative to the
 * negative class (softmax is unchanged by that shift, and it halves the file): for each feature
 * [weight towards neutral, weight towards positive].
 */
export interface SentimentModel {
  version: 1;
  classes: ['negative', 'neutral', 'positive'];
  bias: [number, number];
  weights: Record<string, [number, number]>;
  meta: Record<string, unknown>;
}

export interface Scored {
  /** Probabilities of negative, neutral, positive. */
  probs: [number, number, number];
  /** P(positive) − P(negative), in [-1, 1]. */
  score: number;
  label: SentimentLabel;
}

export const LABELS: readonly SentimentLabel[] = ['negative', 'neutral', 'positive'];

export function isSentimentModel(value: unknown): value is SentimentModel {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Partial<SentimentModel>;
  return (
    m.version === 1 &&
    Array.isArray(m.classes) &&
    m.classes.join() === 'negative,neutral,positive' &&
    Array.isArray(m.bias) &&
    m.bias.length === 2 &&
    typeof m.weights === 'object' &&
    m.weights !== null
  );
}

// A Map looks thousands of string keys up several times faster than a plain object does.
const compiled = new WeakMap<SentimentModel, Map<string, [number, number]>>();

export function weightsOf(model: SentimentModel): Map<string, [number, number]> {
  let map = compiled.get(model);
  if (!map) {
    map = new Map(Object.entries(model.weights));
    compiled.set(model, map);
  }
  return map;
}

export function logits(model: SentimentModel, features: FeatureVector): [number, number] {
  let neutral = model.bias[0];
  let positive = model.bias[1];
  const weights = weightsOf(model);
  for (const [key, value] of features.values) {
    const w = weights.get(key);
    if (w === undefined) continue;
    neutral += value * w[0];
    positive += value * w[1];
  }
  return [neutral, positive];
}

export function fromLogits(neutral: number, positive: number): Scored {
  const max = Math.max(0, neutral, positive);
  const en = Math.exp(-max);
  const eu = Math.exp(neutral - max);
  const ep = Math.exp(positive - max);
  const sum = en + eu + ep;
  const probs: [number, number, number] = [en / sum, eu / sum, ep / sum];
  return fromProbs(probs);
}

export function fromProbs(probs: [number, number, number]): Scored {
  const [n, u, p] = probs;
  const label: SentimentLabel = p >= n && p >= u ? 'positive' : n >= u ? 'negative' : 'neutral';
  return { probs, score: Math.max(-1, Math.min(1, p - n)), label };
}

export function score(model: SentimentModel, features: FeatureVector): Scored {
  const [neutral, positive] = logits(model, features);
  return fromLogits(neutral, positive);
}
