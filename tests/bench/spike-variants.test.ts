import { describe, expect, it } from 'vitest';
import { cutRow, formatTimestamp, halves, poisson, scaleCounts, seededRandom, shiftTime, thin, type LabelledSeries } from '../../bench/spike-variants.js';

const T0 = Date.parse('2015-03-01T00:00:00Z');
const STEP = 300_000;
function series(n: number, value: (i: number) => number, windows: [number, number][]): LabelledSeries {
  const rows = Array.from({ length: n }, (_, i) => ({ t: T0 + i * STEP, timestamp: formatTimestamp(T0 + i * STEP), value: value(i) }));
  return { name: 's.csv', rows, windows: windows.map(([a, b]) => [`${rows[a]!.timestamp}.000000`, `${rows[b]!.timestamp}.000000`] as const) };
}

function moments(draws: number[]): { mean: number; variance: number } {
  const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
  return { mean, variance: draws.reduce((a, b) => a + (b - mean) ** 2, 0) / (draws.length - 1) };
}

describe('bench:spikes variants', () => {
  it('draws the same numbers from the same seed, other numbers from another', () => {
    const a = seededRandom(1);
    const b = seededRandom(1);
    const c = seededRandom(2);
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('draws Poisson counts with mean = variance, for small and for large means', () => {
    for (const mean of [0.4, 3, 40, 2500]) {
      const rng = seededRandom(11);
      const m = moments(Array.from({ length: 20_000 }, () => poisson(rng, mean)));
      expect(Math.abs(m.mean - mean)).toBeLessThan(0.05 * mean + 0.02);
      expect(Math.abs(m.variance - mean)).toBeLessThan(0.1 * mean + 0.05);
    }
  });

  it('thins counts binomially and rescales a whole series deterministically', () => {
    const rng = seededRandom(5);
    const m = moments(Array.from({ length: 20_000 }, () => thin(rng, 40, 0.5)));
    expect(m.mean).toBeCloseTo(20, 0);
    expect(m.variance).toBeCloseTo(10, 0);
    const s = series(1000, () => 10, []);
    const half = scaleCounts([s], 0.5, 1)[0]!;
    expect(scaleCounts([s], 0.5, 1)[0]!.rows).toEqual(half.rows);
    expect(half.rows.reduce((a, r) => a + r.value, 0) / 1000).toBeCloseTo(5, 0);
    const triple = scaleCounts([s], 3, 1)[0]!;
    expect(triple.rows.reduce((a, r) => a + r.value, 0) / 1000).toBeCloseTo(30, -1);
  });

  it('moves rows and windows together in time', () => {
    const s = series(10, (i) => i, [[2, 4]]);
    const moved = shiftTime([s], 7 * 3_600_000)[0]!;
    expect(moved.rows[0]!.timestamp).toBe('2015-03-01 07:00:00');
    expect(moved.rows.map((r) => r.value)).toEqual(s.rows.map((r) => r.value));
    expect(moved.windows).toEqual([['2015-03-01 07:10:00', '2015-03-01 07:20:00']]);
  });

  it('cuts a series in two outside its windows, each half keeping its own windows', () => {
    const s = series(100, () => 1, [[10, 20], [45, 60], [80, 90]]);
    const cut = cutRow(s);
    expect(cut).toBe(44);
    const [first, second] = halves([s]);
    expect(first!.rows).toHaveLength(44);
    expect(second!.rows).toHaveLength(56);
    expect(first!.windows).toHaveLength(1);
    expect(second!.windows).toHaveLength(2);
    expect(second!.windows[0]![0].slice(0, 19)).toBe(s.rows[45]!.timestamp);
  });
});
