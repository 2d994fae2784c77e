import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import nock from 'nock';
import { html, parseHtmlPage, type HtmlConfig } from '../../src/connectors/html/index.js';
import { ConnectorError } from '../../src/connectors/errors.js';
import type { Politeness } from '../../src/connectors/types.js';
import { expectConnectorError, fastHttp, resetNetworkMocks, runConnector } from '../helpers/connector-harness.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/html/${name}`, import.meta.url), 'utf8');
const HTML = { 'Content-Type': 'text/html; charset=utf-8' };

const FORUM = 'https://forum.example.test';
const THREAD = `${FORUM}/t/slow-delivery/42`;
const SHOP = 'https://shop.example.test';
const REVIEWS = `${SHOP}/products/kettle-2000/reviews`;

const threadConfig = (extra: Record<string, unknown> = {}): HtmlConfig =>
  html.configSchema.parse({
    url: THREAD,
    item: 'article.post',
    fields: { text: '.cooked', author: '.username', date: 'time', dateAttr: 'datetime', link: 'a.post-date' },
    exclude: 'blockquote, .signature',
    nextPage: 'a[rel=next]',
    order: 'oldest-first',
    ...extra,
  });

const reviewsConfig = (extra: Record<string, unknown> = {}): HtmlConfig =>
  html.configSchema.parse({
    url: REVIEWS,
    item: 'li.review',
    fields: {
      text: '.review-text',
      title: '.review-title',
      author: '.reviewer b',
      date: '.review-date',
      rating: '.stars .star.full',
      ratingFrom: 'count',
      id: ':scope',
      idAttr: 'data-review-id',
    },
    nextPage: 'a.next-page',
    ...extra,
  });

/** The run's promise, not yet awaited, beside the array its log messages go to. */
function run(config: HtmlConfig, cursor: unknown = null, http = fastHttp()) {
  const logs: string[] = [];
  return { result: runConnector(html, config, { cursor, http, logs }), logs };
}

afterEach(resetNetworkMocks);

describe('html: parse', () => {
  it('reads a forum thread: permalinks resolved, quotes and signatures dropped', () => {
    const items = html.parse(fixture('thread-p1.html'), threadConfig());
    expect(items).toEqual([
      {
        externalId: `${THREAD}/1`,
        url: `${THREAD}/1`,
        author: 'marta_k',
        title: null,
        text: "Ordered the Kettle 2000 on 20 April, still no parcel. Tracking hasn't moved since it reached Glasgow. Anyone else seeing this?",
        publishedAt: Date.UTC(2024, 4, 2, 8, 14),
        rating: null,
        langHint: 'en',
      },
      expect.objectContaining({ externalId: `${THREAD}/2`, author: 'dougie', text: 'Same here — 12 days and counting. Support said the courier changed.' }),
    ]);
    const page2 = parseHtmlPage(fixture('thread-p2.html'), threadConfig(), `${THREAD}?page=2`);
    expect(page2.items[0]?.text).toBe(
      'We moved Scottish deliveries to a new courier on 22 April. Parcels are arriving now; DM us your order number if yours is late.',
    );
    expect(page2.next).toBe(`${THREAD}?page=3`);
  });

  it('reads a review list: stars counted as elements, ids from an attribute, human dates', () => {
    const page = parseHtmlPage(fixture('reviews-p1.html'), reviewsConfig(), REVIEWS);
    expect(page.items.map((i) => [i.externalId, i.rating, i.author])).toEqual([
      ['r-9005', 1, 'Owen P.'],
      ['r-9004', 4, 'Dana'],
      ['r-9003', 5, 'Sam & Lee'],
    ]);
    expect(page.items[1]).toMatchObject({
      title: 'Boils fast, quiet',
      text: 'Boils a litre in under three minutes and is much quieter than my old one. Handle gets a little warm.',
      publishedAt: Date.UTC(2024, 2, 3),
      url: REVIEWS,
      langHint: 'en',
    });
    // "2 days ago" cannot be dated without guessing: left empty, counted for the log.
    expect(page.items[0]?.publishedAt).toBeNull();
    expect(page.undated).toBe(1);
    expect(page.undatedSample).toBe('2 days ago');
    // A relative next link resolves against the page: reviews?page=2 beside /reviews.
    expect(page.next).toBe(`${REVIEWS}?page=2`);
  });

  it('reads a rating out of 10 from an attribute and maps it onto 1–5', () => {
    const config = html.configSchema.parse({
      url: 'https://hotel.example.test/bewertungen',
      item: '.bewertung',
      fields: {
        text: '.kommentar',
        author: '.name',
        date: '.datum',
        dateFormat: 'dd.MM.yyyy',
        rating: '.score',
        ratingAttr: 'aria-label',
        ratingScale: 10,
      },
    });
    const items = html.parse(fixture('scores-de.html'), config);
    // The third review has an empty comment and no title: nothing to analyse, so it is skipped.
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({
      author: 'Heike M.',
      rating: 4.25,
      metadata: { ratingRaw: 8.5 },
      publishedAt: Date.UTC(2024, 2, 12),
      langHint: 'de',
      url: 'https://hotel.example.test/bewertungen',
    });
    expect(items[1]).toMatchObject({ author: 'Thomas', rating: 1.5, publishedAt: null });
    // No link and no id: a stable hash of text, author and date.
    expect(items[0]?.externalId).toMatch(/^sha1:[0-9a-f]{40}$/);
    expect(html.parse(fixture('scores-de.html'), config)[0]?.externalId).toBe(items[0]?.externalId);
  });

  it('reads a rating from the text, and ignores numbers beyond the scale', () => {
    const config = html.configSchema.parse({
      url: 'https://x.example.test/',
      item: '.r',
      fields: { text: 'p', rating: '.score' },
    });
    const page = '<div class="r"><span class="score">Rated 4.5 / 5</span><p>ok</p></div><div class="r"><span class="score">Top 100</span><p>b</p></div>';
    expect(html.parse(page, config).map((i) => i.rating)).toEqual([4.5, null]);
  });

  it('falls back to content hashes when the link selector hits a link shared by every item', () => {
    const config = html.configSchema.parse({
      url: 'https://x.example.test/thread',
      item: '.post',
      fields: { text: 'p', author: '.by', link: 'a.thread' },
    });
    const page = ['A', 'B'].map((who) => `<div class="post"><a class="thread" href="/thread">t</a><span class="by">${who}</span><p>hi</p></div>`);
    const items = html.parse(page.join(''), config);
    expect(items.map((i) => i.url)).toEqual(['https://x.example.test/thread', 'https://x.example.test/thread']);
    expect(new Set(items.map((i) => i.externalId)).size).toBe(2);
    expect(items[0]?.externalId).toMatch(/^sha1:/);
  });

  it('fails with PARSE naming the selector when the layout changed', () => {
    let caught: unknown;
    try {
      html.parse(fixture('reviews-redesign.html'), reviewsConfig());
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConnectorError);
    expect((caught as ConnectorError).code).toBe('PARSE');
    expect((caught as ConnectorError).message).toBe(`selector 'li.review' matched nothing on ${REVIEWS}`);
  });

  it('fails with PARSE when items are found but the text selector finds nothing in them', () => {
    const config = reviewsConfig({ fields: { text: '.review-body' } });
    expect(() => html.parse(fixture('reviews-p1.html'), config)).toThrow(/'.review-body' found no text in any of the 3 'li.review' items/);
  });
});

describe('html: fetch', () => {
  it('walks a review list newest-first across pages, then stops at lastSeenId on the next run', async () => {
    const requested: Politeness[] = [];
    const first = nock(SHOP)
      .get('/products/kettle-2000/reviews')
      .reply(200, fixture('reviews-p1.html'), HTML)
      .get('/products/kettle-2000/reviews')
      .query({ page: '2' })
      .reply(200, fixture('reviews-p2.html'), HTML);
    const one = run(reviewsConfig(), null, fastHttp(requested));
    const { items, cursor } = await one.result;
    expect(first.isDone()).toBe(true);
    expect(items.map((i) => i.externalId)).toEqual(['r-9005', 'r-9004', 'r-9003', 'r-9002', 'r-9001']);
    expect(cursor).toEqual({ lastSeenId: 'r-9005' });
    expect(requested).toEqual([html.politeness, html.politeness]);
    expect(one.logs).toEqual([
      "1 item(s) had no readable date (e.g. '2 days ago'); their publishedAt is left empty and the ingest uses the fetch time",
    ]);

    const second = nock(SHOP).get('/products/kettle-2000/reviews').reply(200, fixture('reviews-p1-later.html'), HTML);
    const two = await run(reviewsConfig(), cursor).result;
    expect(second.isDone()).toBe(true);
    expect(two.items[0]?.externalId).toBe('r-9006');
    expect(two.cursor).toEqual({ lastSeenId: 'r-9006' });
  });

  it('walks a forum thread oldest-first over three pages and resumes on the last page', async () => {
    const first = nock(FORUM)
      .get('/t/slow-delivery/42')
      .reply(200, fixture('thread-p1.html'), HTML)
      .get('/t/slow-delivery/42')
      .query({ page: '2' })
      .reply(200, fixture('thread-p2.html'), HTML)
      .get('/t/slow-delivery/42')
      .query({ page: '3' })
      .reply(200, fixture('thread-p3.html'), HTML);
    const one = await run(threadConfig()).result;
    expect(first.isDone()).toBe(true);
    expect(one.items.map((i) => i.externalId)).toEqual([1, 2, 3, 4, 5].map((n) => `${THREAD}/${n}`));
    expect(one.cursor).toEqual({ lastSeenId: `${THREAD}/5`, resumeUrl: `${THREAD}?page=3`, startUrl: THREAD });

    const second = nock(FORUM).get('/t/slow-delivery/42').query({ page: '3' }).reply(200, fixture('thread-p3-later.html'), HTML);
    const two = await run(threadConfig(), one.cursor).result;
    expect(second.isDone()).toBe(true);
    expect(two.items.map((i) => [i.author, i.text])).toEqual([
      ['kettle_support', "Sorry Fiona, we've sent a replacement by express."],
      ['fionaR', 'Replacement came next day. Thanks.'],
    ]);
    expect(two.cursor).toEqual({ lastSeenId: `${THREAD}/7`, resumeUrl: `${THREAD}?page=3`, startUrl: THREAD });
  });

  it('starts over when the configured url no longer matches the cursor', async () => {
    const scope = nock(FORUM).get('/t/other/7').reply(200, fixture('thread-p3.html'), HTML);
    const stale = { lastSeenId: `${THREAD}/5`, resumeUrl: `${THREAD}?page=3`, startUrl: THREAD };
    const result = await run(threadConfig({ url: `${FORUM}/t/other/7` }), stale).result;
    expect(scope.isDone()).toBe(true);
    expect(result.items).toHaveLength(1);
  });

  it('stops at maxPages and says so', async () => {
    const scope = nock(FORUM)
      .get('/t/slow-delivery/42')
      .reply(200, fixture('thread-p1.html'), HTML)
      .get('/t/slow-delivery/42')
      .query({ page: '2' })
      .reply(200, fixture('thread-p2.html'), HTML);
    const { result, logs } = run(threadConfig({ maxPages: 2 }));
    const { items, cursor } = await result;
    expect(scope.isDone()).toBe(true);
    expect(items).toHaveLength(4);
    expect(cursor).toMatchObject({ lastSeenId: `${THREAD}/4`, resumeUrl: `${THREAD}?page=2` });
    expect(logs).toEqual(['stopped after 2 pages (maxPages); the next run continues from here']);
  });

  it('keeps what page 1 gave when a later page has no items, and says why it stopped', async () => {
    const scope = nock(SHOP)
      .get('/products/kettle-2000/reviews')
      .reply(200, fixture('reviews-p1.html'), HTML)
      .get('/products/kettle-2000/reviews')
      .query({ page: '2' })
      .reply(200, '<html><body><p>No more reviews.</p></body></html>', HTML);
    const { result, logs } = run(reviewsConfig());
    const { items } = await result;
    expect(scope.isDone()).toBe(true);
    expect(items).toHaveLength(3);
    expect(logs[0]).toBe(`stopped at page 2: selector 'li.review' matched nothing on ${REVIEWS}?page=2`);
  });

  it('never fetches the same URL twice when next links loop', async () => {
    const config = html.configSchema.parse({
      url: 'https://loop.example.test/a',
      item: '.post',
      fields: { text: 'p', date: 'time' },
      nextPage: 'a.next',
      maxPages: 10,
    });
    const scope = nock('https://loop.example.test')
      .get('/a')
      .reply(200, '<div class="post"><p>one</p><time>2024-01-02T03:04:05Z</time></div><a class="next" href="b#top">b</a>', HTML)
      .get('/b')
      .reply(200, '<div class="post"><p>two</p><time>2024-01-01T00:00:00Z</time></div><a class="next" href="/a">a</a>', HTML);
    const { result, logs } = run(config);
    const { items } = await result;
    expect(scope.isDone()).toBe(true);
    expect(items.map((i) => i.text)).toEqual(['one', 'two']);
    expect(logs).toEqual([]);
  });

  it('fails with PARSE, not an empty list, when the layout changed', async () => {
    nock(SHOP).get('/products/kettle-2000/reviews').reply(200, fixture('reviews-redesign.html'), HTML);
    const error = await expectConnectorError(run(reviewsConfig()).result);
    expect(error.code).toBe('PARSE');
    expect(error.message).toBe(`selector 'li.review' matched nothing on ${REVIEWS}`);
    expect(error.url).toBe(REVIEWS);
  });

  it('reports a bot wall as BLOCKED, whether it comes as 403 or as a 200 challenge page', async () => {
    const wall = '<html><head><title>Just a moment...</title></head><body><script src="/cdn-cgi/challenge-platform/h/b/orchestrate"></script></body></html>';
    nock('https://walled.example.test').get('/reviews').reply(403, wall, HTML);
    const config = reviewsConfig({ url: 'https://walled.example.test/reviews' });
    const forbidden = await expectConnectorError(run(config).result);
    expect(forbidden.code).toBe('BLOCKED');
    expect(forbidden.status).toBe(403);

    nock('https://walled.example.test').get('/reviews').reply(200, wall, HTML);
    expect((await expectConnectorError(run(config).result)).code).toBe('BLOCKED');
  });

  it('passes 429 and 500 through as RATE_LIMITED and HTTP', async () => {
    nock(SHOP).get('/products/kettle-2000/reviews').times(2).reply(429);
    expect((await expectConnectorError(run(reviewsConfig()).result)).code).toBe('RATE_LIMITED');
    nock(SHOP).get('/products/kettle-2000/reviews').times(2).reply(500);
    expect((await expectConnectorError(run(reviewsConfig()).result)).code).toBe('HTTP');
  });

  it('logs once that dates are missing when no date selector is configured', async () => {
    nock(FORUM).get('/t/slow-delivery/42').reply(200, fixture('thread-p3.html'), HTML);
    const config = html.configSchema.parse({ url: THREAD, item: 'article.post', fields: { text: '.cooked' } });
    const { result, logs } = run(config);
    expect((await result).items[0]?.publishedAt).toBeNull();
    expect(logs).toEqual(['no date selector configured: publishedAt is left empty and the ingest uses the fetch time']);
  });
});

describe('html: config', () => {
  const base = { url: REVIEWS, item: 'li.review', fields: { text: '.review-text' } };

  it('fills defaults and accepts its example', () => {
    expect(html.configSchema.parse(base)).toEqual({ ...base, maxPages: 3, order: 'newest-first' });
    expect(html.configSchema.parse(html.example)).toEqual(html.example);
  });

  it.each([
    ['item', { ...base, item: 'li.review[' }, ['item']],
    ['fields.author', { ...base, fields: { text: 'p', author: 'span::before' } }, ['fields', 'author']],
    ['fields.text', { ...base, fields: { text: 'p,' } }, ['fields', 'text']],
    ['nextPage', { ...base, nextPage: 'a:nonsense' }, ['nextPage']],
  ])('rejects an invalid selector in %s, naming the field', (field, config, path) => {
    const result = html.configSchema.safeParse(config);
    expect(result.success).toBe(false);
    const issue = result.error?.issues[0];
    expect(issue?.path).toEqual(path);
    expect(issue?.message).toContain(`${field}: invalid CSS selector`);
  });

  it('rejects inconsistent or out-of-range options', () => {
    const bad = [
      { ...base, maxPages: 21 },
      { ...base, url: 'ftp://example.test/' },
      { ...base, fields: { text: 'p', dateAttr: 'datetime' } },
      { ...base, fields: { text: 'p', rating: '.r', ratingFrom: 'attr' } },
      { ...base, fields: { text: 'p', ratingScale: 10 } },
      { ...base, fields: { text: 'p', rating: '.r', ratingAttr: 'data rating' } },
      { ...base, fields: {} },
      { ...base, order: 'random' },
    ];
    for (const config of bad) expect(html.configSchema.safeParse(config).success, JSON.stringify(config)).toBe(false);
  });
});
