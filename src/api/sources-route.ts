import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { getConnector } from '../connectors/index.js';
import type { Db } from '../db/client.js';
import { lastRuns, listSources, sourceActivity } from '../db/sources.js';
import { toIso } from '../util/dates.js';
import { runToJson } from './run-json.js';
import { requireRole, type ApiEnv } from './principal.js';
import { strictQuery } from './strict-query.js';

const DAY_MS = 24 * 3_600_000;

const SourceSchema = z
  .object({
    name: z.string(),
    kind: z.string(),
    enabled: z.boolean(),
    schedule: z.string().nullable(),
    lastRun: z
      .object({
        status: z.string(),
        startedAt: z.string().nullable(),
        finishedAt: z.string().nullable(),
        fetched: z.number().int(),
        inserted: z.number().int(),
        duplicates: z.number().int(),
        rejected: z.number().int(),
        errorCode: z.string().nullable(),
        errorMessage: z.string().nullable(),
      })
      .nullable(),
    itemsLast24h: z.number().int(),
    lastItemsAt: z.string().nullable(),
    expectedIntervalMs: z.number().int().nullable(),
    silent: z.boolean().openapi({ description: 'nothing new for longer than the connector declares normal' }),
  })
  .openapi('Source');

const QuerySchema = strictQuery({
  kind: z.string().min(1).optional().openapi({ description: 'a connector kind, e.g. rss, or import' }),
  enabled: z.enum(['true', 'false']).optional(),
  silent: z.enum(['true', 'false']).optional().openapi({ description: 'true: only sources that have gone silent' }),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().optional(),
});

const route = createRoute({
  method: 'get',
  path: '/sources',
  summary: 'Each source with its schedule, last run and whether it has gone silent, by name',
  middleware: [requireRole('viewer')] as const,
  request: { query: QuerySchema },
  responses: {
    200: {
      description: 'One page of sources; pass nextCursor as cursor for the next',
      content: { 'application/json': { schema: z.object({ items: z.array(SourceSchema), nextCursor: z.string().nullable() }) } },
    },
  },
});

/**
 * Connector health: a dead connector must never pass for a quiet day. A scheduled source is
 * `silent` when no run has stored anything for longer than its connector's expected interval.
 */
export function sourcesApi(db: Db, app: OpenAPIHono<ApiEnv>, now: () => number = Date.now) {
  return app.openapi(route, (c) => {
    const q = c.req.valid('query');
    const after = q.cursor === undefined ? undefined : Buffer.from(q.cursor, 'base64url').toString('utf8');
    const at = now();
    const latest = lastRuns(db);
    const activity = sourceActivity(db, at - DAY_MS);
    const items = listSources(db).map((source) => {
      const connector = getConnector(source.kind);
      const run = latest.get(source.id);
      const seen = activity.get(source.id);
      const expected = connector?.expectedIntervalMs ?? null;
      const quietSince = seen?.lastItemsAt ?? source.createdAt;
      return {
        name: source.name,
        kind: source.kind,
        enabled: source.enabled,
        schedule: connector ? (source.schedule ?? connector.defaultSchedule) : null,
        lastRun: runToJson(run),
        itemsLast24h: seen?.insertedSince ?? 0,
        lastItemsAt: toIso(seen?.lastItemsAt ?? null),
        expectedIntervalMs: expected,
        silent: source.enabled && expected !== null && at - quietSince > expected,
      };
    });
    // Sources are the config's few: filtered here, paged on their unique name.
    items.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const matching = items.filter(
      (s) =>
        (q.kind === undefined || s.kind === q.kind) &&
        (q.enabled === undefined || String(s.enabled) === q.enabled) &&
        (q.silent === undefined || String(s.silent) === q.silent) &&
        (after === undefined || s.name > after),
    );
    const page = matching.slice(0, q.limit);
    const nextCursor = matching.length > q.limit ? Buffer.from(page.at(-1)!.name).toString('base64url') : null;
    return c.json({ items: page, nextCursor }, 200);
  });
}
