import { describe, expect, it } from 'vitest';
import { createNegativeSpikeDetector, type NegativeSpikeDecision } from '../../../src/analytics/detectors/negative-spike.js';
import { HOUR, T0, poissonSampler } from './helpers.js';

/** Hourly mentions (Poisson around `total`, or exactly it), a `share` of them negative. */
function run(hours: number, at: (h: number) => { total: number; share: number }, exact = false): NegativeSpikeDecision[] {
  const draw = poissonSampler(7);
  const d = createNegativeSpikeDetector({ bucketMs: HOUR });
  return Array.from({ length: hours }, (_, h) => {
    const { total: rate, share } = at(h);
    const total = exact ? rate : draw(rate);
    const negative = Math.round(total * share);
    return d.push({ t: T0 + h * HOUR, total, negative });
  });
}
const firedAt = (ds: NegativeSpikeDecision[]) => ds.filter((d) => d.fired).map((d) => [(d.t - T0) / HOUR, d.trigger]);

describe('createNegativeSpikeDetector', () => {
  it('fires on the number of negatives in a series that is always mostly negative', () => {
    // 85 % negative all along: the share cannot jump, but five times the complaints is a spike.
    const burst = 9 * 24 + 14;
    const ds = run(10 * 24, (h) => ({ total: h === burst ? 100 : 20, share: 0.85 }));
    expect(firedAt(ds)).toEqual([[burst, 'count']]);
    const d = ds[burst]!;
    expect(d.share.fired).toBe(false);
    expect(d.count.observed).toBeGreaterThan(4 * d.count.expected);
  });

  it('fires on the share when volume is flat', () => {
    const turn = 9 * 24 + 10;
    // 30 → 52 negatives of 100: a clear jump in share (z ≈ 4.8), not yet in number (z ≈ 3.5).
    const ds = run(10 * 24, (h) => ({ total: 100, share: h === turn ? 0.52 : 0.3 }), true);
    expect(firedAt(ds)).toEqual([[turn, 'share']]);
    expect(ds[turn]!.count.score).toBeLessThan(4);
  });

  it('stays quiet on a steady series and cools down after firing', () => {
    expect(firedAt(run(10 * 24, () => ({ total: 40, share: 0.3 })))).toEqual([]);
    const a = 8 * 24 + 3;
    const ds = run(10 * 24, (h) => ({ total: h === a || h === a + 4 ? 150 : 20, share: 0.85 }));
    expect(firedAt(ds)).toEqual([[a, 'count']]);
  });
});
