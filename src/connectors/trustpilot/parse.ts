/**
 * Trustpilot review pages in the shapes they have had: today's Next.js page, whose reviews sit as
 * JSON in <script id="__NEXT_DATA__"> (props.pageProps.reviews; the same JSON alone when saved
 * from /_next/data/…), the review cards of about 2018–2021 (.review-card, dates in a JSON script)
 * and the legacy cards of ~2016 (div.review[data-reviewmid]). The shape is detected, never configured.
 */
import { load, type CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { z } from 'zod';
import { parseDate } from '../../util/dates.js';
import { ConnectorError } from '../errors.js';
import { htmlToText } from '../html-text.js';
import type { RawItem } from '../types.js';

export interface TrustpilotPage {
  shape: 'next-data' | 'legacy' | 'review-card';
  items: RawItem[];
  /** props.pageProps.filters.pagination.totalPages on Next pages. */
  totalPages: number | null;
  /** Legacy pages: whether a rel=next link exists. null where the page does not say. */
  hasNext: boolean | null;
}

const nullish = <T extends z.ZodType>(schema: T) => schema.nullish().catch(null);
// Only `id` is required: every other field is read when it has the expected type, else left out.
const reviewSchema = z.object({
  id: z.string().min(1),
  title: nullish(z.string()),
  text: nullish(z.string()),
  rating: nullish(z.number()),
  likes: nullish(z.number()),
  language: nullish(z.string()),
  source: nullish(z.string()),
  dates: nullish(
    z.object({
      publishedDate: nullish(z.string()),
      experiencedDate: nullish(z.string()),
      updatedDate: nullish(z.string()),
    }),
  ),
  consumer: nullish(
    z.object({
      id: nullish(z.string()),
      displayName: nullish(z.string()),
      countryCode: nullish(z.string()),
      numberOfReviews: nullish(z.number()),
    }),
  ),
  reply: nullish(z.object({ message: nullish(z.string()), publishedDate: nullish(z.string()) })),
  labels: nullish(z.object({ verification: nullish(z.object({ isVerified: nullish(z.boolean()) })) })),
});
type Review = z.output<typeof reviewSchema>;

export function parseTrustpilotPage(html: string, host: string): TrustpilotPage {
  // The same data as JSON, as /_next/data/{build}/review/{domain}.json serves it.
  if (html.trimStart().startsWith('{')) return parseNextData(html, host);
  const $ = load(html);
  const nextData = $('script#__NEXT_DATA__');
  if (nextData.length > 0) return parseNextData(nextData.first().text(), host);
  const cards = $('div.review[data-reviewmid], article.review[data-reviewmid]');
  if (cards.length > 0) return parseLegacy($, cards.toArray(), host);
  const reviewCards = $('.review-card').filter((_, card) => $(card).find('.review-content__body').length > 0);
  if (reviewCards.length > 0) return parseReviewCards($, reviewCards.toArray(), host);
  throw new ConnectorError(
    'PARSE',
    'not a Trustpilot review page: no __NEXT_DATA__ script and no review cards (div.review[data-reviewmid], .review-card)',
  );
}

function parseNextData(json: string, host: string): TrustpilotPage {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new ConnectorError('PARSE', 'the __NEXT_DATA__ script is not valid JSON', { cause: error });
  }
  type NextData = { pageProps?: Record<string, unknown>; props?: { pageProps?: Record<string, unknown> } } | null;
  const pageProps = (data as NextData)?.props?.pageProps ?? (data as NextData)?.pageProps;
  const reviews = pageProps?.reviews;
  if (!Array.isArray(reviews)) {
    throw new ConnectorError('PARSE', '__NEXT_DATA__ has no props.pageProps.reviews array (layout changed or not a review page)');
  }
  const items: RawItem[] = [];
  for (const entry of reviews) {
    const review = reviewSchema.safeParse(entry);
    if (review.success) items.push(fromNextReview(review.data, host));
  }
  if (reviews.length > 0 && items.length === 0) {
    throw new ConnectorError('PARSE', `none of the ${reviews.length} entries in props.pageProps.reviews has an id`);
  }
  const pagination = (pageProps?.filters as { pagination?: { totalPages?: unknown } } | undefined)?.pagination;
  const totalPages = typeof pagination?.totalPages === 'number' ? pagination.totalPages : null;
  return { shape: 'next-data', items, totalPages, hasNext: null };
}

function fromNextReview(r: Review, host: string): RawItem {
  const metadata: Record<string, unknown> = {};
  const put = (key: string, value: unknown) => {
    if (value !== null && value !== undefined && value !== '') metadata[key] = value;
  };
  put('country', r.consumer?.countryCode);
  put('likes', r.likes);
  if (r.reply?.message) {
    metadata.reply = { text: r.reply.message, publishedAt: parseDate(r.reply.publishedDate) };
  }
  put('experiencedAt', parseDate(r.dates?.experiencedDate));
  put('updatedAt', parseDate(r.dates?.updatedDate));
  put('verified', r.labels?.verification?.isVerified);
  put('consumerId', r.consumer?.id);
  put('consumerReviewCount', r.consumer?.numberOfReviews);
  put('source', r.source);
  return {
    externalId: r.id,
    url: `https://${host}/reviews/${r.id}`,
    author: clean(r.consumer?.displayName),
    title: clean(r.title),
    // The JSON holds plain text; line breaks are the reviewer's own and are kept.
    text: r.text?.trim() ?? '',
    publishedAt: parseDate(r.dates?.publishedDate),
    rating: starRating(r.rating),
    langHint: languageCode(r.language),
    ...(Object.keys(metadata).length > 0 ? { metadata } : {}),
  };
}

function parseLegacy($: CheerioAPI, cards: Element[], host: string): TrustpilotPage {
  const items = cards.map((element): RawItem => {
    const card = $(element);
    const id = card.attr('data-reviewmid')!.trim();
    const titleNode = card.find('.review-title').first();
    const href = card.find('a.review-title-link').attr('href') ?? card.find('[data-social-share-url]').attr('data-social-share-url');
    const stars = /\bcount-(\d)\b/.exec(card.find('.star-rating').attr('class') ?? '')?.[1];
    const likes = clean(card.find('.useful-counter-js').first().text());
    const metadata: Record<string, unknown> = {};
    if (likes !== null && /^\d+$/.test(likes)) metadata.likes = Number(likes);
    const consumerId = card.attr('data-review-user-id');
    if (consumerId) metadata.consumerId = consumerId;
    return {
      externalId: id,
      url: href ? new URL(href, `https://${host}/`).href : `https://${host}/reviews/${id}`,
      author: clean(card.find('.user-review-name-link').first().text()),
      title: clean(titleNode.text()),
      text: htmlToText(card.find('.review-body').first().html() ?? ''),
      publishedAt: parseDate(card.find('time[datetime]').first().attr('datetime')),
      rating: stars ? starRating(Number(stars)) : null,
      // The title carries the review's language as a class: <h3 class="review-title en h4">.
      langHint: (titleNode.attr('class') ?? '').split(/\s+/).find((c) => /^[a-z]{2}$/.test(c)) ?? null,
      ...(Object.keys(metadata).length > 0 ? { metadata } : {}),
    };
  });
  const hasNext = $('link[rel="next"], a[rel="next"], a.next-page').length > 0;
  return { shape: 'legacy', items, hasNext, totalPages: null };
}

/** The markup of about 2018–2021: div.review-card, dates in a JSON script beside each card. */
function parseReviewCards($: CheerioAPI, cards: Element[], host: string): TrustpilotPage {
  const items = cards.map((element): RawItem | null => {
    const card = $(element);
    const href = card.find('.review-content__title a[href*="/reviews/"]').attr('href');
    const id = /\/reviews\/([^/?#]+)/.exec(href ?? '')?.[1] ?? card.find('article[id]').attr('id');
    if (!id) return null;
    let dates: { publishedDate?: unknown; updatedDate?: unknown } = {};
    try {
      dates = JSON.parse(card.find('script[data-initial-state="review-dates"]').first().text() || '{}');
    } catch {
      // A broken date script leaves the date empty, like a missing one.
    }
    // The stars image says it in its alt text: "4 stars: Great".
    const stars = /^\s*(\d)/.exec(card.find('.star-rating img').first().attr('alt') ?? '')?.[1];
    const updatedAt = parseDate(dates.updatedDate);
    return {
      externalId: id,
      url: new URL(href ?? `/reviews/${id}`, `https://${host}/`).href,
      author: clean(card.find('.consumer-information__name').first().text()),
      title: clean(card.find('.review-content__title').first().text()),
      text: htmlToText(card.find('.review-content__text').first().html() ?? ''),
      publishedAt: parseDate(dates.publishedDate),
      rating: stars ? starRating(Number(stars)) : null,
      langHint: null,
      ...(updatedAt !== null ? { metadata: { updatedAt } } : {}),
    };
  });
  const hasNext = $('link[rel="next"], a[rel="next"], a[data-page-number="next-page"]').length > 0;
  const found = items.filter((item) => item !== null);
  if (found.length === 0) throw new ConnectorError('PARSE', `none of the ${cards.length} review cards links its review`);
  return { shape: 'review-card', items: found, hasNext, totalPages: null };
}

function starRating(value: number | null | undefined): number | null {
  return typeof value === 'number' && value >= 1 && value <= 5 ? value : null;
}

function languageCode(value: string | null | undefined): string | null {
  return /^([a-z]{2})(?:$|[-_])/i.exec(value ?? '')?.[1]?.toLowerCase() ?? null;
}

function clean(value: string | null | undefined): string | null {
  const text = value?.replace(/\s+/g, ' ').trim();
  return text ? text : null;
}
