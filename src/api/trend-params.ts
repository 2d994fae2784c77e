import { z } from '@hono/zod-openapi';
import type { TrendFilter } from '../analytics/count-rows.js';
import type { Db } from '../db/client.js';
import { instantsIn, isoInstant, ratingAgreement, sentimentLabel, sourceList, timeZone } from './query-params.js';
import { resolveSourceIds } from './sources-filter.js';

/** Star ratings as a comma-separated list: `1,2` keeps mentions rated 1 or 2. */
export const ratingList = z
  .string()
  .regex(/^[1-5](,[1-5])*$/, 'comma-separated stars 1–5, e.g. 1,2')
  .transform((value) => [...new Set(value.split(',').map(Number))])
  .openapi({ type: 'string', example: '1,2' });

/** The filters every trends endpoint takes. */
export const trendFilterParams = {
  tz: timeZone,
  from: isoInstant.optional(),
  to: isoInstant.optional(),
  source: sourceList.optional(),
  topic: z.string().min(1).optional(),
  brand: z.string().min(1).optional(),
  lang: z.string().regex(/^[a-z]{2,3}$/, 'an ISO 639-1 code such as en').optional(),
  sentiment: sentimentLabel.optional(),
  rating: ratingList.optional(),
  ratingAgreement: ratingAgreement.optional().openapi({ description: 'only mentions whose star rating and text sentiment agree / are mixed / disagree' }),
};

export const compareParam = z
  .enum(['none', 'previous'])
  .default('none')
  .openapi({ description: 'previous: add every value of the previous period with its delta and percent change' });

export const ChangeSchema = z
  .object({ value: z.number().nullable(), delta: z.number().nullable(), percent: z.number().nullable() })
  .openapi('Change', { description: "The previous period's value, the change and the change in percent of it" });

type FilterParams = {
  tz: string;
  from?: string;
  to?: string;
  source?: string[];
  topic?: string;
  brand?: string;
  lang?: string;
  sentiment?: TrendFilter['sentiment'];
  rating?: number[];
  ratingAgreement?: TrendFilter['ratingAgreement'];
};

/** Query values as the analytics take them: instants in epoch ms, source names as ids. */
export function filterFrom(db: Db, q: FilterParams): TrendFilter & { tz: string; from?: number; to?: number } {
  const { from, to } = instantsIn(q, q.tz);
  return {
    tz: q.tz,
    from,
    to,
    sourceIds: resolveSourceIds(db, q.source),
    topic: q.topic,
    brand: q.brand,
    lang: q.lang,
    sentiment: q.sentiment,
    rating: q.rating,
    ratingAgreement: q.ratingAgreement,
  };
}
