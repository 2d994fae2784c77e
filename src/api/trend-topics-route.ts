import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { topTopics } from '../analytics/top-topics.js';
import type { Db } from '../db/client.js';
import { ChangeSchema, filterFrom, trendFilterParams } from './trend-params.js';
import { requireRole, type ApiEnv } from './principal.js';
import { strictQuery } from './strict-query.js';

const QuerySchema = strictQuery({
  ...trendFilterParams,
  topic: trendFilterParams.topic.openapi({ description: "list only this topic's subtopics" }),
  limit: z.coerce.number().int().min(1).max(100).default(10),
  alpha: z.coerce.number().gt(0).max(0.5).default(0.05).openapi({ description: 'largest one-sided p-value a listed rise may have' }),
});

const TopicsAnswerSchema = z
  .object({
    from: z.string().nullable(),
    to: z.string().nullable(),
    previousFrom: z.string().nullable(),
    previousTo: z.string().nullable(),
    computedFrom: z.enum(['rollups', 'mentions']),
    top: z.array(
      z.object({
        topic: z.string(),
        name: z.string(),
        parent: z.string().nullable(),
        volume: z.number().int(),
        negative: z.number().int(),
        net: z.number().nullable(),
        previous: z.object({ volume: ChangeSchema, net: ChangeSchema }),
      }),
    ),
    rising: z.array(
      z.object({
        topic: z.string(),
        name: z.string(),
        volume: z.number().int(),
        previousVolume: z.number().int(),
        delta: z.number(),
        percent: z.number().nullable(),
        z: z.number(),
        pValue: z.number(),
      }),
    ),
    risingBasis: z.enum(['previous-period', 'no-previous-data', 'partial-previous-period']).openapi({
      description: 'what rises were judged against: the whole previous period; no-previous-data (it holds no topic mention: no rise is claimed); partial-previous-period (the data begins inside it: rises are tested against the rate over the part observed)',
    }),
    risingNote: z.string().nullable().openapi({ description: 'why no rise is claimed, or against what part of the previous period; null for a whole one' }),
  })
  .openapi('TopicsAnswer');

const route = createRoute({
  method: 'get',
  path: '/trends/topics',
  summary: 'Top topics by volume, and topics rising significantly against the previous period of equal length',
  description: 'Without from/to: the last 7 days of data. Topics count their subtopics.',
  middleware: [requireRole('viewer')] as const,
  request: { query: QuerySchema },
  responses: { 200: { description: 'Top and rising topics', content: { 'application/json': { schema: TopicsAnswerSchema } } } },
});

export function trendTopicsApi(db: Db, app: OpenAPIHono<ApiEnv>) {
  return app.openapi(route, (c) => {
    const q = c.req.valid('query');
    return c.json(topTopics(db, { ...filterFrom(db, q), limit: q.limit, alpha: q.alpha }), 200);
  });
}
