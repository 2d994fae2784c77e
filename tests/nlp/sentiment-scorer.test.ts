import { describe, expect, it } from 'vitest';
import { englishModel, viewOfText } from '../../src/nlp/sentiment/english.js';
import { extractFeatures } from '../../src/nlp/sentiment/features.js';
import { logits } from '../../src/nlp/sentiment/model.js';
import { compileModel, DocScorer } from '../../src/nlp/sentiment/scorer.js';

// The hot path of analyze() re-implements the features training reads: if the two drift, the
// shipped weights are applied to features they were not trained on and every score is off.
const texts = [
  'Stopped working after 2 weeks, waste of money. I returned it.',
  "Love it! Works great, would recommend. Can't go wrong for the price.",
  'The crew was great but my bag never arrived. Still no refund after 3 weeks?',
  'not bad at all, no complaints, but it does not work with my TV :(',
  'Five stars. Easy to set up. I would not recommend the refurbished one though.',
  'been on hold for 2 hours and still no answer',
  'Checkout was abysmal and support pointless, although delivery was speedy. Not dependable.',
  '',
];

describe('the scorer of analyze()', () => {
  const model = englishModel();
  it('gives the logits that training-time features give, for the document and each span', () => {
    for (const text of texts) {
      const view = viewOfText(text);
      const n = view.raw.length;
      if (n === 0) continue;
      const scorer = new DocScorer(view, compileModel(model));
      const spans: [number, number][] = [[0, n - 1], [0, Math.floor(n / 2)], [Math.floor(n / 3), n - 1]];
      for (const [start, end] of spans) {
        expect(scorer.logits(start, end)).toEqual(logits(model, extractFeatures(view, start, end, false)));
      }
    }
  });

  it('reads review phrases and VADER words as features, with the words inside a phrase counted once', () => {
    const view = viewOfText("It doesn't work. Waste of money.");
    const features = extractFeatures(view, 0, view.raw.length - 1, false).values;
    expect(features.get('p:neg')).toBeGreaterThan(0);
    expect(features.has('p:pos')).toBe(false);
    // "work" sits inside "does not work": no VADER word is left to count.
    expect(features.has('v:pos')).toBe(false);
  });

  it('counts Hu–Liu opinion words VADER does not rate, negated within the window, and not topic words', () => {
    const features = (text: string) => {
      const view = viewOfText(text);
      return extractFeatures(view, 0, view.raw.length - 1, false).values;
    };
    // "abysmal" and "pointless" are only in Hu & Liu's lexicon.
    const complaint = features('The checkout was abysmal and pointless');
    expect(complaint.get('h:neg')).toBeGreaterThan(0);
    expect(complaint.has('h:pos')).toBe(false);
    // "not dependable" is a complaint, "stellar" praise.
    expect(features('It is not dependable').get('h:neg')).toBeGreaterThan(0);
    expect(features('The staff were stellar').get('h:pos')).toBeGreaterThan(0);
    // "refund", "support" and "gold" are on the positive list but name things in customer text.
    const topics = features('I asked support about my refund and my gold status');
    expect(topics.has('h:pos')).toBe(false);
    // "great" is VADER's: counted there, not a second time.
    expect(features('great').has('h:pos')).toBe(false);
    // "fairly" is on the positive list for its root ("fair"); before a word it only softens it.
    expect(features('Fairly useless.').has('h:pos')).toBe(false);
  });
});
