import { createHash } from 'node:crypto';
import type { RawItem } from '../../connectors/types.js';
import { parseDate } from '../../util/dates.js';
import type { FieldMap, ImportField, ImportRow } from './fields.js';

export interface Cell { column: string; value: unknown }

const SCORES = {
  rating: { min: 1, max: 5, integer: false },
  nps: { min: 0, max: 10, integer: true },
  csat: { min: 1, max: 5, integer: false },
  ces: { min: 1, max: 7, integer: false },
} as const;

export function toRow(line: number, cell: (f: ImportField) => Cell | undefined, metadata: Record<string, unknown>,
  fingerprint: string, map: FieldMap): ImportRow {
  const problems: string[] = [];
  const where = (f: ImportField) => `(column '${cell(f)?.column ?? map[f] ?? f}')`;
  const str = (f: ImportField): string | null => asText(cell(f)?.value) || null;

  const text = str('text');
  if (text === null) problems.push(`no text ${where('text')}`);
  const rawDate = str('date');
  const publishedAt = rawDate === null ? null : parseDate(rawDate);
  if (rawDate === null) problems.push(`no date ${where('date')}`);
  else if (publishedAt === null) problems.push(`unreadable date '${rawDate}' ${where('date')}`);

  const scores: Partial<Record<keyof typeof SCORES, number>> = {};
  for (const name of Object.keys(SCORES) as (keyof typeof SCORES)[]) {
    const { min, max, integer } = SCORES[name];
    const value = str(name);
    const n = value === null ? null : toNumber(value);
    if (value === null) continue;
    if (n === null) problems.push(`${name} '${value}' is not a number ${where(name)}`);
    else if (n < min || n > max || (integer && !Number.isInteger(n))) {
      problems.push(`${name} ${value} is out of range ${min}–${max}${integer ? ' (whole numbers)' : ''} ${where(name)}`);
    } else scores[name] = n;
  }
  // JSON.parse has already rounded such an id (tweet ids are 18 digits); better refuse than collide.
  const rawId = cell('id')?.value;
  if (typeof rawId === 'number' && !Number.isSafeInteger(rawId)) {
    problems.push(`id ${rawId} is too large for a JSON number; write it as a string ${where('id')}`);
  }
  if (problems.length > 0) return { line, error: `line ${line}: ${problems.join('; ')}` };

  const id = str('id');
  const item: RawItem = {
    externalId: id ?? `sha1:${createHash('sha1').update(fingerprint).digest('hex')}`,
    text: text!,
    publishedAt,
    title: str('title'),
    author: str('author'),
    url: str('url'),
    brand: str('brand'),
    rating: scores.rating ?? null,
    nps: scores.nps ?? null,
    csat: scores.csat ?? null,
    ces: scores.ces ?? null,
    metadata,
  };
  return { line, item };
}

export function toNumber(value: string): number | null {
  // Semicolon exports usually come from locales that write 4,5 for 4.5.
  const normal = /^[+-]?\d+,\d+$/.test(value) ? value.replace(',', '.') : value;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(normal)) return null;
  return Number(normal);
}

export function asText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export function putMeta(metadata: Record<string, unknown>, key: string, value: unknown): void {
  if (typeof value === 'string') {
    const trimmed = value.trim();
    if (trimmed !== '') metadata[key] = trimmed;
  } else if (value !== null && value !== undefined) {
    metadata[key] = value;
  }
}


