import { readFileSync } from 'node:fs';
import nock from 'nock';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../src/connectors/http.js';
import { runSource } from '../../src/ingest/run-source.js';
import { tempEarshot } from '../helpers/temp-earshot.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/rss/${name}`, import.meta.url));
const XML = { 'content-type': 'application/rss+xml; charset=utf-8' };

const earshot = tempEarshot(`
topics:
  - { id: price, name: Price, terms: [price, cost] }
sources:
  - { name: blog, kind: rss, options: { url: "https://blog.example.test/feed.xml" } }
  - { name: broken, kind: rss, options: { url: "https://broken.example.test/feed.xml" } }
  - { name: down, kind: rss, options: { url: "https://down.example.test/feed.xml" } }
  - { name: flaky, kind: rss, options: { url: "https://flaky.example.test/feed.xml" } }
  - { name: busy, kind: rss, options: { url: "https://busy.example.test/feed.xml" } }
  - { name: slow, kind: rss, options: { url: "https://slow.example.test/feed.xml" } }
`);
afterAll(() => earshot.cleanup());
afterEach(() => nock.cleanAll());

const count = (sql: string) => earshot.store.sqlite.prepare(sql).pluck().get() as number;

describe('runSource', () => {
  it('stores a feed once: the same fetch twice inserts nothing the second time', async () => {
    nock('https://blog.example.test').get('/feed.xml').twice().reply(200, fixture('rss2-html.xml'), XML);
    const first = await runSource(earshot, 'blog');
    expect(first).toMatchObject({ status: 'ok', fetched: 3, inserted: 3, duplicates: 0 });
    const second = await runSource(earshot, 'blog');
    expect(second).toMatchObject({ status: 'ok', fetched: 3, inserted: 0, duplicates: 3 });
    expect(count('SELECT count(*) FROM mentions')).toBe(3);
    expect(count("SELECT sum(volume) FROM rollups WHERE brand = '*' AND topic = '*'")).toBe(3);
    expect(count("SELECT count(*) FROM mention_topics WHERE topic_id = 'price'")).toBe(1);
    const cursor = JSON.parse(earshot.store.sqlite.prepare("SELECT cursor FROM sources WHERE name = 'blog'").pluck().get() as string);
    expect(cursor.recentIds).toContain('acme-post-42');
  });

  it('records a malformed feed as a failed run with code PARSE, writes nothing, and others go on', async () => {
    nock('https://broken.example.test').get('/feed.xml').reply(200, fixture('html-page.html'), { 'content-type': 'text/html' });
    nock('https://blog.example.test').get('/feed.xml').reply(200, fixture('rss2-html.xml'), XML);
    const before = count('SELECT count(*) FROM mentions');
    const [broken, blog] = await Promise.all([runSource(earshot, 'broken'), runSource(earshot, 'blog')]);
    expect(broken).toMatchObject({ status: 'failed', errorCode: 'PARSE', inserted: 0 });
    expect(broken.status === 'failed' && broken.errorMessage).toBeTruthy();
    expect(blog.status).toBe('ok');
    expect(count('SELECT count(*) FROM mentions')).toBe(before);
    expect(count("SELECT cursor IS NULL FROM sources WHERE name = 'broken'")).toBe(1);
  });

  it('records HTTP failures with their code, never as an empty success', async () => {
    nock('https://down.example.test').get('/feed.xml').times(3).reply(500, 'oops');
    const down = await runSource(earshot, 'down');
    expect(down).toMatchObject({ status: 'failed', errorCode: 'HTTP' });
    const row = earshot.store.sqlite.prepare("SELECT status, error_code FROM runs WHERE id = ?").get(down.status === 'failed' ? down.id : -1);
    expect(row).toEqual({ status: 'failed', error_code: 'HTTP' });
  });

  it('gets through 500, 500, 200 and records a good run', async () => {
    nock('https://flaky.example.test').get('/feed.xml').times(2).reply(500).get('/feed.xml').reply(200, fixture('rss2-html.xml'), XML);
    expect(await runSource(earshot, 'flaky')).toMatchObject({ status: 'ok', inserted: 3 });
  });

  it('waits out a 429 with Retry-After, then stores the page', async () => {
    const scope = nock('https://busy.example.test')
      .get('/feed.xml')
      .reply(429, 'slow down', { 'retry-after': '1' })
      .get('/feed.xml')
      .reply(200, fixture('rss2-html.xml'), XML);
    expect(await runSource(earshot, 'busy')).toMatchObject({ status: 'ok', inserted: 3 });
    expect(scope.isDone()).toBe(true);
  });

  it('records a timeout as a failed run with code TIMEOUT', async () => {
    nock('https://slow.example.test').get('/feed.xml').delay(1500).reply(200, fixture('rss2-html.xml'), XML);
    const impatient = { ...earshot, http: createHttpClient({ timeoutMs: 200, retries: 0 }) };
    expect(await runSource(impatient, 'slow')).toMatchObject({ status: 'failed', errorCode: 'TIMEOUT' });
  });

  it('refuses a second concurrent run of the same source', async () => {
    nock('https://blog.example.test').get('/feed.xml').delay(300).reply(200, fixture('rss2-html.xml'), XML);
    const [a, b] = await Promise.all([runSource(earshot, 'blog'), runSource(earshot, 'blog')]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual(['ok', 'skipped']);
  });

  it('names the known sources when asked for an unknown one', async () => {
    await expect(runSource(earshot, 'nope')).rejects.toThrow(/no source named 'nope' \(known: blog, broken, busy, down, flaky, slow\)/);
  });
});
