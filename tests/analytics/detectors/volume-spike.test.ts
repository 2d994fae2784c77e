import { describe, expect, it } from 'vitest';
import { createVolumeDetector, type VolumeDetectorOptions } from '../../../src/analytics/detectors/volume-spike.js';
import type { SpikeDecision } from '../../../src/analytics/detectors/types.js';
import { HOUR, T0, poissonSampler } from './helpers.js';

/** Hourly series: rate(hourIndex) with extra counts added at given hours; returns every decision. */
function run(hours: number, rate: (h: number) => number, extra: Record<number, number> = {}, opts: Partial<VolumeDetectorOptions> = {}, seed = 1): SpikeDecision[] {
  const draw = poissonSampler(seed);
  const d = createVolumeDetector({ bucketMs: HOUR, ...opts });
  return Array.from({ length: hours }, (_, h) => d.push(T0 + h * HOUR, draw(rate(h)) + (extra[h] ?? 0)));
}
const firedAt = (ds: SpikeDecision[]): number[] => ds.filter((d) => d.fired).map((d) => (d.t - T0) / HOUR);

describe('createVolumeDetector', () => {
  it('catches a spike injected into a flat Poisson series, and explains it', () => {
    const spike = 10 * 24 + 9;
    const ds = run(14 * 24, () => 20, { [spike]: 80 });
    expect(firedAt(ds)).toEqual([spike]);
    const d = ds[spike]!;
    expect(d.observed).toBeGreaterThan(d.expected * 3);
    expect(d.expected).toBeGreaterThan(10);
    expect(d.score).toBeGreaterThanOrEqual(5);
  });

  it('does not flag the regular daily peak', () => {
    const daily = (h: number): number => (h % 24 >= 12 && h % 24 < 15 ? 120 : 15);
    expect(firedAt(run(21 * 24, daily))).toEqual([]);
  });

  it('knows weekends are quieter: a weekday after a quiet weekend is not a spike', () => {
    const weekly = (h: number): number => (Math.floor(h / 24) % 7 >= 5 ? 8 : 40);
    expect(firedAt(run(28 * 24, weekly))).toEqual([]);
  });

  it('a past spike does not suppress a later one of the same size (same hour, next day)', () => {
    const first = 8 * 24 + 10;
    const second = 9 * 24 + 10;
    const extra = { [first]: 90, [first + 1]: 90, [first + 2]: 90, [second]: 90, [second + 1]: 90, [second + 2]: 90 };
    const ds = run(12 * 24, () => 20, extra);
    expect(firedAt(ds)).toEqual([first, second]);
  });

  it('low counts: 5 against an expected 2 does not fire, even with no minimum volume', () => {
    const ds = run(10 * 24, () => 2, { [8 * 24 + 5]: 3 }, { minVolume: 0 });
    expect(ds[8 * 24 + 5]!.fired).toBe(false);
    expect(firedAt(ds)).toEqual([]);
  });

  it('respects the minimum volume', () => {
    const ds = run(10 * 24, () => 0.2, { [8 * 24 + 5]: 6 }, { minVolume: 10 });
    expect(ds[8 * 24 + 5]!.reason).toMatch(/minimum volume/);
  });

  it('stays silent during warm-up', () => {
    const ds = run(5 * 24, () => 20, { [30]: 200 }, { warmupBuckets: 48 });
    expect(ds[30]!.fired).toBe(false);
    expect(ds[30]!.reason).toBe('warm-up');
  });

  it('respects the cooldown, then re-arms for a later incident', () => {
    const a = 8 * 24 + 3;
    const b = a + 5; // within the cooldown
    const c = a + 30; // after it, and after the series calmed down
    const ds = run(11 * 24, () => 20, { [a]: 100, [b]: 100, [c]: 100 });
    expect(ds[b]!.reason).toBe('cooldown');
    expect(firedAt(ds)).toEqual([a, c]);
  });

  it('within the cooldown, a new incident ten times the last alert fires anyway; a like-sized one does not', () => {
    const blip = 8 * 24 + 3;
    const storm = blip + 7; // within 12 h, after the series calmed down
    const same = run(10 * 24, () => 20, { [blip]: 80, [storm]: 80 });
    expect(firedAt(same)).toEqual([blip]);
    const bigger = run(10 * 24, () => 20, { [blip]: 80, [storm]: 1200 });
    expect(firedAt(bigger)).toEqual([blip, storm]);
    expect(firedAt(run(10 * 24, () => 20, { [blip]: 80, [storm]: 1200 }, { escalation: Infinity }))).toEqual([blip]);
  });

  it('the default cooldown is 24 hours at any bucket size', () => {
    const FIVE = 300_000;
    const draw = poissonSampler(3);
    const d = createVolumeDetector({ bucketMs: FIVE });
    const n = 11 * 288;
    const first = 8 * 288;
    const fired: number[] = [];
    for (let i = 0; i < n; i++) {
      const burst = i === first || i === first + 287 || i === first + 288 ? 120 : 0;
      if (d.push(T0 + i * FIVE, draw(2) + burst).fired) fired.push(i);
    }
    // 287 buckets later is still inside the 24 hours; 288 is the first bucket after them.
    expect(fired).toEqual([first, first + 288]);
  });

  it('a burst must stand out over the longest span too: a blip is not confirmed, a swell is', () => {
    const FIVE = 300_000;
    const run5 = (extra: (i: number) => number) => {
      const draw = poissonSampler(5);
      const d = createVolumeDetector({ bucketMs: FIVE, confirmZ: 4.5 });
      return Array.from({ length: 10 * 288 }, (_, i) => d.push(T0 + i * FIVE, draw(5) + extra(i)));
    };
    const at = 9 * 288;
    // +60 in one bucket (5 a bucket usual): over 6 σ over an hour, under 4 σ over four hours.
    const blip = run5((i) => (i === at ? 60 : 0));
    expect(blip[at]!.reason).toMatch(/not confirmed over 4 h/);
    expect(blip.some((d) => d.fired)).toBe(false);
    // Sixty more an hour for four hours is seen at both scales.
    const swell = run5((i) => (i >= at && i < at + 48 ? 5 : 0));
    expect(swell.some((d) => d.fired)).toBe(true);
  });

  it('is online: a decision does not change when later data differ', () => {
    const base = run(10 * 24, () => 20, { [9 * 24]: 80 });
    const other = run(10 * 24 + 5, () => 20, { [9 * 24]: 80, [9 * 24 + 2]: 500 });
    expect(other.slice(0, 9 * 24 + 1)).toEqual(base.slice(0, 9 * 24 + 1));
  });

  it('a stricter level fires no more than a more sensitive one', () => {
    const extra = { [200]: 35, [230]: 60 };
    const n = (s: 'sensitive' | 'balanced' | 'strict'): number => firedAt(run(12 * 24, () => 20, extra, { sensitivity: s })).length;
    expect(n('strict')).toBeLessThanOrEqual(n('balanced'));
    expect(n('balanced')).toBeLessThanOrEqual(n('sensitive'));
    expect(n('sensitive')).toBeGreaterThan(0);
  });
});
