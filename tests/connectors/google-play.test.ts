import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import nock from 'nock';
import { googlePlay, parseReviewsPage, type GooglePlayConfig } from '../../src/connectors/google-play.js';
import type { HttpClient } from '../../src/connectors/http.js';
import type { FetchResult, Politeness } from '../../src/connectors/types.js';
import { HAS_SHARED, sharedMissingNote, sharedPath } from '../helpers/shared.js';
import {
  expectConnectorError,
  expectParseError,
  FAST_POLITENESS,
  resetNetworkMocks,
  runConnector,
  testHttp,
} from '../helpers/connector-harness.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/google-play/${name}`, import.meta.url), 'utf8');
const SHARED_PAGE = 'batchexecute_UsvDTd_com.google.android.apps.translate_translate-initial.txt';
const PLAY = 'https://play.google.com';
const RPC_PATH = '/_/PlayStoreUi/data/batchexecute';
const TOKEN = 'CsYBIsMBAU60USdEXAMPLETOKENpage2AbCdEf_gh-ij';
const config = (extra: Partial<GooglePlayConfig> = {}): GooglePlayConfig =>
  googlePlay.configSchema.parse({ appId: 'com.example.shop', ...extra });

/** A batchexecute body around a payload, as Play frames it. */
const envelope = (payload: unknown) =>
  `)]}'\n\n${JSON.stringify([['wrb.fr', 'UsvDTd', JSON.stringify(payload), null, null, null, 'generic'], ['di', 42]])}`;

// The connector asks for 1 request / 2 s at Play; the run goes through a client that records the
// request and its budget and lets the test go at full speed. Kept local rather than fastHttp: Play
// only POSTs, and the tests read each request's body and flags, not just its budget.
interface Sent { politeness?: Politeness; idempotent?: boolean; contentType: string; freq: unknown }
function run(cfg: GooglePlayConfig, cursor: unknown = null, sent: Sent[] = []): Promise<FetchResult> {
  const http = testHttp();
  const fast: HttpClient = {
    get: () => Promise.reject(new Error('google-play only POSTs')),
    post: (req) => {
      const freq = JSON.parse(new URLSearchParams(String(req.body)).get('f.req') ?? 'null');
      sent.push({ politeness: req.politeness, idempotent: req.idempotent, contentType: req.contentType, freq });
      return http.post({ ...req, politeness: FAST_POLITENESS });
    },
  };
  return runConnector(googlePlay, cfg, { cursor, http: fast });
}

/** The RPC's own request, the JSON string inside f.req. */
const requestOf = (freq: unknown): string => (freq as string[][][])[0]![0]![1]!;

const parseError = (body: string) => expectParseError(googlePlay, body, config());

afterEach(resetNetworkMocks);

describe.skipIf(!HAS_SHARED)(HAS_SHARED ? 'google-play: real captured response' : sharedMissingNote('google-play real response'), () => {
  const body = () => readFileSync(sharedPath('fixtures', 'google-play', SHARED_PAGE), 'utf8');
  const translate = () => config({ appId: 'com.google.android.apps.translate' });

  it('reads the 150 newest reviews of Google Translate and the next-page token', () => {
    const page = parseReviewsPage(body(), translate());
    const items = page.items!;
    expect(items).toHaveLength(150);
    expect(page.nextToken).toMatch(/^CtgBIs8BAU60USdyhV93/);
    expect(new Set(items.map((i) => i.externalId)).size).toBe(150);
    expect(items[0]).toEqual({
      externalId: '017452fc-0d4b-471d-b406-bcf0f52387a7',
      url: 'https://play.google.com/store/apps/details?id=com.google.android.apps.translate&reviewId=017452fc-0d4b-471d-b406-bcf0f52387a7',
      author: 'Formann Ali',
      title: null,
      text: 'niec',
      publishedAt: Date.parse('2026-07-06T13:55:24.077Z'),
      rating: 5,
      langHint: 'en',
      metadata: { likes: 0, replies: 0 },
    });
    const counts = [1, 2, 3, 4, 5].map((stars) => items.filter((i) => i.rating === stars).length);
    expect(counts).toEqual([34, 15, 16, 8, 77]);
    for (const item of items) {
      expect(item.publishedAt).toBeGreaterThanOrEqual(Date.parse('2026-06-30T00:00:00Z'));
      expect(item.publishedAt).toBeLessThan(Date.parse('2026-07-07T00:00:00Z'));
    }
    expect(items.filter((i) => i.metadata?.appVersion === undefined)).toHaveLength(33);
    expect(items.filter((i) => i.metadata?.reply !== undefined)).toHaveLength(42);
  });

  it('reads the developer reply, version and thumbs-up count', () => {
    const items = googlePlay.parse(body(), translate());
    expect(items.find((i) => i.externalId === '5219798f-004e-4171-8477-de05baae134d')).toMatchObject({
      author: 'Baran Akbar',
      rating: 1,
      text: 'what is wrong with this update? I can no longer manually select lines in the scanning tool',
      publishedAt: 1783321366957,
      metadata: {
        appVersion: '10.24.48.939568180.6-release',
        replies: 1,
        reply: { author: 'Google LLC', publishedAt: 1783387213174 },
      },
    });
    expect(Math.max(...items.map((i) => i.metadata?.likes as number))).toBe(48);
    expect(items[149]?.externalId).toBe('9e7ea7be-3399-43ab-90d7-5287790cee7d');
  });
});

describe('google-play: parser on own fixtures', () => {
  it('reads a first page with its continuation token', () => {
    const page = parseReviewsPage(fixture('page1.txt'), config({ lang: 'en-GB' }));
    expect(page.nextToken).toBe(TOKEN);
    expect(page.items?.map((i) => [i.externalId, i.author, i.rating, i.langHint])).toEqual([
      ['3f1c2a9e-8d41-4b0a-9c55-1e2f3a4b5c6d', 'Dana Whitfield', 1, 'en'],
      ['a7b8c9d0-1e2f-4a3b-8c4d-5e6f7a8b9c0d', 'A Google user', 4, 'en'],
      ['0b1c2d3e-4f5a-4b6c-9d7e-8f9a0b1c2d3e', 'Ravi K', 3, 'en'],
    ]);
    const [first, second, third] = page.items!;
    expect(first?.text).toBe('Crashes every time I open the camera tab since the last update.\nPlease fix!');
    expect(first?.publishedAt).toBe(1767250800125);
    expect(first?.metadata).toEqual({ likes: 12, appVersion: '4.12.0', replies: 0 });
    expect(second?.metadata?.reply).toEqual({
      author: 'Example Apps Inc.',
      text: "Thanks for the kind words! We're glad tracking helps.",
      publishedAt: 1767243600500,
    });
    expect(third?.publishedAt).toBe(1767230000999);
    expect(third?.metadata?.appVersion).toBeUndefined();
  });

  it('reads the chunked form of a last page (no token)', () => {
    const page = parseReviewsPage(fixture('page2-chunked.txt'), config());
    expect(page.items?.map((i) => i.text)).toEqual(['Love the new dark mode ✨', 'Too many notifications.']);
    expect(page.nextToken).toBeNull();
  });

  it('reads Play’s own empty answer as no reviews', () => {
    expect(googlePlay.parse(envelope([]), config())).toEqual([]);
    expect(googlePlay.parse(envelope([[], [null, null]]), config())).toEqual([]);
  });

  it.each([
    ['a changed envelope (reviews under another rpc)', fixture('changed-envelope.txt'), /without a wrb\.fr UsvDTd frame/],
    ['a body without the )]}\' prefix', fixture('page1.txt').slice(4), /no \)\]\}' prefix/],
    ['an HTML page', '<!doctype html><html><body>Sorry…</body></html>', /no \)\]\}' prefix/],
    ['an error frame', `)]}'\n\n[["wrb.fr","UsvDTd",null,null,null,[3],"generic"]]`, /no payload \(error \[3\]\)/],
    ['a payload that is not JSON', `)]}'\n\n[["wrb.fr","UsvDTd","[[[\\"cut",null,null,null,"generic"]]`, /not JSON/],
    ['a payload without a review list', envelope([null, [null, null]]), /no review list/],
    ['a payload that is not a list', envelope({ reviews: [] }), /payload is not a list/],
    ['a review list of the wrong shape', envelope([{ reviews: [] }]), /no review list where expected/],
    ['reviews without ids', envelope([[[null, ['x'], 5, null, 'text', [1767250800, 0]]], [null, null]]), /review 0/],
    ['reviews without dates', envelope([[['id-1', ['x'], 5, null, 'text', '2026-01-01']], [null, null]]), /date/],
  ])('fails with PARSE on %s', (_what, body, message) => {
    const error = parseError(body);
    expect(error.code).toBe('PARSE');
    expect(error.message).toMatch(message);
  });
});

describe('google-play: fetch', () => {
  it('pages with the continuation token and keeps the newest id', async () => {
    const sent: Sent[] = [];
    const scope = nock(PLAY)
      .post(RPC_PATH)
      .query({ rpcids: 'UsvDTd', 'source-path': '/store/apps/details', hl: 'en', gl: 'us', 'soc-app': '121', 'soc-platform': '1', 'soc-device': '1' })
      .reply(200, fixture('page1.txt'), { 'Content-Type': 'application/json; charset=utf-8' })
      .post(RPC_PATH)
      .query(true)
      .reply(200, fixture('page2-chunked.txt'), { 'Content-Type': 'application/json; charset=utf-8' });
    const result = await run(config({ pageSize: 3 }), null, sent);
    expect(scope.isDone()).toBe(true);
    expect(result.items).toHaveLength(5);
    expect(result.items[4]?.externalId).toBe('9c0d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e2f');
    expect(result.cursor).toEqual({ lastSeenId: '3f1c2a9e-8d41-4b0a-9c55-1e2f3a4b5c6d', lastSeenAt: 1767250800125 });
    // The shape the Play Store page sends (and the scrapers that copy it): sort 2 = newest first.
    expect(sent.map((s) => requestOf(s.freq))).toEqual([
      '[null,null,[2,2,[3,null,null],null,[]],["com.example.shop",7]]',
      `[null,null,[2,2,[3,null,"${TOKEN}"],null,[]],["com.example.shop",7]]`,
    ]);
    expect(sent[0]?.freq).toEqual([[['UsvDTd', '[null,null,[2,2,[3,null,null],null,[]],["com.example.shop",7]]', null, 'generic']]]);
    expect(sent[0]).toMatchObject({ politeness: googlePlay.politeness, idempotent: true });
    expect(sent[0]?.contentType).toMatch(/^application\/x-www-form-urlencoded/);
  });

  it('stops at the last seen review on the first page', async () => {
    const scope = nock(PLAY).post(RPC_PATH).query(true).reply(200, fixture('page1.txt'));
    const result = await run(config(), { lastSeenId: 'a7b8c9d0-1e2f-4a3b-8c4d-5e6f7a8b9c0d', lastSeenAt: 1767240000000 });
    expect(scope.isDone()).toBe(true);
    expect(result.items.map((i) => i.author)).toEqual(['Dana Whitfield']);
    expect(result.cursor).toMatchObject({ lastSeenId: '3f1c2a9e-8d41-4b0a-9c55-1e2f3a4b5c6d' });
  });

  it('returns nothing new and keeps the cursor when the newest review was seen', async () => {
    nock(PLAY).post(RPC_PATH).query(true).reply(200, fixture('page1.txt'));
    const cursor = { lastSeenId: '3f1c2a9e-8d41-4b0a-9c55-1e2f3a4b5c6d', lastSeenAt: 1767250800125 };
    expect(await run(config(), cursor)).toEqual({ items: [], cursor });
  });

  it('follows the token to the page holding the last seen review', async () => {
    nock(PLAY).post(RPC_PATH).query(true).reply(200, fixture('page1.txt')).post(RPC_PATH).query(true).reply(200, fixture('page2-chunked.txt'));
    const result = await run(config(), { lastSeenId: '9c0d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e2f' });
    expect(result.items.map((i) => i.author)).toEqual(['Dana Whitfield', 'A Google user', 'Ravi K', 'Lena M.']);
  });

  it('stops at maxPages, and when the token repeats', async () => {
    const one = nock(PLAY).post(RPC_PATH).query(true).reply(200, fixture('page1.txt'));
    expect((await run(config({ maxPages: 1 }))).items).toHaveLength(3);
    expect(one.isDone()).toBe(true);
    const twice = nock(PLAY).post(RPC_PATH).query(true).times(2).reply(200, fixture('page1.txt'));
    expect((await run(config())).items).toHaveLength(3);
    expect(twice.isDone()).toBe(true);
  });

  it('ends paging when a later page has no review list', async () => {
    nock(PLAY).post(RPC_PATH).query(true).reply(200, fixture('page1.txt')).post(RPC_PATH).query(true).reply(200, envelope(null));
    expect((await run(config())).items).toHaveLength(3);
  });

  it('fails with PARSE when the first page has no review list', async () => {
    nock(PLAY).post(RPC_PATH).query(true).reply(200, envelope(null));
    const error = await expectConnectorError(run(config()));
    expect(error.code).toBe('PARSE');
  });

  it('fails with PARSE on a changed envelope', async () => {
    nock(PLAY).post(RPC_PATH).query(true).reply(200, fixture('changed-envelope.txt'));
    const error = await expectConnectorError(run(config()));
    expect(error.code).toBe('PARSE');
    expect(error.message).toMatch(/com\.example\.shop, page 1/);
  });

  it('retries the read-only POST after a 429', async () => {
    nock(PLAY).post(RPC_PATH).query(true).reply(429).post(RPC_PATH).query(true).reply(200, fixture('page2-chunked.txt'));
    expect((await run(config())).items).toHaveLength(2);
  });

  it('fails with RATE_LIMITED, then HTTP, when Play keeps refusing', async () => {
    nock(PLAY).post(RPC_PATH).query(true).times(2).reply(429);
    expect((await expectConnectorError(run(config()))).code).toBe('RATE_LIMITED');
    nock(PLAY).post(RPC_PATH).query(true).times(2).reply(500);
    const error = await expectConnectorError(run(config()));
    expect([error.code, error.status]).toEqual(['HTTP', 500]);
  });
});

describe('google-play: config', () => {
  it('validates and fills defaults', () => {
    expect(googlePlay.configSchema.parse({ appId: 'com.example.app' })).toEqual({
      appId: 'com.example.app',
      lang: 'en',
      country: 'us',
      pageSize: 150,
      maxPages: 5,
    });
    for (const bad of [{ appId: 'example' }, { appId: 'com.example.app', pageSize: 201 }, { appId: 'com.x', lang: 'english' }, { appId: 'com.x', country: 'usa' }]) {
      expect(googlePlay.configSchema.safeParse(bad).success).toBe(false);
    }
    expect(googlePlay.configSchema.parse(googlePlay.example)).toEqual(googlePlay.example);
    expect(googlePlay.name).toBe('google-play');
  });
});
