/**
 * Generic HTML: any review list or forum page, described by CSS selectors in the config, so a
 * user adds a source without code. It scrapes public pages: check the site's robots.txt and
 * terms before adding one — the user is responsible for having the right to read it this way.
 *
 * Endpoint: the configured `url`, then the page linked by the `nextPage` selector (resolved
 *   against the current page's final URL), up to `maxPages` (default 3, at most 20), never the
 *   same URL twice in a run.
 * Cursor { lastSeenId } (plus, for oldest-first threads, the page to resume on):
 *   - newest-first (review lists, topic listings): stop after the page holding lastSeenId. That
 *     whole page is returned (the ingest dedupes) because pinned posts can sit above new ones.
 *   - oldest-first (forum threads): new posts land on the last page, so the next run starts on
 *     the last page read and keeps the posts after lastSeenId.
 * Politeness: one request every 2 s per host, one at a time; hourly by default.
 * Fields (selectors run inside each `item`; ':scope' means the item element itself):
 *   text (all matches, plain text) → text; title, author → first match's text; date → first
 *   match's text or `dateAttr` via parseDate (then `dateFormat` and a few "March 3, 2024" forms),
 *   else publishedAt stays null and the ingest uses the fetch time; rating → a number in the text,
 *   in `ratingAttr`, or the count of matched star elements, mapped from `ratingScale` onto 1–5
 *   (the raw value kept in metadata.ratingRaw); link → `linkAttr` (href) resolved → url, else
 *   the page the item was read on; id/idAttr → externalId, else the link, else a hash of text,
 *   author and date; <html lang> (or `language`) → langHint. `exclude` drops quotes and
 *   signatures inside each item before reading it.
 * Failures: `item` matching nothing on the first page → PARSE (the layout changed); on a later
 *   page it ends the walk, logged, keeping what was read. A bot wall (403 or a 200 challenge
 *   page) → BLOCKED.
 */
import { decodeBody } from '../decode.js';
import { ConnectorError } from '../errors.js';
import { redactUrl, type HttpResponse } from '../http.js';
import type { Connector, FetchContext, FetchResult, Politeness, RawItem } from '../types.js';
import { asBlocked, blockedError, botWallSignal } from '../bot-wall.js';
import { configSchema, type HtmlConfig } from './config.js';
import { parseHtmlPage, type HtmlPage } from './parse.js';

export type { HtmlConfig } from './config.js';
export { parseHtmlPage, type HtmlPage } from './parse.js';

export interface HtmlCursor {
  lastSeenId: string | null;
  /** oldest-first only: the last page read, and the url it was reached from (a changed url restarts). */
  resumeUrl?: string;
  startUrl?: string;
}

const POLITENESS: Politeness = { intervalCap: 1, intervalMs: 2000, concurrency: 1 };
const ACCEPT = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5';

function readCursor(raw: unknown): HtmlCursor {
  const value = (raw ?? {}) as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  return { lastSeenId: text(value.lastSeenId) ?? null, resumeUrl: text(value.resumeUrl), startUrl: text(value.startUrl) };
}

function parseResponse(res: HttpResponse, config: HtmlConfig): HtmlPage {
  const contentType = res.headers['content-type'];
  const body = decodeBody(res.body, typeof contentType === 'string' ? contentType : undefined);
  const url = redactUrl(res.url);
  try {
    return parseHtmlPage(body, config, res.url);
  } catch (error) {
    if (!(error instanceof ConnectorError)) throw error;
    // A challenge page served with 200 has none of the items either; say what it really is.
    const signal = botWallSignal(res.headers, body);
    if (signal) throw blockedError(signal, new URL(res.url).host, { status: res.status, url, cause: error });
    throw new ConnectorError('PARSE', error.message, { url, status: res.status, cause: error });
  }
}

async function fetchPages(ctx: FetchContext<HtmlConfig>): Promise<FetchResult> {
  const { config, http, signal } = ctx;
  const oldestFirst = config.order === 'oldest-first';
  let previous = readCursor(ctx.cursor);
  // A thread cursor belongs to the url it was made for; after the url changes it means nothing.
  if (oldestFirst && previous.startUrl !== config.url) previous = { lastSeenId: null };

  const items = new Map<string, RawItem>();
  const visited = new Set<string>();
  let url = (oldestFirst ? previous.resumeUrl : undefined) ?? config.url;
  let newestId: string | null = null;
  let lastPage = url;
  let undated = 0;
  let undatedSample: string | null = null;
  for (let page = 1; ; page++) {
    visited.add(url);
    let res: HttpResponse;
    try {
      res = await http.get({ url, headers: { accept: ACCEPT }, politeness: POLITENESS, signal });
    } catch (error) {
      throw asBlocked(error, new URL(url).host);
    }
    visited.add(res.url);
    let parsed: HtmlPage;
    try {
      parsed = parseResponse(res, config);
    } catch (error) {
      // Page 1 proved the selectors; a later page without items (a trailing "next" link to an
      // empty page) ends the walk instead of throwing away what was read.
      if (page === 1 || !(error instanceof ConnectorError) || error.code !== 'PARSE') throw error;
      ctx.log(`stopped at page ${page}: ${error.message}`);
      break;
    }
    lastPage = url;
    undated += parsed.undated;
    undatedSample ??= parsed.undatedSample;
    newestId ??= parsed.items[0]?.externalId ?? null;

    let pageItems = parsed.items;
    const seenAt = previous.lastSeenId === null ? -1 : pageItems.findIndex((i) => i.externalId === previous.lastSeenId);
    if (oldestFirst && seenAt >= 0) pageItems = pageItems.slice(seenAt + 1);
    for (const item of pageItems) if (!items.has(item.externalId)) items.set(item.externalId, item);

    if (!oldestFirst && seenAt >= 0) break;
    if (!parsed.next || visited.has(parsed.next)) break;
    if (page >= config.maxPages) {
      ctx.log(`stopped after ${page} pages (maxPages); ${oldestFirst ? 'the next run continues from here' : 'older pages are left unread'}`);
      break;
    }
    url = parsed.next;
  }

  if (!config.fields.date) {
    ctx.log('no date selector configured: publishedAt is left empty and the ingest uses the fetch time');
  } else if (undated > 0) {
    const example = undatedSample ? ` (e.g. '${undatedSample.slice(0, 40)}')` : '';
    ctx.log(`${undated} item(s) had no readable date${example}; their publishedAt is left empty and the ingest uses the fetch time`);
  }

  const all = [...items.values()];
  const cursor: HtmlCursor = oldestFirst
    ? { lastSeenId: all.at(-1)?.externalId ?? previous.lastSeenId, resumeUrl: lastPage, startUrl: config.url }
    : { lastSeenId: newestId ?? previous.lastSeenId };
  return { items: all, cursor };
}

export const html: Connector<HtmlConfig> = {
  name: 'html',
  description: 'Any review list or forum page, read with CSS selectors from the config (scrapes public pages)',
  configSchema,
  example: {
    url: 'https://forum.example.com/t/delivery-delays/1234',
    item: 'article.post',
    fields: {
      text: '.post-body',
      author: '.post-author',
      date: 'time',
      dateAttr: 'datetime',
      link: 'a.post-permalink',
      id: ':scope',
      idAttr: 'data-post-id',
    },
    nextPage: 'a[rel=next]',
    maxPages: 3,
    order: 'oldest-first',
  },
  defaultSchedule: '23 * * * *',
  politeness: POLITENESS,
  // Forum threads and small review pages can stay quiet for days.
  expectedIntervalMs: 7 * 24 * 60 * 60 * 1000,
  fetch: fetchPages,
  parse: (body, config) => parseHtmlPage(body, config, config.url).items,
};
