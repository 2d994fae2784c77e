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
});
