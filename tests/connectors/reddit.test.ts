import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import nock from 'nock';
import { pageUrl, parseListing, reddit, type RedditConfig } from '../../src/connectors/reddit.js';
import type { Politeness, RawItem } from '../../src/connectors/types.js';
import { HAS_SHARED, sharedMissingNote, sharedPath } from '../helpers/shared.js';
import { expectConnectorError, expectParseError, fastHttp, resetNetworkMocks, runConnector } from '../helpers/connector-harness.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/reddit/${name}`, import.meta.url), 'utf8');
const shared = (name: string) => readFileSync(sharedPath('fixtures', 'reddit', name), 'utf8');
const JSON_TYPE = { 'Content-Type': 'application/json; charset=UTF-8' };
const SITE = 'https://www.reddit.com';
const T = 1714000000;

const run = (config: unknown, cursor: unknown = null, logs: string[] = [], http = fastHttp()) =>
  runConnector(reddit, config, { cursor, logs, http });
const parseError = (body: string) => expectParseError(reddit, body);

const ids = (items: RawItem[]) => items.map((i) => i.externalId);

afterEach(resetNetworkMocks);

describe.skipIf(!HAS_SHARED)(HAS_SHARED ? 'reddit: real captured listings' : sharedMissingNote('reddit real listings'), () => {
  it('reads r/AskReddit/new: 100 posts, newest first, with the next page named in after', () => {
    const { entries, after } = parseListing(shared('r_askreddit_new_limit100.json'));
    expect(entries).toHaveLength(100);
    expect(after).toBe('t3_48f6io');
    const items = reddit.parse(shared('r_askreddit_new_limit100.json'), reddit.example);
    expect(items).toHaveLength(100);
    expect(new Set(ids(items)).size).toBe(100);
    expect(items[0]).toEqual({
      externalId: 't3_48fbm9',
      url: 'https://www.reddit.com/r/AskReddit/comments/48fbm9/serious_parents_of_reddit_whats_the_biggest_lie/',
      author: 'RedHeadQc',
      title: "[Serious] Parents of Reddit, what's the biggest lie about yourself you've told your kids?",
      // A question post has no body; its title is its text.
      text: "[Serious] Parents of Reddit, what's the biggest lie about yourself you've told your kids?",
      publishedAt: 1456821458000,
      metadata: { kind: 'post', subreddit: 'AskReddit', score: 1, replies: 1, flair: 'serious replies only' },
    });
    expect(items.at(-1)).toMatchObject({ externalId: 't3_48f6io', author: 'purpleclouds', publishedAt: 1456818242000 });
    expect(items.every((i) => i.url?.startsWith('https://www.reddit.com/r/AskReddit/comments/'))).toBe(true);
  });

  it('reads r/AskReddit/comments: 100 comments with their parents and post titles', () => {
    const items = reddit.parse(shared('r_askreddit_comments_limit100.json'), reddit.example);
    expect(items).toHaveLength(100);
    expect(items[0]).toEqual({
      externalId: 't1_d4y8bdp',
      // 2016 comments carry no permalink; the URL is built from the post id and the comment id.
      url: 'https://www.reddit.com/r/AskReddit/comments/4r4inc/_/d4y8bdp/',
      author: 'preppypuppy',
      title: '[Serious] To anyone who "followed their dreams", how has it panned out?',
      text: 'great, life is so much better when you can do what you enjoy for a living',
      publishedAt: 1467590690000,
      metadata: { kind: 'comment', subreddit: 'AskReddit', score: 1, replyTo: 't3_4r4inc', postId: 't3_4r4inc' },
    });
    const reply = items.find((i) => i.externalId === 't1_d4y8bdn');
    expect(reply?.metadata).toMatchObject({ replyTo: 't1_d4xrzgq', postId: 't3_4r2hd3' });
    expect(reply?.author).toBe('LoneStarCub15');
    expect(items.at(-1)).toMatchObject({ externalId: 't1_d4y8a9e', text: 'But I need to find the thunderdome!' });
  });

  it('reads a search listing: 6 self posts from several subreddits, Markdown bodies as text', () => {
    const items = reddit.parse(shared('search_r_all_q_praw_oauth_search.json'), reddit.example);
    expect(items).toHaveLength(6);
    expect(items.map((i) => i.metadata?.subreddit)).toEqual(['redditdev', 'redditdev', 'learnpython', 'redditdev', 'bugs', 'p18s']);
    expect(items[0]).toMatchObject({
      externalId: 't3_3gpbiu',
      author: 'dClauzel',
      title: '[PRAW][OAuth2Util] Problem using get_banned() : raise Forbidden(_raw=response)',
      publishedAt: 1439370514000,
      metadata: { score: 0, replies: 21 },
    });
    expect(items[0]?.text.startsWith('# solved\n\nProblem solved with this:')).toBe(true);
    expect(items[5]?.title).toBe('たびたび話題になるサイドバーの閲覧中ユーザ数について（また）調べた');
  });
});

describe('reddit: parse', () => {
  it('maps self posts, link posts and deleted authors', () => {
    const items = reddit.parse(fixture('new-page1.json'), reddit.example);
    expect(items[0]).toEqual({
      externalId: 't3_c5',
      url: 'https://www.reddit.com/r/acmeapp/comments/c5/checkout_keeps_failing_on_andr/',
      author: 'maria_k',
      title: 'Checkout keeps failing on Android',
      text: 'Since 4.2 the pay button spins forever. Anyone else?',
      publishedAt: (T + 500) * 1000,
      metadata: { kind: 'post', subreddit: 'acmeapp', score: 41, replies: 17, flair: 'Bug' },
    });
    expect(items[1]).toMatchObject({
      author: null,
      text: 'Acme raised prices again',
      metadata: { link: 'https://news.example.com/acme-prices' },
    });
  });

  it('keeps a removed post under its title and skips removed comments', () => {
    expect(reddit.parse(fixture('new-page2.json'), reddit.example)[1]).toMatchObject({
      externalId: 't3_c1',
      author: null,
      text: 'Is the export broken?',
    });
    const comments = reddit.parse(fixture('comments.json'), reddit.example);
    expect(ids(comments)).toEqual(['t1_k3', 't1_k1']);
    expect(comments[0]).toEqual({
      externalId: 't1_k3',
      url: 'https://www.reddit.com/r/acmeapp/comments/c5/checkout_keeps_failing_on_android/k3/',
      author: 'pixelpal',
      title: 'Checkout keeps failing on Android',
      text: 'Same here, Pixel 8. Support said a fix ships Friday.',
      publishedAt: (T + 900) * 1000,
      metadata: { kind: 'comment', subreddit: 'acmeapp', score: 6, replyTo: 't1_k1', postId: 't3_c5' },
    });
    expect(comments[1]?.text).toBe('Clearing the cache fixed it for me > worth a try');
  });

  it('reads an empty listing as a genuinely empty result', () => {
    expect(reddit.parse(fixture('empty.json'), reddit.example)).toEqual([]);
  });

  it.each([
    ['the HTML block page', fixture('blocked.html')],
    ['an empty body', ''],
    ['JSON that is not a Listing', '{"message": "Not Found", "error": 404}'],
    ['a Listing whose children moved', fixture('layout-no-children.json')],
    ['a Listing whose posts lost their fields', fixture('layout-moved-fields.json')],
  ])('rejects %s with PARSE', (_what, body) => {
    expect(parseError(body).code).toBe('PARSE');
  });
});

describe('reddit: fetch', () => {
  const NEW = { mode: 'new', subreddit: 'acmeapp' };
  const listing = (after?: string) => ({ limit: '100', raw_json: '1', ...(after ? { after } : {}) });

  it('follows after across pages, then stops at the last seen fullname on the next run', async () => {
    const asked: Politeness[] = [];
    const first = nock(SITE)
      .get('/r/acmeapp/new.json')
      .query(listing())
      .reply(200, fixture('new-page1.json'), JSON_TYPE)
      .get('/r/acmeapp/new.json')
      .query(listing('t3_c3'))
      .reply(200, fixture('new-page2.json'), JSON_TYPE);
    const one = await run(NEW, null, [], fastHttp(asked));
    expect(first.isDone()).toBe(true);
    expect(ids(one.items)).toEqual(['t3_c5', 't3_c4', 't3_c3', 't3_c2', 't3_c1']);
    expect(one.cursor).toEqual({ lastSeen: 't3_c5', lastSeenAt: (T + 500) * 1000 });
    expect(asked).toEqual([reddit.politeness, reddit.politeness]);
    expect(reddit.politeness.intervalMs / reddit.politeness.intervalCap).toBeGreaterThanOrEqual(6000);

    // Page 1 now holds two new posts above the last seen one; page 2 must not be asked for.
    const second = nock(SITE).get('/r/acmeapp/new.json').query(listing()).reply(200, fixture('new-later.json'), JSON_TYPE);
    const two = await run(NEW, one.cursor);
    expect(second.isDone()).toBe(true);
    expect(ids(two.items)).toEqual(['t3_c7', 't3_c6']);
    expect(two.cursor).toEqual({ lastSeen: 't3_c7', lastSeenAt: (T + 700) * 1000 });

    // Nothing new: the cursor stays.
    nock(SITE).get('/r/acmeapp/new.json').query(listing()).reply(200, fixture('new-later.json'), JSON_TYPE);
    const three = await run(NEW, two.cursor);
    expect(three).toEqual({ items: [], cursor: two.cursor });
  });

  it('stops at items older than the last seen one when that item was deleted meanwhile', async () => {
    nock(SITE).get('/r/acmeapp/new.json').query(listing()).reply(200, fixture('new-later.json'), JSON_TYPE);
    const result = await run(NEW, { lastSeen: 't3_gone', lastSeenAt: (T + 550) * 1000 });
    expect(ids(result.items)).toEqual(['t3_c7', 't3_c6']);
  });

  it('reads no more than maxPages pages and says so', async () => {
    const scope = nock(SITE).get('/r/acmeapp/new.json').query(listing()).reply(200, fixture('new-page1.json'), JSON_TYPE);
    const logs: string[] = [];
    const result = await run({ ...NEW, maxPages: 1 }, { lastSeen: 't3_a0', lastSeenAt: T * 1000 }, logs);
    expect(scope.isDone()).toBe(true);
    expect(result.items).toHaveLength(3);
    expect(logs.join('\n')).toMatch(/maxPages/);
  });

  it('reads the comments listing', async () => {
    nock(SITE).get('/r/acmeapp/comments.json').query(listing()).reply(200, fixture('comments.json'), JSON_TYPE);
    const result = await run({ mode: 'comments', subreddit: 'acmeapp' });
    expect(ids(result.items)).toEqual(['t1_k3', 't1_k1']);
    // The removed comment is still the newest thing seen.
    expect(result.cursor).toEqual({ lastSeen: 't1_k3', lastSeenAt: (T + 900) * 1000 });
  });

  it('searches by date, site-wide or within one subreddit', () => {
    const cfg = (c: object) => reddit.configSchema.parse(c) as RedditConfig;
    expect(pageUrl(cfg({ mode: 'search', query: 'acme app' }), null)).toBe(
      'https://www.reddit.com/search.json?q=acme+app&sort=new&limit=100&raw_json=1',
    );
    expect(pageUrl(cfg({ mode: 'search', query: 'acme', subreddit: 'apps' }), 't3_x')).toBe(
      'https://www.reddit.com/r/apps/search.json?q=acme&sort=new&restrict_sr=1&limit=100&raw_json=1&after=t3_x',
    );
  });

  it('runs a search end to end', async () => {
    nock(SITE)
      .get('/r/apps/search.json')
      .query({ q: 'acme', sort: 'new', restrict_sr: '1', limit: '100', raw_json: '1' })
      .reply(200, fixture('new-page2.json'), JSON_TYPE);
    const result = await run({ mode: 'search', query: 'acme', subreddit: 'apps' });
    expect(ids(result.items)).toEqual(['t3_c2', 't3_c1']);
  });

  it('fails with PARSE when the page turns into HTML', async () => {
    nock(SITE).get('/r/acmeapp/new.json').query(true).reply(200, fixture('blocked.html'), { 'Content-Type': 'text/html' });
    const error = await expectConnectorError(run(NEW));
    expect(error.code).toBe('PARSE');
    expect(error.url).toBe('https://www.reddit.com/r/acmeapp/new.json?limit=100&raw_json=1');
  });

  it('turns a 403 into BLOCKED, with the reason', async () => {
    nock(SITE).get('/r/acmeapp/new.json').query(true).reply(403, fixture('blocked.html'));
    const error = await expectConnectorError(run(NEW));
    expect(error.code).toBe('BLOCKED');
    expect(error.status).toBe(403);
    expect(error.message).toMatch(/blocks unauthenticated requests/);
  });

  it('fails with RATE_LIMITED when 429 persists past the retries', async () => {
    const scope = nock(SITE).get('/r/acmeapp/new.json').query(true).times(2).reply(429, '{"message": "Too Many Requests"}');
    const error = await expectConnectorError(run(NEW));
    expect(error.code).toBe('RATE_LIMITED');
    expect(scope.isDone()).toBe(true);
  });

  it('fails with HTTP, not an empty list, when Reddit keeps answering 500', async () => {
    nock(SITE).get('/r/acmeapp/new.json').query(true).times(2).reply(500);
    const error = await expectConnectorError(run(NEW));
    expect(error.code).toBe('HTTP');
    expect(error.status).toBe(500);
  });

  it('validates its config', () => {
    const bad = (c: object) => reddit.configSchema.safeParse(c).success;
    expect(bad({ mode: 'new', subreddit: 'r/acmeapp' })).toBe(false);
    expect(bad({ mode: 'new' })).toBe(false);
    expect(bad({ mode: 'hot', subreddit: 'acmeapp' })).toBe(false);
    expect(bad({ mode: 'search', query: '  ' })).toBe(false);
    expect(bad({ mode: 'new', subreddit: 'acmeapp', maxPages: 11 })).toBe(false);
    expect(reddit.configSchema.parse({ mode: 'comments', subreddit: 'apps+acmeapp' })).toEqual({
      mode: 'comments',
      subreddit: 'apps+acmeapp',
      maxPages: 3,
    });
    expect(reddit.configSchema.parse(reddit.example)).toEqual(reddit.example);
    const issue = reddit.configSchema.safeParse({ mode: 'hot' }).error?.issues[0]?.message;
    expect(issue).toBe("mode must be 'new', 'comments' or 'search'");
  });
});
