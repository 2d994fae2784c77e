/**
 * One HTML page into items, by the configured selectors. Pure: the page URL comes in as an
 * argument (relative links resolve against it), and what fetch wants to log comes back as data.
 */
import { createHash } from 'node:crypto';
import { load, type Cheerio, type CheerioAPI } from 'cheerio';
import type { AnyNode } from 'domhandler';
import { DateTime } from 'luxon';
import { parseDate } from '../../util/dates.js';
import { ConnectorError } from '../errors.js';
import { htmlToText } from '../html-text.js';
import { redactUrl } from '../http.js';
import type { RawItem } from '../types.js';
import { SELF, type HtmlConfig, type HtmlFields } from './config.js';

export interface HtmlPage {
  items: RawItem[];
  /** Absolute URL of the next page, when nextPage is configured and found. */
  next: string | null;
  /** Items whose date was missing or unreadable, with one example of the raw text. */
  undated: number;
  undatedSample: string | null;
}

// Human dates that ISO/RFC parsers refuse but review pages print ("March 3, 2024", "3 Mar 2024").
const HUMAN_DATE_FORMATS = [
  'MMMM d, yyyy',
  'MMM d, yyyy',
  'd MMMM yyyy',
  'd MMM yyyy',
  'MMMM d, yyyy h:mm a',
  'MMM d, yyyy h:mm a',
  'MMM d, yyyy, h:mm a',
  'd MMM yyyy HH:mm',
];

export function parseHtmlPage(html: string, config: HtmlConfig, pageUrl: string): HtmlPage {
  const $ = load(html);
  const found = $(config.item);
  const where = redactUrl(pageUrl);
  if (found.length === 0) {
    throw new ConnectorError('PARSE', `selector '${config.item}' matched nothing on ${where}`, { url: where });
  }
  const pageLang = /^([a-z]{2})(?:$|[-_])/i.exec($('html').attr('lang') ?? '')?.[1]?.toLowerCase() ?? null;
  const read: ReadItem[] = [];
  let undated = 0;
  let undatedSample: string | null = null;
  for (const element of found.toArray()) {
    const item = $(element);
    if (config.exclude) item.find(config.exclude).remove();
    const one = readItem($, item, config.fields, pageUrl);
    if (!one) continue;
    if (one.item.publishedAt === null) {
      undated++;
      undatedSample ??= one.dateText;
    }
    one.item.langHint = config.language ?? pageLang;
    read.push(one);
  }
  if (read.length === 0) {
    throw new ConnectorError(
      'PARSE',
      `selector '${config.fields.text}' found no text in any of the ${found.length} '${config.item}' items on ${where}`,
      { url: where },
    );
  }
  return { items: uniqueIds(read), next: nextLink($, config.nextPage, pageUrl), undated, undatedSample };
}

interface ReadItem {
  item: RawItem;
  dateText: string | null;
  /** Stable id from the content, for items without an id or a unique link. */
  contentId: string;
}

function readItem($: CheerioAPI, item: Cheerio<AnyNode>, f: HtmlFields, pageUrl: string): ReadItem | null {
  const pick = (selector: string | undefined): Cheerio<AnyNode> =>
    selector === undefined ? $([]) : selector === SELF ? item : item.find(selector);
  const textOf = (nodes: Cheerio<AnyNode>) => clean(htmlToText($.html(nodes.first())));

  const title = textOf(pick(f.title));
  const body = clean(pick(f.text).toArray().map((node) => htmlToText($.html(node))).join(' '));
  const text = body ?? title;
  if (!text) return null;
  const author = textOf(pick(f.author));

  const dateNode = pick(f.date).first();
  const dateText = f.date === undefined ? null : f.dateAttr ? clean(dateNode.attr(f.dateAttr)) : textOf(dateNode);
  const publishedAt =
    readDate(dateText, f.dateFormat) ?? (f.dateAttr ? null : readDate(clean(dateNode.attr('datetime')), f.dateFormat));

  const rawLink = clean(pick(f.link).first().attr(f.linkAttr ?? 'href'));
  const url = rawLink ? absolute(rawLink, pageUrl) : null;
  const idNode = pick(f.id).first();
  const ownId = f.id === undefined ? null : f.idAttr ? clean(idNode.attr(f.idAttr)) : textOf(idNode);

  const rating = readRating(pick(f.rating), f, (nodes) => textOf(nodes));
  const metadata: Record<string, unknown> = {};
  if (rating && rating.raw !== rating.value) metadata.ratingRaw = rating.raw;
  // An unreadable date is usually relative ("2 days ago") and changes daily: keep it out of the hash.
  const hashId = contentId(text, author, publishedAt === null ? null : dateText);
  return {
    item: {
      externalId: ownId ?? url ?? hashId,
      // Without a permalink, the page the item was read on is still where a reader finds it.
      url: url ?? pageUrl,
      author,
      title: body ? title : null,
      text,
      publishedAt,
      rating: rating?.value ?? null,
      ...(Object.keys(metadata).length > 0 ? { metadata } : {}),
    },
    dateText,
    contentId: hashId,
  };
}

function readDate(text: string | null, format: string | undefined): number | null {
  if (!text) return null;
  const standard = parseDate(text);
  if (standard !== null) return standard;
  const opts = { zone: 'utc', locale: 'en-US' } as const;
  for (const fmt of format ? [format, ...HUMAN_DATE_FORMATS] : HUMAN_DATE_FORMATS) {
    const dt = DateTime.fromFormat(text, fmt, opts);
    if (dt.isValid) return dt.toMillis();
  }
  return null;
}

function readRating(
  nodes: Cheerio<AnyNode>,
  f: HtmlFields,
  textOf: (nodes: Cheerio<AnyNode>) => string | null,
): { raw: number; value: number | null } | null {
  if (f.rating === undefined) return null;
  const from = f.ratingFrom ?? (f.ratingAttr ? 'attr' : 'text');
  let raw: number | null;
  if (from === 'count') raw = nodes.length > 0 ? nodes.length : null;
  else if (from === 'attr') raw = firstNumber(nodes.first().attr(f.ratingAttr ?? ''));
  else raw = firstNumber(textOf(nodes));
  if (raw === null) return null;
  const scale = f.ratingScale ?? 5;
  // 0 means "no rating" on most sites; above the scale means the selector read something else.
  if (raw <= 0 || raw > scale) return { raw, value: null };
  const mapped = Math.round(((raw * 5) / scale) * 100) / 100;
  // A 1/10 is the worst score the site has, so it maps to the lowest star, not below it.
  return { raw, value: Math.max(1, mapped) };
}

function firstNumber(text: string | null | undefined): number | null {
  const match = text ? /\d+(?:[.,]\d+)?/.exec(text) : null;
  return match ? Number(match[0].replace(',', '.')) : null;
}

function nextLink($: CheerioAPI, selector: string | undefined, pageUrl: string): string | null {
  if (!selector) return null;
  const node = $(selector).first();
  const href = clean(node.attr('href') ?? node.find('a[href]').first().attr('href'));
  const url = href ? absolute(href, pageUrl) : null;
  return url && /^https?:/i.test(url) ? url.replace(/#.*$/, '') : null;
}

// A link selector that hits a shared link (the thread, the product) would fold many posts into
// one id; such items fall back to the content hash.
function uniqueIds(read: ReadItem[]): RawItem[] {
  const counts = new Map<string, number>();
  for (const { item } of read) counts.set(item.externalId, (counts.get(item.externalId) ?? 0) + 1);
  return read.map(({ item, contentId }) =>
    (counts.get(item.externalId) ?? 0) > 1 && item.url === item.externalId ? { ...item, externalId: contentId } : item,
  );
}

function contentId(text: string, author: string | null, date: string | null): string {
  return `sha1:${createHash('sha1').update(`${text}\n${author ?? ''}\n${date ?? ''}`).digest('hex')}`;
}

function absolute(url: string, base: string): string | null {
  try {
    return new URL(url, base).href;
  } catch {
    return null;
  }
}

function clean(value: string | null | undefined): string | null {
  const text = value?.replace(/\s+/g, ' ').trim();
  return text ? text : null;
}
