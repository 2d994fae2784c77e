/**
 * YouTube comments through the YouTube Data API v3 (official, JSON; needs an API key).
 *
 * Endpoint: GET https://www.googleapis.com/youtube/v3/commentThreads?part=snippet,replies
 *   &videoId=… (or allThreadsRelatedToChannelId=…) &maxResults=100&order=time&textFormat=plainText
 *   &pageToken=…&key=… — one quota unit per page out of the project's 10,000 a day.
 * Key: read from the environment variable named by `apiKeyEnv` at fetch time; it only travels in
 *   the request URL (http.ts redacts `key` in error URLs) and is never logged, stored in the cursor
 *   or put in an error's cause chain.
 * Paging: `nextPageToken` → `pageToken`, up to `maxPages` pages. With order=time threads come
 *   newest first, so a run stops after the page that reaches a thread already seen or one not
 *   newer than the stored `newestPublishedAt`. New replies to an old thread are not revisited.
 * Politeness: quota, not request rate, is the limit; at most 5 requests a second.
 * Fields: thread id (= top-level comment id) → externalId; textOriginal (else textDisplay as plain
 *   text) → text; authorDisplayName → author; publishedAt → publishedAt; likeCount and
 *   totalReplyCount → metadata.likes/replies; url = https://www.youtube.com/watch?v={videoId}
 *   &lc={commentId} (none for a channel-discussion comment, which has no video). With
 *   includeReplies, the replies the thread carries (the API embeds at most 5 of them) become their
 *   own items with metadata.replyTo = the thread id. Comments have no title or language.
 * Errors: quotaExceeded/rateLimitExceeded → RATE_LIMITED; keyInvalid or a disabled API → AUTH;
 *   commentsDisabled and videoNotFound/channelNotFound → CONFIG, because only changing the source
 *   (another video or channel) helps — retrying cannot, and nothing is blocking us.
 */
import { z } from 'zod';
import { decodeBody } from '../decode.js';
import { ConnectorError, type ConnectorErrorCode } from '../errors.js';
import { redactUrl } from '../http.js';
import type { Connector, FetchContext, FetchResult, Politeness, RawItem } from '../types.js';
import { isObject, parseCommentThreads, str, type YoutubePage } from './parse.js';

export { parseCommentThreads, type YoutubePage } from './parse.js';

const ENDPOINT = 'https://www.googleapis.com/youtube/v3/commentThreads';

const configSchema = z
  .object({
    // nullish, so `earshot parse youtube … --config '{"channelId":"UC…","videoId":null}'` can unset
    // the example's videoId.
    videoId: z.string().regex(/^[A-Za-z0-9_-]{11}$/, 'an 11-character YouTube video id, e.g. F1UP7wRCPH8').nullish(),
    channelId: z.string().regex(/^UC[A-Za-z0-9_-]{22}$/, 'a channel id starting with UC (24 characters)').nullish(),
    apiKeyEnv: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name').default('YOUTUBE_API_KEY'),
    includeReplies: z.boolean().default(true),
    /** Only threads containing these words (the API's `searchTerms`). */
    searchTerms: z.string().trim().min(1).optional(),
    maxPages: z.int().min(1).max(50).default(5),
  })
  .refine((c) => (c.videoId == null) !== (c.channelId == null), {
    message: 'set exactly one of videoId (comments on one video) or channelId (comments on all of a channel\'s videos)',
    path: ['videoId'],
  });
export type YoutubeConfig = z.output<typeof configSchema>;

const cursorSchema = z.object({
  newestPublishedAt: z.number().nullish(),
  recentIds: z.array(z.string()).default([]),
});
export type YoutubeCursor = { newestPublishedAt: number | null; recentIds: string[] };

const RECENT_IDS = 1000;
const POLITENESS: Politeness = { intervalCap: 5, intervalMs: 1000, concurrency: 1 };

function readCursor(raw: unknown): YoutubeCursor {
  const parsed = cursorSchema.safeParse(raw ?? {});
  return parsed.success
    ? { newestPublishedAt: parsed.data.newestPublishedAt ?? null, recentIds: parsed.data.recentIds }
    : { newestPublishedAt: null, recentIds: [] };
}

function pageUrl(config: YoutubeConfig, key: string, pageToken: string | null): string {
  const url = new URL(ENDPOINT);
  url.searchParams.set('part', config.includeReplies ? 'snippet,replies' : 'snippet');
  if (config.videoId) url.searchParams.set('videoId', config.videoId);
  else if (config.channelId) url.searchParams.set('allThreadsRelatedToChannelId', config.channelId);
  url.searchParams.set('maxResults', '100');
  url.searchParams.set('order', 'time');
  url.searchParams.set('textFormat', 'plainText');
  if (config.searchTerms) url.searchParams.set('searchTerms', config.searchTerms);
  if (pageToken) url.searchParams.set('pageToken', pageToken);
  url.searchParams.set('key', key);
  return url.href;
}

async function fetchComments(ctx: FetchContext<YoutubeConfig>): Promise<FetchResult> {
  const { config } = ctx;
  const key = process.env[config.apiKeyEnv];
  if (!key) throw new ConnectorError('CONFIG', `environment variable ${config.apiKeyEnv} is not set (YouTube Data API key)`);
  const previous = readCursor(ctx.cursor);
  const seen = new Set(previous.recentIds);

  const items = new Map<string, RawItem>();
  let newest = previous.newestPublishedAt;
  let token: string | null = null;
  for (let page = 1; ; page++) {
    const url = pageUrl(config, key, token);
    const parsed = parsePage(await getPage(ctx, url), config, url);
    let reachedSeen = false;
    for (const item of parsed.items) {
      // Replies are not in time order; only threads mark how far back this page reaches.
      const isThread = item.metadata?.replyTo === undefined;
      const at = item.publishedAt ?? null;
      const old = previous.newestPublishedAt !== null && at !== null && at <= previous.newestPublishedAt;
      if (isThread && (seen.has(item.externalId) || old)) reachedSeen = true;
      if (isThread && at !== null && (newest === null || at > newest)) newest = at;
      if (!seen.has(item.externalId) && !items.has(item.externalId)) items.set(item.externalId, item);
    }
    token = parsed.next;
    if (reachedSeen || !token || parsed.items.length === 0) break;
    if (page >= config.maxPages) {
      ctx.log(`stopped after ${page} pages (maxPages); older comments are left unread`);
      break;
    }
  }
  const recentIds = [...new Set([...items.keys(), ...previous.recentIds])].slice(0, RECENT_IDS);
  return { items: [...items.values()], cursor: { newestPublishedAt: newest, recentIds } satisfies YoutubeCursor };
}

async function getPage(ctx: FetchContext<YoutubeConfig>, url: string): Promise<string> {
  try {
    const headers = { accept: 'application/json' };
    const res = await ctx.http.get({ url, headers, politeness: POLITENESS, signal: ctx.signal });
    return decodeBody(res.body);
  } catch (error) {
    throw error instanceof ConnectorError ? explain(error) : error;
  }
}

function parsePage(body: string, config: YoutubeConfig, url: string): YoutubePage {
  try {
    return parseCommentThreads(body, config);
  } catch (error) {
    if (!(error instanceof ConnectorError)) throw error;
    const safe = redactUrl(url);
    throw new ConnectorError('PARSE', `${error.message} (${safe})`, { url: safe });
  }
}

// Google's error body names the reason; the status alone cannot tell quota from a bad key.
const REASONS: Array<{ reasons: string[]; code: ConnectorErrorCode; message: string }> = [
  {
    reasons: ['quotaExceeded', 'dailyLimitExceeded', 'rateLimitExceeded', 'userRateLimitExceeded', 'RATE_LIMIT_EXCEEDED'],
    code: 'RATE_LIMITED',
    message: 'YouTube API quota or rate limit exceeded (the daily quota resets at midnight Pacific time)',
  },
  {
    reasons: ['keyInvalid', 'keyExpired', 'API_KEY_INVALID', 'API_KEY_EXPIRED'],
    code: 'AUTH',
    message: 'the YouTube API key is invalid or expired',
  },
  {
    reasons: [
      'accessNotConfigured',
      'SERVICE_DISABLED',
      'ipRefererBlocked',
      'API_KEY_SERVICE_BLOCKED',
      'API_KEY_HTTP_REFERRER_BLOCKED',
      'API_KEY_IP_ADDRESS_BLOCKED',
    ],
    code: 'AUTH',
    message: 'the API key may not call the YouTube Data API (not enabled for its project, or the key is restricted)',
  },
  {
    reasons: ['commentsDisabled'],
    code: 'CONFIG',
    message: 'comments are disabled on this video; point the source at another video or channel',
  },
  {
    reasons: ['videoNotFound', 'channelNotFound'],
    code: 'CONFIG',
    message: 'the configured video or channel does not exist or is private',
  },
];

/** A clearer ConnectorError from Google's error body; no cause, since got's error holds the key. */
function explain(error: ConnectorError): ConnectorError {
  const found = errorReasons(error.cause);
  const details = { status: error.status, url: error.url };
  for (const { reasons, code, message } of REASONS) {
    const reason = found.find((r) => reasons.includes(r));
    if (reason) return new ConnectorError(code, `${message} (HTTP ${error.status}, ${reason})`, details);
  }
  const message = found.length > 0 ? `${error.message} (${found.join(', ')})` : error.message;
  return new ConnectorError(error.code, message, details);
}

function errorReasons(cause: unknown): string[] {
  const body = isObject(cause) && isObject(cause.response) ? cause.response.body : undefined;
  let data: unknown;
  try {
    data = JSON.parse(Buffer.isBuffer(body) ? body.toString('utf8') : String(body));
  } catch {
    return [];
  }
  if (!isObject(data) || !isObject(data.error)) return [];
  const entries = [
    ...(Array.isArray(data.error.errors) ? data.error.errors : []),
    ...(Array.isArray(data.error.details) ? data.error.details : []),
  ];
  return entries.map((e) => (isObject(e) ? str(e.reason) : null)).filter((r): r is string => r !== null);
}

export const youtube: Connector<YoutubeConfig> = {
  name: 'youtube',
  description: 'YouTube comments (and their replies) on one video or across a channel, via the YouTube Data API v3',
  configSchema,
  example: { videoId: 'F1UP7wRCPH8', apiKeyEnv: 'YOUTUBE_API_KEY', includeReplies: true, maxPages: 5 },
  defaultSchedule: '*/30 * * * *',
  politeness: POLITENESS,
  // Comments on a video dwindle after its first days; a week of silence is normal, more is not.
  expectedIntervalMs: 7 * 24 * 60 * 60 * 1000,
  fetch: fetchComments,
  parse: (body, config) => parseCommentThreads(body, config).items,
};
