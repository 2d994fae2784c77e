/**
 * Reddit: a subreddit's newest posts or comments, or a search sorted by date, read from the
 * public `.json` views of the website. No API key; Reddit's User Agreement and Data API Terms
 * apply, and Reddit refuses unauthenticated requests from many cloud networks (403 → BLOCKED).
 *
 * Endpoints (raw_json=1 keeps text unescaped; bodies are Reddit "Listing" JSON):
 *   new:      https://www.reddit.com/r/{sub}/new.json?limit=100&raw_json=1
 *   comments: https://www.reddit.com/r/{sub}/comments.json?limit=100&raw_json=1
 *   search:   https://www.reddit.com/search.json?q=…&sort=new&limit=100&raw_json=1, or
 *             https://www.reddit.com/r/{sub}/search.json?…&restrict_sr=1 within a subreddit.
 * Paging: a Listing names its last child in `after`; the next (older) page repeats the URL with
 *   &after=…. Listings run newest first, so a run reads pages until it meets the cursor's fullname
 *   (or, when that item was deleted meanwhile, anything older than it) or `maxPages`.
 * Politeness: Reddit allows unauthenticated clients about 10 requests a minute per IP and wants a
 *   descriptive User-Agent (http.ts sends one); one request per 6.5 s keeps under that across
 *   every Reddit source, since the budget is per host.
 * Fields: posts (t3): name (t3_…) → externalId, https://www.reddit.com + permalink → url, title →
 *   title, selftext (Markdown; the title when a post has no body) → text; comments (t1): body →
 *   text, the post's title (link_title) → title, parent_id → metadata.replyTo, link_id →
 *   metadata.postId. created_utc → publishedAt; score, num_comments (→ replies), subreddit →
 *   metadata. "[deleted]" authors become null; comments whose body was deleted or removed are
 *   skipped, since they carry no words.
 */
import { z } from 'zod';
import { decodeBody } from './decode.js';
import { ConnectorError } from './errors.js';
import { redactUrl, type HttpResponse } from './http.js';
import type { Connector, FetchContext, FetchResult, Politeness, RawItem } from './types.js';

const SITE = 'https://www.reddit.com';
const subreddit = z
  .string({ error: 'subreddit is required' })
  .regex(/^[A-Za-z0-9_]{2,21}(\+[A-Za-z0-9_]{2,21})*$/, "a subreddit name without 'r/', e.g. 'AskReddit' (join several with '+')");
const maxPages = z.int().min(1).max(10).default(3);

const configSchema = z.discriminatedUnion(
  'mode',
  [
    z.object({ mode: z.enum(['new', 'comments']), subreddit, maxPages }),
    z.object({
      mode: z.literal('search'),
      query: z.string({ error: 'query is required in search mode' }).trim().min(1, 'query must not be empty').max(512),
      /** Restricts the search to one subreddit. */
      subreddit: subreddit.optional(),
      maxPages,
    }),
  ],
  { error: (issue) => (issue.code === 'invalid_union' ? "mode must be 'new', 'comments' or 'search'" : undefined) },
);
export type RedditConfig = z.output<typeof configSchema>;

const cursorSchema = z.object({ lastSeen: z.string().min(1), lastSeenAt: z.number().nullish() });
/** The newest fullname seen, and its time: the fallback stop when that item has been deleted. */
export type RedditCursor = { lastSeen: string; lastSeenAt: number | null };

const POLITENESS: Politeness = { intervalCap: 1, intervalMs: 6500, concurrency: 1 };

const thing = z.object({ kind: z.string(), data: z.record(z.string(), z.unknown()) });
const listingSchema = z.object({
  kind: z.literal('Listing'),
  data: z.object({ after: z.string().nullish(), children: z.array(thing) }),
});
const common = {
  id: z.string().min(1),
  name: z.string().nullish(),
  author: z.string().nullish(),
  created_utc: z.number(),
  score: z.number().nullish(),
  subreddit: z.string().nullish(),
  permalink: z.string().nullish(),
};
const postSchema = z.object({
  ...common,
  title: z.string(),
  selftext: z.string().nullish(),
  num_comments: z.number().nullish(),
  url: z.string().nullish(),
  is_self: z.boolean().nullish(),
  over_18: z.boolean().nullish(),
  link_flair_text: z.string().nullish(),
});
const commentSchema = z.object({
  ...common,
  body: z.string(),
  parent_id: z.string().nullish(),
  link_id: z.string().nullish(),
  link_title: z.string().nullish(),
});

/** One child of a listing: its fullname and time (for the cursor) and the item, if it has words. */
type Entry = { name: string; createdMs: number; item: RawItem | null };

const GONE = new Set(['[deleted]', '[removed]']);

/** Parses one Listing body. Throws ConnectorError PARSE when it is not a listing of posts or comments. */
export function parseListing(body: string): { entries: Entry[]; after: string | null } {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw notJson(body);
  }
  const listing = listingSchema.safeParse(json);
  if (!listing.success) throw new ConnectorError('PARSE', 'not a Reddit Listing (no data.children array)');
  const { children, after } = listing.data.data;
  const entries = children
    .map((child) => (child.kind === 't3' ? toPost(child.data) : child.kind === 't1' ? toComment(child.data) : null))
    .filter((entry) => entry !== null);
  // 'more' stubs aside, a page of children none of which reads as a post or comment means the layout moved.
  if (entries.length === 0 && children.some((child) => child.kind !== 'more')) {
    throw new ConnectorError('PARSE', `none of the ${children.length} listing children is a post or comment in the known shape`);
  }
  return { entries, after: after ?? null };
}

function toPost(data: unknown): Entry | null {
  const parsed = postSchema.safeParse(data);
  if (!parsed.success) return null;
  const p = parsed.data;
  const name = p.name ?? `t3_${p.id}`;
  const body = p.selftext?.trim() ?? '';
  const publishedAt = Math.round(p.created_utc * 1000);
  const metadata = compact({ kind: 'post', subreddit: p.subreddit, score: p.score, replies: p.num_comments });
  Object.assign(metadata, compact({ link: p.is_self === false ? p.url : null, flair: p.link_flair_text, nsfw: p.over_18 || null }));
  const url = p.permalink ? SITE + p.permalink : null;
  const text = body && !GONE.has(body) ? body : p.title;
  const item = { externalId: name, url, author: authorOf(p.author), title: p.title, text, publishedAt, metadata };
  return { name, createdMs: publishedAt, item };
}

function toComment(data: unknown): Entry | null {
  const parsed = commentSchema.safeParse(data);
  if (!parsed.success) return null;
  const c = parsed.data;
  const name = c.name ?? `t1_${c.id}`;
  const publishedAt = Math.round(c.created_utc * 1000);
  const text = c.body.trim();
  if (GONE.has(text)) return { name, createdMs: publishedAt, item: null };
  const metadata = compact({ kind: 'comment', subreddit: c.subreddit, score: c.score, replyTo: c.parent_id, postId: c.link_id });
  const item = { externalId: name, url: commentUrl(c), author: authorOf(c.author), title: c.link_title ?? null, text, publishedAt, metadata };
  return { name, createdMs: publishedAt, item };
}

/** Metadata without the fields the source left empty. */
function compact(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value != null && value !== ''));
}

// Listings from 2016 and earlier carry no permalink on comments; Reddit resolves any slug in
// /comments/{post}/{slug}/{comment}/, so "_" stands in for the title.
function commentUrl(c: z.infer<typeof commentSchema>): string | null {
  if (c.permalink) return SITE + c.permalink;
  if (!c.subreddit || !c.link_id) return null;
  return `${SITE}/r/${c.subreddit}/comments/${c.link_id.replace(/^t3_/, '')}/_/${c.id}/`;
}

function authorOf(author: string | null | undefined): string | null {
  return author && !GONE.has(author) ? author : null;
}

function notJson(body: string): ConnectorError {
  const text = body.replace(/\s+/g, ' ').trim();
  return new ConnectorError('PARSE', text ? `not JSON: ${JSON.stringify(text.slice(0, 80))}` : 'empty body, not JSON');
}

export function pageUrl(config: RedditConfig, after: string | null): string {
  const params = new URLSearchParams();
  let path: string;
  if (config.mode === 'search') {
    path = config.subreddit ? `/r/${config.subreddit}/search.json` : '/search.json';
    params.set('q', config.query);
    params.set('sort', 'new');
    if (config.subreddit) params.set('restrict_sr', '1');
  } else {
    path = `/r/${config.subreddit}/${config.mode}.json`;
  }
  params.set('limit', '100');
  params.set('raw_json', '1');
  if (after) params.set('after', after);
  return `${SITE}${path}?${params}`;
}

function readPage(res: HttpResponse): ReturnType<typeof parseListing> {
  const contentType = res.headers['content-type'];
  try {
    return parseListing(decodeBody(res.body, typeof contentType === 'string' ? contentType : undefined));
  } catch (error) {
    if (!(error instanceof ConnectorError)) throw error;
    const url = redactUrl(res.url);
    throw new ConnectorError('PARSE', `${error.message} (${url})`, { url, status: res.status, cause: error });
  }
}

// A 403 here is not about credentials (there are none): Reddit blocks the network, or the
// subreddit is private or banned.
function explainForbidden(error: unknown): never {
  if (error instanceof ConnectorError && error.code === 'AUTH' && error.status === 403) {
    throw new ConnectorError(
      'BLOCKED',
      `${error.message}: Reddit blocks unauthenticated requests from this network, or the subreddit is private or banned`,
      { status: error.status, url: error.url, cause: error },
    );
  }
  throw error;
}

async function fetchReddit(ctx: FetchContext<RedditConfig>): Promise<FetchResult> {
  const { config, http, signal } = ctx;
  const stored = cursorSchema.safeParse(ctx.cursor);
  const previous = stored.success ? { lastSeen: stored.data.lastSeen, lastSeenAt: stored.data.lastSeenAt ?? null } : null;
  const seen = (entry: Entry) =>
    previous !== null &&
    (entry.name === previous.lastSeen || (previous.lastSeenAt !== null && entry.createdMs < previous.lastSeenAt));

  const items = new Map<string, RawItem>();
  let newest: Entry | undefined;
  let after: string | null = null;
  for (let page = 1; ; page++) {
    const res = await http
      .get({ url: pageUrl(config, after), headers: { accept: 'application/json' }, politeness: POLITENESS, signal })
      .catch(explainForbidden);
    const listing = readPage(res);
    const fresh = listing.entries.filter((entry) => !seen(entry));
    newest ??= fresh[0];
    for (const entry of fresh) if (entry.item && !items.has(entry.item.externalId)) items.set(entry.item.externalId, entry.item);
    after = listing.after;
    if (fresh.length < listing.entries.length || !after) break;
    if (page >= config.maxPages) {
      if (previous) ctx.log(`stopped after ${page} pages (maxPages) before reaching ${previous.lastSeen}; older items are left unread`);
      break;
    }
  }
  const cursor: RedditCursor | null = newest ? { lastSeen: newest.name, lastSeenAt: newest.createdMs } : previous;
  return { items: [...items.values()], cursor };
}

export const reddit: Connector<RedditConfig> = {
  name: 'reddit',
  description: "A subreddit's newest posts or comments, or a Reddit search sorted by date (public .json listings)",
  configSchema,
  example: { mode: 'search', query: 'earshot', subreddit: 'selfhosted', maxPages: 3 },
  defaultSchedule: '*/15 * * * *',
  politeness: POLITENESS,
  // A brand search or a small subreddit can stay quiet for a day; two days of nothing is worth a look.
  expectedIntervalMs: 2 * 24 * 60 * 60 * 1000,
  fetch: fetchReddit,
  parse: (body) => parseListing(body).entries.flatMap((entry) => (entry.item ? [entry.item] : [])),
};
