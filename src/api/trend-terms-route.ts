import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { trendTerms } from '../analytics/trend-terms.js';
import type { Db } from '../db/client.js';
import { requireRole, type ApiEnv } from './principal.js';
import { filterFrom, trendFilterParams } from './trend-params.js';
import { strictQuery } from './strict-query.js';

const QuerySchema = strictQuery({
  ...trendFilterParams,
  limit: z.coerce.number().int().min(1).max(100).default(20),
  background: z.coerce
    .number()
    .int()
    .min(1)
    .max(30)
    .default(7)
    .openapi({ description: 'the background is this many periods of the same length before from' }),
  minCount: z.coerce.number().int().min(1).max(1000).default(3).openapi({ description: 'fewest uses in the period for an emerging term' }),
});

const Kind = z.enum(['phrase', 'hashtag', 'handle', 'brand', 'product']);
const TermsAnswerSchema = z
  .object({
    from: z.string().nullable(),
    to: z.string().nullable(),
    backgroundFrom: z.string().nullable(),
    computedFrom: z.enum(['term_counts', 'mentions']),
    voices: z.number().int().openapi({ description: 'original mentions in the period (copies and near-duplicates left out)' }),
    backgroundVoices: z.number().int(),
    top: z.array(z.object({ term: z.string(), kind: Kind, count: z.number().int(), share: z.number() })),
    emerging: z.array(
      z.object({
        term: z.string(),
        kind: Kind,
        observed: z.number().int(),
        expected: z.number(),
        lift: z.number(),
        llr: z.number().openapi({ description: "Dunning's log-likelihood ratio G²; above 10.83 the rise has p < 0.001" }),
      }),
    ),
  })
  .openapi('TermsAnswer');

const route = createRoute({
  method: 'get',
  path: '/trends/terms',
  summary: 'Top terms (noun phrases, #hashtags, @handles, brands, products) and terms emerging against their own background',
  description:
    'Counts original voices only. Without from/to: the last day of data against the 7 days before it. Brand filters read hourly term counts; topic, source, lang, sentiment and rating filters count from the mentions.',
  middleware: [requireRole('viewer')] as const,
  request: { query: QuerySchema },
  responses: { 200: { description: 'Top and emerging terms', content: { 'application/json': { schema: TermsAnswerSchema } } } },
});

export function trendTermsApi(db: Db, app: OpenAPIHono<ApiEnv>) {
  return app.openapi(route, (c) => {
    const q = c.req.valid('query');
    return c.json(trendTerms(db, { ...filterFrom(db, q), limit: q.limit, background: q.background, minCount: q.minCount }), 200);
  });
}
