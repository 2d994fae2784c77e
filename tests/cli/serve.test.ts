import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { earshotChild } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp-earshot.js';

const tmp = tempDir();
let feedServer: Server;
let feedUrl: string;
let requests = 0;

beforeAll(async () => {
  const feed = readFileSync(new URL('../fixtures/rss/rss2-html.xml', import.meta.url));
  // A real local feed that answers slowly, so a run is in flight when the signal arrives.
  feedServer = createServer((_req, res) => {
    requests++;
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(feed);
    }, 1500);
  });
  await new Promise<void>((resolve) => feedServer.listen(0, '127.0.0.1', resolve));
  feedUrl = `http://127.0.0.1:${(feedServer.address() as AddressInfo).port}/feed.xml`;
});

afterAll(() => {
  feedServer.close();
  tmp.cleanup();
});

describe('earshot serve', () => {
  it('answers /health, runs sources on schedule, and on SIGTERM finishes the run in flight before closing', async () => {
    const config = path.join(tmp.dir, 'earshot.yaml');
    const db = path.join(tmp.dir, 'serve.db');
    writeFileSync(config, `sources:\n  - { name: local, kind: rss, schedule: "* * * * * *", options: { url: "${feedUrl}" } }\n`);
    const child = earshotChild(['--config', config, '--db', db, 'serve', '--port', '0'], { env: { HOST: '127.0.0.1' } });
    let output = '';
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));

    const waitFor = async (check: () => boolean, what: string) => {
      for (let i = 0; i < 300 && !check(); i++) await new Promise((r) => setTimeout(r, 50));
      if (!check()) throw new Error(`timed out waiting for ${what}; output:\n${output}`);
    };
    await waitFor(() => /listening on http:\/\/localhost:\d+/.test(output), 'the server to listen');
    const port = /listening on http:\/\/localhost:(\d+)/.exec(output)![1];
    const health = await (await fetch(`http://127.0.0.1:${port}/health`)).json() as { status: string; sources: { name: string }[] };
    expect(health.status).toBe('ok');
    expect(health.sources.map((s) => s.name)).toEqual(['local']);
    // A new database has no key: the first serve makes an admin key and prints it once.
    const key = /^\s+(earshot_[A-Za-z0-9_-]{43})$/m.exec(output)?.[1];
    expect(key, output).toBeDefined();
    const sources = await fetch(`http://127.0.0.1:${port}/api/v1/sources`, { headers: { authorization: `Bearer ${key}` } });
    expect(sources.status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${port}/api/v1/sources`)).status).toBe(401);

    await waitFor(() => requests > 0, 'the scheduled run to start');
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toContain('stopped; database closed');

    const conn = new Database(db, { readonly: true });
    const runs = conn.prepare('SELECT status, inserted FROM runs').all() as { status: string; inserted: number }[];
    expect(runs[0]).toEqual({ status: 'ok', inserted: 3 });
    expect(runs.every((r) => r.status !== 'running')).toBe(true);
    expect(conn.prepare('SELECT count(*) FROM mentions').pluck().get()).toBe(3);
    conn.close();
  }, 60_000);
});
