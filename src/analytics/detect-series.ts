/**
 * `earshot detect-series`: run the volume detector online over every `*.csv` (timestamp,value) in a
 * directory and report the flagged rows, as `{"<file>.csv": ["YYYY-MM-DD HH:MM:SS", …]}`.
 * Timestamps without a zone are read as UTC; rows are fed in file order, gaps left as gaps.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { createVolumeDetector, type VolumeDetectorOptions } from './detectors/volume-spike.js';
import type { Sensitivity } from './detectors/types.js';

export interface SeriesRow {
  timestamp: string;
  t: number;
  value: number;
}

export type Detections = Record<string, string[]>;

/** Detector settings other than the bucket size, which is read from each series. */
export type SeriesDetectorOptions = Omit<VolumeDetectorOptions, 'bucketMs'>;

export function parseTimestamp(ts: string): number {
  const iso = ts.trim().replace(' ', 'T');
  const t = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(iso) ? iso : `${iso}Z`);
  if (Number.isNaN(t)) throw new Error(`unreadable timestamp: ${ts}`);
  return t;
}

export function readSeries(text: string): SeriesRow[] {
  const records = parse(text, { columns: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
  return records.map((r, i) => {
    const timestamp = r.timestamp;
    const value = Number(r.value);
    if (timestamp === undefined || !Number.isFinite(value)) throw new Error(`row ${i + 2}: expected timestamp,value`);
    return { timestamp, t: parseTimestamp(timestamp), value };
  });
}

/** The series' resolution: the median step between rows (gaps make some steps longer). */
export function inferBucketMs(rows: readonly SeriesRow[]): number {
  const steps = rows.slice(1).map((r, i) => r.t - rows[i]!.t).filter((d) => d > 0).sort((a, b) => a - b);
  return steps[steps.length >> 1] ?? 3_600_000;
}

/** Flagged timestamps (as written in the file) of one series, decided online row by row. */
export function detectRows(rows: readonly SeriesRow[], opts: SeriesDetectorOptions = {}): string[] {
  const detector = createVolumeDetector({ ...opts, bucketMs: inferBucketMs(rows) });
  return rows.filter((r) => detector.push(r.t, r.value).fired).map((r) => r.timestamp);
}

export function detectSeries(dir: string, opts: SeriesDetectorOptions | Sensitivity = {}): Detections {
  const options = typeof opts === 'string' ? { sensitivity: opts } : opts;
  const out: Detections = {};
  const files = readdirSync(dir).filter((f) => f.endsWith('.csv')).sort();
  for (const file of files) {
    out[file] = detectRows(readSeries(readFileSync(path.join(dir, file), 'utf8')), options);
  }
  return out;
}

/** What the CLI calls: detect over `dir` and write the JSON map to `outFile`. */
export function writeDetections(dir: string, outFile: string, sensitivity: Sensitivity = 'balanced'): Detections {
  const detections = detectSeries(dir, { sensitivity });
  writeFileSync(outFile, `${JSON.stringify(detections, null, 2)}\n`);
  return detections;
}
