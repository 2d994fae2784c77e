import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { BUCKET_UNITS } from '../analytics/buckets.js';
import { shareOfVoice } from '../analytics/share-of-voice.js';
import { TrendRangeError } from '../analytics/trends.js';
import type { Db } from '../db/client.js';
import { ApiProblem } from './problem.js';
import { ChangeSchema, compareParam, filterFrom, trendFilterParams } from './trend-params.js';
import { requireRole, type ApiEnv } from './principal.js';
import { strictQuery } from './strict-query.js';

const { brand: _brand, ...params } = trendFilterParams;
const QuerySchema = strictQuery({ bucket: z.enum(BUCKET_UNITS).default('day'), compare: compareParam, ...params });

const Share = z.object({ volume: z.number().int(), share: z.number().nullable() });
const ShareAnswerSchema = z
  .object({
    bucket: z.enum(BUCKET_UNITS),
    tz: z.string(),
    from: z.string().nullable(),
    to: z.string().nullable(),
    computedFrom: z.enum(['rollups', 'mentions']),
    previousFrom: z.string().optional(),
    previousTo: z.string().optional(),
    brands: z.array(
      z.object({
        brand: z.string(),
        name: z.string(),
        competitor: z.boolean(),
        volume: z.number().int(),
        share: z.number().nullable(),
        net: z.number().nullable(),
        previous: z.object({ volume: ChangeSchema, share: ChangeSchema, net: ChangeSchema }).optional(),
      }),
    ),
    points: z.array(z.object({ start: z.string(), total: z.number().int(), brands: z.record(z.string(), Share) })),
  })
  .openapi('ShareOfVoiceAnswer');

const route = createRoute({
  method: 'get',
  path: '/trends/share-of-voice',
  summary: "Each brand's and competitor's share of the mentions naming any configured brand, per bucket and overall",
  middleware: [requireRole('viewer')] as const,
  request: { query: QuerySchema },
  responses: { 200: { description: 'Share of voice', content: { 'application/json': { schema: ShareAnswerSchema } } } },
});

export function shareOfVoiceApi(db: Db, app: OpenAPIHono<ApiEnv>) {
  return app.openapi(route, (c) => {
    const q = c.req.valid('query');
    try {
      return c.json(shareOfVoice(db, { ...filterFrom(db, q), bucket: q.bucket, compare: q.compare === 'previous' }), 200);
    } catch (error) {
      if (error instanceof TrendRangeError) throw new ApiProblem(400, 'Range too large', error.message);
      throw error;
    }
  });
}
