/**
 * Apple App Store customer reviews from Apple's public customer-reviews RSS feed. No API key and no
 * page scraping: Apple publishes this feed for reading, but documents neither a rate limit nor how
 * long it will keep it (it is a legacy iTunes endpoint); review text stays the reviewers' own.
 *
 * Endpoint: GET https://itunes.apple.com/{country}/rss/customerreviews/page={n}/id={appId}/sortby=mostrecent/{xml|json}
 *   Reviews belong to one storefront (country), so a source reads one country.
 * Paging: newest first, up to 50 reviews a page, pages 1..10 (Apple serves no more, so only the
 *   newest ~500 reviews are reachable). We read from page 1 and stop at the page holding the
 *   cursor's review, at the feed's rel="last" page, at an empty page, or at maxPages.
 * Politeness: one request every 3 s per host, one at a time (Apple's iTunes Search API documents
 *   about 20 calls a minute; the feed has no figure of its own). Reviews arrive slowly, so an
 *   hourly poll usually costs one page.
 * Format: XML (Atom) by default, because it dates every review (<updated>). The JSON form of the
 *   same feed has often carried no per-review date (the ../shared capture has none; later captures
 *   have `updated`, read when present). A review without a date gets publishedAt null, which ingest
 *   stamps with the fetch time, and says so in metadata.dateSource = 'fetch-time'.
 * Fields: entry id → externalId; title → title; content type="text" → text (its type="html" twin is
 *   the same review rendered in a table, used only when the text one is missing); author name →
 *   author, author uri → metadata.authorUrl; im:rating → rating; im:version → metadata.appVersion;
 *   the storefront (from the feed's own id, else the config) → metadata.country; im:voteSum and
 *   im:voteCount (helpful votes, all votes) → metadata; updated → publishedAt; the entry's link →
 *   url (Apple's review page for the app: it has no per-review URL). No langHint: a storefront is not
 *   a language. Some forms of the feed put the app itself first (im:name, no im:rating): skipped.
 */
import { load, type CheerioAPI } from 'cheerio';
import { z } from 'zod';
import { parseDate } from '../util/dates.js';
import { decodeBody } from './decode.js';
import { ConnectorError } from './errors.js';
import { htmlToText } from './html-text.js';
import { redactUrl } from './http.js';
import type { Connector, FetchContext, FetchResult, Politeness, RawItem } from './types.js';

const configSchema = z.object({
  appId: z.preprocess(
    (v) => (typeof v === 'number' ? String(v) : v),
    z.string().regex(/^\d+$/, 'the numeric App Store id, e.g. 284882215 (the digits after "id" in the app URL)'),
  ),
  country: z.string().toLowerCase().regex(/^[a-z]{2}$/, 'a two-letter storefront code, e.g. us').default('us'),
  format: z.enum(['xml', 'json'], 'either xml (dated reviews) or json').default('xml'),
  maxPages: z.int().min(1).max(10, 'Apple serves at most 10 pages').default(10),
});
export type AppStoreConfig = z.output<typeof configSchema>;

const cursorSchema = z.object({ lastSeenId: z.string(), lastSeenAt: z.number().nullish() });
export type AppStoreCursor = { lastSeenId: string; lastSeenAt: number | null };

const POLITENESS: Politeness = { intervalCap: 1, intervalMs: 3000, concurrency: 1 };

export interface AppStorePage {
  items: RawItem[];
  /** The page number of the feed's rel="last" link, when it has one. */
  lastPage: number | null;
}

export function reviewsUrl(config: AppStoreConfig, page: number): string {
  return `https://itunes.apple.com/${config.country}/rss/customerreviews/page=${page}/id=${config.appId}/sortby=mostrecent/${config.format}`;
}

/** One page of the feed, XML or JSON (told apart by the body). Throws PARSE when it is neither. */
export function parseReviewsPage(body: string, config: Pick<AppStoreConfig, 'country'>): AppStorePage {
  const text = body.trim();
  if (text.startsWith('{')) return parseJson(text, config.country);
  if (text.startsWith('<')) return parseXml(text, config.country);
  throw new ConnectorError('PARSE', 'neither an XML nor a JSON reviews feed');
}

/** One entry's fields as the feed writes them, before they are checked and converted. */
type Field = 'id' | 'title' | 'text' | 'author' | 'authorUrl' | 'rating' | 'version' | 'voteSum' | 'voteCount' | 'updated' | 'url';
type Review = Record<Field, string | null> & { isApp: boolean };
const count = (value: string | null) => (value !== null && /^\d+$/.test(value) ? Number(value) : undefined);

function toItems(reviews: Review[], country: string, format: 'xml' | 'json'): RawItem[] {
  const entries = reviews.filter((r) => !r.isApp);
  const items: RawItem[] = [];
  for (const r of entries) {
    if (!r.id || r.rating === null) continue;
    const publishedAt = parseDate(r.updated);
    const metadata: Record<string, unknown> = { country };
    if (r.version) metadata.appVersion = r.version;
    if (count(r.voteSum) !== undefined) metadata.voteSum = count(r.voteSum);
    if (count(r.voteCount) !== undefined) metadata.voteCount = count(r.voteCount);
    if (r.authorUrl) metadata.authorUrl = r.authorUrl;
    if (publishedAt === null) metadata.dateSource = 'fetch-time';
    const rating = Number(r.rating);
    items.push({
      externalId: r.id,
      url: r.url,
      author: r.author,
      title: r.title,
      text: r.text ?? '',
      publishedAt,
      rating: Number.isInteger(rating) && rating >= 1 && rating <= 5 ? rating : null,
      metadata,
    });
  }
  // Entries that are all unreadable mean the feed changed shape, not that nobody wrote a review.
  if (entries.length > 0 && items.length === 0) {
    throw new ConnectorError('PARSE', `${format} feed has ${entries.length} entries but none reads as a review (id, im:rating)`);
  }
  return items;
}

function parseXml(xml: string, fallbackCountry: string): AppStorePage {
  // The XML parser forgives a missing end, so a cut-off download would pass as a shorter page.
  if (!/<\/feed\s*>$/.test(xml)) throw new ConnectorError('PARSE', 'not a whole Atom feed (no closing </feed>)');
  let $: CheerioAPI;
  try {
    $ = load(xml, { xml: true });
  } catch (error) {
    throw new ConnectorError('PARSE', 'unreadable XML', { cause: error });
  }
  const feed = $.root().children('feed');
  if (feed.length !== 1) throw new ConnectorError('PARSE', 'XML without an Atom <feed> root');
  const feedId = clean(feed.children('id').first().text());
  const country = countryOf(feedId) ?? fallbackCountry;
  const reviews = feed
    .children('entry')
    .toArray()
    .map((el): Review => {
      const entry = $(el);
      const child = (name: string) => clean(entry.children(name).first().text());
      const html = entry.children('content[type="html"]').first().text();
      return {
        id: child('id'),
        title: child('title'),
        text: plain(entry.children('content[type="text"]').first().text()) ?? (html ? htmlToText(html) : null),
        author: clean(entry.children('author').children('name').first().text()),
        authorUrl: clean(entry.children('author').children('uri').first().text()),
        rating: child('im\\:rating'),
        version: child('im\\:version'),
        voteSum: child('im\\:voteSum'),
        voteCount: child('im\\:voteCount'),
        updated: child('updated'),
        url: clean(entry.children('link').first().attr('href')),
        isApp: entry.children('im\\:name').length > 0,
      };
    });
  const last = feed.children('link[rel="last"]').first().attr('href');
  return { items: toItems(reviews, country, 'xml'), lastPage: pageOf(last) };
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | null => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : null);
const label = (v: unknown): string | null => {
  const value = obj(v)?.label;
  return typeof value === 'string' || typeof value === 'number' ? String(value) : null;
};

function parseJson(text: string, fallbackCountry: string): AppStorePage {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new ConnectorError('PARSE', 'unreadable JSON (cut off or not JSON)', { cause: error });
  }
  const feed = obj(obj(doc)?.feed);
  if (!feed) throw new ConnectorError('PARSE', 'JSON without the feed object of the reviews feed');
  const country = countryOf(label(feed.id)) ?? fallbackCountry;
  // A feed with one entry gives an object instead of a list; a feed with none has no `entry`.
  const raw = feed.entry === undefined ? [] : Array.isArray(feed.entry) ? feed.entry : [feed.entry];
  const reviews = raw.map((value): Review => {
    const e = obj(value) ?? {};
    const author = obj(e.author) ?? {};
    const content = obj(e.content);
    const contentType = obj(content?.attributes)?.type;
    const link = Array.isArray(e.link) ? e.link[0] : e.link;
    return {
      id: clean(label(e.id)),
      title: clean(label(e.title)),
      text: contentType === 'html' ? htmlToText(label(content) ?? '') || null : plain(label(content)),
      author: clean(label(author.name)),
      authorUrl: clean(label(author.uri)),
      rating: clean(label(e['im:rating'])),
      version: clean(label(e['im:version'])),
      voteSum: clean(label(e['im:voteSum'])),
      voteCount: clean(label(e['im:voteCount'])),
      updated: clean(label(e.updated)),
      url: clean(String(obj(obj(link)?.attributes)?.href ?? '')),
      isApp: e['im:name'] !== undefined,
    };
  });
  const links = Array.isArray(feed.link) ? feed.link : [feed.link];
  const last = links.map((l) => obj(obj(l)?.attributes)).find((a) => a?.rel === 'last')?.href;
  return { items: toItems(reviews, country, 'json'), lastPage: pageOf(typeof last === 'string' ? last : undefined) };
}

const clean = (value?: string | null): string | null => value?.replace(/\s+/g, ' ').trim() || null;
/** Review text keeps its line breaks: it is plain text, not markup. */
const plain = (value?: string | null): string | null => value?.replace(/\r\n?/g, '\n').trim() || null;

function countryOf(feedId: string | null): string | null {
  return feedId ? (/itunes\.apple\.com\/([a-z]{2})\/rss\//i.exec(feedId)?.[1]?.toLowerCase() ?? null) : null;
}

function pageOf(href: string | undefined): number | null {
  const page = href ? /\/page=(\d+)\//.exec(href)?.[1] : undefined;
  return page ? Number(page) : null;
}

function readCursor(raw: unknown): AppStoreCursor | null {
  const parsed = cursorSchema.safeParse(raw);
  return parsed.success ? { lastSeenId: parsed.data.lastSeenId, lastSeenAt: parsed.data.lastSeenAt ?? null } : null;
}

/**
 * Where the already-seen part of the newest-first list starts: the cursor's review, unless it was
 * edited since (it moved up with a newer date), or the first review older than it (it was deleted).
 */
function isSeen(item: RawItem, cursor: AppStoreCursor): boolean {
  const at = item.publishedAt ?? null;
  if (item.externalId === cursor.lastSeenId) return !(at !== null && cursor.lastSeenAt !== null && at > cursor.lastSeenAt);
  return at !== null && cursor.lastSeenAt !== null && at < cursor.lastSeenAt;
}

async function fetchReviews(ctx: FetchContext<AppStoreConfig>): Promise<FetchResult> {
  const { config, http, signal } = ctx;
  const previous = readCursor(ctx.cursor);
  const accept = config.format === 'xml' ? 'application/atom+xml, application/xml;q=0.9, */*;q=0.5' : 'application/json';
  const items = new Map<string, RawItem>();
  let newest: RawItem | undefined;
  for (let page = 1; page <= config.maxPages; page++) {
    const url = reviewsUrl(config, page);
    const res = await http.get({ url, headers: { accept }, politeness: POLITENESS, signal });
    const contentType = res.headers['content-type'];
    let parsed: AppStorePage;
    try {
      parsed = parseReviewsPage(decodeBody(res.body, typeof contentType === 'string' ? contentType : undefined), config);
    } catch (error) {
      if (!(error instanceof ConnectorError)) throw error;
      throw new ConnectorError('PARSE', `${error.message} (page ${page}, ${redactUrl(url)})`, { url, status: res.status, cause: error });
    }
    newest ??= parsed.items[0];
    const boundary = previous ? parsed.items.findIndex((item) => isSeen(item, previous)) : -1;
    for (const item of boundary < 0 ? parsed.items : parsed.items.slice(0, boundary)) {
      if (!items.has(item.externalId)) items.set(item.externalId, item);
    }
    if (boundary >= 0 || parsed.items.length === 0) break;
    if (parsed.lastPage !== null && page >= parsed.lastPage) break;
    if (page === config.maxPages && previous) {
      ctx.log(`stopped after ${page} pages (maxPages) without reaching the last seen review; older ones are left unread`);
    }
  }
  const cursor = newest ? { lastSeenId: newest.externalId, lastSeenAt: newest.publishedAt ?? null } : ctx.cursor;
  return { items: [...items.values()], cursor };
}

export const appstore: Connector<AppStoreConfig> = {
  name: 'appstore',
  description: 'Apple App Store customer reviews of one app in one storefront, from Apple’s public RSS feed',
  configSchema,
  example: { appId: '1404176564', country: 'jp', format: 'xml', maxPages: 10 },
  defaultSchedule: '7 * * * *',
  politeness: POLITENESS,
  // A small app can go days without a review in one storefront; a silent week is worth a look.
  expectedIntervalMs: 7 * 24 * 60 * 60 * 1000,
  fetch: fetchReviews,
  parse: (body, config) => parseReviewsPage(body, config).items,
};
