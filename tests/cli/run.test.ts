import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { earshot, earshotAsync } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp-earshot.js';

const tmp = tempDir();
let server: Server;
let base: string;

beforeAll(async () => {
  const feed = readFileSync(new URL('../fixtures/rss/rss2-html.xml', import.meta.url));
  server = createServer((req, res) => {
    if (req.url === '/feed.xml') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(feed);
    } else {
      res.writeHead(500);
      res.end('down');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.close();
  tmp.cleanup();
});

describe('earshot run and migrate', () => {
  it('runs one source now, prints the run, and stores nothing twice', async () => {
    const config = path.join(tmp.dir, 'c.yaml');
    const db = path.join(tmp.dir, 'run.db');
    writeFileSync(
      config,
      `sources:\n  - { name: blog, kind: rss, options: { url: "${base}/feed.xml" } }\n  - { name: broken, kind: rss, options: { url: "${base}/gone.xml" } }\n`,
    );
    expect(earshot(['migrate', '--db', db]).stdout).toContain('is up to date');
    const first = await earshotAsync(['run', 'blog', '--db', db, '--config', config], { env: { EARSHOT_WORKERS: '0' } });
    expect(first.status).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ status: 'ok', source: 'blog', inserted: 3 });
    expect(JSON.parse(first.stdout).finishedAt).toEqual(expect.any(Number));
    const again = await earshotAsync(['run', 'blog', '--db', db, '--config', config]);
    expect(JSON.parse(again.stdout)).toMatchObject({ status: 'ok', inserted: 0, duplicates: 3 });
    const failed = await earshotAsync(['run', 'broken', '--db', db, '--config', config]);
    expect(failed.status).toBe(1);
    expect(JSON.parse(failed.stdout)).toMatchObject({ status: 'failed', errorCode: 'HTTP' });
    const unknown = earshot(['run', 'nope', '--db', db, '--config', config]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("no source named 'nope'");
  }, 120_000);
});
