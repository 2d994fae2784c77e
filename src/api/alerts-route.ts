import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Db } from '../db/client.js';
import {
  ALERT_KINDS,
  ALERT_STATUSES,
  BadAlertCursorError,
  decodeAlertCursor,
  encodeAlertCursor,
  getAlert,
  listAlerts,
  setAlertStatus,
  sourceNames,
  type AlertRow,
} from '../db/alerts.js';
import { toIso } from '../util/dates.js';
import { ApiProblem } from './problem.js';
import { instantsIn, isoInstant, timeZone } from './query-params.js';
import { requireRole, type ApiEnv } from './principal.js';
import { strictQuery, noQuery } from './strict-query.js';

const AlertQuerySchema = strictQuery({
  status: z.enum(ALERT_STATUSES).optional(),
  kind: z.enum(ALERT_KINDS).optional(),
  brand: z.string().min(1).optional().openapi({ description: "a brand id, or '*' for all mentions" }),
  topic: z.string().min(1).optional(),
  from: isoInstant.optional(),
  to: isoInstant.optional(),
  tz: timeZone,
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().optional(),
});

const AlertSchema = z
  .object({
    id: z.number().int(),
    kind: z.enum(ALERT_KINDS),
    brand: z.string(),
    topic: z.string(),
    source: z.string().nullable(),
    bucketStart: z.string(),
    bucketEnd: z.string(),
    observed: z.number(),
    expected: z.number(),
    score: z.number(),
    sensitivity: z.string(),
    status: z.enum(ALERT_STATUSES),
    explanation: z.unknown().openapi({ description: 'summary, window, baseline, topics, terms, sources and sample mentions' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Alert');

const IdParam = z.object({ id: z.coerce.number().int().positive().openapi({ param: { name: 'id', in: 'path' }, example: 1 }) });
const Problem = { 'application/problem+json': { schema: z.object({ type: z.string(), title: z.string(), status: z.number(), detail: z.string() }) } };

const listRoute = createRoute({
  method: 'get',
  path: '/alerts',
  summary: 'Fired alerts, newest bucket first, with filters and cursor paging',
  middleware: [requireRole('viewer')] as const,
  request: { query: AlertQuerySchema },
  responses: {
    200: {
      description: 'One page; pass nextCursor as cursor for the next',
      content: { 'application/json': { schema: z.object({ items: z.array(AlertSchema), nextCursor: z.string().nullable() }) } },
    },
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/alerts/{id}',
  summary: 'One alert with its explanation',
  middleware: [requireRole('viewer')] as const,
  request: { params: IdParam, query: noQuery() },
  responses: {
    200: { description: 'The alert', content: { 'application/json': { schema: AlertSchema } } },
    404: { description: 'No such alert', content: Problem },
  },
});

const patchRoute = createRoute({
  method: 'patch',
  path: '/alerts/{id}',
  summary: "Change an alert's status (acknowledge, resolve, reopen)",
  middleware: [requireRole('analyst')] as const,
  request: {
    params: IdParam,
    query: noQuery(),
    body: { required: true, content: { 'application/json': { schema: z.object({ status: z.enum(ALERT_STATUSES) }) } } },
  },
  responses: {
    200: { description: 'The updated alert', content: { 'application/json': { schema: AlertSchema } } },
    404: { description: 'No such alert', content: Problem },
  },
});

export function alertsApi(db: Db, app: OpenAPIHono<ApiEnv>, now: () => number = Date.now) {
  const toJson = (a: AlertRow, names: Map<number, string>) => ({
    id: a.id,
    kind: a.kind as (typeof ALERT_KINDS)[number],
    brand: a.brand,
    topic: a.topic,
    source: a.sourceId === 0 ? null : (names.get(a.sourceId) ?? String(a.sourceId)),
    bucketStart: toIso(a.bucketStart)!,
    bucketEnd: toIso(a.bucketEnd)!,
    observed: a.observed,
    expected: a.expected,
    score: a.score,
    sensitivity: a.sensitivity,
    status: a.status as (typeof ALERT_STATUSES)[number],
    explanation: a.explanation,
    createdAt: toIso(a.createdAt)!,
    updatedAt: toIso(a.updatedAt)!,
  });
  const notFound = (id: number) => new ApiProblem(404, 'Not found', `no alert ${id}`);

  app.openapi(listRoute, (c) => {
    const q = c.req.valid('query');
    let after;
    try {
      after = q.cursor ? decodeAlertCursor(q.cursor) : undefined;
    } catch (error) {
      if (error instanceof BadAlertCursorError) {
        throw new ApiProblem(400, 'Invalid request', `cursor: ${error.message}`, { errors: [{ field: 'cursor', message: error.message }] });
      }
      throw error;
    }
    const page = listAlerts(db, { status: q.status, kind: q.kind, brand: q.brand, topic: q.topic, ...instantsIn(q, q.tz) }, q.limit, after);
    const names = sourceNames(db);
    return c.json({ items: page.items.map((a) => toJson(a, names)), nextCursor: page.next ? encodeAlertCursor(page.next) : null }, 200);
  });

  app.openapi(getRoute, (c) => {
    const { id } = c.req.valid('param');
    const alert = getAlert(db, id);
    if (!alert) throw notFound(id);
    return c.json(toJson(alert, sourceNames(db)), 200);
  });

  app.openapi(patchRoute, (c) => {
    const { id } = c.req.valid('param');
    const { status } = c.req.valid('json');
    const alert = setAlertStatus(db, id, status, now());
    if (!alert) throw notFound(id);
    return c.json(toJson(alert, sourceNames(db)), 200);
  });
  return app;
}
