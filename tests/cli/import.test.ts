import { writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { earshot, earshotChild } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp-earshot.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const noConfig = path.join(tmp.dir, 'empty.yaml');
writeFileSync(noConfig, '{}\n');

function count(db: string, sql: string): number {
  const conn = new Database(db, { readonly: true });
  try {
    return (conn.prepare(sql).pluck().get() as number) ?? 0;
  } finally {
    conn.close();
  }
}

describe('earshot import', () => {
  it('imports good rows, reports each bad row by line, and says how many of each', () => {
    const file = path.join(tmp.dir, 'survey.csv');
    writeFileSync(
      file,
      [
        'respondent,comment,submitted,score,channel',
        'r1,"Delivery was late, again",2024-03-01 09:15:00 -0800,3,email',
        'r2,,2024-03-01T10:00:00Z,9,web',
        'r3,"Love the new app.\nVery fast.",2024-03-02,10,app',
        'r4,No date on this one,,5,web',
        'r5,Checkout kept failing,not a date,2,web',
        'r1,"Delivery was late, again",2024-03-01 09:15:00 -0800,3,email',
      ].join('\n'),
    );
    const db = path.join(tmp.dir, 'survey.db');
    const args = ['--db', db, '--config', noConfig, 'import', file, '--source', 'survey', '--map', 'id=respondent', '--map', 'text=comment', '--map', 'date=submitted', '--map', 'nps=score'];
    const result = earshot(args);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/^line 3: .*text/m);
    expect(result.stderr).not.toMatch(/line 3: line 3/);
    expect(result.stderr).toMatch(/line 6: .*date/);
    expect(result.stderr).toMatch(/line 7: .*not a date/);
    expect(result.stdout).toContain('6 rows read, 2 inserted, 1 duplicates, 3 skipped');
    expect(count(db, 'SELECT count(*) FROM mentions')).toBe(2);
    expect(count(db, "SELECT nps FROM mentions WHERE external_id = 'r3'")).toBe(10);
    expect(count(db, "SELECT published_at FROM mentions WHERE external_id = 'r1'")).toBe(Date.parse('2024-03-01T17:15:00Z'));
    // The other columns are kept.
    const conn = new Database(db, { readonly: true });
    expect(JSON.parse(conn.prepare("SELECT metadata FROM mentions WHERE external_id = 'r1'").pluck().get() as string)).toEqual({ channel: 'email' });
    conn.close();

    const again = earshot(args);
    expect(again.stdout).toContain('0 inserted, 3 duplicates, 3 skipped');
  });

  it('names a --map column the file does not have, and an unknown field', () => {
    const file = path.join(tmp.dir, 'tiny.csv');
    writeFileSync(file, 'a,b\n1,2\n');
    const db = path.join(tmp.dir, 'tiny.db');
    const missing = earshot(['--db', db, '--config', noConfig, 'import', file, '--source', 's', '--map', 'text=body']);
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toMatch(/body/);
    const unknown = earshot(['--db', db, '--config', noConfig, 'import', file, '--source', 's', '--map', 'colour=a']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/colour/);
  });

  it('loses nothing when killed part-way: a rerun stores every row exactly once', async () => {
    const rows = 30_000;
    const file = path.join(tmp.dir, 'big.csv');
    const lines = ['id,text,date'];
    for (let i = 0; i < rows; i++) lines.push(`${i},Order ${i} arrived ${i % 7} days late and the box was damaged,2024-01-01T00:00:00Z`);
    writeFileSync(file, lines.join('\n'));
    const db = path.join(tmp.dir, 'big.db');
    const args = ['--db', db, '--config', noConfig, 'import', file, '--source', 'orders'];

    const child = earshotChild(args);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    // Kill it once some batches have committed but before the end.
    let stored = 0;
    for (let i = 0; i < 600 && stored === 0; i++) {
      await new Promise((r) => setTimeout(r, 50));
      try {
        stored = count(db, 'SELECT count(*) FROM mentions');
      } catch {
        stored = 0; // the file or its tables may not exist yet
      }
    }
    child.kill('SIGKILL');
    await exited;
    const afterKill = count(db, 'SELECT count(*) FROM mentions');
    expect(afterKill).toBeGreaterThan(0);
    expect(afterKill).toBeLessThan(rows);

    const rerun = earshot(args);
    expect(rerun.status).toBe(0);
    expect(count(db, 'SELECT count(*) FROM mentions')).toBe(rows);
    expect(count(db, 'SELECT count(DISTINCT external_id) FROM mentions')).toBe(rows);
    expect(count(db, "SELECT sum(volume) FROM rollups WHERE brand = '*' AND topic = '*'")).toBe(rows);
    expect(count(db, "SELECT count(*) FROM runs WHERE status = 'aborted'")).toBe(1);
  }, 120_000);
});
