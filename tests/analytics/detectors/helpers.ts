/** Seeded Poisson draws so the synthetic series are the same on every run. */
export function poissonSampler(seed: number): (lambda: number) => number {
  let s = seed >>> 0;
  const rand = (): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let x = s;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  return (lambda) => {
    const l = Math.exp(-lambda);
    let k = 0;
    let p = 1;
    do {
      k++;
      p *= rand();
    } while (p > l);
    return k - 1;
  };
}

export const HOUR = 3_600_000;
export const T0 = Date.UTC(2025, 0, 6); // a Monday
