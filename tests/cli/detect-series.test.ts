import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { earshot } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp-earshot.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

// Five-minute counts for ten days with a daily rhythm, and one burst on the ninth day.
function series(): string {
  const rows = ['timestamp,value'];
  const start = Date.parse('2015-03-01T00:00:00Z');
  let seed = 7;
  const noise = () => ((seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5) * 6;
  for (let i = 0; i < 10 * 288; i++) {
    const t = new Date(start + i * 300_000);
    const hour = t.getUTCHours();
    let value = Math.max(0, Math.round(30 + 15 * Math.sin(((hour - 6) / 24) * 2 * Math.PI) + noise()));
    if (i >= 8 * 288 + 150 && i < 8 * 288 + 162) value *= 6;
    rows.push(`${t.toISOString().slice(0, 19).replace('T', ' ')},${value}`);
  }
  return rows.join('\n');
}

describe('earshot detect-series', () => {
  it('flags the burst, not the daily rhythm, and writes the NAB-style JSON', () => {
    const data = path.join(tmp.dir, 'data');
    mkdirSync(data);
    writeFileSync(path.join(data, 'brand.csv'), series());
    const out = path.join(tmp.dir, 'out.json');
    const result = earshot(['detect-series', '--data', data, '--out', out]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/1 series, \d+ flagged rows \(balanced\)/);
    const flagged = (JSON.parse(readFileSync(out, 'utf8')) as Record<string, string[]>)['brand.csv']!;
    expect(flagged.length).toBeGreaterThan(0);
    expect(flagged.every((ts) => ts >= '2015-03-09 12:30:00' && ts < '2015-03-09 14:00:00')).toBe(true);
  });

  it('refuses an unknown sensitivity and a missing folder', () => {
    expect(earshot(['detect-series', '--data', tmp.dir, '--out', 'x.json', '--sensitivity', 'paranoid']).status).toBe(2);
    expect(earshot(['detect-series', '--data', path.join(tmp.dir, 'nope'), '--out', 'x.json']).stderr).toMatch(/no folder/);
  });
});
