/**
 * RSS 2.0 / Atom / RDF (RSS 1.0) feeds: news sites, blogs, forums, anything with a feed URL.
 *
 * Endpoint: the configured feed URL, fetched with a conditional GET (the cursor keeps the ETag and
 *   Last-Modified), so an unchanged feed costs one 304 and nothing else.
 * Paging: most feeds are one document. Paged and archived feeds (RFC 5005) link older pages with
 *   `<link rel="next">` (`<atom:link rel="next">` in RSS); we follow them up to `maxPages`, stopping
 *   at the first page holding an id we already saw (the cursor keeps the newest 500 ids).
 * Politeness: one request a second per host, one at a time; feeds rarely change faster than every
 *   few minutes, so the default schedule polls every 15 minutes.
 * Fields: guid/id → externalId (else link, else a hash of title and date); link → url;
 *   author/dc:creator → author; description/summary (else content) as plain text → text;
 *   pubDate/published/dc:date/updated → publishedAt; channel title and item categories → metadata;
 *   the feed's <language> (or the configured one) → langHint.
 */
import { createHash } from 'node:crypto';
import { parseFeed as parseFeedDocument } from '@rowanmanning/feed-parser';
import { z } from 'zod';
import { parseDate } from '../util/dates.js';
import { decodeBody } from './decode.js';
import { ConnectorError } from './errors.js';
import { htmlToText } from './html-text.js';
import { redactUrl, type HttpResponse } from './http.js';
import type { Connector, FetchContext, FetchResult, Politeness, RawItem } from './types.js';

const configSchema = z.object({
  url: z.url({ protocol: /^https?$/ }),
  maxPages: z.int().min(1).max(50).default(5),
  /** ISO 639-1 hint that overrides the feed's own <language>. */
  language: z.string().toLowerCase().regex(/^[a-z]{2}$/, 'a two-letter ISO 639-1 code').optional(),
});
export type RssConfig = z.output<typeof configSchema>;

const cursorSchema = z.object({
  etag: z.string().nullish(),
  lastModified: z.string().nullish(),
  recentIds: z.array(z.string()).default([]),
});
export type RssCursor = { etag: string | null; lastModified: string | null; recentIds: string[] };

const RECENT_IDS = 500;
const POLITENESS: Politeness = { intervalCap: 1, intervalMs: 1000, concurrency: 1 };
const ACCEPT =
  'application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5';

export interface ParsedFeed {
  title: string | null;
  /** ISO 639-1 from the feed's <language>, when it has one. */
  language: string | null;
  items: RawItem[];
  /** Absolute URL of the next (older) page, when the feed is paged. */
  next: string | null;
}

type FeedDocument = ReturnType<typeof parseFeedDocument>;
type FeedEntry = FeedDocument['items'][number];

/** Parses one feed document. Throws ConnectorError PARSE when the text is not a whole feed. */
export function parseFeed(xml: string, baseUrl?: string): ParsedFeed {
  if (xml.trim() === '') throw new ConnectorError('PARSE', 'empty document, not a feed');
  let feed: FeedDocument;
  try {
    feed = parseFeedDocument(xml);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConnectorError('PARSE', `not a feed: ${reason.slice(0, 160)}`, { cause: error });
  }
  if (!endsWithRoot(xml)) {
    throw new ConnectorError('PARSE', 'truncated feed: the document does not end with its root element');
  }
  const title = feed.title ?? null;
  const language = languageCode(feed.language);
  return {
    title,
    language,
    items: feed.items.map((entry) => toRawItem(entry, { title, language, baseUrl })),
    next: nextPage(feed, baseUrl),
  };
}

// The XML parser forgives a missing end, so a cut-off download would pass as a shorter feed.
function endsWithRoot(xml: string): boolean {
  let tail = xml.trimEnd();
  while (tail.endsWith('-->')) {
    const comment = tail.lastIndexOf('<!--');
    if (comment < 0) break;
    tail = tail.slice(0, comment).trimEnd();
  }
  return /<\/(?:[\w.-]+:)?(?:rss|rdf|feed)\s*>$/i.test(tail.slice(-80));
}

function toRawItem(
  entry: FeedEntry,
  feed: { title: string | null; language: string | null; baseUrl: string | undefined },
): RawItem {
  const title = clean(entry.title);
  const dateText = rawDate(entry);
  const publishedAt = parseDate(dateText) ?? entry.published?.getTime() ?? entry.updated?.getTime() ?? null;
  const url = absolute(entry.url, feed.baseUrl);
  const text = htmlToText(entry.description ?? '') || htmlToText(entry.content ?? '') || title || '';
  const externalId =
    clean(entry.id) ?? url ?? `sha1:${createHash('sha1').update(`${title ?? ''}\n${dateText ?? ''}`).digest('hex')}`;
  const author = entry.authors.map((a) => clean(a.name)).filter((name) => name !== null).join(', ');
  const categories = entry.categories.map((c) => clean(c.label) ?? clean(c.term)).filter((c) => c !== null);

  const metadata: Record<string, unknown> = {};
  if (feed.title) metadata.feedTitle = feed.title;
  if (categories.length > 0) metadata.categories = categories;
  return {
    externalId,
    url,
    author: author || null,
    title,
    text,
    publishedAt,
    langHint: feed.language,
    ...(Object.keys(metadata).length > 0 ? { metadata } : {}),
  };
}

// Read the date text ourselves: feed-parser uses `new Date()`, which misreads many RFC 822 forms.
const DATE_ELEMENTS = ['pubdate', 'published', 'date', 'updated', 'issued', 'modified'];
function rawDate(entry: FeedEntry): string | null {
  for (const name of DATE_ELEMENTS) {
    const text = entry.element.findElementWithName(name)?.textContent.trim();
    if (text && parseDate(text) !== null) return text;
  }
  return null;
}

function nextPage(feed: FeedDocument, baseUrl: string | undefined): string | null {
  // Element names come without their prefix, so this finds both <link> and <atom:link>.
  const link = feed.element
    .findElementsWithName('link')
    .find((el) => el.getAttribute('rel')?.trim().toLowerCase() === 'next');
  const href = link?.getAttributeAsUrl('href');
  const url = href ? absolute(href, baseUrl) : null;
  return url && /^https?:/i.test(url) ? url : null;
}


function clean(value: string | null | undefined): string | null {
  const text = value?.replace(/\s+/g, ' ').trim();
  return text ? text : null;
}

function absolute(url: string | null | undefined, baseUrl: string | undefined): string | null {
  const value = url?.trim();
  if (!value) return null;
  try {
    return new URL(value, baseUrl).href;
  } catch {
    return value;
  }
}

function languageCode(value: string | null | undefined): string | null {
  const match = value ? /^\s*([a-z]{2})(?:$|[-_\s])/i.exec(value) : null;
  return match?.[1]?.toLowerCase() ?? null;
}

function readCursor(raw: unknown): RssCursor {
  const parsed = cursorSchema.safeParse(raw ?? {});
  const cursor = parsed.success ? parsed.data : { recentIds: [] };
  return { etag: cursor.etag ?? null, lastModified: cursor.lastModified ?? null, recentIds: cursor.recentIds };
}

function parsePage(res: HttpResponse): ParsedFeed {
  const contentType = res.headers['content-type'];
  try {
    return parseFeed(decodeBody(res.body, typeof contentType === 'string' ? contentType : undefined), res.url);
  } catch (error) {
    if (!(error instanceof ConnectorError)) throw error;
    const url = redactUrl(res.url);
    throw new ConnectorError('PARSE', `${error.message} (${url})`, { url, status: res.status, cause: error });
  }
}

async function fetchFeed(ctx: FetchContext<RssConfig>): Promise<FetchResult> {
  const { config, http, signal } = ctx;
  const previous = readCursor(ctx.cursor);
  const seen = new Set(previous.recentIds);
  const request = { headers: { accept: ACCEPT }, politeness: POLITENESS, signal };

  const first = await http.get({
    ...request,
    url: config.url,
    etag: previous.etag,
    lastModified: previous.lastModified,
  });
  if (first.notModified) return { items: [], cursor: ctx.cursor };

  const items = new Map<string, RawItem>();
  const visited = new Set([config.url, first.url]);
  let res = first;
  for (let page = 1; ; page++) {
    const feed = parsePage(res);
    for (const item of feed.items) {
      if (items.has(item.externalId)) continue;
      items.set(item.externalId, { ...item, langHint: config.language ?? item.langHint ?? null });
    }
    if (!feed.next || feed.items.some((item) => seen.has(item.externalId))) break;
    if (visited.has(feed.next)) break;
    if (page >= config.maxPages) {
      ctx.log(`stopped after ${page} pages (maxPages); older pages are left unread`);
      break;
    }
    visited.add(feed.next);
    res = await http.get({ ...request, url: feed.next });
  }

  const recentIds = [...new Set([...items.keys(), ...previous.recentIds])].slice(0, RECENT_IDS);
  const cursor: RssCursor = { etag: first.etag, lastModified: first.lastModified, recentIds };
  return { items: [...items.values()], cursor };
}

export const rss: Connector<RssConfig> = {
  name: 'rss',
  description: 'RSS 2.0, Atom and RDF feeds (news, blogs, forums), with RFC 5005 paging',
  configSchema,
  example: { url: 'https://www.theguardian.com/world/rss', maxPages: 5 },
  defaultSchedule: '*/15 * * * *',
  politeness: POLITENESS,
  // A quiet blog may post weekly, but a day without a single item on a news feed is worth a look.
  expectedIntervalMs: 24 * 60 * 60 * 1000,
  fetch: fetchFeed,
  parse: (body, config) => {
    const feed = parseFeed(body, config.url);
    const lang = config.language ?? feed.language;
    return lang ? feed.items.map((item) => ({ ...item, langHint: item.langHint ?? lang })) : feed.items;
  },
};
