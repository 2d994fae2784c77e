import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { BUCKET_UNITS } from '../analytics/buckets.js';
import { TREND_METRICS, TrendRangeError, trendSeries } from '../analytics/trends.js';
import type { Db } from '../db/client.js';
import { ApiProblem } from './problem.js';
import { instantsIn, isoInstant, sourceList, timeZone } from './query-params.js';
import { resolveSourceIds } from './sources-filter.js';

const TrendQuerySchema = z.object({
  metric: z.enum(TREND_METRICS).default('volume'),
  bucket: z.enum(BUCKET_UNITS).default('day'),
  tz: timeZone,
  from: isoInstant.optional(),
  to: isoInstant.optional(),
  source: sourceList.optional(),
  topic: z.string().min(1).optional(),
  brand: z.string().min(1).optional(),
  lang: z.string().regex(/^[a-z]{2,3}$/, 'an ISO 639-1 code such as en').optional(),
});

const TrendPointSchema = z
  .object({
    start: z.string(),
    volume: z.number().int().optional(),
    unique: z.number().int().optional(),
    scored: z.number().int().optional(),
    average: z.number().nullable().optional(),
    positive: z.number().int().optional(),
    neutral: z.number().int().optional(),
    negative: z.number().int().optional(),
    net: z.number().nullable().optional(),
  })
  .openapi('TrendPoint');

const TrendAnswerSchema = z
  .object({
    metric: z.enum(TREND_METRICS),
    bucket: z.enum(BUCKET_UNITS),
    tz: z.string(),
    from: z.string().nullable(),
    to: z.string().nullable(),
    computedFrom: z.enum(['rollups', 'mentions']),
    points: z.array(TrendPointSchema),
  })
  .openapi('TrendAnswer');

const route = createRoute({
  method: 'get',
  path: '/trends',
  summary: 'A metric per time bucket, cut in the asked time zone; empty buckets are zero',
  request: { query: TrendQuerySchema },
  responses: {
    200: { description: 'The series', content: { 'application/json': { schema: TrendAnswerSchema } } },
  },
});

export function trendsApi(db: Db, app: OpenAPIHono) {
  return app.openapi(route, (c) => {
    const q = c.req.valid('query');
    try {
      const answer = trendSeries(db, { ...q, ...instantsIn(q, q.tz), sourceIds: resolveSourceIds(db, q.source) });
      return c.json(answer, 200);
    } catch (error) {
      if (error instanceof TrendRangeError) throw new ApiProblem(400, 'Range too large', error.message);
      throw error;
    }
  });
}
