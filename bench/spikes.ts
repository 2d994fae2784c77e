/**
 * npm run bench:spikes — the volume detector on the Numenta Anomaly Benchmark's five real Twitter
 * mention-volume series (../shared/data/nab-realtweets), scored with NAB's standard profile
 * (bench/nab-score.ts), normalized 0–100 (null detector 0, perfect 100), per file and overall.
 * Then a robustness table: each main threshold moved by ±20 % with the others at their defaults.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectRows, readSeries, type SeriesDetectorOptions, type SeriesRow } from '../src/analytics/detect-series.js';
import { SENSITIVITY_THRESHOLDS } from '../src/analytics/detectors/sensitivity.js';
import type { Sensitivity } from '../src/analytics/detectors/types.js';
import { normalizedScore, PROFILES, type CostProfile, scoreFile, type FileScore, type LabelWindow } from './nab-score.js';

const dir = path.resolve(fileURLToPath(new URL('../../shared/data/nab-realtweets', import.meta.url)));
if (!existsSync(path.join(dir, 'labels.json'))) {
  console.log(`bench:spikes skipped: ${dir} is absent (the benchmark reads NAB's real Twitter series and labels)`);
  process.exit(0);
}

const labels = JSON.parse(readFileSync(path.join(dir, 'labels.json'), 'utf8')) as { windows: Record<string, LabelWindow[]> };
const dataDir = existsSync(path.join(dir, 'data')) ? path.join(dir, 'data') : dir;
const series = new Map<string, SeriesRow[]>();
for (const f of readdirSync(dataDir).filter((f) => f.endsWith('.csv')).sort()) {
  series.set(f, readSeries(readFileSync(path.join(dataDir, f), 'utf8')));
}

function run(opts: SeriesDetectorOptions, profile: CostProfile = PROFILES.standard): { perFile: [string, FileScore][]; score: number } {
  const perFile: [string, FileScore][] = [];
  for (const [file, rows] of series) {
    const flagged = detectRows(rows, opts);
    perFile.push([file, scoreFile(rows.map((r) => r.timestamp), labels.windows[file] ?? [], flagged, profile)]);
  }
  return { perFile, score: normalizedScore(perFile.map(([, s]) => s), profile) };
}

const fmt = (x: number): string => x.toFixed(1);
const started = Date.now();
const main = run({ sensitivity: 'balanced' });
console.log(`NAB standard profile, balanced sensitivity (${((Date.now() - started) / 1000).toFixed(1)} s)`);
console.log('| file | windows | detected | false positives | raw | normalized |');
console.log('|---|---|---|---|---|---|');
for (const [file, s] of main.perFile) {
  const one = normalizedScore([s]);
  console.log(`| ${file} | ${s.windows} | ${s.detectedWindows} | ${s.falsePositives} | ${s.raw.toFixed(3)} | ${fmt(one)} |`);
}
console.log(`| **overall** | | | | | **${fmt(main.score)}** |`);

console.log('\nOther profiles and levels (overall normalized):');
for (const level of ['sensitive', 'balanced', 'strict'] as Sensitivity[]) {
  const parts = Object.entries(PROFILES).map(([name, p]) => `${name} ${fmt(run({ sensitivity: level }, p).score)}`);
  console.log(`  ${level}: ${parts.join(', ')}`);
}

const b = SENSITIVITY_THRESHOLDS.balanced;
console.log('\nRobustness (balanced, one setting moved at a time):');
const knobs: [string, (f: number) => SeriesDetectorOptions][] = [
  ['surprise threshold (z)', (f) => ({ threshold: b.volumeZ * f })],
  ['minimum lift', (f) => ({ minLift: 1 + (b.volumeLift - 1) * f })],
  ['cooldown (12 h)', (f) => ({ cooldownBuckets: Math.round(144 * f) })],
  ['minimum volume (10)', (f) => ({ minVolume: Math.round(10 * f) })],
  ['evidence spans (1, 2, 4 h)', (f) => ({ spanMs: [1, 2, 4].map((h) => h * 3_600_000 * f) })],
  ['baseline days (7)', (f) => ({ baselinePeriods: Math.round(7 * f) })],
];
for (const [name, at] of knobs) {
  const row = [0.8, 1, 1.2].map((f) => `${f === 1 ? '±0' : f < 1 ? '−20 %' : '+20 %'}: ${fmt(run(at(f)).score)}`);
  console.log(`  ${name}: ${row.join(' | ')}`);
}
