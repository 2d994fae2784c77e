import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import nock from 'nock';
import { appstore, parseReviewsPage, type AppStoreConfig } from '../../src/connectors/appstore.js';
import { ConnectorError } from '../../src/connectors/errors.js';
import type { Politeness } from '../../src/connectors/types.js';
import { HAS_SHARED, sharedMissingNote, sharedPath } from '../helpers/shared.js';
import { expectConnectorError, fastHttp, resetNetworkMocks, runConnector } from '../helpers/connector-harness.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/appstore/${name}`, import.meta.url), 'utf8');
const shared = (name: string) => readFileSync(sharedPath('fixtures', 'appstore', name), 'utf8');
const JP = 'customerreviews_jp_id1404176564_mostRecent_page1';
const APPLE = 'https://itunes.apple.com';
const XML = { 'Content-Type': 'text/xml; charset=UTF-8' };
const path = (page: number, format = 'xml') => `/gb/rss/customerreviews/page=${page}/id=123456789/sortby=mostrecent/${format}`;
const config = (extra: Partial<AppStoreConfig> = {}): AppStoreConfig =>
  appstore.configSchema.parse({ appId: '123456789', country: 'gb', ...extra });

// The connector asks for 1 request / 3 s at Apple; fastHttp records that and lets the test go at full speed.
const run = (cfg: AppStoreConfig, cursor: unknown = null, budgets: Politeness[] = []) =>
  runConnector(appstore, cfg, { cursor, http: fastHttp(budgets) });

afterEach(resetNetworkMocks);

describe.skipIf(!HAS_SHARED)(HAS_SHARED ? 'appstore: real captured feeds' : sharedMissingNote('appstore real feeds'), () => {
  it('reads the XML feed: 50 dated reviews, the plain-text content, no language guessed from the country', () => {
    const page = parseReviewsPage(shared(`${JP}.xml`), config({ country: 'us' }));
    expect(page.items).toHaveLength(50);
    expect(page.lastPage).toBe(8);
    expect(new Set(page.items.map((i) => i.externalId)).size).toBe(50);
    const first = page.items[0]!;
    expect(first).toMatchObject({
      externalId: '6310006838',
      author: '単刀直入にさきいか',
      title: '髪型追加してもらいたい',
      rating: 5,
      publishedAt: Date.parse('2020-08-12T04:06:20-07:00'),
      url: 'https://itunes.apple.com/jp/review?id=1404176564&type=Purple%20Software',
      metadata: { country: 'jp', appVersion: '3.5.0', voteSum: 0, voteCount: 0 },
    });
    expect(first.text).toBe('いろんな髪型追加して欲しい\n片方ツインテールとかさまざまな髪型追加してほしいです\nゲーム機能ついているのはいいと思う');
    expect(first.langHint).toBeUndefined();
    const last = page.items[49]!;
    expect(last).toMatchObject({ externalId: '6180524864', author: 'オボロニウム', title: '開けない', rating: 1 });
    expect(last.publishedAt).toBe(Date.parse('2020-07-10T03:52:38-07:00'));
    for (const item of page.items) {
      expect(item.rating).toBeGreaterThanOrEqual(1);
      expect(item.text).not.toMatch(/<\/?(table|font|td)/i);
      expect(item.metadata?.dateSource).toBeUndefined();
    }
  });

  it('reads the JSON feed: 50 reviews without dates, said so in metadata', () => {
    const items = appstore.parse(shared(`${JP}.json`), config());
    expect(items).toHaveLength(50);
    expect(items[0]).toMatchObject({
      externalId: '6290024630',
      author: 'ヤミ。',
      title: '神アプリ',
      rating: 4,
      publishedAt: null,
      metadata: { country: 'jp', appVersion: '3.4.3', dateSource: 'fetch-time' },
    });
    expect(items[49]?.externalId).toBe('6123449936');
    expect(items.find((i) => i.metadata?.voteCount === 9)).toBeDefined();
  });

  it('reads a review the same way from both forms', () => {
    const xml = new Map(appstore.parse(shared(`${JP}.xml`), config()).map((i) => [i.externalId, i]));
    const json = appstore.parse(shared(`${JP}.json`), config());
    const both = json.filter((i) => xml.has(i.externalId));
    expect(both).toHaveLength(39);
    for (const item of both) {
      const twin = xml.get(item.externalId)!;
      expect([item.title, item.text, item.author, item.rating]).toEqual([twin.title, twin.text, twin.author, twin.rating]);
    }
  });
});

describe('appstore: parser on own fixtures', () => {
  it('skips the app entry and decodes entities in the text form', () => {
    const items = appstore.parse(fixture('page1.xml'), config());
    expect(items.map((i) => i.externalId)).toEqual(['11000000006', '11000000005', '11000000004']);
    expect(items[0]).toMatchObject({
      title: 'Checkout keeps failing',
      text: 'Payment fails at the last step.\nTried twice & gave up.',
      author: 'sam_r',
      rating: 1,
      publishedAt: Date.parse('2026-01-05T15:12:40Z'),
      metadata: { country: 'gb', appVersion: '5.2.0', voteSum: 2, voteCount: 3, authorUrl: 'https://itunes.apple.com/gb/reviews/id9001' },
    });
    expect(items[1]?.text).toBe('Fast delivery, great prices <3');
  });

  it('reads the JSON form, skipping the app entry, and takes a per-review date when the feed has one', () => {
    const items = appstore.parse(fixture('page1.json'), config());
    expect(items.map((i) => [i.externalId, i.rating, i.publishedAt])).toEqual([
      ['11000000006', 1, null],
      ['11000000005', 5, null],
    ]);
    const doc = JSON.parse(fixture('page1.json'));
    doc.feed.entry[1].updated = { label: '2026-01-05T08:12:40-07:00' };
    doc.feed.entry = doc.feed.entry[1]; // one entry comes as an object, not a list
    const [dated] = appstore.parse(JSON.stringify(doc), config());
    expect(dated?.publishedAt).toBe(Date.parse('2026-01-05T15:12:40Z'));
    expect(dated?.metadata?.dateSource).toBeUndefined();
  });

  it('reads a feed without entries as no reviews', () => {
    expect(appstore.parse(fixture('empty.xml'), config())).toEqual([]);
    const doc = JSON.parse(fixture('page1.json'));
    delete doc.feed.entry;
    expect(appstore.parse(JSON.stringify(doc), config())).toEqual([]);
  });

  it.each([
    ['entries without ratings', fixture('changed-layout.xml'), /none reads as a review/],
    ['an HTML page', '<!DOCTYPE html><html><body><h1>Not Found</h1></body></html>', /not a whole Atom feed/],
    ['a cut-off download', fixture('page1.xml').slice(0, 3000), /not a whole Atom feed/],
    ['XML that is not Atom', '<?xml version="1.0"?><rss><channel></channel></rss>', /closing <\/feed>/],
    ['JSON without a feed', '{"errorMessage":"Invalid value(s) for key(s): [id]"}', /without the feed object/],
    ['cut-off JSON', fixture('page1.json').slice(0, 500), /unreadable JSON/],
    ['plain text', 'Service Unavailable', /neither an XML nor a JSON/],
  ])('fails with PARSE on %s', (_what, body, message) => {
    let error: unknown;
    try {
      appstore.parse(body, config());
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConnectorError);
    expect((error as ConnectorError).code).toBe('PARSE');
    expect((error as ConnectorError).message).toMatch(message);
  });
});

describe('appstore: fetch', () => {
  it('reads pages newest first within maxPages, at its own politeness, and keeps the newest id', async () => {
    const budgets: Politeness[] = [];
    const scope = nock(APPLE).get(path(1)).reply(200, fixture('page1.xml'), XML).get(path(2)).reply(200, fixture('page2.xml'), XML);
    const result = await run(config({ maxPages: 2 }), null, budgets);
    expect(scope.isDone()).toBe(true);
    expect(result.items.map((i) => i.externalId)).toEqual(['6', '5', '4', '3', '2', '1'].map((n) => `1100000000${n}`));
    expect(result.cursor).toEqual({ lastSeenId: '11000000006', lastSeenAt: Date.parse('2026-01-05T15:12:40Z') });
    expect(budgets).toEqual([appstore.politeness, appstore.politeness]);
  });

  it('stops at an empty page', async () => {
    const scope = nock(APPLE)
      .get(path(1)).reply(200, fixture('page1.xml'), XML)
      .get(path(2)).reply(200, fixture('page2.xml'), XML)
      .get(path(3)).reply(200, fixture('empty.xml'), XML);
    const result = await run(config());
    expect(scope.isDone()).toBe(true);
    expect(result.items).toHaveLength(6);
  });

  it('stops at the page holding the last seen review and returns only the newer ones', async () => {
    const scope = nock(APPLE).get(path(1)).reply(200, fixture('page1.xml'), XML).get(path(2)).reply(200, fixture('page2.xml'), XML);
    const result = await run(config(), { lastSeenId: '11000000002', lastSeenAt: Date.parse('2026-01-02T14:00:00Z') });
    expect(scope.isDone()).toBe(true); // page 3 is never asked for
    expect(result.items.map((i) => i.externalId)).toEqual(['11000000006', '11000000005', '11000000004', '11000000003']);
    expect(result.cursor).toMatchObject({ lastSeenId: '11000000006' });
  });

  it('reads one page and nothing new on a second run', async () => {
    nock(APPLE).get(path(1)).reply(200, fixture('page1.xml'), XML);
    const cursor = { lastSeenId: '11000000006', lastSeenAt: Date.parse('2026-01-05T15:12:40Z') };
    const result = await run(config(), cursor);
    expect(result.items).toEqual([]);
    expect(result.cursor).toEqual(cursor);
  });

  it('stops at the first older review when the last seen one was deleted', async () => {
    nock(APPLE).get(path(1)).reply(200, fixture('page1.xml'), XML);
    const result = await run(config(), { lastSeenId: '10999999999', lastSeenAt: Date.parse('2026-01-04T19:00:00Z') });
    expect(result.items.map((i) => i.externalId)).toEqual(['11000000006', '11000000005']);
  });

  it('reads past the last seen review when it was edited and moved up', async () => {
    nock(APPLE).get(path(1)).reply(200, fixture('page1.xml'), XML).get(path(2)).reply(200, fixture('page2.xml'), XML);
    const result = await run(config(), { lastSeenId: '11000000006', lastSeenAt: Date.parse('2026-01-04T07:00:00Z') });
    expect(result.items.map((i) => i.externalId)).toEqual(['11000000006', '11000000005', '11000000004']);
  });

  it('asks for the JSON form when configured', async () => {
    nock(APPLE).get(path(1, 'json')).reply(200, fixture('page1.json'), { 'Content-Type': 'application/json' });
    const result = await run(config({ format: 'json', maxPages: 1 }));
    expect(result.items.map((i) => i.metadata?.dateSource)).toEqual(['fetch-time', 'fetch-time']);
  });

  it('returns no items and keeps the cursor for an app without reviews', async () => {
    nock(APPLE).get(path(1)).reply(200, fixture('empty.xml'), XML);
    const result = await run(config());
    expect(result).toEqual({ items: [], cursor: null });
  });

  it('fails with PARSE naming the page when the layout changed', async () => {
    nock(APPLE).get(path(1)).reply(200, fixture('page1.xml'), XML).get(path(2)).reply(200, fixture('changed-layout.xml'), XML);
    const error = await expectConnectorError(run(config()));
    expect(error.code).toBe('PARSE');
    expect(error.message).toMatch(/page 2/);
  });

  it('fails with RATE_LIMITED when Apple keeps answering 429', async () => {
    const scope = nock(APPLE).get(path(1)).times(2).reply(429);
    const error = await expectConnectorError(run(config()));
    expect(error.code).toBe('RATE_LIMITED');
    expect(scope.isDone()).toBe(true);
  });

  it('fails with HTTP, not an empty list, on a 500', async () => {
    nock(APPLE).get(path(1)).times(2).reply(500);
    const error = await expectConnectorError(run(config()));
    expect(error.code).toBe('HTTP');
    expect(error.status).toBe(500);
  });
});

describe('appstore: config', () => {
  it('validates and fills defaults', () => {
    expect(appstore.configSchema.parse({ appId: 284882215 })).toEqual({ appId: '284882215', country: 'us', format: 'xml', maxPages: 10 });
    expect(appstore.configSchema.parse({ appId: '1', country: 'GB' }).country).toBe('gb');
    for (const bad of [{ appId: 'id284882215' }, { appId: '1', country: 'usa' }, { appId: '1', maxPages: 11 }, { appId: '1', format: 'csv' }]) {
      expect(appstore.configSchema.safeParse(bad).success).toBe(false);
    }
    expect(appstore.configSchema.parse(appstore.example)).toEqual(appstore.example);
    expect(appstore.name).toBe('appstore');
  });
});
