import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { readCatalog } from '../db/catalog.js';
import type { Db } from '../db/client.js';
import { toIso } from '../util/dates.js';
import { requireRole, type ApiEnv } from './principal.js';
import { noQuery } from './strict-query.js';

const CatalogSchema = z
  .object({
    brands: z.array(z.object({ id: z.string(), name: z.string(), competitor: z.boolean() })),
    topics: z.array(z.object({ id: z.string(), name: z.string(), parent: z.string().nullable() })),
    sources: z.array(z.object({ name: z.string(), kind: z.string(), enabled: z.boolean() })),
    languages: z.array(z.string()).openapi({ description: 'ISO 639-1 codes of the languages that have mentions' }),
    span: z
      .object({ first: z.string(), last: z.string() })
      .nullable()
      .openapi({ description: 'first and last hour with mentions; null while the store is empty' }),
    caller: z
      .object({ name: z.string(), role: z.string() })
      .nullable()
      .openapi({ description: 'the API key this request was made with, when keys are in use' }),
  })
  .openapi('Catalog');

const route = createRoute({
  method: 'get',
  path: '/catalog',
  summary: 'Configured brands, topics and sources, the languages with mentions, and the span of the data',
  description: 'What filter menus and a first-run screen need; read from indexes only, so it is cheap at any archive size.',
  middleware: [requireRole('viewer')] as const,
  request: { query: noQuery() },
  responses: { 200: { description: 'The catalog', content: { 'application/json': { schema: CatalogSchema } } } },
});

export function catalogApi(db: Db, app: OpenAPIHono<ApiEnv>) {
  return app.openapi(route, (c) => {
    const catalog = readCatalog(db);
    const caller = c.get('principal');
    return c.json(
      {
        ...catalog,
        span: catalog.span && { first: toIso(catalog.span.first)!, last: toIso(catalog.span.last)! },
        caller: caller ? { name: caller.name, role: caller.role } : null,
      },
      200,
    );
  });
}
