import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import nock from 'nock';
import { parseCommentThreads, youtube, type YoutubeConfig } from '../../src/connectors/youtube/index.js';
import { ConnectorError } from '../../src/connectors/errors.js';
import { HAS_SHARED, sharedMissingNote, sharedPath } from '../helpers/shared.js';
import { expectConnectorError, resetNetworkMocks, runConnectorWithLogs, testHttp } from '../helpers/connector-harness.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/youtube/${name}`, import.meta.url), 'utf8');
const shared = (name: string) => readFileSync(sharedPath('fixtures', 'youtube', name), 'utf8');
const API = 'https://www.googleapis.com';
const PATH = '/youtube/v3/commentThreads';
const KEY = 'AIza-test-key-0123456789';
const JSON_TYPE = { 'Content-Type': 'application/json; charset=UTF-8' };
const VIDEO = 'dQw4w9WgXcQ';

// The unwrapped client: these runs have always gone at the connector's own budget, not a fast one.
const run = (config: Partial<YoutubeConfig>, cursor: unknown = null) =>
  runConnectorWithLogs(youtube, { videoId: VIDEO, ...config }, { cursor, http: testHttp() });

// Kept local: youtube adds a check of its own to expectConnectorError.
async function failure(promise: Promise<unknown>): Promise<ConnectorError> {
  const caught = await expectConnectorError(promise);
  // The key must not leak through any error text, whatever the code.
  expect(`${caught.message} ${caught.url ?? ''} ${String(caught.cause ?? '')}`).not.toContain(KEY);
  return caught;
}

beforeEach(() => {
  vi.stubEnv('YOUTUBE_API_KEY', KEY);
});

afterEach(resetNetworkMocks);

const withReplies = { includeReplies: true };

describe.skipIf(!HAS_SHARED)(HAS_SHARED ? 'youtube: real commentThreads responses' : sharedMissingNote('youtube real responses'), () => {
  it('reads page 1 of a video: 5 threads and the next page token', () => {
    const page = parseCommentThreads(shared('comment_threads_by_video_paged_1.json'), withReplies);
    expect(page.items).toHaveLength(5);
    expect(page.next).toMatch(/^QURTSl9pMzdZOUVz/);
    expect(page.items[0]).toEqual({
      externalId: 'UgyZ1jqkHKYvi1-ruOZ4AaABAg',
      url: 'https://www.youtube.com/watch?v=F1UP7wRCPH8&lc=UgyZ1jqkHKYvi1-ruOZ4AaABAg',
      author: 'himani agarwal',
      title: null,
      text: 'Google.com',
      publishedAt: Date.UTC(2019, 10, 26, 15, 51, 44),
      metadata: { likes: 0, videoId: 'F1UP7wRCPH8', authorChannelId: 'UCzj-CjKYmGlZ7vTL-vOe57A', replies: 0 },
    });
  });

  it('takes textOriginal (plain) over textDisplay (HTML) and keeps counts', () => {
    const { items } = parseCommentThreads(shared('comment_threads_by_video_paged_1.json'), withReplies);
    const matrix = items[4];
    expect(matrix?.author).toBe('matrix uduma');
    expect(matrix?.text).toMatch(/^Lot's of good light coming in from here #ChromeDevSummit the web/);
    expect(matrix?.metadata).toMatchObject({ replies: 2, likes: 0 });
    expect(items.find((i) => i.author === 'Andres Jorquera')?.metadata?.likes).toBe(4);
  });

  it('reads the last page: no token', () => {
    const page = parseCommentThreads(shared('comment_threads_by_video_paged_2.json'), withReplies);
    expect(page.items).toHaveLength(5);
    expect(page.next).toBeNull();
  });

  it('reads a channel-discussion thread, which has no video and so no URL', () => {
    const { items } = parseCommentThreads(shared('comment_threads_with_search.json'), withReplies);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      externalId: 'UgyUBI0HsgL9emxcZpR4AaABAg',
      url: null,
      author: 'DevRagz',
      text: 'Hello',
      publishedAt: Date.UTC(2019, 5, 23, 2, 49),
      metadata: { channelId: 'UC_x5XG1OV2P6uZZ5FSM9Ttw' },
    });
  });
});

describe('youtube: parseCommentThreads', () => {
  it('turns embedded replies into their own items pointing at the thread', () => {
    const { items, next } = parseCommentThreads(fixture('threads-page1.json'), withReplies);
    expect(next).toBe('tok2');
    expect(items.map((i) => i.externalId)).toEqual(['UgzT5', 'UgzT5.A2', 'UgzT5.A1', 'UgzT4', 'UgzT3']);
    expect(items[0]?.metadata).toMatchObject({ replies: 7, likes: 14 });
    expect(items[1]).toMatchObject({
      author: 'Acme Support',
      text: 'Sorry Maria! A fix ships today.',
      url: `https://www.youtube.com/watch?v=${VIDEO}&lc=UgzT5.A2`,
      publishedAt: Date.UTC(2024, 4, 5, 10, 5),
      metadata: { replyTo: 'UgzT5', likes: 3 },
    });
    expect(items[3]).toMatchObject({ text: 'Love the dark mode & the speed', metadata: { updatedAt: '2024-05-04T19:00:00Z' } });
  });

  it('leaves replies out when includeReplies is off, and strips HTML when only textDisplay is there', () => {
    expect(parseCommentThreads(fixture('threads-page1.json'), { includeReplies: false }).items).toHaveLength(3);
    expect(parseCommentThreads(fixture('threads-page2.json'), withReplies).items[1]?.text).toBe('first & early');
  });

  it('treats the API\'s empty list as empty, and a changed layout or non-JSON as PARSE', () => {
    expect(parseCommentThreads(fixture('threads-empty.json'), withReplies)).toEqual({ items: [], next: null });
    for (const body of [fixture('threads-changed-layout.json'), '{"kind":"youtube#commentThreadListResponse"}', '<html></html>']) {
      expect(() => parseCommentThreads(body, withReplies)).toThrow(expect.objectContaining({ code: 'PARSE' }));
    }
  });
});

describe('youtube: fetch', () => {
  const query = (extra: Record<string, string> = {}) => ({
    part: 'snippet,replies',
    videoId: VIDEO,
    maxResults: '100',
    order: 'time',
    textFormat: 'plainText',
    key: KEY,
    ...extra,
  });

  it('pages by token, then stops at the threads already seen on the next run; the key is kept nowhere', async () => {
    const first = nock(API)
      .get(PATH)
      .query(query())
      .reply(200, fixture('threads-page1.json'), JSON_TYPE)
      .get(PATH)
      .query(query({ pageToken: 'tok2' }))
      .reply(200, fixture('threads-page2.json'), JSON_TYPE);
    const one = await run({});
    expect(first.isDone()).toBe(true);
    expect(one.items.map((i) => i.externalId)).toEqual(['UgzT5', 'UgzT5.A2', 'UgzT5.A1', 'UgzT4', 'UgzT3', 'UgzT2', 'UgzT1']);
    expect(one.cursor).toMatchObject({ newestPublishedAt: Date.UTC(2024, 4, 5, 9, 30) });

    const second = nock(API).get(PATH).query(query()).reply(200, fixture('threads-page1-next-day.json'), JSON_TYPE);
    const two = await run({}, one.cursor);
    expect(second.isDone()).toBe(true);
    expect(two.items.map((i) => i.externalId)).toEqual(['UgzT6']);
    expect(two.cursor).toMatchObject({ newestPublishedAt: Date.UTC(2024, 4, 6, 11) });
    expect(JSON.stringify([one, two])).not.toContain(KEY);
  });

  it('asks for a channel\'s threads without replies, with a configured key variable, up to maxPages', async () => {
    vi.stubEnv('ACME_YT_KEY', 'other-key');
    const scope = nock(API)
      .get(PATH)
      .query({ part: 'snippet', allThreadsRelatedToChannelId: 'UC_x5XG1OV2P6uZZ5FSM9Ttw', maxResults: '100', order: 'time', textFormat: 'plainText', key: 'other-key' })
      .reply(200, fixture('threads-page1.json'), JSON_TYPE);
    const result = await run({ videoId: undefined, channelId: 'UC_x5XG1OV2P6uZZ5FSM9Ttw', apiKeyEnv: 'ACME_YT_KEY', includeReplies: false, maxPages: 1 });
    expect(scope.isDone()).toBe(true);
    expect(result.items).toHaveLength(3);
    expect(result.logs).toEqual(['stopped after 1 pages (maxPages); older comments are left unread']);
  });

  it('fails with CONFIG naming the variable when the key is missing', async () => {
    vi.stubEnv('YOUTUBE_API_KEY', '');
    const error = await failure(run({}));
    expect(error.code).toBe('CONFIG');
    expect(error.message).toContain('YOUTUBE_API_KEY');
  });

  it.each([
    ['quotaExceeded 403', 403, 'error-quota.json', 'RATE_LIMITED', /quota/],
    ['an invalid key (400)', 400, 'error-key-invalid.json', 'AUTH', /API key is invalid/],
    ['commentsDisabled 403', 403, 'error-comments-disabled.json', 'CONFIG', /comments are disabled/],
  ])('maps %s by the reason in the error body', async (_what, status, file, code, message) => {
    nock(API).get(PATH).query(true).reply(status, fixture(file), JSON_TYPE);
    const error = await failure(run({}));
    expect(error.code).toBe(code);
    expect(error.status).toBe(status);
    expect(error.message).toMatch(message);
    expect(error.url).toContain('key=REDACTED');
  });

  it('keeps http.ts\'s code for an error body it does not know', async () => {
    nock(API).get(PATH).query(true).reply(403, { error: { code: 403, errors: [{ reason: 'forbidden' }] } });
    const error = await failure(run({}));
    expect(error.code).toBe('AUTH');
    expect(error.message).toContain('forbidden');
  });

  it('fails with PARSE on a changed layout, rides out a 429, and fails with HTTP on repeated 500s', async () => {
    nock(API).get(PATH).query(true).reply(200, fixture('threads-changed-layout.json'), JSON_TYPE);
    expect((await failure(run({}))).code).toBe('PARSE');

    nock(API).get(PATH).query(true).reply(429).get(PATH).query(true).reply(200, fixture('threads-page2.json'), JSON_TYPE);
    expect((await run({})).items).toHaveLength(2);

    nock(API).get(PATH).query(true).times(2).reply(500);
    expect(await failure(run({}))).toMatchObject({ code: 'HTTP', status: 500 });
  });

  it('validates its config: exactly one of videoId and channelId', () => {
    expect(youtube.configSchema.parse(youtube.example)).toEqual(youtube.example);
    const neither = youtube.configSchema.safeParse({});
    expect(neither.error?.issues[0]?.message).toContain('exactly one of videoId');
    const both = youtube.configSchema.safeParse({ videoId: VIDEO, channelId: 'UC_x5XG1OV2P6uZZ5FSM9Ttw' });
    expect(both.success).toBe(false);
    expect(youtube.configSchema.safeParse({ videoId: 'https://youtu.be/x' }).success).toBe(false);
    // `earshot parse` merges --config over the example; null unsets the example's videoId.
    expect(youtube.configSchema.safeParse({ ...youtube.example, channelId: 'UC_x5XG1OV2P6uZZ5FSM9Ttw', videoId: null }).success).toBe(true);
    expect(youtube.configSchema.parse({ channelId: 'UC_x5XG1OV2P6uZZ5FSM9Ttw' })).toEqual({
      channelId: 'UC_x5XG1OV2P6uZZ5FSM9Ttw',
      apiKeyEnv: 'YOUTUBE_API_KEY',
      includeReplies: true,
      maxPages: 5,
    });
  });
});
