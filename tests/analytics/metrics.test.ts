import { describe, expect, it } from 'vitest';
import { mentionCounts, COUNT_KEYS } from '../../src/analytics/counts.js';
import { average, change, cliOfResponse, csat, netSentiment, nps, share } from '../../src/analytics/metrics.js';
import { binomialUpperTail, riseSignificance } from '../../src/analytics/significance.js';

describe('metric formulas', () => {
  it('NPS is % promoters − % detractors, and null without responses', () => {
    // 9, 10, 10 promoters; 7, 8 passives; 0, 6 detractors: (3 − 2) / 7 = 14.29
    expect(nps(3, 2, 7)).toBe(14.2857);
    expect(nps(0, 4, 4)).toBe(-100);
    expect(nps(0, 0, 0)).toBeNull();
  });

  it('CSAT is the share of 4–5 answers', () => {
    expect(csat(3, 4)).toBe(0.75);
    expect(csat(0, 0)).toBeNull();
  });

  it('net sentiment is (positive − negative) / labelled', () => {
    expect(netSentiment(3, 1, 1)).toBe(0.4);
    expect(netSentiment(0, 0, 0)).toBeNull();
    expect(average(1.5, 3)).toBe(0.5);
    expect(average(0, 0)).toBeNull();
    expect(share(1, 3)).toBe(0.3333);
  });

  it('CLI is the mean of nps, repurchase and try_other when all three are answered', () => {
    expect(cliOfResponse(9, { repurchase: '6', try_other: 3 })).toBe(6);
    expect(cliOfResponse(9, { repurchase: '6' })).toBeNull();
    expect(cliOfResponse(null, { repurchase: 6, try_other: 3 })).toBeNull();
    expect(cliOfResponse(9, { repurchase: 'often', try_other: 3 })).toBeNull();
    expect(cliOfResponse(9, { repurchase: 11, try_other: 3 })).toBeNull();
  });

  it('period change gives previous value, delta and percent (null against 0)', () => {
    expect(change(15, 10)).toEqual({ value: 10, delta: 5, percent: 50 });
    expect(change(3, 0)).toEqual({ value: 0, delta: 3, percent: null });
    expect(change(null, 4)).toEqual({ value: 4, delta: null, percent: null });
  });

  it('counts one survey response with every fact', () => {
    const counts = Object.fromEntries(
      mentionCounts({
        duplicateOf: null, sentimentLabel: 'negative', sentimentScore: -0.5, rating: null, csat: 4, nps: 10, ces: 2,
        metadata: JSON.stringify({ repurchase: 8, try_other: '6' }),
      }).map((v, i) => [COUNT_KEYS[i], v]),
    );
    expect(counts).toMatchObject({ volume: 1, originals: 1, negative: 1, csatCount: 1, csatSatisfied: 1, npsCount: 1, promoters: 1, detractors: 0, cesSum: 2, cliSum: 8, cliCount: 1 });
  });
});

describe('rise significance', () => {
  it('does not call 1 → 3 a rise, but does 10 → 30', () => {
    expect(riseSignificance(3, 1).pValue).toBeCloseTo(5 / 16, 10);
    expect(riseSignificance(30, 10).pValue).toBeLessThan(0.002);
    // Against a previous period observed for half its length: 5 → 10 is the same rate, no rise;
    // equally long periods are the default.
    expect(riseSignificance(10, 5, 0.5).z).toBe(0);
    expect(riseSignificance(10, 5, 0.5).pValue).toBeGreaterThan(0.4);
    expect(riseSignificance(10, 5).pValue).toBeLessThan(0.16);
    expect(riseSignificance(30, 10, 1)).toEqual(riseSignificance(30, 10));
    expect(binomialUpperTail(3, 3, 0.25)).toBeCloseTo(1 / 64, 12);
    expect(binomialUpperTail(0, 5)).toBe(1);
    expect(binomialUpperTail(6000, 10000)).toBeLessThan(1e-6);
  });
});

describe('rounding', () => {
  it('never answers −0, whatever order the sums were added in', () => {
    expect(Object.is(average(-1e-17, 3), 0)).toBe(true);
    expect(Object.is(average(-0.00004, 1), 0)).toBe(true);
    expect(average(-0.00006, 1)).toBe(-0.0001);
  });
});
