import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { detectSeries, inferBucketMs, parseTimestamp, readSeries, writeDetections } from '../../src/analytics/detect-series.js';
import { poissonSampler } from './detectors/helpers.js';

const dir = mkdtempSync(path.join(tmpdir(), 'earshot-series-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fmt = (t: number): string => new Date(t).toISOString().slice(0, 19).replace('T', ' ');
const start = Date.UTC(2015, 2, 2, 0, 2, 53);
const FIVE = 300_000;
const spikeRow = 9 * 288 + 100;

function series(spike: boolean, seed: number): string {
  const draw = poissonSampler(seed);
  const lines = ['timestamp,value'];
  for (let i = 0; i < 12 * 288; i++) {
    if (i % 997 === 5) continue; // gaps, as in real series
    const burst = spike && i >= spikeRow && i < spikeRow + 12 ? 60 : 0;
    lines.push(`${fmt(start + i * FIVE)},${draw(3) + burst}`);
  }
  return `${lines.join('\n')}\n`;
}
writeFileSync(path.join(dir, 'with_spike.csv'), series(true, 7));
writeFileSync(path.join(dir, 'quiet.csv'), series(false, 8));
writeFileSync(path.join(dir, 'notes.txt'), 'not a series');

describe('detectSeries', () => {
  it('reads timestamps as UTC and infers the bucket size despite gaps', () => {
    expect(parseTimestamp('2015-03-02 00:02:53')).toBe(start);
    expect(inferBucketMs(readSeries(series(false, 1)))).toBe(FIVE);
  });

  it('flags the spike row (as written in the file) and nothing in a quiet series', () => {
    const out = detectSeries(dir);
    expect(Object.keys(out).sort()).toEqual(['quiet.csv', 'with_spike.csv']);
    expect(out['quiet.csv']).toEqual([]);
    expect(out['with_spike.csv']).toEqual([fmt(start + spikeRow * FIVE)]);
  });

  it('writeDetections writes the same map as JSON', () => {
    const file = path.join(dir, 'out.json');
    const returned = writeDetections(dir, file, 'balanced');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(returned);
  });
});
