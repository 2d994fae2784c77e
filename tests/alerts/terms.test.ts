import { describe, expect, it } from 'vitest';
import { documentFrequency, growthOf, poissonUpper95, termGrowth } from '../../src/alerts/terms.js';

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
    // What the counts do support: 12 against at most ~3 occurrences a week (95 %) → at least ~670×.
    expect(tarmac.liftAtLeast).toBeGreaterThan(650);
    expect(tarmac.liftAtLeast).toBeLessThan(690);
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
    expect(growthOf(3, 0, 0.5)).toMatchObject({ observed: 3, expected: 0, baseline: 0, lift: null, new: true });
    expect(growthOf(3, 1, 0.5)).toMatchObject({ observed: 3, expected: 0.5, baseline: 1, lift: 6, new: false });
  });

  it('bounds the lift by what the counts support: one occurrence last week is no 1000× rise', () => {
    // The one-sided 95 % Poisson upper bounds: 3.00 for 0, 4.74 for 1, 6.30 for 2, 37.2 for 27.
    expect(poissonUpper95(0)).toBeCloseTo(3.0, 1);
    expect(poissonUpper95(1)).toBeCloseTo(4.74, 1);
    expect(poissonUpper95(2)).toBeCloseTo(6.3, 1);
    expect(poissonUpper95(27)).toBeCloseTo(37.2, 0);
    // 15 in two hours against 1 in the week before (168 h): the point ratio 1260×, at least 266×.
    const call = growthOf(15, 1, 2 / 168);
    expect(call.lift).toBe(1260);
    expect(call.liftAtLeast).toBeGreaterThan(250);
    expect(call.liftAtLeast).toBeLessThan(280);
    // With a well-measured baseline the two agree within the sampling error.
    const busy = growthOf(300, 1000, 1 / 10);
    expect(busy.lift).toBe(3);
    expect(busy.liftAtLeast).toBeGreaterThan(2.8);
  });
});
