/**
 * Hacker News stories and comments matching a query, through the Algolia HN Search API. No API
 * key; Algolia asks clients to stay under 10,000 requests an hour per IP.
 *
 * Endpoint: https://hn.algolia.com/api/v1/search_by_date?query=…&tags=(story,comment)
 *   &numericFilters=created_at_i>{since}&hitsPerPage=…&page=… — newest first. The same parser
 *   reads /api/v1/search (relevance order) replies; /items/{id} and /users/{name} are other
 *   shapes and are refused with PARSE.
 * Paging: `page` counts from 0 up to nbPages - 1, bounded by `maxPages`. Runs are incremental
 *   through the created_at_i filter: the cursor keeps the newest created_at_i seen, and the next
 *   run asks for items after it minus a few minutes, because Algolia indexes an item a little
 *   after it is posted and a strict `>` would lose late arrivals (ingest drops the repeats).
 * Politeness: one request a second.
 * Fields: objectID → externalId; stories: title → title, story_text (HTML; the title when empty)
 *   → text, the story's url or else https://news.ycombinator.com/item?id={objectID} → url;
 *   comments: comment_text (HTML) → text, story_title → title, the HN item link → url,
 *   parent_id → metadata.replyTo, story_id → metadata.storyId. author → author; created_at_i →
 *   publishedAt; points → metadata.score, num_comments → metadata.replies.
 */
import { z } from 'zod';
import { parseDate } from '../util/dates.js';
import { decodeBody } from './decode.js';
import { ConnectorError } from './errors.js';
import { htmlToText } from './html-text.js';
import { redactUrl, type HttpResponse } from './http.js';
import type { Connector, FetchContext, FetchResult, Politeness, RawItem } from './types.js';

const API = 'https://hn.algolia.com/api/v1/search_by_date';
const ITEM = 'https://news.ycombinator.com/item?id=';

const configSchema = z.object({
  query: z.string({ error: 'query is required' }).trim().min(1, 'query must not be empty').max(512),
  tags: z.enum(['story', 'comment', 'both'], { error: "tags must be 'story', 'comment' or 'both'" }).default('both'),
  hitsPerPage: z.int().min(1).max(1000).default(100),
  maxPages: z.int().min(1).max(50).default(5),
});
export type HackerNewsConfig = z.output<typeof configSchema>;

const cursorSchema = z.object({ since: z.int().nonnegative() });
/** created_at_i (epoch seconds) of the newest item seen. */
export type HackerNewsCursor = { since: number };

const POLITENESS: Politeness = { intervalCap: 1, intervalMs: 1000, concurrency: 1 };
/** How far back each run looks past the cursor, for items Algolia indexed late. */
export const INDEX_LAG_S = 300;

const idSchema = z.union([z.string(), z.number()]).transform(String);
const hitSchema = z.object({
  objectID: z.string().min(1),
  created_at_i: z.number().nullish(),
  created_at: z.string().nullish(),
  author: z.string().nullish(),
  title: z.string().nullish(),
  url: z.string().nullish(),
  story_text: z.string().nullish(),
  comment_text: z.string().nullish(),
  points: z.number().nullish(),
  num_comments: z.number().nullish(),
  story_id: idSchema.nullish(),
  story_title: z.string().nullish(),
  story_url: z.string().nullish(),
  parent_id: idSchema.nullish(),
  _tags: z.array(z.string()).nullish(),
});
type Hit = z.infer<typeof hitSchema>;
const responseSchema = z.object({
  hits: z.array(z.unknown()),
  page: z.number().nullish(),
  nbPages: z.number().nullish(),
});

export interface HackerNewsPage {
  items: RawItem[];
  /** The newest created_at_i on the page (null when empty). */
  newest: number | null;
  page: number;
  nbPages: number | null;
}

/** Parses one search reply. Throws ConnectorError PARSE when it has no hits array or no usable hit. */
export function parseSearch(body: string): HackerNewsPage {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw notJson(body);
  }
  const reply = responseSchema.safeParse(json);
  if (!reply.success) throw new ConnectorError('PARSE', 'not an HN search reply (no hits array)');
  const hits = reply.data.hits.map((hit) => hitSchema.safeParse(hit)).filter((r) => r.success).map((r) => r.data);
  if (hits.length === 0 && reply.data.hits.length > 0) {
    throw new ConnectorError('PARSE', `none of the ${reply.data.hits.length} hits has the known shape`);
  }
  const times = hits.map((hit) => hit.created_at_i).filter((t) => t != null);
  return {
    items: hits.map(toRawItem),
    newest: times.length > 0 ? Math.max(...times) : null,
    page: reply.data.page ?? 0,
    nbPages: reply.data.nbPages ?? null,
  };
}

function toRawItem(hit: Hit): RawItem {
  const link = ITEM + hit.objectID;
  const publishedAt = hit.created_at_i != null ? hit.created_at_i * 1000 : parseDate(hit.created_at);
  const isComment = hit._tags ? hit._tags.includes('comment') : hit.comment_text != null;
  const metadata: Record<string, unknown> = { kind: isComment ? 'comment' : kindOf(hit) };
  if (hit.points != null) metadata.score = hit.points;
  if (hit.num_comments != null) metadata.replies = hit.num_comments;

  if (isComment) {
    if (hit.parent_id != null) metadata.replyTo = hit.parent_id;
    if (hit.story_id != null) metadata.storyId = hit.story_id;
    if (hit.story_url) metadata.storyUrl = hit.story_url;
    return {
      externalId: hit.objectID,
      url: link,
      author: hit.author ?? null,
      title: hit.story_title?.trim() || null,
      text: htmlToText(hit.comment_text ?? ''),
      publishedAt,
      metadata,
    };
  }
  const title = hit.title?.trim() || null;
  const url = hit.url?.trim() || link;
  if (url !== link) metadata.discussionUrl = link;
  return {
    externalId: hit.objectID,
    url,
    author: hit.author ?? null,
    title,
    text: htmlToText(hit.story_text ?? '') || title || '',
    publishedAt,
    metadata,
  };
}

// Algolia tags each hit with its type and, for stories, ask_hn / show_hn / front_page.
function kindOf(hit: Hit): string {
  const tags = hit._tags ?? [];
  return ['ask_hn', 'show_hn', 'poll', 'pollopt', 'job'].find((tag) => tags.includes(tag)) ?? 'story';
}

function notJson(body: string): ConnectorError {
  const text = body.replace(/\s+/g, ' ').trim();
  return new ConnectorError('PARSE', text ? `not JSON: ${JSON.stringify(text.slice(0, 80))}` : 'empty body, not JSON');
}

export function pageUrl(config: HackerNewsConfig, page: number, since: number | null): string {
  const params = new URLSearchParams({
    query: config.query,
    tags: config.tags === 'both' ? '(story,comment)' : config.tags,
  });
  if (since !== null) params.set('numericFilters', `created_at_i>${Math.max(0, since - INDEX_LAG_S)}`);
  params.set('hitsPerPage', String(config.hitsPerPage));
  params.set('page', String(page));
  return `${API}?${params}`;
}

function readPage(res: HttpResponse): HackerNewsPage {
  const contentType = res.headers['content-type'];
  try {
    return parseSearch(decodeBody(res.body, typeof contentType === 'string' ? contentType : undefined));
  } catch (error) {
    if (!(error instanceof ConnectorError)) throw error;
    const url = redactUrl(res.url);
    throw new ConnectorError('PARSE', `${error.message} (${url})`, { url, status: res.status, cause: error });
  }
}

async function fetchHackerNews(ctx: FetchContext<HackerNewsConfig>): Promise<FetchResult> {
  const { config, http, signal } = ctx;
  const previous = cursorSchema.safeParse(ctx.cursor);
  const since = previous.success ? previous.data.since : null;

  const items = new Map<string, RawItem>();
  let newest = since;
  for (let page = 0; ; page++) {
    const res = await http.get({
      url: pageUrl(config, page, since),
      headers: { accept: 'application/json' },
      politeness: POLITENESS,
      signal,
    });
    const result = readPage(res);
    for (const item of result.items) if (!items.has(item.externalId)) items.set(item.externalId, item);
    if (result.newest !== null) newest = Math.max(newest ?? 0, result.newest);
    const lastPage = result.items.length === 0 || (result.nbPages !== null && page + 1 >= result.nbPages);
    if (lastPage) break;
    if (page + 1 >= config.maxPages) {
      ctx.log(`stopped after ${page + 1} pages (maxPages); older matching items are left unread`);
      break;
    }
  }
  const cursor: HackerNewsCursor | null = newest === null ? null : { since: newest };
  return { items: [...items.values()], cursor };
}

export const hackernews: Connector<HackerNewsConfig> = {
  name: 'hackernews',
  description: 'Hacker News stories and comments matching a query (Algolia HN Search API, newest first)',
  configSchema,
  example: { query: 'earshot', tags: 'both', hitsPerPage: 100, maxPages: 5 },
  defaultSchedule: '*/20 * * * *',
  politeness: POLITENESS,
  // A brand can go unmentioned on HN for days; a week of silence suggests the query or API broke.
  expectedIntervalMs: 7 * 24 * 60 * 60 * 1000,
  fetch: fetchHackerNews,
  parse: (body) => parseSearch(body).items,
};
