import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalizedScore, probationRows, scaledSigmoid, scoreFile, type FileScore, type LabelWindow } from '../../bench/nab-score.js';
import { leaveOneFileOut, SETTINGS_GRID, settingOptions } from '../../bench/spikes.js';
import { SENSITIVITY_THRESHOLDS } from '../../src/analytics/detectors/sensitivity.js';
import { readSeries } from '../../src/analytics/detect-series.js';
import { HAS_SHARED, sharedMissingNote, sharedPath } from '../helpers/shared.js';

// 100 rows, probation min(floor(15), 750) = 15 rows; one window over rows 40..49 (w = 10).
const ts = Array.from({ length: 100 }, (_, i) => `2015-01-01 ${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00`);
const win: LabelWindow[] = [[`${ts[40]}.000000`, `${ts[49]}.000000`]];
const maxTp = scaledSigmoid(-1);

describe('NAB scoring (standard profile)', () => {
  it('has the sigmoid and probation of SCORING.md', () => {
    expect(scaledSigmoid(-1)).toBeCloseTo(0.9866, 4);
    expect(scaledSigmoid(0)).toBe(0);
    expect(scaledSigmoid(1)).toBeCloseTo(-0.9866, 4);
    expect(scaledSigmoid(3.01)).toBe(-1);
    expect(probationRows(100)).toBe(15);
    expect(probationRows(15_903)).toBe(750);
  });

  it('null detector: raw −fn per window, normalized 0', () => {
    const s = scoreFile(ts, win, []);
    expect(s.raw).toBe(-1);
    expect(normalizedScore([s])).toBe(0);
  });

  it('flagging the first row of the window is perfect', () => {
    const s = scoreFile(ts, win, [ts[40]!]);
    expect(s.raw).toBeCloseTo(1, 12);
    expect(normalizedScore([s])).toBeCloseTo(100, 10);
  });

  it('a later flag scores σ(−(b − i + 1)/w)/σ(−1); a window counts once, by its best flag', () => {
    const s = scoreFile(ts, win, [ts[45]!, ts[48]!]);
    expect(s.raw).toBeCloseTo(scaledSigmoid(-0.5) / maxTp, 12);
    expect(s.falsePositives).toBe(0);
  });

  it('false positives: −fp before any window, σ(|b − i|/(w − 1))·fp after one, probation ignored', () => {
    const s = scoreFile(ts, win, [ts[3]!, ts[20]!, ts[40]!, ts[55]!, ts[99]!]);
    const fp55 = scaledSigmoid(6 / 9) * 0.11;
    const fp99 = scaledSigmoid(50 / 9) * 0.11; // far away: −0.11
    expect(fp99).toBe(-0.11);
    expect(s.falsePositives).toBe(3);
    expect(s.fpScore).toBeCloseTo(-0.11 + fp55 + fp99, 12);
    expect(s.raw).toBeCloseTo(1 - 0.11 + fp55 + fp99, 12);
    // Hand-computed: σ(0.667) = 2/(1 + e^3.333) − 1 = −0.931, so 1 − 0.11 − 0.1024 − 0.11 = 0.6776
    expect(s.raw).toBeCloseTo(0.6776, 3);
    expect(normalizedScore([s])).toBeCloseTo((100 * (s.raw + 1)) / 2, 10);
  });

  it('adds files before normalizing', () => {
    const a = scoreFile(ts, win, [ts[40]!]);
    const b = scoreFile(ts, win, []);
    expect(normalizedScore([a, b])).toBeCloseTo(50, 10);
  });

  const dir = sharedPath('data', 'nab-realtweets');
  it.skipIf(!HAS_SHARED || !existsSync(dir))(
    `on the real NAB files: null 0, first row of each window 100 (${HAS_SHARED ? 'reads ../shared' : sharedMissingNote('the real NAB check')})`,
    () => {
      const labels = JSON.parse(readFileSync(`${dir}/labels.json`, 'utf8')) as { windows: Record<string, LabelWindow[]> };
      const nul = [];
      const perfect = [];
      for (const f of readdirSync(`${dir}/data`).filter((x) => x.endsWith('.csv'))) {
        const rows = readSeries(readFileSync(`${dir}/data/${f}`, 'utf8')).map((r) => r.timestamp);
        const windows = labels.windows[f]!;
        nul.push(scoreFile(rows, windows, []));
        const firsts = windows.map(([s]) => rows.find((r) => r >= s.slice(0, 19))!);
        perfect.push(scoreFile(rows, windows, firsts));
      }
      expect(nul.reduce((s, f) => s + f.windows, 0)).toBe(16);
      expect(normalizedScore(nul)).toBe(0);
      expect(normalizedScore(perfect)).toBeCloseTo(100, 8);
    },
  );
});

describe('leave-one-file-out estimate (bench:spikes)', () => {
  const fileScore = (raw: number): FileScore => ({ raw, windows: 1, detectedWindows: raw > -1 ? 1 : 0, windowScore: raw, falsePositives: 0, fpScore: 0, probation: 0 });

  it('scores each file with the setting that was best on the other files', () => {
    // Setting 0 shines on files a and b and fails on c; setting 1 is the reverse.
    const scores = [[1, 1, -1].map(fileScore), [0, 0, 1].map(fileScore)];
    const { heldOut, overall } = leaveOneFileOut(['a', 'b', 'c'], scores);
    expect(heldOut.map((h) => h.chosen)).toEqual([1, 1, 0]);
    expect(heldOut.map((h) => h.score.raw)).toEqual([0, 0, -1]);
    expect(heldOut[2]!.trainScore).toBeCloseTo(100, 10);
    // NAB's normalization over the held-out results: raw −1 over 3 windows → 100·(−1 + 3)/6.
    expect(overall).toBeCloseTo(100 / 3, 10);
  });

  it('breaks ties in favour of the earlier setting (the grid lists the defaults first)', () => {
    const same = [1, 0].map(fileScore);
    expect(leaveOneFileOut(['a', 'b'], [same, same]).heldOut.map((h) => h.chosen)).toEqual([0, 0]);
  });

  it('uses a small explicit grid whose first setting is the shipped balanced default', () => {
    expect(SETTINGS_GRID.length).toBeLessThanOrEqual(40);
    expect(new Set(SETTINGS_GRID.map((g) => JSON.stringify(g))).size).toBe(SETTINGS_GRID.length);
    const b = SENSITIVITY_THRESHOLDS.balanced;
    expect(SETTINGS_GRID[0]).toEqual({ z: b.volumeZ, confirmZ: b.volumeConfirmZ, cooldownHours: 24, baselineDays: 7 });
    expect(settingOptions(SETTINGS_GRID[0]!)).toEqual({ threshold: 4, confirmZ: 2, cooldownBuckets: 288, baselinePeriods: 7 });
  });
});
