import { describe, expect, it } from 'vitest';
import { featuresOfText } from '../../src/nlp/sentiment/english.js';
import { score } from '../../src/nlp/sentiment/model.js';
import { DEFAULT_TRAIN, train, type Example } from '../../src/nlp/sentiment/train.js';
import type { SentimentLabel } from '../../src/nlp/sentiment.js';

const toy: [string, SentimentLabel][] = [
  ['on hold for an hour, still no answer', 'negative'],
  ['my flight is delayed again', 'negative'],
  ['bag lost, nobody helps', 'negative'],
  ['thanks, the crew was lovely', 'positive'],
  ['great service, thank you', 'positive'],
  ['love the new seats', 'positive'],
  ['what time does boarding start', 'neutral'],
  ['is there wifi on this route', 'neutral'],
];

describe('train', () => {
  const examples: Example[] = toy.flatMap(([text, label]) => Array.from({ length: 3 }, () => ({ features: featuresOfText(text), label })));
  const options = { ...DEFAULT_TRAIN, minCount: 1, prune: 0 };

  it('is deterministic for a fixed seed', () => {
    expect(JSON.stringify(train(examples, options))).toBe(JSON.stringify(train(examples, options)));
  });

  it('learns its training set and stores no positive/negative prior', () => {
    const model = train(examples, options);
    expect(model.bias[1]).toBe(0);
    for (const [text, label] of toy) expect(score(model, featuresOfText(text)).label).toBe(label);
  });

  it("balances classes within each group, so one domain's share of praise does not become a prior on its words", () => {
    // Reviews are mostly praise, tweets mostly complaints: overall the classes are even, so only
    // balancing within each set keeps "alexa" and "flight" from carrying a verdict of their own.
    const reviews: [string, SentimentLabel][] = [...Array.from({ length: 9 }, () => ['alexa is great', 'positive'] as [string, SentimentLabel]), ['alexa is awful', 'negative']];
    const tweets: [string, SentimentLabel][] = [...Array.from({ length: 9 }, () => ['flight is awful', 'negative'] as [string, SentimentLabel]), ['flight is great', 'positive']];
    const build = (grouped: boolean): Example[] => [
      ...reviews.map(([text, label]) => ({ features: featuresOfText(text), label, group: grouped ? 'reviews' : undefined })),
      ...tweets.map(([text, label]) => ({ features: featuresOfText(text), label, group: grouped ? 'tweets' : undefined })),
    ];
    const lean = (examples: Example[]) => Math.abs(score(train(examples, options), featuresOfText('alexa')).score);
    expect(lean(build(true))).toBeLessThan(lean(build(false)) * 0.7);
  });
});
