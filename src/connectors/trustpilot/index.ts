/**
 * Trustpilot reviews of one business, read from its public review pages: no API key, this
 * scrapes HTML. Trustpilot's terms of use forbid using automated systems or software to extract
 * data from the platform ("screen scraping", at least for commercial purposes) and point
 * businesses to its official APIs; read the current terms at legal.trustpilot.com and the
 * site's robots.txt — running this source is the user's responsibility. It stays slow on
 * purpose: one request every 5 s, a few pages a run.
 *
 * Endpoint: https://{host}/review/{domain}?languages=all&page={n}&sort=recency (page 1 without
 *   `page`: the canonical URL). `host` is www.trustpilot.com or a locale host
 *   (uk., nl., de.…); `languages=all` asks for every language, not only the locale's.
 * Page shapes (detected, see parse.ts): today's Next.js page with the reviews as JSON in
 *   __NEXT_DATA__, the .review-card markup of about 2019, and the legacy cards of 2016.
 * Paging: page numbers up to `maxPages`, and never past pagination.totalPages (Next pages) or a
 *   page without a rel=next link (older markup). Cursor { lastSeenId }: the newest review id read;
 *   the next run stops at the page holding it and keeps only the reviews above it.
 * Politeness: 1 request / 5 s per host, one at a time; every 6 hours by default.
 * Fields: id → externalId; https://{host}/reviews/{id} → url; consumer.displayName → author;
 *   title, text; rating (1–5); dates.publishedDate → publishedAt; language → langHint; in
 *   metadata: country (consumer.countryCode), likes, reply { text, publishedAt }, experiencedAt,
 *   updatedAt, verified, consumerId, consumerReviewCount, source.
 * Failures: a page in none of the shapes, or a Next page without a reviews array → PARSE; a 403 or a
 *   challenge page from bot protection → BLOCKED (see ../bot-wall.ts for why not AUTH).
 */
import { z } from 'zod';
import { decodeBody } from '../decode.js';
import { ConnectorError } from '../errors.js';
import { redactUrl, type HttpResponse } from '../http.js';
import type { Connector, FetchContext, FetchResult, Politeness, RawItem } from '../types.js';
import { asBlocked, blockedError, botWallSignal } from '../bot-wall.js';
import { parseTrustpilotPage, type TrustpilotPage } from './parse.js';

export { parseTrustpilotPage, type TrustpilotPage } from './parse.js';

const configSchema = z.object({
  /** The business as Trustpilot names it in the URL: trustpilot.com/review/{domain}. */
  domain: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[^\s/?#]+\.[^\s/?#]+$/, 'domain: the business domain from the Trustpilot URL, e.g. www.hubspot.com'),
  host: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^(?:[a-z]{2,3}(?:-[a-z]{2})?\.)?trustpilot\.com$/, 'host: a Trustpilot host such as www.trustpilot.com or uk.trustpilot.com')
    .default('www.trustpilot.com'),
  /** 'all', or one ISO 639-1 code to read only reviews in that language. */
  languages: z
    .string()
    .toLowerCase()
    .regex(/^(?:all|[a-z]{2})$/, "languages: 'all' or a two-letter ISO 639-1 code")
    .default('all'),
  maxPages: z.int().min(1).max(20, 'maxPages: at most 20 pages a run').default(3),
});
export type TrustpilotConfig = z.output<typeof configSchema>;

export interface TrustpilotCursor {
  lastSeenId: string | null;
}

const POLITENESS: Politeness = { intervalCap: 1, intervalMs: 5000, concurrency: 1 };
const ACCEPT = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5';

export function reviewPageUrl(config: TrustpilotConfig, page: number): string {
  const url = new URL(`https://${config.host}/review/${encodeURIComponent(config.domain)}`);
  url.searchParams.set('languages', config.languages);
  if (page > 1) url.searchParams.set('page', String(page));
  url.searchParams.set('sort', 'recency');
  return url.href;
}

function parseResponse(res: HttpResponse, host: string): TrustpilotPage {
  const contentType = res.headers['content-type'];
  const body = decodeBody(res.body, typeof contentType === 'string' ? contentType : undefined);
  const url = redactUrl(res.url);
  try {
    return parseTrustpilotPage(body, host);
  } catch (error) {
    if (!(error instanceof ConnectorError)) throw error;
    const signal = botWallSignal(res.headers, body);
    if (signal) throw blockedError(signal, 'Trustpilot', { status: res.status, url, cause: error });
    throw new ConnectorError('PARSE', `${error.message} (${url})`, { url, status: res.status, cause: error });
  }
}

async function fetchReviews(ctx: FetchContext<TrustpilotConfig>): Promise<FetchResult> {
  const { config, http, signal } = ctx;
  const raw = ctx.cursor as { lastSeenId?: unknown } | null;
  const lastSeenId = typeof raw?.lastSeenId === 'string' ? raw.lastSeenId : null;

  const items = new Map<string, RawItem>();
  let newestId: string | null = null;
  for (let page = 1; ; page++) {
    const url = reviewPageUrl(config, page);
    let res: HttpResponse;
    try {
      res = await http.get({ url, headers: { accept: ACCEPT }, politeness: POLITENESS, signal });
    } catch (error) {
      throw asBlocked(error, 'Trustpilot');
    }
    const parsed = parseResponse(res, config.host);
    if (page === 1) newestId = parsed.items[0]?.externalId ?? null;

    const seenAt = lastSeenId === null ? -1 : parsed.items.findIndex((item) => item.externalId === lastSeenId);
    // sort=recency is strict, so everything from the seen review down was read before.
    const fresh = seenAt >= 0 ? parsed.items.slice(0, seenAt) : parsed.items;
    for (const item of fresh) if (!items.has(item.externalId)) items.set(item.externalId, item);

    const more = parsed.totalPages !== null ? page < parsed.totalPages : (parsed.hasNext ?? parsed.items.length > 0);
    if (seenAt >= 0 || !more || parsed.items.length === 0) break;
    if (page >= config.maxPages) {
      ctx.log(`stopped after ${page} pages (maxPages); older reviews are left unread`);
      break;
    }
  }
  const cursor: TrustpilotCursor = { lastSeenId: newestId ?? lastSeenId };
  return { items: [...items.values()], cursor };
}

export const trustpilot: Connector<TrustpilotConfig> = {
  name: 'trustpilot',
  description: "Trustpilot reviews of a business, newest first, from its public review pages (scrapes HTML)",
  configSchema,
  example: { domain: 'www.hubspot.com', host: 'www.trustpilot.com', languages: 'all', maxPages: 3 },
  defaultSchedule: '41 */6 * * *',
  politeness: POLITENESS,
  // A small business can go a week without a review; a month of silence is worth a look.
  expectedIntervalMs: 14 * 24 * 60 * 60 * 1000,
  fetch: fetchReviews,
  parse: (body, config) => parseTrustpilotPage(body, config.host).items,
};
