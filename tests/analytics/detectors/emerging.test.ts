import { describe, expect, it } from 'vitest';
import { emergingTerms, type TermBucket } from '../../../src/analytics/detectors/emerging.js';

const history: TermBucket[] = Array.from({ length: 24 }, (_, i) => ({
  total: 200,
  terms: { delivery: 20 + (i % 3), refund: i % 6 === 0 ? 1 : 0 },
}));

describe('emergingTerms', () => {
  it('reports a bursting rare term with observed, expected and score, and not a steady one', () => {
    const out = emergingTerms(history, { total: 210, terms: { delivery: 23, refund: 30, outage: 2 } });
    expect(out.map((e) => e.term)).toEqual(['refund']);
    const [refund] = out;
    expect(refund!.observed).toBe(30);
    expect(refund!.expected).toBeLessThan(2);
    expect(refund!.lift).toBeGreaterThan(10);
    expect(refund!.score).toBeGreaterThan(4);
  });

  it('a past burst does not make the term normal', () => {
    const withBurst = [...history.slice(0, 20), { total: 200, terms: { refund: 40 } }, ...history.slice(20)];
    expect(emergingTerms(withBurst, { total: 200, terms: { refund: 35 } }).map((e) => e.term)).toEqual(['refund']);
  });

  it('ignores a term below the minimum count and returns nothing without history', () => {
    expect(emergingTerms(history, { total: 200, terms: { outage: 4 } })).toEqual([]);
    expect(emergingTerms([], { total: 200, terms: { refund: 50 } })).toEqual([]);
  });

  it('a steady but large term never emerges', () => {
    expect(emergingTerms(history, { total: 200, terms: { delivery: 26 } })).toEqual([]);
  });
});
