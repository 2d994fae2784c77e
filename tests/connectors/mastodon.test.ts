import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import nock from 'nock';
import { compareIds, firstUrl, mastodon, nextLink, parseStatuses, type MastodonConfig } from '../../src/connectors/mastodon.js';
import type { Politeness, RawItem } from '../../src/connectors/types.js';
import { HAS_SHARED, sharedMissingNote, sharedPath } from '../helpers/shared.js';
import { expectConnectorError, expectParseError, fastHttp, resetNetworkMocks, runConnector } from '../helpers/connector-harness.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/mastodon/${name}`, import.meta.url), 'utf8');
const shared = (name: string) => readFileSync(sharedPath('fixtures', 'mastodon', name), 'utf8');
const JSON_TYPE = { 'Content-Type': 'application/json; charset=utf-8' };
const S = (n: number) => `11230000000000${String(n).padStart(4, '0')}`;
const TOKEN_ENV = 'EARSHOT_TEST_MASTODON_TOKEN';
const TOKEN = 'tok-3f9a-SECRET';

const run = (config: object, cursor: unknown = null, logs: string[] = [], http = fastHttp()) =>
  runConnector(mastodon, config, { cursor, logs, http });
const parseError = (body: string) => expectParseError(mastodon, body);

const ids = (items: RawItem[]) => items.map((i) => i.externalId);
const link = (host: string, maxId: string, minId: string) =>
  `<https://${host}/api/v1/timelines/tag/acme?limit=40&max_id=${maxId}>; rel="next", ` +
  `<https://${host}/api/v1/timelines/tag/acme?limit=40&min_id=${minId}>; rel="prev"`;

afterEach(() => {
  resetNetworkMocks();
  // The token is set on process.env directly, not with vi.stubEnv.
  delete process.env[TOKEN_ENV];
});

describe.skipIf(!HAS_SHARED)(HAS_SHARED ? 'mastodon: real captured timelines' : sharedMissingNote('mastodon real timelines'), () => {
  it('reads the #ichbinhanna tag timeline: 5 German statuses', () => {
    const items = mastodon.parse(shared('api_v1_timelines_tag_ichbinhanna_limit5_mastodon.social_2022-11-08.json'), mastodon.example);
    expect(ids(items)).toEqual(['109307661613791619', '109304314810517257', '109304270759915711', '109303219580425669', '109302354165120279']);
    expect(items[0]).toMatchObject({
      url: 'https://mastodon.social/@amreibahr/109307661613791619',
      author: 'amreibahr',
      title: null,
      publishedAt: Date.UTC(2022, 10, 8, 10, 15, 51, 486),
      langHint: 'de',
      metadata: { authorName: 'Amrei Bahr', replies: 0, reblogs: 4, likes: 18, tags: ['IchbinHanna'] },
    });
    expect(items[0]?.text.startsWith('Ich habe es satt, mich ständig bewähren zu müssen.')).toBe(true);
    expect(items[0]?.text).toContain('Aber wehe #IchBinHanna hat so einen Tag.');
    expect(items[1]).toMatchObject({ author: 'CathleenSarti@mas.to', langHint: 'en', url: 'https://mas.to/@CathleenSarti/109304314822684850' });
    expect(items[4]).toMatchObject({
      author: 'ornithophilos@bildung.social',
      text: '@elhotzo Wissenschaftlicher Mittelbau in a nutshell #IchBinHanna',
      metadata: { replyTo: '109302329974271443' },
    });
  });

  it('reads the public timeline with the same parser: 20 statuses, HTML stripped', () => {
    const items = mastodon.parse(shared('api_v1_timelines_public_limit20_mastodon.social_2022-11-08.json'), mastodon.example);
    expect(items).toHaveLength(20);
    expect(items.every((i) => !/<\/?[a-z][^>]*>|&#39;|&amp;/i.test(i.text))).toBe(true);
    const cw = items.find((i) => i.externalId === '109308113488442165');
    expect(cw).toMatchObject({ author: 'rebeccaheckya@kolektiva.social', title: 'Meta Mastodon' });
    expect(cw?.text.startsWith('People are too defensive of Mastodon. Criticism is good,')).toBe(true);
    const game = items.find((i) => i.externalId === '109308112912314736');
    expect(game?.text.startsWith("Let's get all the GameMaker devs on here connected!")).toBe(true);
    // The language is what the server claims, even where the text disagrees.
    expect(items.find((i) => i.author === 'kikumiju@mstdn.jp')).toMatchObject({ langHint: 'en', text: 'ふー本日の家事終わりー、珈琲タイムだよ、夜だからノンカフェイン' });
  });
});

describe('mastodon: parse', () => {
  it('maps a status: acct, display name, CW as title, counts, reply, remote url', () => {
    const items = parseStatuses(fixture('tag-page1.json')).items;
    expect(items[0]).toEqual({
      externalId: S(5),
      url: `https://tag.example.test/@maria/${S(5)}`,
      author: 'maria',
      title: null,
      text: 'The #acme app crashed again at checkout & lost my cart. Third time this week.',
      publishedAt: Date.UTC(2024, 3, 25, 10, 5),
      langHint: 'en',
      metadata: {
        authorName: 'Maria K.',
        replies: 2,
        reblogs: 1,
        likes: 4,
        tags: ['acme'],
        visibility: 'public',
        uri: `https://tag.example.test/users/maria/statuses/${S(5)}`,
      },
    });
    expect(items[1]).toMatchObject({
      author: 'jo@other.example',
      url: 'https://other.example/@jo/9900000000000004',
      title: 'acme review',
      text: 'Honestly the new #acme dark mode is lovely well done!',
    });
    expect(items[2]).toMatchObject({ langHint: null, metadata: { replyTo: S(5) } });
    expect(items[2]?.text).toBe('@maria same here, #acme support fixed it in a day');
  });

  it('stands a reblog in for its original, once', () => {
    const page = parseStatuses(fixture('with-reblog.json'));
    expect(page.ids).toEqual([S(9), S(5), S(1)]);
    expect(ids(page.items)).toEqual([S(5), S(1)]);
    expect(page.items[0]).toMatchObject({ author: 'maria', metadata: { rebloggedBy: 'booster' } });
  });

  it('keeps ISO 639-1 languages only', () => {
    expect(parseStatuses(fixture('tag-newer.json')).items.map((i) => i.langHint)).toEqual(['en', null]);
  });

  it('reads a v2 search reply, and an empty one as a genuinely empty result', () => {
    expect(ids(mastodon.parse(fixture('search.json'), mastodon.example))).toEqual([S(5), S(4)]);
    expect(mastodon.parse(fixture('search-empty.json'), mastodon.example)).toEqual([]);
    expect(mastodon.parse('[]', mastodon.example)).toEqual([]);
  });

  it.each([
    ['an HTML page', '<!DOCTYPE html><html><body>Mastodon is down for maintenance</body></html>'],
    ['an empty body', ''],
    ['statuses wrapped in another key', fixture('layout-wrapped.json')],
    ['statuses whose fields moved', fixture('layout-moved-fields.json')],
  ])('rejects %s with PARSE', (_what, body) => {
    expect(parseError(body).code).toBe('PARSE');
  });

  it("names the server's error when it answers one", () => {
    expect(parseError(fixture('error.json')).message).toMatch(/requires an authenticated user/);
  });

  it('compares snowflake ids numerically and finds rel="next"', () => {
    expect(compareIds('99', '100')).toBeLessThan(0);
    expect(compareIds(S(7), S(6))).toBeGreaterThan(0);
    expect(nextLink(link('a.test', '1', '2'), 'a.test')).toBe('https://a.test/api/v1/timelines/tag/acme?limit=40&max_id=1');
    expect(nextLink(link('evil.test', '1', '2'), 'a.test')).toBeNull();
    expect(nextLink('<https://a.test/x?min_id=2>; rel="prev"', 'a.test')).toBeNull();
    expect(nextLink(undefined, 'a.test')).toBeNull();
  });
});

describe('mastodon: fetch', () => {
  it('walks back through older pages on the first run, then forward from the cursor', async () => {
    const host = 'walk.example.test';
    const path = '/api/v1/timelines/tag/acme';
    const asked: Politeness[] = [];
    const first = nock(`https://${host}`)
      .get(path)
      .query({ limit: '40' })
      .reply(200, fixture('tag-page1.json'), { ...JSON_TYPE, Link: link(host, S(3), S(5)) })
      .get(path)
      .query({ limit: '40', max_id: S(3) })
      .reply(200, fixture('tag-page2.json'), { ...JSON_TYPE, Link: link(host, S(1), S(2)) })
      .get(path)
      .query({ limit: '40', max_id: S(1) })
      .reply(200, '[]', JSON_TYPE);
    const one = await run({ mode: 'tag', instance: host, tag: 'acme' }, null, [], fastHttp(asked));
    expect(first.isDone()).toBe(true);
    expect(ids(one.items)).toEqual([S(5), S(4), S(3), S(2), S(1)]);
    expect(one.cursor).toEqual({ sinceId: S(5) });
    expect(asked.every((p) => p === mastodon.politeness)).toBe(true);

    // The next run asks only for what came after the cursor, stepping min_id forward until empty.
    const second = nock(`https://${host}`)
      .get(path)
      .query({ limit: '40', min_id: S(5) })
      .reply(200, fixture('tag-newer.json'), JSON_TYPE)
      .get(path)
      .query({ limit: '40', min_id: S(7) })
      .reply(200, '[]', JSON_TYPE);
    const two = await run({ mode: 'tag', instance: host, tag: 'acme' }, one.cursor);
    expect(second.isDone()).toBe(true);
    expect(ids(two.items)).toEqual([S(7), S(6)]);
    expect(two.cursor).toEqual({ sinceId: S(7) });

    nock(`https://${host}`).get(path).query({ limit: '40', min_id: S(7) }).reply(200, '[]', JSON_TYPE);
    expect(await run({ mode: 'tag', instance: host, tag: 'acme' }, two.cursor)).toEqual({ items: [], cursor: two.cursor });
  });

  it('stops at maxPages while catching up and carries on from there next time', async () => {
    const host = 'catchup.example.test';
    const scope = nock(`https://${host}`)
      .get('/api/v1/timelines/tag/acme')
      .query({ limit: '40', min_id: S(5) })
      .reply(200, fixture('tag-newer.json'), JSON_TYPE);
    const logs: string[] = [];
    const result = await run({ mode: 'tag', instance: host, tag: 'acme', maxPages: 1 }, { sinceId: S(5) }, logs);
    expect(scope.isDone()).toBe(true);
    expect(result.cursor).toEqual({ sinceId: S(7) });
    expect(logs.join('\n')).toMatch(/maxPages.*carries on/);
  });

  it('searches with the token from the environment, paging by offset, never logging it', async () => {
    process.env[TOKEN_ENV] = TOKEN;
    const host = 'search.example.test';
    const scope = nock(`https://${host}`, { reqheaders: { authorization: `Bearer ${TOKEN}` } })
      .get('/api/v2/search')
      .query({ q: 'acme app', type: 'statuses', limit: '40', min_id: S(3) })
      .reply(200, fixture('search.json'), JSON_TYPE)
      .get('/api/v2/search')
      .query({ q: 'acme app', type: 'statuses', limit: '40', offset: '2', min_id: S(3) })
      .reply(200, fixture('search-empty.json'), JSON_TYPE);
    const logs: string[] = [];
    const result = await run({ mode: 'search', instance: host, query: 'acme app', tokenEnv: TOKEN_ENV }, { sinceId: S(3) }, logs);
    expect(scope.isDone()).toBe(true);
    expect(ids(result.items)).toEqual([S(5), S(4)]);
    expect(result.cursor).toEqual({ sinceId: S(5) });
    expect(JSON.stringify([result, logs])).not.toContain(TOKEN);
  });

  it('reads one page of a search without a token and says why it may be empty', async () => {
    const host = 'anon.example.test';
    nock(`https://${host}`)
      .get('/api/v2/search')
      .query({ q: 'acme', type: 'statuses', limit: '40' })
      .reply(200, fixture('search-empty.json'), JSON_TYPE);
    const logs: string[] = [];
    const result = await run({ mode: 'search', instance: host, query: 'acme' }, null, logs);
    expect(result).toEqual({ items: [], cursor: null });
    expect(logs.join('\n')).toMatch(/tokenEnv/);
  });

  it('fails with CONFIG naming the variable when the token is missing', async () => {
    const error = await expectConnectorError(run({ mode: 'search', instance: 'x.example.test', query: 'acme', tokenEnv: TOKEN_ENV }));
    expect(error.code).toBe('CONFIG');
    expect(error.message).toContain(TOKEN_ENV);
  });

  it('fails with AUTH on a 401 without putting the token in the error', async () => {
    process.env[TOKEN_ENV] = TOKEN;
    nock('https://auth.example.test').get('/api/v2/search').query(true).reply(401, { error: 'The access token is invalid' });
    const error = await expectConnectorError(run({ mode: 'search', instance: 'auth.example.test', query: 'acme', tokenEnv: TOKEN_ENV }));
    expect(error.code).toBe('AUTH');
    expect(`${error.message} ${error.url}`).not.toContain(TOKEN);
  });

  it('fails with PARSE when the timeline is no longer a list of statuses', async () => {
    nock('https://layout.example.test').get('/api/v1/timelines/tag/acme').query(true).reply(200, fixture('layout-wrapped.json'), JSON_TYPE);
    const error = await expectConnectorError(run({ mode: 'tag', instance: 'layout.example.test', tag: 'acme' }));
    expect(error).toMatchObject({ code: 'PARSE', url: 'https://layout.example.test/api/v1/timelines/tag/acme?limit=40' });
  });

  it('fails with RATE_LIMITED or HTTP when the instance keeps refusing', async () => {
    nock('https://busy.example.test').get('/api/v1/timelines/tag/acme').query(true).times(2).reply(429, { error: 'Too many requests' });
    expect((await expectConnectorError(run({ mode: 'tag', instance: 'busy.example.test', tag: 'acme' }))).code).toBe('RATE_LIMITED');
    nock('https://down.example.test').get('/api/v1/timelines/tag/acme').query(true).times(2).reply(503);
    expect(await expectConnectorError(run({ mode: 'tag', instance: 'down.example.test', tag: 'acme' }))).toMatchObject({ code: 'HTTP', status: 503 });
  });

  it('builds tag URLs for non-ASCII hashtags', () => {
    const cfg = mastodon.configSchema.parse({ mode: 'tag', instance: 'mastodon.social', tag: 'café' }) as MastodonConfig;
    expect(firstUrl(cfg, null)).toBe('https://mastodon.social/api/v1/timelines/tag/caf%C3%A9?limit=40');
  });

  it('validates its config', () => {
    const ok = (c: object) => mastodon.configSchema.safeParse(c).success;
    expect(ok({ mode: 'tag', instance: 'https://mastodon.social', tag: 'acme' })).toBe(false);
    expect(ok({ mode: 'tag', instance: 'mastodon.social', tag: '#acme' })).toBe(false);
    expect(ok({ mode: 'search', instance: 'mastodon.social', query: 'acme', tokenEnv: 'abcDEF-123-token' })).toBe(false);
    expect(ok({ mode: 'search', instance: 'mastodon.social' })).toBe(false);
    expect(mastodon.configSchema.parse({ mode: 'search', instance: 'mastodon.social', query: 'acme', tokenEnv: 'MASTODON_TOKEN' })).toEqual({
      mode: 'search',
      instance: 'mastodon.social',
      query: 'acme',
      tokenEnv: 'MASTODON_TOKEN',
      maxPages: 3,
    });
    expect(mastodon.configSchema.parse(mastodon.example)).toEqual(mastodon.example);
  });
});
