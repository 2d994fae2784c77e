import { describe, expect, it } from 'vitest';
import { documentFrequency, growthOf, termGrowth } from '../../src/alerts/terms.js';

// One hour of alert window against a week (168 h) of baseline.
const SCALE = 1 / 168;

describe('term growth in alert explanations', () => {
  const window = documentFrequency([
    ...Array.from({ length: 40 }, () => 'my flight was cancelled again'),
    ...Array.from({ length: 12 }, () => 'stuck on the tarmac for hours'),
  ]);
  const baseline = documentFrequency([
    ...Array.from({ length: 84 }, () => 'nice flight today'),
    ...Array.from({ length: 168 }, () => 'cancelled flight, hours on hold'),
  ]);
  const terms = termGrowth(window, baseline, SCALE);
  const byTerm = new Map(terms.map((t) => [t.term, t]));

  it('shows a word the baseline never had as new, with no ratio against nothing', () => {
    const tarmac = byTerm.get('tarmac')!;
    expect(tarmac).toMatchObject({ observed: 12, expected: 0, baseline: 0, new: true, lift: null });
    // What the smoothing constant used to print: 12 / (0.5 / 168) = 4032×.
    for (const t of terms) if (t.new) expect(t.lift).toBeNull();
  });

  it('gives words the baseline had their real ratio to the baseline average', () => {
    const cancelled = byTerm.get('cancelled')!;
    expect(cancelled).toMatchObject({ observed: 40, expected: 1, baseline: 168, new: false, lift: 40 });
    // In the baseline 252 times (1.5 an hour): observed 40 is 26.67×, not a smoothed figure.
    expect(byTerm.get('flight')).toMatchObject({ expected: 1.5, baseline: 252, new: false, lift: 26.67 });
  });

  it('still ranks a frequent word that grew above a new one-off', () => {
    expect(terms[0]!.term).toBe('cancelled');
    expect(terms.map((t) => t.term)).toEqual(expect.arrayContaining(['tarmac', 'stuck', 'flight']));
  });

  it('growthOf reports new only for a zero baseline', () => {
    expect(growthOf(3, 0, 0.5)).toEqual({ observed: 3, expected: 0, baseline: 0, lift: null, new: true });
    expect(growthOf(3, 1, 0.5)).toEqual({ observed: 3, expected: 0.5, baseline: 1, lift: 6, new: false });
  });
});
