import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import nock from 'nock';
import { json, parseJsonPage, type JsonConfig } from '../../src/connectors/json/index.js';
import { getPath, parsePath } from '../../src/connectors/json/path.js';
import { expectConnectorError, resetNetworkMocks, runConnectorWithLogs, testHttp } from '../helpers/connector-harness.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/json/${name}`, import.meta.url), 'utf8');
const JSON_TYPE = { 'Content-Type': 'application/json; charset=utf-8' };

type Input = Omit<Partial<JsonConfig>, 'fields'> & { url: string; itemsPath: string; fields: JsonConfig['fields'] };

const discourse = (host: string, extra: Partial<Input> = {}): Input => ({
  url: `${host}/search.json?q=acme%20order%3Alatest`,
  itemsPath: 'posts',
  fields: { id: 'id', text: 'blurb', author: 'username', date: 'created_at', urlTemplate: `${host}/p/{id}` },
  metadata: { likes: 'like_count', topicId: 'topic_id' },
  paging: { pageParam: 'page', startPage: 1 },
  ...extra,
});

const zendesk = (host: string, extra: Partial<Input> = {}): Input => ({
  url: `${host}/api/v2/tickets.json?sort=-id&page%5Bsize%5D=2`,
  headers: { Authorization: 'Bearer ${ZD_TEST_TOKEN}' },
  itemsPath: 'tickets',
  fields: { id: 'id', text: ['subject', 'description'], date: 'created_at', urlTemplate: `${host}/agent/tickets/{id}` },
  metadata: { status: 'status', tags: 'tags', channel: 'via.channel', satisfaction: 'satisfaction_rating.score' },
  paging: { nextCursorPath: 'meta.after_cursor', cursorParam: 'page[after]' },
  ...extra,
});

const parseConfig = (input: Input) => json.configSchema.parse(input);

// The unwrapped client: these runs have always gone at the connector's own budget, not a fast one.
const run = (input: Input, cursor: unknown = null) => runConnectorWithLogs(json, input, { cursor, http: testHttp() });

afterEach(resetNetworkMocks);

describe('json: paths', () => {
  it.each([
    ['data.items', ['data', 'items']],
    ['$', []],
    ['$.data[0].id', ['data', 0, 'id']],
    ['[1].tags[0]', [1, 'tags', 0]],
    ['snippet.topLevelComment.id', ['snippet', 'topLevelComment', 'id']],
    ['a["odd.key"][\'x y\']', ['a', 'odd.key', 'x y']],
  ])('reads %s', (path, segments) => {
    expect(parsePath(path)).toEqual(segments);
  });

  it.each(['a..b', 'a[0]b', 'a[x]', 'a.', '.a', 'a["b]'])('refuses %s', (path) => {
    expect(parsePath(path)).toBeNull();
  });

  it('finds own values only, and nothing on a type mismatch', () => {
    const value = { a: [{ b: 1 }], c: 'x' };
    expect(getPath(value, ['a', 0, 'b'])).toBe(1);
    expect(getPath(value, ['a', 'length'])).toBeUndefined();
    expect(getPath(value, ['c', 0])).toBeUndefined();
    expect(getPath(value, ['constructor'])).toBeUndefined();
  });
});

describe('json: parseJsonPage', () => {
  it('maps a Discourse-like search page, skipping a post without text', () => {
    const page = parseJsonPage(fixture('discourse-page1.json'), parseConfig(discourse('https://forum.example.test')));
    expect(page).toMatchObject({ skipped: 1, total: 3, next: null });
    expect(page.items.map((i) => i.externalId)).toEqual(['905', '904']);
    expect(page.items[0]).toEqual({
      externalId: '905',
      url: 'https://forum.example.test/p/905',
      author: 'maria',
      title: null,
      text: 'Checkout fails with error 502 since the update &amp; support is silent…',
      publishedAt: Date.UTC(2024, 4, 5, 9, 30),
      rating: null,
      langHint: null,
      metadata: { likes: 4, topicId: 700 },
    });
    const html = parseConfig(discourse('https://forum.example.test', { textFormat: 'html' }));
    expect(parseJsonPage(fixture('discourse-page1.json'), html).items[0]?.text).toBe(
      'Checkout fails with error 502 since the update & support is silent…',
    );
  });

  it('maps a Zendesk-like page: text from two paths, nested metadata, the next cursor', () => {
    const page = parseJsonPage(fixture('zendesk-page1.json'), parseConfig(zendesk('https://acme.zendesk.example.test')));
    expect(page.next).toBe('eyJvIjoiLWlkIiwidiI6ImFRZ05BQUFBQUFBQSJ9');
    expect(page.items[0]).toMatchObject({
      externalId: '3512',
      url: 'https://acme.zendesk.example.test/agent/tickets/3512',
      text: 'Charged twice\n\nI was charged twice for order 8812.\nPlease refund one.',
      publishedAt: Date.UTC(2024, 4, 5, 10),
      metadata: { status: 'open', tags: ['billing', 'refund'], channel: 'email', satisfaction: 'unoffered' },
    });
    expect(parseJsonPage(fixture('zendesk-page2.json'), parseConfig(zendesk('https://z.example.test'))).next).toBeNull();
  });

  it('reads a root array with ratings, languages, epoch dates, relative URLs and HTML text', () => {
    const config = parseConfig({
      url: 'https://reviews.example.test/api/v1/reviews?app=acme',
      itemsPath: '$',
      fields: { id: 'uuid', title: 'body.title', text: 'body.text', date: 'submitted', url: 'link', rating: 'stars', lang: 'locale' },
      metadata: { firstTag: 'tags[0]' },
      textFormat: 'html',
    });
    const { items, skipped } = parseJsonPage(fixture('reviews-root-array.json'), config);
    expect(skipped).toBe(1);
    expect(items[0]).toEqual({
      externalId: 'r-1',
      url: 'https://reviews.example.test/reviews/r-1',
      author: null,
      title: 'Solide',
      text: 'Gute App, aber langsam.',
      publishedAt: 1714900000 * 1000,
      rating: 4,
      langHint: 'de',
      metadata: { firstTag: 'speed' },
    });
    // 10 is not a 1–5 rating; an empty title is no title.
    expect(items[1]).toMatchObject({ rating: null, title: null, langHint: 'en', publishedAt: Date.UTC(2024, 4, 5, 10) });
  });

  it('treats an empty array as a genuinely empty page', () => {
    const page = parseJsonPage(fixture('discourse-page3.json'), parseConfig(discourse('https://forum.example.test')));
    expect(page).toEqual({ items: [], skipped: 0, total: 0, next: null });
  });

  it.each([
    ['a path that is not an array', 'not-an-array.json', 'data.items', /itemsPath "data\.items" does not lead to an array \(found an object\)/],
    ['a path that leads nowhere', 'zendesk-page1.json', 'results', /itemsPath "results" does not lead to an array \(found nothing\)/],
  ])('fails with PARSE on %s', (_what, file, itemsPath, message) => {
    const config = parseConfig({ url: 'https://x.example.test/', itemsPath, fields: { id: 'id', text: 'text', date: 'd' } });
    expect(() => parseJsonPage(fixture(file), config)).toThrow(expect.objectContaining({ code: 'PARSE', message: expect.stringMatching(message) }));
  });

  it('fails with PARSE when no item has an id and text, or the body is not JSON', () => {
    const config = parseConfig(discourse('https://forum.example.test', { fields: { id: 'uuid', text: 'blurb', date: 'created_at' } }));
    expect(() => parseJsonPage(fixture('discourse-page1.json'), config)).toThrow(/none of the 3 items has both an id \(uuid\) and text \(blurb\)/);
    expect(() => parseJsonPage('<html>maintenance</html>', config)).toThrow(expect.objectContaining({ code: 'PARSE' }));
  });
});

describe('json: fetch', () => {
  it('walks page numbers until an empty page, then stops at seen ids on the next run', async () => {
    const host = 'https://forum-pages.example.test';
    const q = { q: 'acme order:latest' };
    const first = nock(host)
      .get('/search.json')
      .query({ ...q, page: '1' })
      .reply(200, fixture('discourse-page1.json'), JSON_TYPE)
      .get('/search.json')
      .query({ ...q, page: '2' })
      .reply(200, fixture('discourse-page2.json'), JSON_TYPE)
      .get('/search.json')
      .query({ ...q, page: '3' })
      .reply(200, fixture('discourse-page3.json'), JSON_TYPE);
    const one = await run(discourse(host));
    expect(first.isDone()).toBe(true);
    expect(one.items.map((i) => i.externalId)).toEqual(['905', '904', '902', '901']);
    expect(one.logs).toEqual(['skipped 1 item(s) without an id (id) or text (blurb)']);
    expect(one.cursor).toMatchObject({ lastSeenId: '905', newestPublishedAt: Date.UTC(2024, 4, 5, 9, 30) });

    const second = nock(host).get('/search.json').query({ ...q, page: '1' }).reply(200, fixture('discourse-page1-next-day.json'), JSON_TYPE);
    const two = await run(discourse(host), one.cursor);
    expect(second.isDone()).toBe(true);
    expect(two.items.map((i) => i.externalId)).toEqual(['906']);
    expect(two.cursor).toMatchObject({ lastSeenId: '906', newestPublishedAt: Date.UTC(2024, 4, 6, 11) });
  });

  it('follows a body cursor with a header secret from the environment, never keeping the secret', async () => {
    vi.stubEnv('ZD_TEST_TOKEN', 'zd-secret-123');
    const host = 'https://acme-cursor.example.test';
    const scope = nock(host)
      .matchHeader('authorization', 'Bearer zd-secret-123')
      .get('/api/v2/tickets.json')
      .query({ sort: '-id', 'page[size]': '2' })
      .reply(200, fixture('zendesk-page1.json'), JSON_TYPE)
      .get('/api/v2/tickets.json')
      .query({ sort: '-id', 'page[size]': '2', 'page[after]': 'eyJvIjoiLWlkIiwidiI6ImFRZ05BQUFBQUFBQSJ9' })
      .reply(200, fixture('zendesk-page2.json'), JSON_TYPE);
    const result = await run(zendesk(host));
    expect(scope.isDone()).toBe(true);
    expect(result.items.map((i) => i.externalId)).toEqual(['3512', '3511', '3510']);
    expect(JSON.stringify(result)).not.toContain('zd-secret-123');

    nock(host).get('/api/v2/tickets.json').query(true).reply(401);
    const error = await expectConnectorError(run(zendesk(host)));
    expect(error).toMatchObject({ code: 'AUTH', status: 401 });
    expect(error.cause).toBeUndefined();
  });

  it('follows next URLs, sending header secrets only to the configured origin', async () => {
    vi.stubEnv('ZD_TEST_TOKEN', 'zd-secret-456');
    const host = 'https://acme-links.example.test';
    const page1 = JSON.parse(fixture('zendesk-page1.json'));
    page1.links.next = 'https://elsewhere.example.test/api/v2/tickets.json?page=2';
    nock(host).matchHeader('authorization', 'Bearer zd-secret-456').get('/api/v2/tickets.json').query(true).reply(200, page1, JSON_TYPE);
    const other = nock('https://elsewhere.example.test', { badheaders: ['authorization'] })
      .get('/api/v2/tickets.json')
      .query({ page: '2' })
      .reply(200, fixture('zendesk-page2.json'), JSON_TYPE);
    const result = await run(zendesk(host, { paging: { nextUrlPath: 'links.next' } }));
    expect(other.isDone()).toBe(true);
    expect(result.items).toHaveLength(3);
  });

  it('fails with PARSE when the next URL is not an http(s) URL', async () => {
    vi.stubEnv('ZD_TEST_TOKEN', 't');
    const page1 = JSON.parse(fixture('zendesk-page1.json'));
    page1.links.next = 'javascript:alert(1)';
    nock('https://acme-badnext.example.test').get('/api/v2/tickets.json').query(true).reply(200, page1, JSON_TYPE);
    const error = await expectConnectorError(run(zendesk('https://acme-badnext.example.test', { paging: { nextUrlPath: 'links.next' } })));
    expect(error.code).toBe('PARSE');
    expect(error.message).toContain('links.next');
  });

  it('sends the newest date seen as the `since` parameter and reads no more than maxPages', async () => {
    const host = 'https://forum-since.example.test';
    const scope = nock(host)
      .get('/search.json')
      .query({ q: 'acme order:latest', page: '1', after: String(Date.UTC(2024, 4, 1) / 1000) })
      .reply(200, fixture('discourse-page2.json'), JSON_TYPE);
    const result = await run(discourse(host, { since: { param: 'after', format: 'unix' }, maxPages: 1 }), {
      recentIds: [],
      newestPublishedAt: Date.UTC(2024, 4, 1),
    });
    expect(scope.isDone()).toBe(true);
    expect(result.items).toHaveLength(2);
    expect(result.logs).toEqual(['stopped after 1 pages (maxPages); older items are left unread']);
  });

  it('fails with CONFIG naming the variable and header when a header secret is missing', async () => {
    const error = await expectConnectorError(run(zendesk('https://acme-noenv.example.test')));
    expect(error.code).toBe('CONFIG');
    expect(error.message).toBe('environment variable ZD_TEST_TOKEN is not set (used in header Authorization)');
  });

  it('fails with PARSE naming the path and a redacted URL when the layout changed', async () => {
    nock('https://api-layout.example.test').get('/v2/items').query(true).reply(200, fixture('not-an-array.json'), JSON_TYPE);
    const error = await expectConnectorError(
      run({ url: 'https://api-layout.example.test/v2/items?api_key=s3cret', itemsPath: 'data.items', fields: { id: 'id', text: 'text', date: 'd' } }),
    );
    expect(error.code).toBe('PARSE');
    expect(error.message).toContain('data.items');
    expect(error.message).toContain('api_key=REDACTED');
    expect(error.message).not.toContain('s3cret');
  });

  it('rides out a 429 and fails with HTTP on repeated 500s', async () => {
    const host = 'https://api-errors.example.test';
    nock(host).get('/search.json').query(true).reply(429).get('/search.json').query(true).reply(200, fixture('discourse-page2.json'), JSON_TYPE);
    expect((await run(discourse(host, { paging: 'none' }))).items).toHaveLength(2);
    nock(host).get('/search.json').query(true).times(2).reply(500);
    expect(await expectConnectorError(run(discourse(host, { paging: 'none' })))).toMatchObject({ code: 'HTTP', status: 500 });
  });

  it('validates its config with messages a user can act on', () => {
    expect(json.configSchema.parse(json.example)).toEqual(json.example);
    expect(json.configSchema.parse(json.example).paging).toEqual({ pageParam: 'page', startPage: 1 });
    const base = { url: 'https://x.example.test/', itemsPath: 'items', fields: { id: 'id', text: 'body', date: 'created' } };
    expect(json.configSchema.parse(base)).toMatchObject({ paging: 'none', textFormat: 'plain', maxPages: 5 });
    const badPath = json.configSchema.safeParse({ ...base, itemsPath: 'data..items' });
    expect(badPath.error?.issues[0]?.message).toMatch(/^not a path/);
    const badPaging = json.configSchema.safeParse({ ...base, paging: { cursorParam: 'after' } });
    expect(badPaging.error?.issues[0]?.message).toContain('nextCursorPath, cursorParam');
    const both = json.configSchema.safeParse({ ...base, fields: { ...base.fields, url: 'link', urlTemplate: 'https://x/{id}' } });
    expect(both.error?.issues[0]?.message).toBe('set url or urlTemplate, not both');
    expect(json.configSchema.safeParse({ ...base, url: 'file:///etc/passwd' }).success).toBe(false);
  });
});
