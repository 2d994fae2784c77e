import { describe, expect, it } from 'vitest';
import { createNegativeShareDetector, negativeShareSpike, type ShareBucket } from '../../../src/analytics/detectors/negative-share.js';
import { HOUR, T0 } from './helpers.js';

const steady = (n: number): ShareBucket[] => Array.from({ length: n }, (_, i) => ({ t: T0 + i * HOUR, total: 100, negative: 8 + (i % 5) }));

describe('negativeShareSpike', () => {
  it('fires when the negative share jumps while volume stays flat, and explains it', () => {
    const d = negativeShareSpike(steady(48), { t: T0 + 48 * HOUR, total: 100, negative: 35 });
    expect(d.fired).toBe(true);
    expect(d.expectedShare).toBeCloseTo(0.1, 2);
    expect(d.observedShare).toBe(0.35);
    expect(d.score).toBeGreaterThan(3);
  });

  it('does not fire for the usual share', () => {
    expect(negativeShareSpike(steady(48), { t: 0, total: 100, negative: 13 }).fired).toBe(false);
  });

  it('does not fire below the minimum volume, however lopsided', () => {
    const d = negativeShareSpike(steady(48), { t: 0, total: 8, negative: 7 });
    expect(d.fired).toBe(false);
    expect(d.reason).toMatch(/minimum volume/);
  });

  it('waits for enough baseline', () => {
    expect(negativeShareSpike(steady(0), { t: 0, total: 100, negative: 60 }).reason).toBe('warm-up');
  });
});

describe('createNegativeShareDetector', () => {
  it('keeps incidents out of the baseline and honours the cooldown', () => {
    const det = createNegativeShareDetector({ cooldownBuckets: 3 });
    for (const b of steady(48)) expect(det.push(b).fired).toBe(false);
    const bad = (i: number): ShareBucket => ({ t: T0 + i * HOUR, total: 100, negative: 40 });
    expect(det.push(bad(48)).fired).toBe(true);
    expect(det.push(bad(49)).reason).toBe('cooldown');
    for (let i = 50; i < 60; i++) det.push({ t: T0 + i * HOUR, total: 100, negative: 10 });
    const again = det.push(bad(60));
    expect(again.fired).toBe(true);
    expect(again.expectedShare).toBeLessThan(0.12);
  });
});
