import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import nock from 'nock';
import { hackernews, INDEX_LAG_S, pageUrl, parseSearch, type HackerNewsConfig } from '../../src/connectors/hackernews.js';
import type { Politeness, RawItem } from '../../src/connectors/types.js';
import { HAS_SHARED, sharedMissingNote, sharedPath } from '../helpers/shared.js';
import { expectConnectorError, expectParseError, fastHttp, resetNetworkMocks, runConnector } from '../helpers/connector-harness.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/hackernews/${name}`, import.meta.url), 'utf8');
const shared = (name: string) => readFileSync(sharedPath('fixtures', 'hackernews', name), 'utf8');
const JSON_TYPE = { 'Content-Type': 'application/json; charset=utf-8' };
const API = 'https://hn.algolia.com';
const T = 1714000000;

const run = (config: object, cursor: unknown = null, logs: string[] = [], http = fastHttp()) =>
  runConnector(hackernews, config, { cursor, logs, http });
const parseError = (body: string) => expectParseError(hackernews, body);

const ids = (items: RawItem[]) => items.map((i) => i.externalId);
const query = (page: number, since?: number) => ({
  query: 'acme',
  tags: '(story,comment)',
  hitsPerPage: '2',
  page: String(page),
  ...(since === undefined ? {} : { numericFilters: `created_at_i>${since}` }),
});

afterEach(resetNetworkMocks);

describe.skipIf(!HAS_SHARED)(HAS_SHARED ? 'hackernews: real captured replies' : sharedMissingNote('hackernews real replies'), () => {
  const parse = (name: string) => hackernews.parse(shared(name), hackernews.example);

  it('reads a search_by_date comment: HTML to text, story title, parent', () => {
    const page = parseSearch(shared('01_search_by_date_hitsPerPage=1_tags=_comment.json'));
    expect(page).toMatchObject({ newest: 1403235595, page: 0, nbPages: 1000 });
    expect(page.items).toEqual([
      {
        externalId: '7919431',
        url: 'https://news.ycombinator.com/item?id=7919431',
        author: 'gohrt',
        title: 'Fibonacci Flim-Flam',
        text:
          "A perennial HN favorite https://hn.algolia.com/?q=Fibonacci+Flim-Flam#!/all/forever/... What's fascinating about " +
          'this topic is that the reposts come at intervals that approximates the Fibonacci sequence.',
        publishedAt: 1403235595000,
        metadata: {
          kind: 'comment',
          score: 1,
          replyTo: '7919207',
          storyId: '7919207',
          storyUrl: 'http://www.lhup.edu/~dsimanek/pseudo/fibonacc.htm',
        },
      },
    ]);
  });

  it('reads a link story: its url, the HN discussion beside it, the title as text', () => {
    expect(parse('07_search_by_date_hitsPerPage=1_tags=_story.json')).toEqual([
      {
        externalId: '7919424',
        url: 'http://in.reuters.com/article/2014/06/19/apple-google-settlement-idINL2N0P01ZI20140619',
        author: 'bradleyjg',
        title: 'Judge says concerned about Apple, Google hiring settlement',
        text: 'Judge says concerned about Apple, Google hiring settlement',
        publishedAt: Date.UTC(2014, 5, 20, 3, 35, 46),
        metadata: { kind: 'story', score: 1, replies: 0, discussionUrl: 'https://news.ycombinator.com/item?id=7919424' },
      },
    ]);
  });

  it('reads a text story (Ask HN) with an empty url as the HN item', () => {
    const [item] = parse('25_search_by_date_hitsPerPage=1_tags=_ask_hn_page=2_query=apple.json');
    expect(item).toMatchObject({
      externalId: '7915384',
      url: 'https://news.ycombinator.com/item?id=7915384',
      author: 'techidse',
      title: 'Ask HN: How can I get Swag from Startups?',
      publishedAt: 1403171610000,
      metadata: { kind: 'ask_hn', score: 1, replies: 3 },
    });
    expect(item?.text).toContain("I'm a college student from India.");
    expect(parseSearch(shared('25_search_by_date_hitsPerPage=1_tags=_ask_hn_page=2_query=apple.json')).page).toBe(2);
  });

  it('reads a poll, and relevance-ordered /search replies with the same parser', () => {
    expect(parse('13_search_by_date_hitsPerPage=1_tags=_poll_2Cauthor_pg.json')[0]).toMatchObject({
      externalId: '5640988',
      title: 'Poll: Do you have a 3d printer?',
      metadata: { kind: 'poll', score: 180, replies: 276 },
    });
    expect(parse('16_search_hitsPerPage=1_tags=_comment_query=apple.json')[0]).toMatchObject({
      externalId: '6651926',
      author: 'pg',
      title: 'Patent war goes nuclear: Microsoft, Apple-owned Rockstar sues Google',
      metadata: { replyTo: '6651704', score: 293 },
    });
  });

  it('parses every search reply in the capture to exactly one item', () => {
    const names = readdirSync(sharedPath('fixtures', 'hackernews')).filter((n) => /^\d\d_search/.test(n));
    expect(names).toHaveLength(24);
    for (const name of names) {
      const items = parse(name);
      expect(items, name).toHaveLength(1);
      expect(items[0]?.text.length, name).toBeGreaterThan(0);
      expect(items[0]?.text, name).not.toMatch(/<\/?[a-z][^>]*>|&#x27;|&amp;/i);
    }
  });

  it('refuses the /items and /users endpoints with PARSE: they are not search replies', () => {
    expect(parseError(shared('08_items_17.json')).code).toBe('PARSE');
    expect(parseError(shared('09_users_pg.json')).code).toBe('PARSE');
  });
});

describe('hackernews: parse', () => {
  it('maps comments and stories from a modern reply', () => {
    const page = parseSearch(fixture('page0.json'));
    expect(page).toMatchObject({ newest: T + 300, page: 0, nbPages: 2 });
    expect(page.items[0]).toEqual({
      externalId: '40000003',
      url: 'https://news.ycombinator.com/item?id=40000003',
      author: 'dang_fan',
      title: 'Acme raises prices by 40%',
      text: "Acme's support is great, honestly. They refunded me & apologised.",
      publishedAt: (T + 300) * 1000,
      metadata: { kind: 'comment', replyTo: '40000002', storyId: '40000001', storyUrl: 'https://news.example.com/acme-prices' },
    });
    expect(parseSearch(fixture('page1.json')).items[0]).toMatchObject({
      url: 'https://news.ycombinator.com/item?id=39999990',
      text: "I'm on the fence. Has anyone used Acme for a year?",
      metadata: { kind: 'ask_hn', score: 14, replies: 9 },
    });
  });

  it('reads a reply without hits as a genuinely empty result', () => {
    expect(parseSearch(fixture('empty.json'))).toMatchObject({ items: [], newest: null, nbPages: 0 });
  });

  it.each([
    ['an HTML error page', '<html><body><h1>502 Bad Gateway</h1></body></html>'],
    ['an empty body', ''],
    ['a reply whose hits moved', fixture('layout-no-hits.json')],
    ['hits whose fields moved', fixture('layout-moved-fields.json')],
  ])('rejects %s with PARSE', (_what, body) => {
    expect(parseError(body).code).toBe('PARSE');
  });
});

describe('hackernews: fetch', () => {
  const CONFIG = { query: 'acme', hitsPerPage: 2 };

  it('reads pages up to nbPages, then asks only for newer items on the next run', async () => {
    const asked: Politeness[] = [];
    const first = nock(API)
      .get('/api/v1/search_by_date')
      .query(query(0))
      .reply(200, fixture('page0.json'), JSON_TYPE)
      .get('/api/v1/search_by_date')
      .query(query(1))
      .reply(200, fixture('page1.json'), JSON_TYPE);
    const one = await run(CONFIG, null, [], fastHttp(asked));
    expect(first.isDone()).toBe(true);
    expect(ids(one.items)).toEqual(['40000003', '40000001', '39999990']);
    expect(one.cursor).toEqual({ since: T + 300 });
    expect(asked).toEqual([hackernews.politeness, hackernews.politeness]);

    // The filter starts a few minutes before the newest item seen, for items Algolia indexed late.
    const second = nock(API)
      .get('/api/v1/search_by_date')
      .query(query(0, T + 300 - INDEX_LAG_S))
      .reply(200, fixture('newer.json'), JSON_TYPE);
    const two = await run(CONFIG, one.cursor);
    expect(second.isDone()).toBe(true);
    expect(ids(two.items)).toEqual(['40000010']);
    expect(two.cursor).toEqual({ since: T + 900 });

    nock(API)
      .get('/api/v1/search_by_date')
      .query(query(0, T + 900 - INDEX_LAG_S))
      .reply(200, fixture('empty.json'), JSON_TYPE);
    expect(await run(CONFIG, two.cursor)).toEqual({ items: [], cursor: { since: T + 900 } });
  });

  it('reads no more than maxPages pages and says so', async () => {
    const scope = nock(API).get('/api/v1/search_by_date').query(query(0)).reply(200, fixture('page0.json'), JSON_TYPE);
    const logs: string[] = [];
    const result = await run({ ...CONFIG, maxPages: 1 }, null, logs);
    expect(scope.isDone()).toBe(true);
    expect(result.items).toHaveLength(2);
    expect(logs.join('\n')).toMatch(/maxPages/);
  });

  it('builds the tags filter for stories, comments or both', () => {
    const cfg = (c: object) => hackernews.configSchema.parse(c) as HackerNewsConfig;
    expect(pageUrl(cfg({ query: 'acme app' }), 0, null)).toBe(
      'https://hn.algolia.com/api/v1/search_by_date?query=acme+app&tags=%28story%2Ccomment%29&hitsPerPage=100&page=0',
    );
    expect(pageUrl(cfg({ query: 'acme', tags: 'comment' }), 3, 1000)).toBe(
      `https://hn.algolia.com/api/v1/search_by_date?query=acme&tags=comment&numericFilters=created_at_i%3E${1000 - INDEX_LAG_S}&hitsPerPage=100&page=3`,
    );
  });

  it('fails with PARSE when the reply loses its hits', async () => {
    nock(API).get('/api/v1/search_by_date').query(true).reply(200, fixture('layout-no-hits.json'), JSON_TYPE);
    const error = await expectConnectorError(run(CONFIG));
    expect(error.code).toBe('PARSE');
    expect(error.url).toMatch(/^https:\/\/hn\.algolia\.com\/api\/v1\/search_by_date\?/);
  });

  it('fails with RATE_LIMITED when 429 persists past the retries', async () => {
    const scope = nock(API).get('/api/v1/search_by_date').query(true).times(2).reply(429, { message: 'Too many requests' });
    expect((await expectConnectorError(run(CONFIG))).code).toBe('RATE_LIMITED');
    expect(scope.isDone()).toBe(true);
  });

  it('fails with HTTP, not an empty list, on a persistent 500', async () => {
    nock(API).get('/api/v1/search_by_date').query(true).times(2).reply(500);
    const error = await expectConnectorError(run(CONFIG));
    expect(error).toMatchObject({ code: 'HTTP', status: 500 });
  });

  it('validates its config', () => {
    const ok = (c: object) => hackernews.configSchema.safeParse(c).success;
    expect(ok({ query: '' })).toBe(false);
    expect(ok({})).toBe(false);
    expect(ok({ query: 'acme', tags: 'poll' })).toBe(false);
    expect(ok({ query: 'acme', hitsPerPage: 1001 })).toBe(false);
    expect(hackernews.configSchema.parse({ query: 'acme' })).toEqual({ query: 'acme', tags: 'both', hitsPerPage: 100, maxPages: 5 });
    expect(hackernews.configSchema.parse(hackernews.example)).toEqual(hackernews.example);
  });
});
