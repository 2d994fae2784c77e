import { parseDate } from '../../util/dates.js';
import { ConnectorError } from '../errors.js';
import { htmlToText } from '../html-text.js';
import type { RawItem } from '../types.js';
import { valueAt } from './path.js';
import type { JsonConfig } from './schema.js';

export interface JsonPage {
  items: RawItem[];
  /** Items left out for lacking an id or text. */
  skipped: number;
  /** Length of the array, skipped items included: 0 is the API's own empty page. */
  total: number;
  /** The next cursor or next URL named by the paging paths; null when there is none. */
  next: string | null;
}

type ParseConfig = Pick<JsonConfig, 'url' | 'itemsPath' | 'fields' | 'metadata' | 'textFormat' | 'paging'>;

/** One response body into items by the configured paths. Pure. */
export function parseJsonPage(body: string, config: ParseConfig): JsonPage {
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    throw new ConnectorError('PARSE', 'response is not JSON');
  }
  const list = valueAt(data, config.itemsPath);
  if (!Array.isArray(list)) {
    throw new ConnectorError('PARSE', `itemsPath "${config.itemsPath}" does not lead to an array (found ${kindOf(list)})`);
  }
  const items: RawItem[] = [];
  const ids = new Set<string>();
  for (const entry of list) {
    const item = toRawItem(entry, config);
    if (item && !ids.has(item.externalId)) {
      ids.add(item.externalId);
      items.push(item);
    }
  }
  if (items.length === 0 && list.length > 0) {
    const text = [config.fields.text].flat().join(', ');
    const wanted = `an id (${config.fields.id}) and text (${text})`;
    throw new ConnectorError('PARSE', `none of the ${list.length} items has both ${wanted}`);
  }
  return { items, skipped: list.length - items.length, total: list.length, next: nextOf(data, config.paging) };
}

function nextOf(data: unknown, paging: ParseConfig['paging']): string | null {
  if (paging === 'none' || 'pageParam' in paging) return null;
  return scalar(valueAt(data, 'nextCursorPath' in paging ? paging.nextCursorPath : paging.nextUrlPath));
}

function toRawItem(entry: unknown, config: ParseConfig): RawItem | null {
  const { fields } = config;
  const externalId = scalar(valueAt(entry, fields.id));
  const html = config.textFormat === 'html';
  const parts = [fields.text].flat().map((p) => textOf(valueAt(entry, p), html)).filter((t) => t !== '');
  if (externalId === null || parts.length === 0) return null;

  const metadata: Record<string, unknown> = {};
  for (const [name, p] of Object.entries(config.metadata ?? {})) {
    const value = valueAt(entry, p);
    if (value !== undefined) metadata[name] = value;
  }
  const title = fields.title ? textOf(valueAt(entry, fields.title), html) : '';
  const link = fields.url ? absolute(scalar(valueAt(entry, fields.url)), config.url) : null;
  return {
    externalId,
    url: fields.urlTemplate ? fromTemplate(fields.urlTemplate, entry) : link,
    author: fields.author ? scalar(valueAt(entry, fields.author)) : null,
    title: title || null,
    text: parts.join('\n\n'),
    publishedAt: parseDate(valueAt(entry, fields.date)),
    rating: fields.rating ? rating(valueAt(entry, fields.rating)) : null,
    langHint: fields.lang ? languageCode(valueAt(entry, fields.lang)) : null,
    ...(Object.keys(metadata).length > 0 ? { metadata } : {}),
  };
}

/** A string or number as a trimmed string; anything else (objects, booleans, null) is absent. */
function scalar(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return null;
  const text = value.trim();
  return text === '' ? null : text;
}

function textOf(value: unknown, html: boolean): string {
  // A list of strings (tags, paragraphs) reads as lines.
  if (Array.isArray(value)) return value.map((v) => textOf(v, html)).filter((t) => t !== '').join('\n');
  const text = scalar(value) ?? '';
  return html ? htmlToText(text) : text;
}

function fromTemplate(template: string, entry: unknown): string | null {
  let missing = false;
  const url = template.replace(/\{([^{}]+)\}/g, (_, p: string) => {
    const value = scalar(valueAt(entry, p));
    if (value === null) missing = true;
    return encodeURIComponent(value ?? '');
  });
  return missing ? null : url;
}

function absolute(value: string | null, base: string): string | null {
  if (!value) return null;
  try {
    const url = new URL(value, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function rating(value: unknown): number | null {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n >= 1 && n <= 5 ? n : null;
}

function languageCode(value: unknown): string | null {
  const match = typeof value === 'string' ? /^\s*([a-z]{2})(?:$|[-_\s])/i.exec(value) : null;
  return match?.[1]?.toLowerCase() ?? null;
}

function kindOf(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  return Array.isArray(value) ? 'an array' : typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
