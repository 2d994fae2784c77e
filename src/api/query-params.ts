import { z } from '@hono/zod-openapi';
import { parseIsoInZone } from '../util/dates.js';
import { ApiProblem } from './problem.js';
import { isValidZone } from '../analytics/buckets.js';

/**
 * An ISO-8601 date or date-time in a query string; checked here, read into epoch ms with the
 * request's time zone by `instantsIn` (a date without an offset is a date in that zone).
 */
export const isoInstant = z
  .string()
  .refine((value) => parseIsoInZone(value, 'UTC') !== null, { message: 'not an ISO-8601 date or date-time' })
  .openapi({ type: 'string', example: '2015-02-16 or 2015-02-16T08:00:00Z' });

export function instantsIn(q: { from?: string; to?: string }, tz: string): { from: number | undefined; to: number | undefined } {
  const from = q.from === undefined ? undefined : parseIsoInZone(q.from, tz)!;
  const to = q.to === undefined ? undefined : parseIsoInZone(q.to, tz)!;
  if (from !== undefined && to !== undefined && to <= from) {
    throw new ApiProblem(400, 'Invalid request', 'to: must be after from', { errors: [{ field: 'to', message: 'must be after from' }] });
  }
  return { from, to };
}

export const timeZone = z
  .string()
  .default('UTC')
  .refine(isValidZone, { message: 'not an IANA time zone (e.g. Europe/Amsterdam)' })
  .openapi({ example: 'America/Los_Angeles' });

/** Comma-separated source names. */
export const sourceList = z
  .string()
  .transform((value) => value.split(',').map((s) => s.trim()).filter(Boolean))
  .openapi({ type: 'string', example: 'acme-news,support-csv' });

export const sentimentLabel = z.enum(['negative', 'neutral', 'positive']);
export const ratingAgreement = z.enum(['agree', 'mixed', 'disagree']);
