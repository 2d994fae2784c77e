import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { earshot } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp-earshot.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe('earshot detect', () => {
  it('replays an empty history without storing anything, and checks its arguments', () => {
    const db = path.join(tmp.dir, 'e.db');
    const ok = earshot(['detect', '--db', db, '--from', '2024-01-01', '--to', '2024-01-08', '--json']);
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual([]);
    expect(earshot(['detect', '--db', db, '--from', '2024-01-08', '--to', '2024-01-01']).stderr).toMatch(/--to: must be after --from/);
    expect(earshot(['detect', '--db', db, '--from', '2024-01-01', '--to', '2024-01-02', '--tz', 'Mars/Base']).status).toBe(2);
  });
});
