import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { BUCKET_UNITS } from '../analytics/buckets.js';
import { TREND_METRICS, TrendRangeError, trendSeries } from '../analytics/trends.js';
import type { Db } from '../db/client.js';
import { ApiProblem } from './problem.js';
import { ChangeSchema, compareParam, filterFrom, trendFilterParams } from './trend-params.js';
import { requireRole, type ApiEnv } from './principal.js';
import { strictQuery } from './strict-query.js';

const TrendQuerySchema = strictQuery({
  metric: z.enum(TREND_METRICS).default('volume'),
  bucket: z.enum(BUCKET_UNITS).default('day'),
  compare: compareParam,
  ...trendFilterParams,
});

const count = z.number().int().optional();
const value = z.number().nullable().optional();
/** Every field a metric can answer with; `metric` picks the group, `all` gives every one. */
const metricFields = {
  volume: count,
  unique: count,
  scored: count,
  average: value.describe('mean sentiment score in [-1, 1]'),
  positive: count,
  neutral: count,
  negative: count,
  net: value.describe('(positive − negative) / labelled'),
  rated: count,
  rating: value.describe('mean star rating'),
  csatResponses: count,
  csat: value.describe('share of satisfied answers (csat, else rating, ≥ 4) in [0, 1]'),
  npsResponses: count,
  promoters: count,
  detractors: count,
  nps: value.describe('% promoters − % detractors; null without responses'),
  cesResponses: count,
  ces: value.describe('mean customer effort score (1–7)'),
  cliResponses: count,
  cli: value.describe('mean of nps, repurchase and try_other answers (0–10)'),
};

const TrendPointSchema = z
  .object({ start: z.string(), ...metricFields, previous: z.record(z.string(), ChangeSchema).optional() })
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
    summary: z
      .object({ ...metricFields, previousFrom: z.string(), previousTo: z.string(), previous: z.record(z.string(), ChangeSchema) })
      .optional(),
  })
  .openapi('TrendAnswer');

const route = createRoute({
  method: 'get',
  path: '/trends',
  summary: 'A metric per time bucket, cut in the asked time zone; empty buckets are zero',
  middleware: [requireRole('viewer')] as const,
  request: { query: TrendQuerySchema },
  responses: {
    200: { description: 'The series', content: { 'application/json': { schema: TrendAnswerSchema } } },
  },
});

export function trendsApi(db: Db, app: OpenAPIHono<ApiEnv>) {
  return app.openapi(route, (c) => {
    const q = c.req.valid('query');
    try {
      const answer = trendSeries(db, { ...filterFrom(db, q), metric: q.metric, bucket: q.bucket, compare: q.compare === 'previous' });
      return c.json(answer as z.infer<typeof TrendAnswerSchema>, 200);
    } catch (error) {
      if (error instanceof TrendRangeError) throw new ApiProblem(400, 'Range too large', error.message);
      throw error;
    }
  });
}
