import { expect, it } from 'vitest';
import { median } from '../../../src/analytics/detectors/stats.js';
it('median (by selection) equals the middle of the sorted values, ties and even lengths included', () => {
  let seed = 3;
  const r = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let n = 1; n < 300; n++) for (let k = 0; k < 20; k++) {
    const xs = Array.from({ length: n }, () => (r() < 0.3 ? Math.floor(r() * 5) : r() * 100));
    const s = [...xs].sort((a, b) => a - b); const m = n % 2 ? s[n >> 1]! : (s[(n >> 1) - 1]! + s[n >> 1]!) / 2;
    expect(median(xs)).toBe(m);
  }
});
