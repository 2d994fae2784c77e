/**
 * npm run bench:spikes — the volume detector on the Numenta Anomaly Benchmark's five real Twitter
 * mention-volume series (../shared/data/nab-realtweets), scored with NAB's standard profile
 * (bench/nab-score.ts), normalized 0–100 (null detector 0, perfect 100), per file and overall.
 *
 * Then, because the defaults were themselves picked on these five files:
 * - a leave-one-file-out estimate: over a small explicit grid (SETTINGS_GRID, 36 settings of the
 *   threshold, the longest span's confirmation, cooldown and baseline days) the best setting on four files scores the
 *   held-out fifth; the five held-out results are added and normalized as NAB does. This is the
 *   honest estimate for unseen series of the same kind, printed beside the in-sample score;
 * - the other sensitivity levels and profiles;
 * - the neighbourhood: each setting moved by ±10/20/30 % with the others at their defaults, and
 *   the lowest and highest score found there (a default on a narrow peak shows up here);
 * - each half of every file as its own series (a cold start, its own probation), scored apart;
 * - transformed copies (bench/spike-variants.ts): counts thinned to half and Poisson-resampled at
 *   three times, time shifted so hour-of-day and day-of-week phase move.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectRows, readSeries, type SeriesDetectorOptions, type SeriesRow } from '../src/analytics/detect-series.js';
import { SENSITIVITY_THRESHOLDS } from '../src/analytics/detectors/sensitivity.js';
import {
  DEFAULT_BASELINE_PERIODS,
  DEFAULT_COOLDOWN_MS,
  DEFAULT_ESCALATION,
  DEFAULT_MIN_VOLUME,
  DEFAULT_SPANS_MS,
  DEFAULT_WARMUP_MS,
} from '../src/analytics/detectors/volume-spike.js';
import type { Sensitivity } from '../src/analytics/detectors/types.js';
import { normalizedScore, PROFILES, type CostProfile, scoreFile, type FileScore, type LabelWindow } from './nab-score.js';
import { halves, VARIANTS, type LabelledSeries } from './spike-variants.js';

const HOUR = 3_600_000;
/** The NAB Twitter series are 5-minute counts. */
const BUCKET_MS = 300_000;
const DEFAULT_DAYS = DEFAULT_BASELINE_PERIODS;

/** One point of the leave-one-file-out grid. */
export interface GridSetting {
  /** Surprise threshold (z). */
  z: number;
  /** Surprise the longest (4 h) span must reach as well. */
  confirmZ: number;
  cooldownHours: number;
  baselineDays: number;
}

/**
 * The grid (3 × 3 × 2 × 2 = 36 settings), listed once here so the estimate cannot quietly grow.
 * Each dimension lists the shipped default first, so ties (equal training scores) go to the
 * setting nearest the default.
 */
export const SETTINGS_GRID: readonly GridSetting[] = (() => {
  const out: GridSetting[] = [];
  const b = SENSITIVITY_THRESHOLDS.balanced;
  for (const z of [b.volumeZ, b.volumeZ - 0.5, b.volumeZ + 0.5])
    for (const confirmZ of [b.volumeConfirmZ, b.volumeConfirmZ - 0.5, b.volumeConfirmZ + 0.5])
      for (const cooldownHours of [DEFAULT_COOLDOWN_MS / HOUR, DEFAULT_COOLDOWN_MS / HOUR / 2])
        for (const baselineDays of [DEFAULT_DAYS, 10]) out.push({ z, confirmZ, cooldownHours, baselineDays });
  return out;
})();

export function settingOptions(s: GridSetting): SeriesDetectorOptions {
  return {
    threshold: s.z,
    confirmZ: s.confirmZ,
    cooldownBuckets: Math.round((s.cooldownHours * HOUR) / BUCKET_MS),
    baselinePeriods: s.baselineDays,
  };
}

export const settingName = (s: GridSetting): string =>
  `z ${s.z}, confirm ${s.confirmZ}, cooldown ${s.cooldownHours} h, ${s.baselineDays} days`;

export interface HeldOut {
  file: string;
  /** Index into the settings of the one chosen on the other files. */
  chosen: number;
  /** Normalized score of the chosen setting on the other files. */
  trainScore: number;
  score: FileScore;
}

/**
 * Leave-one-file-out: `scores[s][f]` is setting s scored on file f. For each file, the setting
 * with the best normalized score over the other files (first one on ties) is scored on it; the
 * overall is NAB's normalization over the held-out file scores.
 */
export function leaveOneFileOut(
  files: readonly string[],
  scores: readonly (readonly FileScore[])[],
  profile: CostProfile = PROFILES.standard,
): { heldOut: HeldOut[]; overall: number } {
  const heldOut = files.map((file, k): HeldOut => {
    let chosen = 0;
    let trainScore = Number.NEGATIVE_INFINITY;
    scores.forEach((perFile, s) => {
      const train = normalizedScore(
        perFile.filter((_, f) => f !== k),
        profile,
      );
      if (train > trainScore + 1e-9) {
        trainScore = train;
        chosen = s;
      }
    });
    return { file, chosen, trainScore, score: scores[chosen]![k]! };
  });
  return { heldOut, overall: normalizedScore(heldOut.map((h) => h.score), profile) };
}

/** Moves of each setting in the neighbourhood table, as fractions of its default. */
export const NEIGHBOURHOOD = [-0.3, -0.2, -0.1, 0.1, 0.2, 0.3] as const;

/**
 * The settings the neighbourhood moves, each as a function of the factor (1 + move) returning the
 * detector options at `level`. The lift moves by its excess over 1 (a lift of 1 is no test).
 */
export function knobs(level: Sensitivity): [string, (f: number) => SeriesDetectorOptions][] {
  const t = SENSITIVITY_THRESHOLDS[level];
  const cooldownH = DEFAULT_COOLDOWN_MS / HOUR;
  const base = { sensitivity: level };
  return [
    [`surprise threshold (z ${t.volumeZ})`, (f) => ({ ...base, threshold: t.volumeZ * f })],
    [`minimum lift (${t.volumeLift})`, (f) => ({ ...base, minLift: 1 + (t.volumeLift - 1) * f })],
    [`confirmation on the longest span (z ${t.volumeConfirmZ})`, (f) => ({ ...base, confirmZ: t.volumeConfirmZ * f })],
    [`escalation (×${DEFAULT_ESCALATION})`, (f) => ({ ...base, escalation: DEFAULT_ESCALATION * f })],
    [`cooldown (${cooldownH} h)`, (f) => ({ ...base, cooldownBuckets: Math.round(((cooldownH * HOUR) / BUCKET_MS) * f) })],
    [`minimum volume (${DEFAULT_MIN_VOLUME})`, (f) => ({ ...base, minVolume: Math.round(DEFAULT_MIN_VOLUME * f) })],
    [`warm-up (${DEFAULT_WARMUP_MS / HOUR} h)`, (f) => ({ ...base, warmupBuckets: Math.round((DEFAULT_WARMUP_MS / BUCKET_MS) * f) })],
    [`evidence spans (${DEFAULT_SPANS_MS.map((ms) => ms / HOUR).join(', ')} h)`, (f) => ({ ...base, spanMs: DEFAULT_SPANS_MS.map((ms) => ms * f) })],
    [`baseline days (${DEFAULT_DAYS})`, (f) => ({ ...base, baselinePeriods: Math.round(DEFAULT_DAYS * f) })],
  ];
}

const LEVELS: readonly Sensitivity[] = ['sensitive', 'balanced', 'strict'];

function main(): void {
  const dir = path.resolve(fileURLToPath(new URL('../../shared/data/nab-realtweets', import.meta.url)));
  if (!existsSync(path.join(dir, 'labels.json'))) {
    console.log(`bench:spikes skipped: ${dir} is absent (the benchmark reads NAB's real Twitter series and labels)`);
    return;
  }

  const labels = JSON.parse(readFileSync(path.join(dir, 'labels.json'), 'utf8')) as { windows: Record<string, LabelWindow[]> };
  const dataDir = existsSync(path.join(dir, 'data')) ? path.join(dir, 'data') : dir;
  const original: LabelledSeries[] = readdirSync(dataDir)
    .filter((f) => f.endsWith('.csv'))
    .sort()
    .map((f) => ({ name: f, rows: readSeries(readFileSync(path.join(dataDir, f), 'utf8')), windows: labels.windows[f] ?? [] }));
  const files = original.map((s) => s.name);

  // Detections depend on the data set and the options only; profiles re-score the same flags.
  const flagCache = new Map<string, string[][]>();
  function run(data: readonly LabelledSeries[], opts: SeriesDetectorOptions, profile: CostProfile = PROFILES.standard, id = 'original') {
    const key = `${id} ${JSON.stringify(opts)}`;
    let flags = flagCache.get(key);
    if (!flags) {
      flags = data.map((s) => detectRows(s.rows, opts));
      flagCache.set(key, flags);
    }
    const perFile = data.map((s, i) => scoreFile(s.rows.map((r) => r.timestamp), s.windows, flags[i]!, profile));
    return { perFile, score: normalizedScore(perFile, profile) };
  }

  const fmt = (x: number): string => x.toFixed(1);
  const short = (f: string): string => f.replace(/^Twitter_volume_/, '').replace(/\.csv$/, '');
  const tally = (perFile: readonly FileScore[]): string => {
    const w = perFile.reduce((s, f) => s + f.windows, 0);
    const d = perFile.reduce((s, f) => s + f.detectedWindows, 0);
    const fp = perFile.reduce((s, f) => s + f.falsePositives, 0);
    return `${d}/${w} windows, ${fp} FP`;
  };
  const started = Date.now();
  const main = run(original, { sensitivity: 'balanced' });
  console.log(`NAB standard profile, balanced sensitivity (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  console.log('| file | windows | detected | false positives | raw | normalized |');
  console.log('|---|---|---|---|---|---|');
  main.perFile.forEach((s, i) => {
    console.log(`| ${files[i]} | ${s.windows} | ${s.detectedWindows} | ${s.falsePositives} | ${s.raw.toFixed(3)} | ${fmt(normalizedScore([s]))} |`);
  });
  console.log(`| **overall** | | | | | **${fmt(main.score)}** |`);

  console.log('\nOther profiles and levels (overall normalized):');
  for (const level of LEVELS) {
    const parts = Object.entries(PROFILES).map(([name, p]) => `${name} ${fmt(run(original, { sensitivity: level }, p).score)}`);
    console.log(`  ${level}: ${parts.join(', ')} (${tally(run(original, { sensitivity: level }).perFile)})`);
  }

  // The neighbourhood of each level's settings.
  const neighbourhood: Record<string, { min: number; max: number; minAt: string }> = {};
  for (const level of LEVELS) {
    const t0 = Date.now();
    const atLevel = run(original, { sensitivity: level }).score;
    let min = atLevel;
    let max = atLevel;
    let minAt = 'the setting itself';
    const lines: string[] = [];
    for (const [name, at] of knobs(level)) {
      const cells = NEIGHBOURHOOD.map((m) => {
        const score = run(original, at(1 + m)).score;
        if (score < min) {
          min = score;
          minAt = `${name} ${m > 0 ? '+' : '−'}${Math.abs(m * 100).toFixed(0)} %`;
        }
        max = Math.max(max, score);
        return fmt(score);
      });
      lines.push(`| ${name} | ${cells.slice(0, 3).join(' | ')} | ${fmt(atLevel)} | ${cells.slice(3).join(' | ')} |`);
    }
    neighbourhood[level] = { min, max, minAt };
    if (level !== 'balanced') continue;
    console.log(`\nNeighbourhood of ${level} (one setting moved at a time; ${((Date.now() - t0) / 1000).toFixed(1)} s):`);
    console.log('| setting | −30 % | −20 % | −10 % | ±0 | +10 % | +20 % | +30 % |');
    console.log('|---|---|---|---|---|---|---|---|');
    for (const l of lines) console.log(l);
  }
  for (const level of LEVELS) {
    const n = neighbourhood[level]!;
    console.log(`  ${level}: neighbourhood min ${fmt(n.min)} (${n.minAt}), max ${fmt(n.max)}`);
  }

  // Each half of every file, a series of its own.
  const halved = halves(original);
  console.log('\nHalves (each half a fresh series: warm-up, probation; scored apart):');
  console.log('| half | windows | detected | false positives | normalized |');
  console.log('|---|---|---|---|---|');
  const halfRun = run(halved, { sensitivity: 'balanced' }, PROFILES.standard, 'halves');
  halfRun.perFile.forEach((s, i) => {
    console.log(`| ${short(halved[i]!.name)} | ${s.windows} | ${s.detectedWindows} | ${s.falsePositives} | ${s.windows ? fmt(normalizedScore([s])) : '—'} |`);
  });
  for (const [label, pick] of [
    ['first halves', 0],
    ['second halves', 1],
  ] as const) {
    const part = halfRun.perFile.filter((_, i) => i % 2 === pick);
    console.log(`| **${label}** | | | | **${fmt(normalizedScore(part))}** |`);
  }
  console.log(`| **all ten halves** | | | | **${fmt(halfRun.score)}** |`);

  // Transformed copies, every level on each.
  const t2 = Date.now();
  const variantRows: { name: string; scores: number[]; balanced: FileScore[] }[] = [];
  const halvesScores = LEVELS.map((level) => run(halved, { sensitivity: level }, PROFILES.standard, 'halves').score);
  variantRows.push({ name: 'halves (above)', scores: halvesScores, balanced: halfRun.perFile });
  VARIANTS.forEach((v, k) => {
    const data = v.apply(original);
    const scores = LEVELS.map((level) => run(data, { sensitivity: level }, PROFILES.standard, `variant ${k}`).score);
    variantRows.push({ name: v.name, scores, balanced: run(data, { sensitivity: 'balanced' }, PROFILES.standard, `variant ${k}`).perFile });
  });
  console.log(`\nTransformed copies, same settings (${((Date.now() - t2) / 1000).toFixed(1)} s):`);
  console.log(`| copy | ${LEVELS.join(' | ')} | balanced: windows, false positives |`);
  console.log(`|---|${LEVELS.map(() => '---|').join('')}---|`);
  console.log(`| the five files | ${LEVELS.map((l) => fmt(run(original, { sensitivity: l }).score)).join(' | ')} | ${tally(main.perFile)} |`);
  for (const r of variantRows) console.log(`| ${r.name} | ${r.scores.map(fmt).join(' | ')} | ${tally(r.balanced)} |`);
  const balancedVariants = variantRows.map((r) => r.scores[LEVELS.indexOf('balanced')]!);
  console.log(`  balanced over the copies: min ${fmt(Math.min(...balancedVariants))}, max ${fmt(Math.max(...balancedVariants))}`);

  const t1 = Date.now();
  const grid = SETTINGS_GRID.map((s) => run(original, settingOptions(s)).perFile);
  const loo = leaveOneFileOut(files, grid);
  const bestAll = grid.reduce((b, perFile, i) => (normalizedScore(perFile) > normalizedScore(grid[b]!) + 1e-9 ? i : b), 0);
  console.log(
    `\nLeave-one-file-out over ${SETTINGS_GRID.length} settings (z × confirmation × cooldown × baseline days; ${((Date.now() - t1) / 1000).toFixed(1)} s):`,
  );
  console.log('| held-out file | setting chosen on the other four | their score | held-out | in-sample (balanced) |');
  console.log('|---|---|---|---|---|');
  loo.heldOut.forEach((h, i) => {
    console.log(
      `| ${short(h.file)} | ${settingName(SETTINGS_GRID[h.chosen]!)} | ${fmt(h.trainScore)} | ${fmt(normalizedScore([h.score]))} | ${fmt(normalizedScore([main.perFile[i]!]))} |`,
    );
  });
  console.log(`| **overall** | | | **${fmt(loo.overall)}** | **${fmt(main.score)}** |`);
  console.log(`  (best grid setting on all five files: ${settingName(SETTINGS_GRID[bestAll]!)} → ${fmt(normalizedScore(grid[bestAll]!))}, in-sample)`);

  const nb = neighbourhood.balanced!;
  console.log(
    `\nSummary (balanced, standard profile): in-sample ${fmt(main.score)}; leave-one-file-out ${fmt(loo.overall)}; ` +
      `neighbourhood ${fmt(nb.min)}–${fmt(nb.max)}; halves ${fmt(halfRun.score)}; copies ${fmt(Math.min(...balancedVariants))}–${fmt(Math.max(...balancedVariants))}`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
