/**
 * Mastodon (and API-compatible servers): a hashtag timeline or a status search on one instance.
 *
 * Endpoints: https://{instance}/api/v1/timelines/tag/{tag}?limit=40 — public on most instances;
 *   https://{instance}/api/v2/search?q=…&type=statuses&limit=40 — full-text status search, which
 *   most instances only answer for a logged-in user: `tokenEnv` names the environment variable
 *   holding an access token (read:search scope), sent as `Authorization: Bearer` and never logged
 *   or stored. Without a token a search usually returns no statuses at all.
 * Paging: the first run reads newest first and follows the Link header's rel="next" (older) up to
 *   `maxPages`. Later runs ask for `min_id={sinceId}`, which returns only statuses newer than the
 *   cursor; the tag timeline then steps min_id forward page by page, so a backlog longer than
 *   `maxPages` is caught up over the following runs rather than skipped. Search pages by `offset`,
 *   which instances only allow with a token; without one a search reads a single page.
 * Politeness: Mastodon allows 300 requests per 5 minutes per IP or account: one a second per host.
 * Fields: id → externalId; url (else uri) → url; account.acct → author (display_name →
 *   metadata.authorName); content (HTML) → text; spoiler_text (the content warning) → title;
 *   created_at → publishedAt; language → langHint; replies_count → metadata.replies,
 *   reblogs_count → metadata.reblogs, favourites_count → metadata.likes, in_reply_to_id →
 *   metadata.replyTo. A reblog (boost) stands for its original status, under the original's id:
 *   the words are the original author's, and several boosts of one status collapse into one
 *   mention instead of inflating the volume.
 */
import { z } from 'zod';
import { parseDate } from '../util/dates.js';
import { decodeBody } from './decode.js';
import { ConnectorError } from './errors.js';
import { htmlToText } from './html-text.js';
import { redactUrl, type HttpResponse } from './http.js';
import type { Connector, FetchContext, FetchResult, Politeness, RawItem } from './types.js';

const LIMIT = 40;
const instance = z
  .string({ error: 'instance is required' })
  .regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+(:\d{1,5})?$/i, "an instance host name such as 'mastodon.social' (no https://, no path)");
const tokenEnv = z
  .string()
  .regex(/^[A-Z_][A-Z0-9_]*$/, 'the NAME of an environment variable holding the token (e.g. MASTODON_TOKEN), not the token');
const maxPages = z.int().min(1).max(20).default(3);

const configSchema = z.discriminatedUnion(
  'mode',
  [
    z.object({
      mode: z.literal('tag'),
      instance,
      tag: z.string({ error: 'tag is required in tag mode' }).regex(/^[\p{L}\p{N}_]+$/u, "a hashtag without '#': letters, digits, _"),
      tokenEnv: tokenEnv.optional(),
      maxPages,
    }),
    z.object({
      mode: z.literal('search'),
      instance,
      query: z.string({ error: 'query is required in search mode' }).trim().min(1, 'query must not be empty').max(500),
      tokenEnv: tokenEnv.optional(),
      maxPages,
    }),
  ],
  { error: (issue) => (issue.code === 'invalid_union' ? "mode must be 'tag' or 'search'" : undefined) },
);
export type MastodonConfig = z.output<typeof configSchema>;

const cursorSchema = z.object({ sinceId: z.string().min(1) });
export type MastodonCursor = { sinceId: string };

const POLITENESS: Politeness = { intervalCap: 1, intervalMs: 1000, concurrency: 1 };

const statusSchema = z.object({
  id: z.string().min(1),
  uri: z.string().nullish(),
  url: z.string().nullish(),
  created_at: z.string(),
  content: z.string().nullish(),
  spoiler_text: z.string().nullish(),
  language: z.string().nullish(),
  in_reply_to_id: z.string().nullish(),
  replies_count: z.number().nullish(),
  reblogs_count: z.number().nullish(),
  favourites_count: z.number().nullish(),
  visibility: z.string().nullish(),
  account: z.object({ acct: z.string(), display_name: z.string().nullish() }),
  tags: z.array(z.object({ name: z.string() })).nullish(),
});
type Status = z.infer<typeof statusSchema>;
const entrySchema = statusSchema.extend({ reblog: statusSchema.nullish() });

/** `ids` are the page's own entries (a reblog's, not its original's), for paging. */
export type MastodonPage = { items: RawItem[]; ids: string[] };

/**
 * Parses a timeline (a JSON array of statuses) or a v2 search reply ({statuses: [...]}).
 * Throws ConnectorError PARSE for any other body or when no status has the known shape.
 */
export function parseStatuses(body: string): MastodonPage {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw notJson(body);
  }
  const list = Array.isArray(json) ? json : isRecord(json) && Array.isArray(json.statuses) ? json.statuses : null;
  if (list === null) {
    const reason = isRecord(json) && typeof json.error === 'string' ? `: ${json.error.slice(0, 120)}` : '';
    throw new ConnectorError('PARSE', `not a list of statuses${reason}`);
  }
  const entries = list.map((s) => entrySchema.safeParse(s)).filter((r) => r.success).map((r) => r.data);
  if (entries.length === 0 && list.length > 0) {
    throw new ConnectorError('PARSE', `none of the ${list.length} statuses has the known shape`);
  }
  const items = new Map<string, RawItem>();
  for (const entry of entries) {
    const item = toRawItem(entry.reblog ?? entry, entry.reblog ? entry.account.acct : null);
    if (!items.has(item.externalId)) items.set(item.externalId, item);
  }
  return { items: [...items.values()], ids: entries.map((entry) => entry.id) };
}

function toRawItem(status: Status, rebloggedBy: string | null): RawItem {
  const metadata = compact({
    authorName: status.account.display_name,
    replies: status.replies_count,
    reblogs: status.reblogs_count,
    likes: status.favourites_count,
    replyTo: status.in_reply_to_id,
    tags: status.tags?.length ? status.tags.map((t) => t.name) : null,
    visibility: status.visibility,
    uri: status.uri !== status.url ? status.uri : null,
    rebloggedBy,
  });
  return {
    externalId: status.id,
    url: status.url || status.uri || null,
    author: status.account.acct,
    title: status.spoiler_text?.trim() || null,
    text: htmlToText(status.content ?? ''),
    publishedAt: parseDate(status.created_at),
    langHint: languageCode(status.language),
    metadata,
  };
}

/** Metadata without the fields the source left empty. */
function compact(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value != null && value !== ''));
}

// Mastodon stores ISO 639-1 where one exists and ISO 639-3 otherwise; only the former is a hint here.
function languageCode(value: string | null | undefined): string | null {
  const match = value ? /^([a-z]{2})(?:$|[-_])/i.exec(value.trim()) : null;
  return match?.[1]?.toLowerCase() ?? null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function notJson(body: string): ConnectorError {
  const text = body.replace(/\s+/g, ' ').trim();
  return new ConnectorError('PARSE', text ? `not JSON: ${JSON.stringify(text.slice(0, 80))}` : 'empty body, not JSON');
}

/** Status ids are snowflakes as decimal strings (flake ids on Pleroma): longer is newer, then by text. */
export function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

function newestId(ids: string[]): string | null {
  return ids.reduce<string | null>((max, id) => (max === null || compareIds(id, max) > 0 ? id : max), null);
}

/** The rel="next" target of a Link header, if it stays on the same host. */
export function nextLink(header: string | string[] | undefined, host: string): string | null {
  const value = Array.isArray(header) ? header.join(', ') : header;
  for (const part of value?.split(/,(?=\s*<)/) ?? []) {
    const match = /^\s*<([^>]*)>(.*)$/s.exec(part);
    const rel = match ? /;\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,]+))/i.exec(match[2]!) : null;
    if (!match || !(rel?.[1] ?? rel?.[2] ?? '').toLowerCase().split(/\s+/).includes('next')) continue;
    try {
      const url = new URL(match[1]!);
      return url.host === host && url.protocol === 'https:' ? url.href : null;
    } catch {
      return null;
    }
  }
  return null;
}

export function firstUrl(config: MastodonConfig, sinceId: string | null, offset = 0): string {
  const params = new URLSearchParams(config.mode === 'search' ? { q: config.query, type: 'statuses' } : {});
  if (offset > 0) params.set('offset', String(offset));
  params.set('limit', String(LIMIT));
  if (sinceId) params.set('min_id', sinceId);
  const path = config.mode === 'tag' ? `/api/v1/timelines/tag/${encodeURIComponent(config.tag)}` : '/api/v2/search';
  return `https://${config.instance}${path}?${params}`;
}

function readToken(config: MastodonConfig): string | null {
  if (!config.tokenEnv) return null;
  const token = process.env[config.tokenEnv]?.trim();
  if (!token) throw new ConnectorError('CONFIG', `environment variable ${config.tokenEnv} (tokenEnv) is not set`);
  return token;
}

function readPage(res: HttpResponse): MastodonPage {
  const contentType = res.headers['content-type'];
  try {
    return parseStatuses(decodeBody(res.body, typeof contentType === 'string' ? contentType : undefined));
  } catch (error) {
    if (!(error instanceof ConnectorError)) throw error;
    const url = redactUrl(res.url);
    throw new ConnectorError('PARSE', `${error.message} (${url})`, { url, status: res.status, cause: error });
  }
}

async function fetchMastodon(ctx: FetchContext<MastodonConfig>): Promise<FetchResult> {
  const { config, http, signal } = ctx;
  const token = readToken(config);
  const previous = cursorSchema.safeParse(ctx.cursor);
  const sinceId = previous.success ? previous.data.sinceId : null;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;

  const items = new Map<string, RawItem>();
  let newest = sinceId;
  let url: string | null = firstUrl(config, sinceId);
  let fetched = 0;
  for (let page = 1; url; page++) {
    const res = await http.get({ url, headers, politeness: POLITENESS, signal });
    const result = readPage(res);
    for (const item of result.items) if (!items.has(item.externalId)) items.set(item.externalId, item);
    const pageNewest = newestId(result.ids);
    if (pageNewest && (newest === null || compareIds(pageNewest, newest) > 0)) newest = pageNewest;
    fetched += result.ids.length;
    if (result.ids.length === 0) break;
    const catchingUp = config.mode === 'tag' && sinceId !== null;
    if (page >= config.maxPages) {
      ctx.log(`stopped after ${page} pages (maxPages)${catchingUp ? '; the next run carries on from here' : ''}`);
      break;
    }
    if (config.mode === 'search') {
      // Instances answer 401 to an offset without a logged-in user.
      if (!token) break;
      url = firstUrl(config, sinceId, fetched);
    } else {
      // Catching up walks forward from the cursor; a first run walks back through older pages.
      url = catchingUp ? firstUrl(config, pageNewest) : nextLink(res.headers.link, new URL(res.url).host);
    }
  }
  if (config.mode === 'search' && !token && items.size === 0) {
    ctx.log('no statuses found; most instances only search statuses for a logged-in user (set tokenEnv)');
  }
  const cursor: MastodonCursor | null = newest ? { sinceId: newest } : null;
  return { items: [...items.values()], cursor };
}

export const mastodon: Connector<MastodonConfig> = {
  name: 'mastodon',
  description: 'A Mastodon hashtag timeline or status search on one instance (search needs an access token)',
  configSchema,
  example: { mode: 'tag', instance: 'mastodon.social', tag: 'earshot', maxPages: 3 },
  defaultSchedule: '*/10 * * * *',
  politeness: POLITENESS,
  // Niche hashtags go quiet for a day or two; three days of nothing suggests a renamed tag or a broken instance.
  expectedIntervalMs: 3 * 24 * 60 * 60 * 1000,
  fetch: fetchMastodon,
  parse: (body) => parseStatuses(body).items,
};
