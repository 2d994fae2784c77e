/**
 * Google Play reviews of one app, read from the internal RPC the Play Store web page itself calls.
 * No API key, and no official API: this is scraping. The endpoint is undocumented and changes
 * without notice (a change surfaces as PARSE, never as a quiet day). Google's terms bar automated
 * access that goes against its pages' machine-readable instructions, so check
 * play.google.com/robots.txt and the terms before enabling it; for your own apps the Google Play
 * Developer API's reviews endpoint (owner credentials) is the sanctioned way.
 *
 * Endpoint: POST https://play.google.com/_/PlayStoreUi/data/batchexecute?rpcids=UsvDTd&hl={lang}&gl={country}
 *   form body f.req=[[["UsvDTd","[null,null,[2,2,[pageSize,null,token],null,[]],[\"appId\",7]]",null,"generic"]]]
 *   (sort 2 = newest first). A read-only POST, so http.ts may retry it (idempotent).
 * Response: ")]}'" (an anti-XSSI prefix), then a JSON array of frames; the ["wrb.fr","UsvDTd",
 *   "<payload>",…] frame carries the payload as a JSON string to parse again (some clients ask for a
 *   chunked form with length lines between frames; both are read). payload = [[review,…],[null,token]].
 * Paging: newest first, pageSize reviews a page, the next page asked with the token; we stop at
 *   the page holding the cursor's review, when the token runs out or repeats, or at maxPages.
 * Politeness: one request every 2 s per host, one at a time.
 * Fields (review array): [0] id → externalId; [1][0] user name → author; [2] stars → rating;
 *   [4] text → text; [5] [epoch seconds, nanos] → publishedAt; [6] thumbs-up count →
 *   metadata.likes; [7] developer reply [name, text, [seconds, nanos]] → metadata.reply;
 *   [10] app version → metadata.appVersion. Play reviews have no title. url is the review's link on
 *   the app page (details?id=…&reviewId=…). langHint is the configured lang, the language Play was
 *   asked for; Play mixes in reviews written in other languages, so it is a hint only.
 */
import { z } from 'zod';
import { decodeBody } from './decode.js';
import { ConnectorError } from './errors.js';
import type { Connector, FetchContext, FetchResult, Politeness, RawItem } from './types.js';

const configSchema = z.object({
  appId: z
    .string()
    .regex(/^[A-Za-z][\w]*(\.[A-Za-z_][\w]*)+$/, 'the package name from the Play URL (…/details?id=com.example.app)'),
  lang: z.string().regex(/^[a-z]{2}([-_][A-Za-z0-9]{2,4})?$/, 'a language code such as en or pt-BR').default('en'),
  country: z.string().toLowerCase().regex(/^[a-z]{2}$/, 'a two-letter country code, e.g. us').default('us'),
  pageSize: z.int().min(1).max(200, 'at most 200 reviews a page').default(150),
  maxPages: z.int().min(1).max(50).default(5),
});
export type GooglePlayConfig = z.output<typeof configSchema>;

const cursorSchema = z.object({ lastSeenId: z.string(), lastSeenAt: z.number().nullish() });
export type GooglePlayCursor = { lastSeenId: string; lastSeenAt: number | null };

const RPC_ID = 'UsvDTd';
const SORT_NEWEST = 2;
const POLITENESS: Politeness = { intervalCap: 1, intervalMs: 2000, concurrency: 1 };

export interface GooglePlayPage {
  /** null when the payload holds no review list at all (the end of paging, or a changed layout). */
  items: RawItem[] | null;
  nextToken: string | null;
}

export function reviewsRequest(config: GooglePlayConfig, token: string | null): { url: string; body: string } {
  const query = new URLSearchParams({
    rpcids: RPC_ID,
    'source-path': `/store/apps/details`,
    hl: config.lang,
    gl: config.country,
    'soc-app': '121',
    'soc-platform': '1',
    'soc-device': '1',
  });
  const request = [null, null, [2, SORT_NEWEST, [config.pageSize, null, token], null, []], [config.appId, 7]];
  const freq = [[[RPC_ID, JSON.stringify(request), null, 'generic']]];
  return {
    url: `https://play.google.com/_/PlayStoreUi/data/batchexecute?${query}`,
    body: new URLSearchParams({ 'f.req': JSON.stringify(freq) }).toString(),
  };
}

/** The UsvDTd payload inside a batchexecute response. Throws PARSE when the envelope is not one. */
export function readEnvelope(body: string): unknown {
  const text = body.replace(/^\uFEFF/, '').trimStart();
  if (!text.startsWith(")]}'")) throw new ConnectorError('PARSE', `not a batchexecute response (no )]}' prefix)`);
  const rest = text.slice(4);
  let frames: unknown[] = [];
  const whole = tryJson(rest);
  if (Array.isArray(whole)) frames = whole;
  else {
    // The chunked form: a length line, then a JSON array of frames, repeated.
    for (const line of rest.split('\n')) {
      const chunk = line.trim().startsWith('[') ? tryJson(line) : undefined;
      if (Array.isArray(chunk)) frames.push(...chunk);
    }
  }
  const frame = frames.find((f): f is unknown[] => Array.isArray(f) && f[0] === 'wrb.fr' && f[1] === RPC_ID);
  if (!frame) throw new ConnectorError('PARSE', `batchexecute response without a wrb.fr ${RPC_ID} frame`);
  if (typeof frame[2] !== 'string') {
    // Google answers a failed call (unknown app, refused request) with a null payload and a code.
    throw new ConnectorError('PARSE', `${RPC_ID} returned no payload (error ${JSON.stringify(frame[5] ?? null)})`);
  }
  const payload = tryJson(frame[2]);
  if (payload === undefined) throw new ConnectorError('PARSE', `${RPC_ID} payload is not JSON`);
  return payload;
}

/** One page: its reviews and the token for the next. Throws PARSE when the layout is not the known one. */
export function parseReviewsPage(body: string, config: Pick<GooglePlayConfig, 'appId' | 'lang'>): GooglePlayPage {
  const payload = readEnvelope(body);
  // "[]" (or an explicitly empty list) is Play's own "no reviews"; anything else without a list is not.
  if (Array.isArray(payload) && (payload.length === 0 || (Array.isArray(payload[0]) && payload[0].length === 0))) {
    return { items: [], nextToken: tokenOf(payload) };
  }
  if (payload !== null && !Array.isArray(payload)) throw new ConnectorError('PARSE', `${RPC_ID} payload is not a list`);
  const list = payload?.[0];
  if (list === null || list === undefined) return { items: null, nextToken: tokenOf(payload) };
  if (!Array.isArray(list)) throw new ConnectorError('PARSE', `${RPC_ID} payload has no review list where expected`);
  const langHint = config.lang.slice(0, 2).toLowerCase();
  const items = list.map((review, i) => toItem(review, i, config.appId, langHint));
  if (items.every((item) => item.publishedAt === null)) {
    throw new ConnectorError('PARSE', 'no review carries a [seconds, nanos] date: the review layout changed');
  }
  return { items, nextToken: tokenOf(payload) };
}

function toItem(review: unknown, index: number, appId: string, langHint: string): RawItem {
  if (!Array.isArray(review) || typeof review[0] !== 'string' || review[0] === '') {
    throw new ConnectorError('PARSE', `review ${index} is not an array starting with its id`);
  }
  const id = review[0];
  const user = Array.isArray(review[1]) ? review[1] : [];
  const stars = review[2];
  const metadata: Record<string, unknown> = {};
  if (typeof review[6] === 'number') metadata.likes = review[6];
  if (typeof review[10] === 'string' && review[10] !== '') metadata.appVersion = review[10];
  const reply = Array.isArray(review[7]) ? review[7] : null;
  if (reply && typeof reply[1] === 'string' && reply[1] !== '') {
    metadata.reply = {
      author: typeof reply[0] === 'string' ? reply[0] : null,
      text: plain(reply[1]),
      publishedAt: epochMs(reply[2]),
    };
  }
  metadata.replies = metadata.reply ? 1 : 0;
  return {
    externalId: id,
    url: `https://play.google.com/store/apps/details?id=${encodeURIComponent(appId)}&reviewId=${encodeURIComponent(id)}`,
    author: typeof user[0] === 'string' && user[0].trim() !== '' ? user[0].trim() : null,
    title: null,
    text: typeof review[4] === 'string' ? plain(review[4]) : '',
    publishedAt: epochMs(review[5]),
    rating: typeof stars === 'number' && Number.isInteger(stars) && stars >= 1 && stars <= 5 ? stars : null,
    langHint,
    metadata,
  };
}

function tokenOf(payload: unknown): string | null {
  const holder = Array.isArray(payload) ? payload[1] : null;
  const token = Array.isArray(holder) ? holder[1] : null;
  return typeof token === 'string' && token !== '' ? token : null;
}

/** Play's [epoch seconds, nanoseconds] pair as epoch milliseconds. */
function epochMs(value: unknown): number | null {
  if (!Array.isArray(value) || typeof value[0] !== 'number' || !Number.isFinite(value[0])) return null;
  const nanos = typeof value[1] === 'number' && Number.isFinite(value[1]) ? value[1] : 0;
  return value[0] * 1000 + Math.floor(nanos / 1e6);
}

// Keep line breaks and tabs, drop other control characters (NULs turn up in real reviews).
function plain(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').trim();
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function readCursor(raw: unknown): GooglePlayCursor | null {
  const parsed = cursorSchema.safeParse(raw);
  return parsed.success ? { lastSeenId: parsed.data.lastSeenId, lastSeenAt: parsed.data.lastSeenAt ?? null } : null;
}

/**
 * Where the already-seen part of the newest-first list starts: the cursor's review, unless it was
 * edited since (it moved up with a newer date), or the first review older than it (it was deleted).
 */
function isSeen(item: RawItem, cursor: GooglePlayCursor): boolean {
  const at = item.publishedAt ?? null;
  if (item.externalId === cursor.lastSeenId) return !(at !== null && cursor.lastSeenAt !== null && at > cursor.lastSeenAt);
  return at !== null && cursor.lastSeenAt !== null && at < cursor.lastSeenAt;
}

async function fetchReviews(ctx: FetchContext<GooglePlayConfig>): Promise<FetchResult> {
  const { config, http, signal } = ctx;
  const previous = readCursor(ctx.cursor);
  const items = new Map<string, RawItem>();
  const tokens = new Set<string>();
  let newest: RawItem | undefined;
  let token: string | null = null;
  for (let page = 1; page <= config.maxPages; page++) {
    const { url, body } = reviewsRequest(config, token);
    const res = await http.post({
      url,
      body,
      contentType: 'application/x-www-form-urlencoded;charset=UTF-8',
      idempotent: true,
      politeness: POLITENESS,
      signal,
    });
    const contentType = res.headers['content-type'];
    let parsed: GooglePlayPage;
    try {
      parsed = parseReviewsPage(decodeBody(res.body, typeof contentType === 'string' ? contentType : undefined), config);
    } catch (error) {
      if (!(error instanceof ConnectorError)) throw error;
      throw new ConnectorError('PARSE', `${error.message} (${config.appId}, page ${page})`, { url, status: res.status, cause: error });
    }
    // A first page must hold a list; a later one without a list is where Play's list ends.
    if (parsed.items === null) {
      if (page === 1) throw new ConnectorError('PARSE', `${RPC_ID} payload has no review list (${config.appId})`, { url });
      break;
    }
    newest ??= parsed.items[0];
    const boundary = previous ? parsed.items.findIndex((item) => isSeen(item, previous)) : -1;
    for (const item of boundary < 0 ? parsed.items : parsed.items.slice(0, boundary)) {
      if (!items.has(item.externalId)) items.set(item.externalId, item);
    }
    if (boundary >= 0 || parsed.items.length === 0 || !parsed.nextToken || tokens.has(parsed.nextToken)) break;
    if (page === config.maxPages && previous) {
      ctx.log(`stopped after ${page} pages (maxPages) without reaching the last seen review; older ones are left unread`);
    }
    tokens.add(parsed.nextToken);
    token = parsed.nextToken;
  }
  const cursor = newest ? { lastSeenId: newest.externalId, lastSeenAt: newest.publishedAt ?? null } : ctx.cursor;
  return { items: [...items.values()], cursor };
}

export const googlePlay: Connector<GooglePlayConfig> = {
  name: 'google-play',
  description: 'Google Play reviews of one app, newest first, from the Play Store web page’s batchexecute RPC',
  configSchema,
  example: { appId: 'com.google.android.apps.translate', lang: 'en', country: 'us', pageSize: 150, maxPages: 5 },
  defaultSchedule: '23 * * * *',
  politeness: POLITENESS,
  // A listed app with real users gets Play reviews most days; three silent days suggest a break.
  expectedIntervalMs: 3 * 24 * 60 * 60 * 1000,
  fetch: fetchReviews,
  parse: (body, config) => {
    const page = parseReviewsPage(body, config);
    if (page.items === null) throw new ConnectorError('PARSE', `${RPC_ID} payload has no review list`);
    return page.items;
  },
};
