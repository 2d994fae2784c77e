import { describe, expect, it } from 'vitest';
import { familyThreshold, SLICES_PER_BRAND } from '../../src/alerts/detect-scan.js';
import { normalUpperTail } from '../../src/analytics/detectors/stats.js';
import { SENSITIVITY_THRESHOLDS } from '../../src/analytics/detectors/sensitivity.js';

describe('count tests of a brand share its level’s tail probability', () => {
  it('splits the tail of z among k tests (Bonferroni), within 20 % at every level', () => {
    for (const { volumeZ } of Object.values(SENSITIVITY_THRESHOLDS)) {
      for (const k of [2, 2 * SLICES_PER_BRAND]) {
        const ratio = (k * normalUpperTail(familyThreshold(volumeZ, k))) / normalUpperTail(volumeZ);
        expect(ratio).toBeGreaterThan(0.8);
        expect(ratio).toBeLessThan(1.2);
      }
    }
  });

  it('leaves one test alone and raises balanced’s z 4 to ~4.2 on a brand, ~4.7 on a slice', () => {
    expect(familyThreshold(4, 1)).toBe(4);
    expect(familyThreshold(4, 2)).toBeCloseTo(4.17, 2);
    expect(familyThreshold(4, 20)).toBeCloseTo(4.69, 2);
  });
});
