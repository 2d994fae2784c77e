/**
 * Bluesky post search through the AT Protocol XRPC API (official, JSON; no scraping).
 *
 * Endpoint: GET https://{service}/xrpc/app.bsky.feed.searchPosts?q=…&limit=100&sort=latest&cursor=…
 *   `service` is the public AppView (public.api.bsky.app) when no login is configured. The public
 *   AppView may refuse search without a login (HTTP 403, mapped to AUTH with a hint). With
 *   `identifierEnv` + `passwordEnv` (an app password, never the account password) the connector
 *   calls com.atproto.server.createSession on `service` (default bsky.social, the PDS entryway)
 *   and sends `Authorization: Bearer <accessJwt>`; the PDS proxies search to the AppView. A new
 *   session is made per run (createSession allows 30 per 5 minutes and 300 per day per account,
 *   far more than a 15-minute schedule needs); the tokens are never logged or stored.
 * Paging: the response `cursor` goes back as `cursor=`; up to `maxPages` pages, newest first.
 *   Incremental: the stored cursor keeps the newest sort time seen and the recent post URIs; a run
 *   stops after the first page that reaches a post already seen or one not newer than that time.
 * Politeness: the AppView allows 3000 requests per 5 minutes per IP; we ask for at most 3 a second.
 * Fields: uri (at://did/app.bsky.feed.post/rkey) → externalId; https://bsky.app/profile/{handle}/
 *   post/{rkey} → url; author.handle → author (displayName and did in metadata); record.text →
 *   text; record.createdAt (else indexedAt) → publishedAt; record.langs[0] → langHint; like/repost/
 *   reply/quote counts → metadata.likes/reposts/replies/quotes; record.reply.parent.uri →
 *   metadata.replyTo; indexedAt → metadata.indexedAt; link and #tag facets and an embedded link
 *   card → metadata.links/tags. Posts have no title.
 * Terms: an official API reading public posts; Bluesky's developer guidelines apply (respect
 *   deletions and the rate limits).
 */
import { z } from 'zod';
import { parseDate } from '../../util/dates.js';
import { decodeBody } from '../decode.js';
import { ConnectorError } from '../errors.js';
import { redactUrl } from '../http.js';
import type { Connector, FetchContext, FetchResult, Politeness, RawItem } from '../types.js';
import { isObject, parseSearchPage, str, type BlueskyPage } from './parse.js';

export { parseSearchPage, type BlueskyPage } from './parse.js';

const PUBLIC_APPVIEW = 'public.api.bsky.app';
const LOGIN_SERVICE = 'bsky.social';
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

const configSchema = z
  .object({
    /** Search query in Bluesky's syntax (words, "phrases", from:handle, #tag, lang:xx…). */
    query: z.string().trim().min(1, 'a search query is required'),
    /** Host that serves XRPC; defaults to the public AppView, or to bsky.social when logging in. */
    service: z
      .string()
      .regex(/^[a-z0-9.-]+(:\d+)?$/i, 'a host name such as public.api.bsky.app (no scheme, no path)')
      .optional(),
    /** Only posts the author tagged with this language (ISO 639-1), sent as `lang=`. */
    language: z.string().toLowerCase().regex(/^[a-z]{2}$/, 'a two-letter ISO 639-1 code').optional(),
    /** Names of the environment variables holding the handle and an app password. */
    identifierEnv: z.string().regex(ENV_NAME, 'an environment variable name').optional(),
    passwordEnv: z.string().regex(ENV_NAME, 'an environment variable name').optional(),
    maxPages: z.int().min(1).max(50).default(5),
  })
  .refine((c) => (c.identifierEnv === undefined) === (c.passwordEnv === undefined), {
    message: 'set both identifierEnv and passwordEnv to log in, or neither to search anonymously',
    path: ['passwordEnv'],
  });
export type BlueskyConfig = z.output<typeof configSchema>;

const cursorSchema = z.object({
  newestSortAt: z.number().nullish(),
  recentUris: z.array(z.string()).default([]),
});
export type BlueskyCursor = { newestSortAt: number | null; recentUris: string[] };

const RECENT_URIS = 500;
const PAGE_SIZE = 100;
const POLITENESS: Politeness = { intervalCap: 3, intervalMs: 1000, concurrency: 1 };

/**
 * The time search orders by with sort=latest: the AppView's sortAt, the earlier of createdAt and
 * indexedAt, so a post claiming a future createdAt cannot hold the watermark hostage.
 */
function sortAt(item: RawItem): number | null {
  const times = [item.publishedAt, parseDate(item.metadata?.indexedAt)].filter((t): t is number => typeof t === 'number');
  return times.length > 0 ? Math.min(...times) : null;
}

function readCursor(raw: unknown): BlueskyCursor {
  const parsed = cursorSchema.safeParse(raw ?? {});
  return parsed.success
    ? { newestSortAt: parsed.data.newestSortAt ?? null, recentUris: parsed.data.recentUris }
    : { newestSortAt: null, recentUris: [] };
}

function envValue(name: string): string {
  const value = process.env[name];
  if (!value) throw new ConnectorError('CONFIG', `environment variable ${name} is not set (Bluesky login)`);
  return value;
}

async function login(ctx: FetchContext<BlueskyConfig>, service: string): Promise<string> {
  const { identifierEnv, passwordEnv } = ctx.config;
  if (!identifierEnv || !passwordEnv) throw new ConnectorError('CONFIG', 'login needs identifierEnv and passwordEnv');
  const identifier = envValue(identifierEnv);
  const password = envValue(passwordEnv);
  const url = `https://${service}/xrpc/com.atproto.server.createSession`;
  const res = await ctx.http
    .post({
      url,
      body: JSON.stringify({ identifier, password }),
      contentType: 'application/json',
      headers: { accept: 'application/json' },
      politeness: POLITENESS,
      signal: ctx.signal,
    })
    .catch((error: unknown) => {
      if (!(error instanceof ConnectorError) || error.code !== 'AUTH') throw scrub(error);
      const who = `the handle in ${identifierEnv}; check that ${passwordEnv} holds a valid app password`;
      throw scrub(error, `Bluesky login refused (HTTP ${error.status}) for ${who}`);
    });
  let session: unknown;
  try {
    session = JSON.parse(decodeBody(res.body));
  } catch {
    session = null;
  }
  const token = isObject(session) ? str(session.accessJwt) : null;
  if (!token) throw new ConnectorError('PARSE', 'createSession answered without an accessJwt', { url });
  return token;
}

function searchUrl(service: string, config: BlueskyConfig, cursor: string | null): string {
  const url = new URL(`https://${service}/xrpc/app.bsky.feed.searchPosts`);
  url.searchParams.set('q', config.query);
  url.searchParams.set('limit', String(PAGE_SIZE));
  url.searchParams.set('sort', 'latest');
  if (config.language) url.searchParams.set('lang', config.language);
  if (cursor) url.searchParams.set('cursor', cursor);
  return url.href;
}

async function fetchPosts(ctx: FetchContext<BlueskyConfig>): Promise<FetchResult> {
  const { config } = ctx;
  const loggingIn = config.identifierEnv !== undefined;
  const service = config.service ?? (loggingIn ? LOGIN_SERVICE : PUBLIC_APPVIEW);
  const previous = readCursor(ctx.cursor);
  const seen = new Set(previous.recentUris);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (loggingIn) headers.authorization = `Bearer ${await login(ctx, service)}`;

  const items = new Map<string, RawItem>();
  let newest = previous.newestSortAt;
  let apiCursor: string | null = null;
  for (let page = 1; ; page++) {
    const url = searchUrl(service, config, apiCursor);
    const body = await getPage(ctx, url, headers, loggingIn);
    const parsed = parsePage(body, url);
    let reachedSeen = false;
    for (const item of parsed.items) {
      const at = sortAt(item);
      const old = previous.newestSortAt !== null && at !== null && at <= previous.newestSortAt;
      if (seen.has(item.externalId) || old) reachedSeen = true;
      if (at !== null && (newest === null || at > newest)) newest = at;
      if (!seen.has(item.externalId) && !items.has(item.externalId)) items.set(item.externalId, item);
    }
    apiCursor = parsed.next;
    if (reachedSeen || !apiCursor || parsed.items.length === 0) break;
    if (page >= config.maxPages) {
      ctx.log(`stopped after ${page} pages (maxPages); older matching posts are left unread`);
      break;
    }
  }

  const recentUris = [...new Set([...items.keys(), ...previous.recentUris])].slice(0, RECENT_URIS);
  return { items: [...items.values()], cursor: { newestSortAt: newest, recentUris } satisfies BlueskyCursor };
}

async function getPage(ctx: FetchContext<BlueskyConfig>, url: string, headers: Record<string, string>, loggedIn: boolean) {
  try {
    const res = await ctx.http.get({ url, headers, politeness: POLITENESS, signal: ctx.signal });
    return decodeBody(res.body, typeof res.headers['content-type'] === 'string' ? res.headers['content-type'] : undefined);
  } catch (error) {
    const anonymousRefused = error instanceof ConnectorError && error.code === 'AUTH' && !loggedIn;
    const hint = 'this AppView does not serve search without a login; set identifierEnv and passwordEnv (an app password)';
    throw scrub(error, anonymousRefused ? `${error.message}: ${hint}` : undefined);
  }
}

/** The same error without its cause: got's error holds the request's password or bearer token. */
function scrub(error: unknown, message?: string): unknown {
  if (!(error instanceof ConnectorError)) return error;
  return new ConnectorError(error.code, message ?? error.message, { status: error.status, url: error.url });
}

function parsePage(body: string, url: string): BlueskyPage {
  try {
    return parseSearchPage(body);
  } catch (error) {
    if (!(error instanceof ConnectorError)) throw error;
    const safe = redactUrl(url);
    throw new ConnectorError('PARSE', `${error.message} (${safe})`, { url: safe });
  }
}

export const bluesky: Connector<BlueskyConfig> = {
  name: 'bluesky',
  description:
    'Bluesky posts matching a search query (app.bsky.feed.searchPosts), optionally logged in with an app password',
  configSchema,
  example: {
    query: '"American Airlines"',
    identifierEnv: 'BLUESKY_HANDLE',
    passwordEnv: 'BLUESKY_APP_PASSWORD',
    maxPages: 5,
  },
  defaultSchedule: '*/15 * * * *',
  politeness: POLITENESS,
  // A niche brand may go days without a post on Bluesky; three silent days are worth a look.
  expectedIntervalMs: 3 * 24 * 60 * 60 * 1000,
  fetch: fetchPosts,
  parse: (body) => parseSearchPage(body).items,
};
