/**
 * Generic JSON API: any endpoint that answers a JSON list (forum search, helpdesk tickets, an
 * internal feedback API), described by paths in the config instead of code.
 *
 * Endpoint: the configured `url`, GET, with optional `headers` whose values may name environment
 *   variables as `${NAME}` (expanded at fetch time, sent only to the configured URL's origin,
 *   never logged or stored). Whether a key is needed, and the API's terms, are the user's API's.
 * Items: `itemsPath` leads to the array (`$` when the body is the array); `fields` are paths
 *   relative to one item (`a.b`, `tags[0]`, `a["odd.key"]`): id → externalId, text (one path or a
 *   list joined with a blank line; `textFormat: html` strips markup), title, author, date →
 *   publishedAt, url (resolved against `url`) or urlTemplate (`https://x/p/{id}`), rating (kept
 *   when 1–5), lang → langHint; `metadata` copies more paths. An item without id or text is
 *   skipped (and counted in the log); a page where no item has them is a PARSE failure.
 * Paging: 'none'; { nextCursorPath, cursorParam } (the body's cursor goes back as a query param);
 *   { nextUrlPath } (the body names the next URL); { pageParam, startPage } (page numbers until
 *   an empty page). Up to `maxPages`. The API should list newest first (most accept a sort
 *   parameter in `url`): a run stops after the page that reaches an id already seen or an item
 *   not newer than the newest date seen; `since` can also send that date as a query parameter.
 * Politeness: unknown API, so one request a second per host.
 */
import { z } from 'zod';
import { decodeBody } from '../decode.js';
import { ConnectorError } from '../errors.js';
import { redactUrl } from '../http.js';
import type { Connector, FetchContext, FetchResult, Politeness, RawItem } from '../types.js';
import { parseJsonPage, type JsonPage } from './parse.js';
import { configSchema, type JsonConfig } from './schema.js';

export { parseJsonPage, type JsonPage } from './parse.js';
export type { JsonConfig } from './schema.js';

const cursorSchema = z.object({
  lastSeenId: z.string().nullish(),
  recentIds: z.array(z.string()).default([]),
  newestPublishedAt: z.number().nullish(),
});
export type JsonCursor = { lastSeenId: string | null; recentIds: string[]; newestPublishedAt: number | null };

const RECENT_IDS = 500;
const POLITENESS: Politeness = { intervalCap: 1, intervalMs: 1000, concurrency: 1 };
const ENV_REF = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

function readCursor(raw: unknown): JsonCursor {
  const parsed = cursorSchema.safeParse(raw ?? {});
  if (!parsed.success) return { lastSeenId: null, recentIds: [], newestPublishedAt: null };
  const { lastSeenId, recentIds, newestPublishedAt } = parsed.data;
  return { lastSeenId: lastSeenId ?? null, recentIds, newestPublishedAt: newestPublishedAt ?? null };
}

/** Header values with `${NAME}` replaced from the environment; a missing variable is CONFIG. */
export function expandHeaders(headers: Record<string, string> | undefined, env = process.env): Record<string, string> {
  const out: Record<string, string> = { accept: 'application/json' };
  for (const [name, template] of Object.entries(headers ?? {})) {
    out[name.toLowerCase()] = template.replace(ENV_REF, (_, variable: string) => {
      const value = env[variable];
      if (value === undefined || value === '') {
        throw new ConnectorError('CONFIG', `environment variable ${variable} is not set (used in header ${name})`);
      }
      return value;
    });
  }
  return out;
}

function withParam(base: string, name: string, value: string): string {
  const url = new URL(base);
  url.searchParams.set(name, value);
  return url.href;
}

function sinceValue(at: number, format: 'iso' | 'unix' | 'unix-ms'): string {
  if (format === 'unix') return String(Math.floor(at / 1000));
  if (format === 'unix-ms') return String(at);
  return new Date(at).toISOString();
}

function nextUrl(value: string, base: string, path: string): string {
  try {
    const url = new URL(value, base);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
  } catch {
    // Reported below, like any other value that is not an http(s) URL.
  }
  throw new ConnectorError('PARSE', `nextUrlPath "${path}" holds ${JSON.stringify(value.slice(0, 80))}, not an http(s) URL`, {
    url: redactUrl(base),
  });
}

/** got's error, kept as the cause, holds the request headers and so any expanded secret. */
function withoutCause(error: unknown): unknown {
  if (!(error instanceof ConnectorError)) return error;
  return new ConnectorError(error.code, error.message, { status: error.status, url: error.url });
}

function parsePage(body: string, config: JsonConfig, url: string): JsonPage {
  try {
    return parseJsonPage(body, config);
  } catch (error) {
    if (!(error instanceof ConnectorError)) throw error;
    const safe = redactUrl(url);
    throw new ConnectorError('PARSE', `${error.message} (${safe})`, { url: safe });
  }
}

async function fetchJson(ctx: FetchContext<JsonConfig>): Promise<FetchResult> {
  const { config, http, signal } = ctx;
  const headers = expandHeaders(config.headers);
  const origin = new URL(config.url).origin;
  const previous = readCursor(ctx.cursor);
  const seen = new Set(previous.recentIds);
  const paging = config.paging;

  let first = config.url;
  if (config.since && previous.newestPublishedAt !== null) {
    first = withParam(first, config.since.param, sinceValue(previous.newestPublishedAt, config.since.format));
  }
  let pageNumber = paging !== 'none' && 'pageParam' in paging ? paging.startPage : 0;
  if (paging !== 'none' && 'pageParam' in paging) first = withParam(first, paging.pageParam, String(pageNumber));

  const items = new Map<string, RawItem>();
  const visited = new Set<string>();
  let newest = previous.newestPublishedAt;
  let skipped = 0;
  let url = first;
  for (let page = 1; ; page++) {
    visited.add(url);
    // Secrets in headers are for the configured API only, not for a host a body points to.
    const sameOrigin = new URL(url).origin === origin;
    const sent = sameOrigin ? headers : { accept: 'application/json' };
    const res = await http.get({ url, headers: sent, politeness: POLITENESS, signal }).catch((error: unknown) => {
      throw withoutCause(error);
    });
    const contentType = res.headers['content-type'];
    const parsed = parsePage(decodeBody(res.body, typeof contentType === 'string' ? contentType : undefined), config, url);
    skipped += parsed.skipped;

    let reachedSeen = false;
    let added = 0;
    for (const item of parsed.items) {
      const at = item.publishedAt ?? null;
      const old = previous.newestPublishedAt !== null && at !== null && at <= previous.newestPublishedAt;
      if (seen.has(item.externalId) || old) reachedSeen = true;
      if (at !== null && (newest === null || at > newest)) newest = at;
      if (seen.has(item.externalId) || items.has(item.externalId)) continue;
      items.set(item.externalId, item);
      added++;
    }

    let next: string | null = null;
    if (paging === 'none') next = null;
    else if ('nextCursorPath' in paging) next = parsed.next && withParam(first, paging.cursorParam, parsed.next);
    else if ('nextUrlPath' in paging) next = parsed.next && nextUrl(parsed.next, url, paging.nextUrlPath);
    // Page numbers never run out on their own: an empty page or one with nothing new ends them.
    else if (added > 0) next = withParam(first, paging.pageParam, String(++pageNumber));

    if (reachedSeen || next === null || parsed.total === 0 || visited.has(next)) break;
    if (page >= config.maxPages) {
      ctx.log(`stopped after ${page} pages (maxPages); older items are left unread`);
      break;
    }
    url = next;
  }
  if (skipped > 0) {
    const text = Array.isArray(config.fields.text) ? config.fields.text.join(' + ') : config.fields.text;
    ctx.log(`skipped ${skipped} item(s) without an id (${config.fields.id}) or text (${text})`);
  }

  const list = [...items.values()];
  const recentIds = [...new Set([...items.keys(), ...previous.recentIds])].slice(0, RECENT_IDS);
  const lastSeenId = list[0]?.externalId ?? previous.lastSeenId;
  const cursor: JsonCursor = { lastSeenId, recentIds, newestPublishedAt: newest };
  return { items: list, cursor };
}

export const json: Connector<JsonConfig> = {
  name: 'json',
  description:
    'Any JSON API, mapped by paths in the config: items array, id/text/date/author fields, cursor, next-URL or page paging',
  configSchema,
  example: {
    url: 'https://meta.discourse.org/search.json?q=earshot%20order%3Alatest',
    itemsPath: 'posts',
    fields: {
      id: 'id',
      text: 'blurb',
      author: 'username',
      date: 'created_at',
      urlTemplate: 'https://meta.discourse.org/p/{id}',
    },
    metadata: { likes: 'like_count', topicId: 'topic_id' },
    // The blurb may carry search-highlight markup and escaped entities.
    textFormat: 'html',
    paging: { pageParam: 'page', startPage: 1 },
    maxPages: 5,
  },
  defaultSchedule: '*/30 * * * *',
  politeness: POLITENESS,
  // Nothing is known about the API; a few quiet days are plausible for a forum or helpdesk.
  expectedIntervalMs: 3 * 24 * 60 * 60 * 1000,
  fetch: fetchJson,
  parse: (body, config) => parseJsonPage(body, config).items,
};
