import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import nock from 'nock';
import { parseFeed, rss, type RssConfig } from '../../src/connectors/rss.js';
import { decodeBody } from '../../src/connectors/decode.js';
import { createHttpClient } from '../../src/connectors/http.js';
import { ConnectorError } from '../../src/connectors/errors.js';
import { HAS_SHARED, sharedMissingNote, sharedPath } from '../helpers/shared.js';
import { expectConnectorError, resetNetworkMocks, runConnector } from '../helpers/connector-harness.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/rss/${name}`, import.meta.url));
const shared = (name: string) => readFileSync(sharedPath('fixtures', 'rss', name));
const XML = { 'Content-Type': 'application/atom+xml; charset=utf-8' };

// Kept local: two retries, the default timeout and the connector's own politeness (1 request/s per
// host), which still spaces the retries; only the back-off is small.
const run = (config: Partial<RssConfig> & { url: string }, cursor: unknown = null) =>
  runConnector(rss, config, { cursor, http: createHttpClient({ retries: 2, retryBaseMs: 5 }) });

afterEach(resetNetworkMocks);

describe.skipIf(!HAS_SHARED)(HAS_SHARED ? 'rss: real captured feeds' : sharedMissingNote('rss real feeds'), () => {
  it('reads the Guardian feed: 55 items with ids, links, dates and plain text', () => {
    const feed = parseFeed(decodeBody(shared('guardian.rss')));
    expect(feed.items).toHaveLength(55);
    expect(feed.title).toBe('The Guardian');
    expect(feed.language).toBe('en');
    for (const item of feed.items) {
      expect(item.url).toMatch(/^https:\/\/www\.theguardian\.com\//);
      expect(item.publishedAt).toBeGreaterThan(Date.UTC(2017, 0, 1));
      expect(item.text).not.toMatch(/<\/?[a-z][^>]*>|&[a-z]+;/i);
    }
    expect(new Set(feed.items.map((i) => i.externalId)).size).toBe(55);
  });

  it('reads the reddit feed: 24 items', () => {
    const feed = parseFeed(decodeBody(shared('reddit.rss')));
    expect(feed.items).toHaveLength(24);
    expect(feed.items[0]?.metadata?.categories).toEqual(['funny']);
    expect(feed.items.every((i) => i.text.length > 0 && !i.text.includes('<'))).toBe(true);
  });

  it('decodes the undeclared ISO-8859-1 UOL feed into readable Portuguese', () => {
    const feed = parseFeed(decodeBody(shared('uolNoticias.rss')));
    expect(feed.title).toBe('UOL Noticias');
    expect(feed.items.some((i) => i.title?.includes('Bolsonaro'))).toBe(true);
    const all = feed.items.map((i) => `${i.title} ${i.text}`).join(' ');
    expect(all).toContain('í');
    expect(all).toContain('ã');
    expect(all).not.toContain('\uFFFD');
  });

  it('fetches the UOL feed end to end when the server names no charset', async () => {
    nock('https://rss.uol.example.test').get('/ultnot.xml').reply(200, shared('uolNoticias.rss'), {
      'Content-Type': 'application/rss+xml',
    });
    const result = await run({ url: 'https://rss.uol.example.test/ultnot.xml', language: 'pt' });
    expect(result.items.length).toBeGreaterThan(0);
    expect(result.items[0]?.langHint).toBe('pt');
    expect(result.items[0]?.title).toContain('simulações');
  });
});

// decode.ts exists for feeds; its cases live beside the feeds that need them.
describe('rss: decodeBody', () => {
  const latin1 = Buffer.from('<rss><channel><title>Notícias</title></channel></rss>', 'latin1');

  it('takes the charset from Content-Type', () => {
    expect(decodeBody(latin1, 'application/rss+xml; charset="ISO-8859-1"')).toContain('Notícias');
  });

  it('takes the XML declaration when the header names no charset', () => {
    const declared = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="windows-1252"?>'), latin1]);
    expect(decodeBody(declared, 'text/xml')).toContain('Notícias');
  });

  it('takes an HTML meta charset', () => {
    const page = Buffer.from('<html><head><meta charset="iso-8859-1"></head><body>Ação</body></html>', 'latin1');
    expect(decodeBody(page)).toContain('Ação');
  });

  it('lets a BOM win and drops it', () => {
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<rss>é</rss>')]);
    expect(decodeBody(bom, 'text/xml; charset=iso-8859-1')).toBe('<rss>é</rss>');
  });

  it('falls back to windows-1252 when bytes claimed or assumed UTF-8 are not', () => {
    expect(decodeBody(latin1)).toContain('Notícias');
    expect(decodeBody(latin1, 'text/xml; charset=utf-8')).toContain('Notícias');
    expect(decodeBody(Buffer.from([0x93, 0x68, 0x69, 0x94]))).toBe('\u201chi\u201d');
  });

  it('keeps a declared non-UTF-8 charset even with a stray bad byte', () => {
    const sjis = Buffer.from([0x93, 0xfa, 0x96, 0x7b, 0xff]); // "日本" in Shift_JIS, then junk
    expect(decodeBody(sjis, 'text/xml; charset=shift_jis').startsWith('日本')).toBe(true);
  });

  it('reads valid UTF-8 and ignores an unknown charset label', () => {
    expect(decodeBody(Buffer.from('Ünïcödé ✓'), 'text/plain; charset=x-klingon')).toBe('Ünïcödé ✓');
  });
});

describe('rss: parseFeed', () => {
  it('maps an RSS 2.0 item: guid, relative link, author, categories, date, HTML stripped', () => {
    const feed = parseFeed(decodeBody(fixture('rss2-html.xml')), 'https://blog.example.test/feed.xml');
    expect(feed.items).toHaveLength(3);
    const [first, second, third] = feed.items;
    expect(first).toMatchObject({
      externalId: 'acme-post-42',
      url: 'https://blog.example.test/posts/price-change',
      author: 'Acme Team',
      title: 'Price change & what it means',
      text: 'From April, plans cost more. Questions? Ask us & we’ll answer.',
      publishedAt: Date.UTC(2024, 2, 5, 14, 30),
      langHint: 'en',
      metadata: { feedTitle: 'Acme Blog', categories: ['Pricing', 'Announcements'] },
    });
    // No guid: the link is the id; no description: the title is the text.
    expect(second).toMatchObject({ externalId: 'https://blog.example.test/posts/short', text: 'No description here' });
    // Neither guid nor link: a stable hash of title and date.
    expect(third?.externalId).toMatch(/^sha1:[0-9a-f]{40}$/);
    expect(parseFeed(decodeBody(fixture('rss2-html.xml'))).items[2]?.externalId).toBe(third?.externalId);
  });

  it('reads an RDF (RSS 1.0) feed with Dublin Core fields', () => {
    const feed = parseFeed(decodeBody(fixture('rdf.xml')));
    expect(feed.language).toBe('de');
    expect(feed.items.map((i) => i.title)).toEqual(['Händler klagen über Lieferzeiten', 'Neue App vorgestellt']);
    expect(feed.items[0]).toMatchObject({
      author: 'Jana Müller',
      text: 'Viele Kunden warten länger als eine Woche & beschweren sich.',
      publishedAt: Date.UTC(2024, 2, 2, 7, 15),
    });
  });

  it('finds the next page of a paged Atom feed, resolved against the page URL', () => {
    const feed = parseFeed(decodeBody(fixture('atom-page1.xml')), 'https://forum.example.test/feed.atom');
    expect(feed.next).toBe('https://forum.example.test/feed.atom?page=2');
    expect(feed.items[0]).toMatchObject({
      externalId: 'urn:example:post:5',
      author: 'maria',
      text: 'Since the update the checkout button does nothing.',
      publishedAt: Date.UTC(2024, 4, 5, 9, 30),
    });
    expect(feed.items[1]?.text).toBe('Dark mode is great, easy on the eyes.');
    expect(parseFeed(decodeBody(fixture('atom-page3.xml'))).next).toBeNull();
  });

  it('treats a feed with no items as a valid empty feed', () => {
    expect(parseFeed(decodeBody(fixture('empty-channel.xml'))).items).toEqual([]);
  });

  it.each([
    ['an HTML page', decodeBody(fixture('html-page.html'))],
    ['garbage', 'Service temporarily unavailable {"error":true}'],
    ['an empty body', '  \n'],
    ['an RSS root without a channel', '<?xml version="1.0"?><rss version="2.0"></rss>'],
    ['truncated XML', decodeBody(fixture('rss2-html.xml')).slice(0, 900)],
    ['XML cut after an item', '<rss version="2.0"><channel><title>T</title><item><title>A</title></item>'],
  ])('rejects %s with PARSE', (_what, text) => {
    let caught: unknown;
    try {
      parseFeed(text);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConnectorError);
    expect((caught as ConnectorError).code).toBe('PARSE');
  });
});

describe('rss: fetch', () => {
  const FORUM = 'https://forum.example.test';

  it('follows rel=next across pages, then stops at already-seen ids on the next run', async () => {
    const first = nock(FORUM)
      .get('/feed.atom')
      .reply(200, fixture('atom-page1.xml'), { ...XML, ETag: '"p1"' })
      .get('/feed.atom')
      .query({ page: '2' })
      .reply(200, fixture('atom-page2.xml'), XML)
      .get('/feed.atom')
      .query({ page: '3' })
      .reply(200, fixture('atom-page3.xml'), XML);
    const one = await run({ url: `${FORUM}/feed.atom` });
    expect(first.isDone()).toBe(true);
    expect(one.items.map((i) => i.externalId)).toEqual([5, 4, 3, 2, 1].map((n) => `urn:example:post:${n}`));
    expect(one.cursor).toEqual({
      etag: '"p1"',
      lastModified: null,
      recentIds: [5, 4, 3, 2, 1].map((n) => `urn:example:post:${n}`),
    });

    // A day later page 1 has one new entry above a seen one: no reason to walk the archive again.
    const second = nock(FORUM)
      .get('/feed.atom')
      .matchHeader('if-none-match', '"p1"')
      .reply(200, fixture('atom-page1-next-day.xml'), { ...XML, ETag: '"p1b"' });
    const two = await run({ url: `${FORUM}/feed.atom` }, one.cursor);
    expect(second.isDone()).toBe(true);
    expect(two.items.map((i) => i.externalId)).toEqual(['urn:example:post:6', 'urn:example:post:5']);
    expect((two.cursor as { recentIds: string[] }).recentIds.slice(0, 3)).toEqual([
      'urn:example:post:6',
      'urn:example:post:5',
      'urn:example:post:4',
    ]);
  });

  it('reads no more than maxPages pages', async () => {
    const scope = nock(FORUM).get('/feed.atom').reply(200, fixture('atom-page1.xml'), XML);
    const result = await run({ url: `${FORUM}/feed.atom`, maxPages: 1 });
    expect(scope.isDone()).toBe(true);
    expect(result.items).toHaveLength(2);
  });

  it('returns nothing and keeps the cursor when the feed answers 304 to the stored etag', async () => {
    const url = 'https://blog.example.test/feed.xml';
    nock('https://blog.example.test')
      .get('/feed.xml')
      .reply(200, fixture('rss2-html.xml'), { 'Content-Type': 'application/rss+xml', ETag: 'W/"abc"' })
      .get('/feed.xml')
      .matchHeader('if-none-match', 'W/"abc"')
      .reply(304);
    const one = await run({ url });
    expect(one.items).toHaveLength(3);
    const two = await run({ url }, one.cursor);
    expect(two.items).toEqual([]);
    expect(two.cursor).toEqual(one.cursor);
  });

  it('reads the RDF feed with the configured language winning over the feed', async () => {
    nock('https://news.example.test').get('/rss').reply(200, fixture('rdf.xml'), { 'Content-Type': 'application/rdf+xml' });
    const result = await run({ url: 'https://news.example.test/rss', language: 'EN' });
    expect(result.items.map((i) => i.langHint)).toEqual(['en', 'en']);
  });

  it('fails with PARSE when the feed URL serves an HTML page', async () => {
    nock('https://blog.example.test').get('/feed').reply(200, fixture('html-page.html'), { 'Content-Type': 'text/html' });
    const error = await expectConnectorError(run({ url: 'https://blog.example.test/feed' }));
    expect(error.code).toBe('PARSE');
    expect(error.url).toBe('https://blog.example.test/feed');
  });

  it('rides out a 429 and reads the feed', async () => {
    nock('https://blog.example.test')
      .get('/feed.xml')
      .reply(429)
      .get('/feed.xml')
      .reply(200, fixture('rss2-html.xml'), { 'Content-Type': 'application/rss+xml' });
    const result = await run({ url: 'https://blog.example.test/feed.xml' });
    expect(result.items).toHaveLength(3);
  });

  it('fails with HTTP, not an empty list, when the server keeps answering 500', async () => {
    const scope = nock('https://blog.example.test').get('/feed.xml').times(3).reply(500);
    const error = await expectConnectorError(run({ url: 'https://blog.example.test/feed.xml' }));
    expect(error.code).toBe('HTTP');
    expect(error.status).toBe(500);
    expect(scope.isDone()).toBe(true);
  });

  it('validates its config', () => {
    expect(rss.configSchema.safeParse({ url: 'ftp://example.test/feed' }).success).toBe(false);
    expect(rss.configSchema.safeParse({ url: 'https://example.test/feed', maxPages: 51 }).success).toBe(false);
    expect(rss.configSchema.safeParse({ url: 'https://example.test/feed', language: 'eng' }).success).toBe(false);
    expect(rss.configSchema.parse({ url: 'https://example.test/feed' })).toEqual({
      url: 'https://example.test/feed',
      maxPages: 5,
    });
    expect(rss.configSchema.parse(rss.example)).toEqual(rss.example);
  });
});
