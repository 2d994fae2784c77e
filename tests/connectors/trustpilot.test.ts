import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import nock from 'nock';
import { parseTrustpilotPage, reviewPageUrl, trustpilot, type TrustpilotConfig } from '../../src/connectors/trustpilot/index.js';
import type { Politeness } from '../../src/connectors/types.js';
import { HAS_SHARED, sharedMissingNote, sharedPath } from '../helpers/shared.js';
import { expectConnectorError, expectParseErrorFrom, fastHttp, resetNetworkMocks, runConnector } from '../helpers/connector-harness.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/trustpilot/${name}`, import.meta.url), 'utf8');
const HTML = { 'Content-Type': 'text/html; charset=utf-8' };
const DOMAIN = 'www.northwindcoffee.example';
const PATH = `/review/${DOMAIN}`;

function config(options: Partial<TrustpilotConfig> = {}): TrustpilotConfig {
  return trustpilot.configSchema.parse({ domain: DOMAIN, ...options });
}

/** The run's promise, not yet awaited, beside the array its log messages go to. */
function run(options: Partial<TrustpilotConfig>, cursor: unknown = null, http = fastHttp()) {
  const logs: string[] = [];
  return { result: runConnector(trustpilot, config(options), { cursor, http, logs }), logs };
}

// Kept local: it parses a page for a given Trustpilot host, not through trustpilot.parse.
const parseError = (body: string) => expectParseErrorFrom(() => parseTrustpilotPage(body, 'www.trustpilot.com'));

afterEach(resetNetworkMocks);

describe.skipIf(!HAS_SHARED)(
  HAS_SHARED ? 'trustpilot: real captured legacy card' : sharedMissingNote('trustpilot real legacy card'),
  () => {
    const card = () => readFileSync(sharedPath('fixtures', 'trustpilot', 'trustpilot_review_card_hubspot_2016.html'), 'utf8');

    it('reads the 2016 HubSpot review card', () => {
      const items = trustpilot.parse(card(), config({ domain: 'www.hubspot.com' }));
      expect(items).toHaveLength(1);
      const [review] = items;
      expect(review).toMatchObject({
        externalId: '570bf3ad0000ff00094f4ac6',
        url: 'https://www.trustpilot.com/reviews/570bf3ad0000ff00094f4ac6',
        author: 'Colin Bovet',
        title: 'Still needs a lot of development',
        rating: 3,
        publishedAt: Date.UTC(2016, 3, 11, 18, 57, 49),
        langHint: 'en',
        metadata: { likes: 0, consumerId: '570bf2f30000ff000a166fb7' },
      });
      expect(review?.text.startsWith("We've been using HubSpot as our CRM for the past year and a half.")).toBe(true);
      expect(review?.text).toContain('- No bulk email - Reports');
      expect(review?.text.endsWith('The Marketing email builder is frequently buggy.')).toBe(true);
      expect(review?.text).not.toMatch(/<br|&#39;|&quot;/);
    });

    it('builds review links on the configured locale host', () => {
      const [review] = trustpilot.parse(card(), config({ domain: 'www.hubspot.com', host: 'uk.trustpilot.com' }));
      expect(review?.url).toBe('https://uk.trustpilot.com/reviews/570bf3ad0000ff00094f4ac6');
    });
  },
);

describe('trustpilot: parse', () => {
  it('reads the reviews of a Next.js page from __NEXT_DATA__, not the featured ones', () => {
    const page = parseTrustpilotPage(fixture('next-page1.html'), 'www.trustpilot.com');
    expect(page.shape).toBe('next-data');
    expect(page.totalPages).toBe(3);
    expect(page.items.map((i) => i.externalId)).toEqual([
      '66ae91c07b3d2e1f4a5b0010',
      '66ad3b52a9c84f0e1d2c0009',
      '66ab0c9e5f1a2b3c4d5e0008',
      '66a8f1d23e4c5b6a7f8e0007',
    ]);
    expect(page.items[0]).toEqual({
      externalId: '66ae91c07b3d2e1f4a5b0010',
      url: 'https://www.trustpilot.com/reviews/66ae91c07b3d2e1f4a5b0010',
      author: "Marcus O'Leary",
      title: 'Grinder broke after a month',
      text: 'The burr grinder stopped turning after five weeks. Support offered a 10% voucher instead of a repair.',
      publishedAt: Date.UTC(2024, 7, 7, 14, 3, 11),
      rating: 2,
      langHint: 'en',
      metadata: {
        country: 'IE',
        likes: 7,
        reply: {
          text: "Hi Marcus, we're sorry about the grinder. We have sent you a prepaid return label so we can replace it.",
          publishedAt: Date.UTC(2024, 7, 8, 9, 20),
        },
        experiencedAt: Date.UTC(2024, 6, 30),
        verified: false,
        consumerId: 'c6ae91c07b3d2e1f4a5b0010',
        consumerReviewCount: 1,
        source: 'Organic',
      },
    });
    expect(page.items[1]).toMatchObject({ author: 'Jana Vogel', rating: 4, langHint: 'de', metadata: { country: 'DE' } });
    expect(page.items[1]?.metadata?.reply).toBeUndefined();
  });

  it('keeps the line breaks of the review text and reads updatedDate', () => {
    const later = parseTrustpilotPage(fixture('next-page1-later.html'), 'www.trustpilot.com');
    expect(later.items[1]?.text).toBe('Smooth, no bitterness, and it arrived in two days.\nWill reorder.');
    expect(later.items[1]?.metadata).toMatchObject({ verified: true, source: 'InvitationApi', consumerReviewCount: 4 });
    const page2 = parseTrustpilotPage(fixture('next-page2.html'), 'www.trustpilot.com');
    expect(page2.items[2]?.metadata?.updatedAt).toBe(Date.UTC(2024, 6, 23, 10));
  });

  it('reads a legacy page of review cards and its rel=next link', () => {
    const page = parseTrustpilotPage(fixture('legacy-page1.html'), 'www.trustpilot.com');
    expect(page.shape).toBe('legacy');
    expect(page.hasNext).toBe(true);
    expect(page.items).toHaveLength(2);
    expect(page.items[0]).toMatchObject({
      externalId: '57a0c1d20000ff000a3b4c01',
      author: 'Grace Holt',
      rating: 5,
      text: 'Third order this year. Roast date is always within the week & the bags reseal properly. Recommended.',
      publishedAt: Date.UTC(2016, 7, 2, 9, 14, 5),
      metadata: { likes: 2 },
    });
    expect(page.items[1]).toMatchObject({ author: 'Mette Jensen', rating: 2, langHint: 'da', title: 'Langsom levering' });
    expect(parseTrustpilotPage(fixture('legacy-page2.html'), 'www.trustpilot.com').hasNext).toBe(false);
  });

  it('reads the review cards of about 2019, dates from their JSON script', () => {
    const page = parseTrustpilotPage(fixture('review-card-2019.html'), 'www.trustpilot.com');
    expect(page.shape).toBe('review-card');
    expect(page.hasNext).toBe(true);
    expect(page.items).toEqual([
      {
        externalId: '5d948d5885c5f40b1c0e7b52',
        url: 'https://www.trustpilot.com/reviews/5d948d5885c5f40b1c0e7b52',
        author: 'Rebecca Stone',
        title: 'Great espresso blend',
        text: 'Rich and chocolatey. Delivery took four days & the box was fine.',
        publishedAt: Date.UTC(2019, 9, 2, 11, 32, 8),
        rating: 4,
        langHint: null,
      },
      expect.objectContaining({ author: 'Tariq Aziz', rating: 1, metadata: { updatedAt: Date.UTC(2019, 9, 3, 8) } }),
    ]);
  });

  it('reads the same JSON saved from /_next/data', () => {
    const html = fixture('next-page2.html');
    const json = html.slice(html.indexOf('{"props"'), html.lastIndexOf('</script>'));
    const pageProps = (JSON.parse(json) as { props: { pageProps: unknown } }).props.pageProps;
    const page = parseTrustpilotPage(JSON.stringify({ pageProps, __N_SSP: true }), 'www.trustpilot.com');
    expect(page.items.map((i) => i.author)).toEqual(['Evelyn Carter', 'Sanne de Vries', 'Kevin Zhao', 'Olivia Brown']);
    expect(page.totalPages).toBe(3);
  });

  it('rejects a Next page without a reviews array', () => {
    const error = parseError(fixture('next-no-reviews.html'));
    expect(error.code).toBe('PARSE');
    expect(error.message).toContain('props.pageProps.reviews');
  });

  it.each([
    ['a page in a new layout', fixture('changed-layout.html')],
    ['a bot challenge page', fixture('challenge-403.html')],
    ['an empty body', ''],
    ['broken JSON in __NEXT_DATA__', '<script id="__NEXT_DATA__" type="application/json">{"props":</script>'],
    ['reviews without ids', '<script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{"reviews":[{"text":"x"}]}}}</script>'],
  ])('rejects %s with PARSE', (_what, body) => {
    expect(parseError(body).code).toBe('PARSE');
  });

  it('accepts the page of a business with no reviews yet as empty', () => {
    const body = '<script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{"reviews":[],"filters":{"pagination":{"currentPage":1,"totalPages":0}}}}}</script>';
    expect(parseTrustpilotPage(body, 'www.trustpilot.com').items).toEqual([]);
  });
});

describe('trustpilot: fetch', () => {
  it('pages by number with languages=all and sort=recency, up to totalPages, asking for 1 request / 5 s', async () => {
    const requested: Politeness[] = [];
    const scope = nock('https://www.trustpilot.com')
      .get(PATH)
      .query({ languages: 'all', sort: 'recency' })
      .reply(200, fixture('next-page1.html'), HTML)
      .get(PATH)
      .query({ languages: 'all', page: '2', sort: 'recency' })
      .reply(200, fixture('next-page2.html'), HTML)
      .get(PATH)
      .query({ languages: 'all', page: '3', sort: 'recency' })
      .reply(200, fixture('next-page3.html'), HTML);
    // maxPages 5 is more than the 3 pages the business has: no request for page 4.
    const { result } = run({ maxPages: 5 }, null, fastHttp(requested));
    const { items, cursor } = await result;
    expect(scope.isDone()).toBe(true);
    expect(items).toHaveLength(10);
    expect(new Set(items.map((i) => i.externalId)).size).toBe(10);
    expect(items.at(-1)?.author).toBe('Diego Alvarez');
    expect(cursor).toEqual({ lastSeenId: '66ae91c07b3d2e1f4a5b0010' });
    expect(requested).toEqual(Array(3).fill(trustpilot.politeness));
    expect(trustpilot.politeness).toEqual({ intervalCap: 1, intervalMs: 5000, concurrency: 1 });
  });

  it('stops at maxPages and says so', async () => {
    const scope = nock('https://www.trustpilot.com')
      .get(PATH)
      .query(true)
      .reply(200, fixture('next-page1.html'), HTML)
      .get(PATH)
      .query((q) => q.page === '2')
      .reply(200, fixture('next-page2.html'), HTML);
    const { result, logs } = run({ maxPages: 2 });
    expect((await result).items).toHaveLength(8);
    expect(scope.isDone()).toBe(true);
    expect(logs).toEqual(['stopped after 2 pages (maxPages); older reviews are left unread']);
  });

  it('on the next run stops at the page holding lastSeenId and returns only newer reviews', async () => {
    const scope = nock('https://www.trustpilot.com')
      .get(PATH)
      .query({ languages: 'all', sort: 'recency' })
      .reply(200, fixture('next-page1-later.html'), HTML);
    const { result } = run({ maxPages: 3 }, { lastSeenId: '66ae91c07b3d2e1f4a5b0010' });
    const { items, cursor } = await result;
    expect(scope.isDone()).toBe(true);
    expect(items.map((i) => i.title)).toEqual(['Order never arrived', 'Best decaf I have found']);
    expect(cursor).toEqual({ lastSeenId: '66b2a7d4e1f0c3a9b8d70012' });
  });

  it('uses the configured locale host and language filter', async () => {
    const scope = nock('https://nl.trustpilot.com')
      .get(PATH)
      .query({ languages: 'nl', sort: 'recency' })
      .reply(200, fixture('next-page3.html'), HTML);
    const { result } = run({ host: 'nl.trustpilot.com', languages: 'nl', maxPages: 1 });
    const { items } = await result;
    expect(scope.isDone()).toBe(true);
    expect(items[0]?.url).toBe('https://nl.trustpilot.com/reviews/6698d0c1b2a3f4e5d6c70002');
  });

  it('follows legacy pages while they link a next page', async () => {
    const scope = nock('https://uk.trustpilot.com')
      .get(PATH)
      .query(true)
      .reply(200, fixture('legacy-page1.html'), HTML)
      .get(PATH)
      .query((q) => q.page === '2')
      .reply(200, fixture('legacy-page2.html'), HTML);
    const { result } = run({ host: 'uk.trustpilot.com', maxPages: 5 });
    const { items } = await result;
    expect(scope.isDone()).toBe(true);
    expect(items.map((i) => i.author)).toEqual(['Grace Holt', 'Mette Jensen', 'Sam Porter']);
    expect(items[0]?.url).toBe('https://uk.trustpilot.com/reviews/57a0c1d20000ff000a3b4c01');
  });

  it('fails with PARSE, not an empty list, when the layout changed', async () => {
    nock('https://de.trustpilot.com').get(PATH).query(true).reply(200, fixture('changed-layout.html'), HTML);
    const error = await expectConnectorError(run({ host: 'de.trustpilot.com' }).result);
    expect(error.code).toBe('PARSE');
    expect(error.url).toBe(reviewPageUrl(config({ host: 'de.trustpilot.com' }), 1));
  });

  it('fails with PARSE when the Next page has no reviews array', async () => {
    nock('https://fr.trustpilot.com').get(PATH).query(true).reply(200, fixture('next-no-reviews.html'), HTML);
    expect((await expectConnectorError(run({ host: 'fr.trustpilot.com' }).result)).code).toBe('PARSE');
  });

  it('reports a 403 from a bot wall as BLOCKED, not AUTH', async () => {
    nock('https://www.trustpilot.com')
      .get(PATH)
      .query(true)
      .reply(403, fixture('challenge-403.html'), { ...HTML, 'cf-mitigated': 'challenge', server: 'cloudflare' });
    const error = await expectConnectorError(run({}).result);
    expect(error.code).toBe('BLOCKED');
    expect(error.status).toBe(403);
    expect(error.message).toContain('cf-mitigated: challenge');
  });

  it('reports a challenge page served with 200 as BLOCKED, not PARSE', async () => {
    nock('https://www.trustpilot.com').get(PATH).query(true).reply(200, fixture('challenge-403.html'), HTML);
    const error = await expectConnectorError(run({}).result);
    expect(error.code).toBe('BLOCKED');
    expect(error.message).toContain('Cloudflare challenge');
  });

  it('leaves a bare 403 without bot-wall signs as AUTH', async () => {
    nock('https://www.trustpilot.com').get(PATH).query(true).reply(403, 'Forbidden', { 'Content-Type': 'text/plain' });
    expect((await expectConnectorError(run({}).result)).code).toBe('AUTH');
  });

  it('fails with RATE_LIMITED on repeated 429 and HTTP on repeated 500', async () => {
    nock('https://www.trustpilot.com').get(PATH).query(true).times(2).reply(429);
    expect((await expectConnectorError(run({}).result)).code).toBe('RATE_LIMITED');
    nock('https://www.trustpilot.com').get(PATH).query(true).times(2).reply(500);
    const error = await expectConnectorError(run({}).result);
    expect(error.code).toBe('HTTP');
    expect(error.status).toBe(500);
  });
});

describe('trustpilot: config', () => {
  it('validates and fills defaults', () => {
    expect(config()).toEqual({ domain: DOMAIN, host: 'www.trustpilot.com', languages: 'all', maxPages: 3 });
    expect(trustpilot.configSchema.parse(trustpilot.example)).toEqual(trustpilot.example);
    expect(trustpilot.configSchema.safeParse({ domain: 'https://www.trustpilot.com/review/x.com' }).success).toBe(false);
    expect(trustpilot.configSchema.safeParse({ domain: DOMAIN, host: 'www.example.com' }).success).toBe(false);
    expect(trustpilot.configSchema.safeParse({ domain: DOMAIN, maxPages: 21 }).success).toBe(false);
    expect(trustpilot.configSchema.safeParse({ domain: DOMAIN, languages: 'english' }).success).toBe(false);
    expect(trustpilot.configSchema.parse({ domain: 'WWW.HubSpot.com', host: 'UK.trustpilot.com' })).toMatchObject({
      domain: 'www.hubspot.com',
      host: 'uk.trustpilot.com',
    });
  });

  it('builds the review page URL', () => {
    expect(reviewPageUrl(config(), 1)).toBe(`https://www.trustpilot.com${PATH}?languages=all&sort=recency`);
    expect(reviewPageUrl(config({ host: 'uk.trustpilot.com' }), 4)).toBe(
      `https://uk.trustpilot.com${PATH}?languages=all&page=4&sort=recency`,
    );
  });
});
