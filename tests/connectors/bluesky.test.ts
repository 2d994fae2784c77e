import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import nock from 'nock';
import { bluesky, parseSearchPage, type BlueskyConfig } from '../../src/connectors/bluesky/index.js';
import { HAS_SHARED, sharedMissingNote, sharedPath } from '../helpers/shared.js';
import { expectConnectorError, resetNetworkMocks, runConnectorWithLogs, testHttp } from '../helpers/connector-harness.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/bluesky/${name}`, import.meta.url), 'utf8');
const SHARED_FILE = 'app.bsky.feed.searchPosts_q-redistricting_2023-12-13.json';
const JSON_TYPE = { 'Content-Type': 'application/json; charset=utf-8' };
const SEARCH = '/xrpc/app.bsky.feed.searchPosts';

// The unwrapped client: these runs have always gone at the connector's own budget, not a fast one.
const run = (config: Partial<BlueskyConfig>, cursor: unknown = null) =>
  runConnectorWithLogs(bluesky, { query: 'acme', ...config }, { cursor, http: testHttp() });

afterEach(resetNetworkMocks);

describe.skipIf(!HAS_SHARED)(HAS_SHARED ? 'bluesky: real searchPosts response' : sharedMissingNote('bluesky real response'), () => {
  const page = () => parseSearchPage(readFileSync(sharedPath('fixtures', 'bluesky', SHARED_FILE), 'utf8'));

  it('reads all 23 posts and the next cursor', () => {
    const { items, next } = page();
    expect(items).toHaveLength(23);
    expect(next).toBe('25');
    expect(new Set(items.map((i) => i.externalId)).size).toBe(23);
    for (const item of items) {
      expect(item.externalId).toMatch(/^at:\/\/did:plc:[a-z0-9]+\/app\.bsky\.feed\.post\/[a-z0-9]+$/);
      expect(item.url).toMatch(/^https:\/\/bsky\.app\/profile\/[^/]+\/post\/[a-z0-9]+$/);
      expect(item.publishedAt).toBeGreaterThan(Date.UTC(2023, 11, 13));
      expect(item.text.length).toBeGreaterThan(0);
    }
  });

  it('maps a reply: uri, bsky.app url, handle, text, date, language, counts, parent', () => {
    expect(page().items[0]).toEqual({
      externalId: 'at://did:plc:xrs7uicyfcp5qbnhnqy7kucb/app.bsky.feed.post/3kghpycppiw2n',
      url: 'https://bsky.app/profile/planetcarnival.bsky.social/post/3kghpycppiw2n',
      author: 'planetcarnival.bsky.social',
      title: null,
      text: 'I was upset last year when redistricting meant he was no longer my representative.\n\n(Athough, TBH, the district was pretty Gerrymandered...or Jerrymandered, as it were).',
      publishedAt: Date.UTC(2023, 11, 14, 0, 37, 20, 615),
      langHint: 'en',
      metadata: {
        likes: 1,
        reposts: 0,
        replies: 0,
        replyTo: 'at://did:plc:4ypydtsxlmkfyoyoxb26o4wd/app.bsky.feed.post/3kghpqjiodr2t',
        authorDid: 'did:plc:xrs7uicyfcp5qbnhnqy7kucb',
        indexedAt: '2023-12-14T00:37:20.615Z',
        displayName: 'PlanetCarnival',
      },
    });
  });

  it('keeps counts, a missing language and a trimmed display name as the response has them', () => {
    const { items } = page();
    const takei = items.find((i) => i.author === 'georgetakei.bsky.social');
    expect(takei?.metadata).toMatchObject({ likes: 130, reposts: 19, replies: 3, displayName: 'George Takei' });
    expect(takei?.metadata?.replyTo).toBeUndefined();
    const progressive = items.find((i) => i.author === 'progressivepower.bsky.social');
    expect(progressive?.langHint).toBeNull();
    expect(progressive?.publishedAt).toBe(Date.UTC(2023, 11, 13, 20, 37, 3));
    expect(progressive?.metadata?.displayName).toBe('Progressive Power');
    expect(items.filter((i) => i.metadata?.replyTo)).toHaveLength(6);
    expect(items[1]?.metadata?.links).toEqual([
      'https://missionlocal.org/2023/12/redistricting-reform-elections-commission-report-supervisors/',
    ]);
    expect(items.flatMap((i) => (i.metadata?.tags as string[] | undefined) ?? [])).toEqual([
      'KITM',
      'SanFranciscoPolitics',
      'SFPol',
      'SanFrancisco',
    ]);
  });
});

describe('bluesky: parseSearchPage', () => {
  it('falls back to the DID for an invalid handle and keeps every tagged language', () => {
    const { items, next } = parseSearchPage(fixture('search-page1.json'));
    expect(next).toBe('100');
    expect(items[1]).toMatchObject({ author: 'joao.example.com', langHint: 'pt', metadata: { langs: ['pt-BR', 'en'] } });
    expect(items[2]?.url).toBe('https://bsky.app/profile/did:plc:user003/post/3kpost0003');
    expect(items[2]?.metadata?.displayName).toBeUndefined();
  });

  it('treats the API\'s empty result as empty, not broken', () => {
    expect(parseSearchPage(fixture('search-empty.json'))).toEqual({ items: [], next: null });
  });

  it.each([
    ['a changed layout', fixture('search-changed-layout.json')],
    ['an HTML error page', '<html><body>Bad gateway</body></html>'],
    ['posts without uri or record', '{"posts":[{"cid":"x"},{"uri":"at://a/b/c"}]}'],
  ])('rejects %s with PARSE', (_what, body) => {
    expect(() => parseSearchPage(body)).toThrow(expect.objectContaining({ code: 'PARSE' }));
  });
});

describe('bluesky: fetch', () => {
  it('pages by cursor, then stops at posts already seen on the next run', async () => {
    const host = 'https://appview-paging.example.test';
    const first = nock(host)
      .get(SEARCH)
      .query({ q: 'acme', limit: '100', sort: 'latest' })
      .reply(200, fixture('search-page1.json'), JSON_TYPE)
      .get(SEARCH)
      .query({ q: 'acme', limit: '100', sort: 'latest', cursor: '100' })
      .reply(200, fixture('search-page2.json'), JSON_TYPE);
    const one = await run({ service: 'appview-paging.example.test' });
    expect(first.isDone()).toBe(true);
    expect(one.items.map((i) => i.externalId.slice(-4))).toEqual(['0005', '0004', '0003', '0002', '0001']);
    expect(one.cursor).toMatchObject({ newestSortAt: Date.UTC(2024, 4, 5, 9, 30) });

    // One new post above the ones seen: page 2 is not asked for again.
    const second = nock(host)
      .get(SEARCH)
      .query({ q: 'acme', limit: '100', sort: 'latest' })
      .reply(200, fixture('search-page1-next-day.json'), JSON_TYPE);
    const two = await run({ service: 'appview-paging.example.test' }, one.cursor);
    expect(second.isDone()).toBe(true);
    expect(two.items.map((i) => i.text)).toEqual(['Acme fixed the checkout, thanks!']);
    expect(two.cursor).toMatchObject({ newestSortAt: Date.UTC(2024, 4, 6, 10) });
    expect((two.cursor as { recentUris: string[] }).recentUris).toHaveLength(6);
  });

  it('reads no more than maxPages pages and says so', async () => {
    const host = 'https://appview-max.example.test';
    const scope = nock(host).get(SEARCH).query(true).reply(200, fixture('search-page1.json'), JSON_TYPE);
    const result = await run({ service: 'appview-max.example.test', maxPages: 1, language: 'en' });
    expect(scope.isDone()).toBe(true);
    expect(result.items).toHaveLength(3);
    expect(result.logs.join('\n')).toContain('maxPages');
  });

  it('logs in with an app password from the environment and sends the access token', async () => {
    vi.stubEnv('BSKY_TEST_HANDLE', 'me.bsky.social');
    vi.stubEnv('BSKY_TEST_PASSWORD', 'abcd-efgh-ijkl-mnop');
    const scope = nock('https://pds-login.example.test')
      .post('/xrpc/com.atproto.server.createSession', { identifier: 'me.bsky.social', password: 'abcd-efgh-ijkl-mnop' })
      .reply(200, fixture('session.json'), JSON_TYPE)
      .get(SEARCH)
      .query(true)
      .matchHeader('authorization', 'Bearer eyJ.access.jwt')
      .reply(200, fixture('search-page2.json'), JSON_TYPE);
    const result = await run({
      service: 'pds-login.example.test',
      identifierEnv: 'BSKY_TEST_HANDLE',
      passwordEnv: 'BSKY_TEST_PASSWORD',
    });
    expect(scope.isDone()).toBe(true);
    expect(result.items).toHaveLength(2);
    const kept = JSON.stringify([result.cursor, result.items, result.logs]);
    expect(kept).not.toContain('abcd-efgh');
    expect(kept).not.toContain('eyJ.access');
  });

  it('logs in at bsky.social when no service is given', async () => {
    vi.stubEnv('BSKY_TEST_HANDLE', 'me.bsky.social');
    vi.stubEnv('BSKY_TEST_PASSWORD', 'pw');
    const scope = nock('https://bsky.social')
      .post('/xrpc/com.atproto.server.createSession')
      .reply(200, fixture('session.json'), JSON_TYPE)
      .get(SEARCH)
      .query(true)
      .reply(200, fixture('search-empty.json'), JSON_TYPE);
    const result = await run({ identifierEnv: 'BSKY_TEST_HANDLE', passwordEnv: 'BSKY_TEST_PASSWORD' });
    expect(scope.isDone()).toBe(true);
    expect(result.items).toEqual([]);
  });

  it('fails with CONFIG naming the variable when the password is not set', async () => {
    vi.stubEnv('BSKY_TEST_HANDLE', 'me.bsky.social');
    vi.stubEnv('BSKY_TEST_MISSING', '');
    const error = await expectConnectorError(
      run({ service: 'pds-noenv.example.test', identifierEnv: 'BSKY_TEST_HANDLE', passwordEnv: 'BSKY_TEST_MISSING' }),
    );
    expect(error.code).toBe('CONFIG');
    expect(error.message).toContain('BSKY_TEST_MISSING');
  });

  it('fails with AUTH naming the variables, not the secret, when the login is refused', async () => {
    vi.stubEnv('BSKY_TEST_HANDLE', 'me.bsky.social');
    vi.stubEnv('BSKY_TEST_PASSWORD', 'wrong-secret');
    nock('https://pds-refused.example.test')
      .post('/xrpc/com.atproto.server.createSession')
      .reply(401, { error: 'AuthenticationRequired', message: 'Invalid identifier or password' });
    const error = await expectConnectorError(
      run({ service: 'pds-refused.example.test', identifierEnv: 'BSKY_TEST_HANDLE', passwordEnv: 'BSKY_TEST_PASSWORD' }),
    );
    expect(error.code).toBe('AUTH');
    expect(error.message).toContain('BSKY_TEST_PASSWORD');
    expect(error.message).not.toContain('wrong-secret');
  });

  it('explains a 403 on anonymous search as a missing login (AUTH)', async () => {
    nock('https://appview-403.example.test').get(SEARCH).query(true).reply(403, { error: 'Forbidden' });
    const error = await expectConnectorError(run({ service: 'appview-403.example.test' }));
    expect(error.code).toBe('AUTH');
    expect(error.message).toContain('identifierEnv');
  });

  it('fails with PARSE, not an empty list, when the layout changed', async () => {
    nock('https://appview-layout.example.test').get(SEARCH).query(true).reply(200, fixture('search-changed-layout.json'), JSON_TYPE);
    const error = await expectConnectorError(run({ service: 'appview-layout.example.test' }));
    expect(error.code).toBe('PARSE');
    expect(error.message).toContain('posts');
  });

  it('rides out one 429, and fails with HTTP after repeated 500s', async () => {
    nock('https://appview-429.example.test')
      .get(SEARCH)
      .query(true)
      .reply(429)
      .get(SEARCH)
      .query(true)
      .reply(200, fixture('search-page2.json'), JSON_TYPE);
    expect((await run({ service: 'appview-429.example.test' })).items).toHaveLength(2);

    nock('https://appview-500.example.test').get(SEARCH).query(true).times(2).reply(500);
    const error = await expectConnectorError(run({ service: 'appview-500.example.test' }));
    expect(error).toMatchObject({ code: 'HTTP', status: 500 });
  });

  it('validates its config', () => {
    expect(bluesky.configSchema.parse(bluesky.example)).toEqual(bluesky.example);
    expect(bluesky.configSchema.safeParse({ query: ' ' }).success).toBe(false);
    expect(bluesky.configSchema.safeParse({ query: 'a', service: 'https://bsky.social/' }).success).toBe(false);
    const half = bluesky.configSchema.safeParse({ query: 'a', identifierEnv: 'BSKY_HANDLE' });
    expect(half.success).toBe(false);
    expect(half.error?.issues[0]?.message).toContain('both identifierEnv and passwordEnv');
    expect(bluesky.configSchema.parse({ query: 'acme' })).toEqual({ query: 'acme', maxPages: 5 });
  });
});
