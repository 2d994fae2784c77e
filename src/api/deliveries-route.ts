import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Db } from '../db/client.js';
import {
  attemptsOf,
  DELIVERY_KINDS,
  DELIVERY_STATUSES,
  getDelivery,
  listDeliveries,
  requeueDelivery,
  type AttemptRow,
  type DeliveryRow,
} from '../db/deliveries.js';
import { toIso } from '../util/dates.js';
import { requireRole, type ApiEnv } from './principal.js';
import { ApiProblem } from './problem.js';
import { strictQuery, noQuery } from './strict-query.js';

const AttemptSchema = z.object({
  attempt: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  outcome: z.enum(['ok', 'failed', 'refused', 'interrupted']).nullable().openapi({ description: 'null while in flight' }),
  httpStatus: z.number().int().nullable(),
  error: z.string().nullable(),
});

const DeliverySchema = z
  .object({
    id: z.number().int(),
    subscriptionId: z.number().int(),
    alertId: z.number().int().nullable(),
    kind: z.enum(DELIVERY_KINDS),
    idempotencyKey: z.string(),
    status: z.enum(DELIVERY_STATUSES),
    summaryId: z.number().int().nullable().openapi({ description: 'for a capped alert: the summary it was folded into' }),
    periodFrom: z.string().nullable(),
    periodTo: z.string().nullable(),
    attempts: z.array(AttemptSchema),
    nextAttemptAt: z.string().nullable(),
    lastError: z.string().nullable(),
    deliveredAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Delivery');

const Problem = { 'application/problem+json': { schema: z.object({ type: z.string(), title: z.string(), status: z.number(), detail: z.string() }) } };
const IdParam = z.object({ id: z.coerce.number().int().positive().openapi({ param: { name: 'id', in: 'path' }, example: 1 }) });
const guard = requireRole('admin');
const denied = {
  401: { description: 'No API key', content: Problem },
  403: { description: 'The key is not admin', content: Problem },
};

const listRouteDef = createRoute({
  method: 'get',
  path: '/deliveries',
  summary: 'The outbox: each delivery with every attempt, newest first',
  middleware: guard,
  request: {
    query: strictQuery({
      subscription: z.coerce.number().int().positive().optional(),
      alert: z.coerce.number().int().positive().optional(),
      status: z.enum(DELIVERY_STATUSES).optional(),
      kind: z.enum(DELIVERY_KINDS).optional(),
      limit: z.coerce.number().int().min(1).max(500).default(50),
      cursor: z.string().regex(/^\d+$/, 'a cursor this API issued').optional(),
    }),
  },
  responses: {
    200: {
      description: 'One page; pass nextCursor as cursor for the next',
      content: { 'application/json': { schema: z.object({ items: z.array(DeliverySchema), nextCursor: z.string().nullable() }) } },
    },
    ...denied,
  },
});

const getRouteDef = createRoute({
  method: 'get',
  path: '/deliveries/{id}',
  summary: 'One delivery with its attempts',
  middleware: guard,
  request: { params: IdParam, query: noQuery() },
  responses: {
    200: { description: 'The delivery', content: { 'application/json': { schema: DeliverySchema } } },
    404: { description: 'No such delivery', content: Problem },
    ...denied,
  },
});

const retryRouteDef = createRoute({
  method: 'post',
  path: '/deliveries/{id}/retry',
  summary: 'Send a dead-lettered or cancelled delivery again (same idempotency key)',
  middleware: guard,
  request: { params: IdParam, query: noQuery() },
  responses: {
    200: { description: 'Queued again, due now', content: { 'application/json': { schema: DeliverySchema } } },
    404: { description: 'No such delivery', content: Problem },
    409: { description: 'The delivery is not dead or cancelled', content: Problem },
    ...denied,
  },
});

function attemptJson(a: AttemptRow) {
  return {
    attempt: a.attempt,
    startedAt: toIso(a.startedAt)!,
    finishedAt: toIso(a.finishedAt),
    outcome: a.outcome as z.infer<typeof AttemptSchema>['outcome'],
    httpStatus: a.httpStatus,
    error: a.error,
  };
}

function deliveryJson(d: DeliveryRow, attempts: AttemptRow[]) {
  return {
    id: d.id,
    subscriptionId: d.subscriptionId,
    alertId: d.alertId,
    kind: d.kind as (typeof DELIVERY_KINDS)[number],
    idempotencyKey: d.idempotencyKey,
    status: d.status as (typeof DELIVERY_STATUSES)[number],
    summaryId: d.summaryId,
    periodFrom: toIso(d.periodFrom),
    periodTo: toIso(d.periodTo),
    attempts: attempts.map(attemptJson),
    nextAttemptAt: toIso(d.nextAttemptAt),
    lastError: d.lastError,
    deliveredAt: toIso(d.deliveredAt),
    createdAt: toIso(d.createdAt)!,
    updatedAt: toIso(d.updatedAt)!,
  };
}

export function deliveriesApi(db: Db, app: OpenAPIHono<ApiEnv>, opts: { now?: () => number; queued?: () => void } = {}) {
  const now = opts.now ?? Date.now;
  app.openapi(listRouteDef, (c) => {
    const q = c.req.valid('query');
    const page = listDeliveries(db, { subscriptionId: q.subscription, alertId: q.alert, status: q.status, kind: q.kind }, q.limit, q.cursor ? Number(q.cursor) : undefined);
    const attempts = attemptsOf(db, page.items.map((d) => d.id));
    return c.json({ items: page.items.map((d) => deliveryJson(d, attempts.get(d.id) ?? [])), nextCursor: page.next === null ? null : String(page.next) }, 200);
  });

  app.openapi(getRouteDef, (c) => {
    const { id } = c.req.valid('param');
    const d = getDelivery(db, id);
    if (!d) throw new ApiProblem(404, 'Not found', `no delivery ${id}`);
    return c.json(deliveryJson(d, attemptsOf(db, [id]).get(id) ?? []), 200);
  });

  app.openapi(retryRouteDef, (c) => {
    const { id } = c.req.valid('param');
    const existing = getDelivery(db, id);
    if (!existing) throw new ApiProblem(404, 'Not found', `no delivery ${id}`);
    const d = requeueDelivery(db, id, now());
    if (!d) throw new ApiProblem(409, 'Conflict', `delivery ${id} is ${existing.status}; only dead or cancelled deliveries are sent again`);
    opts.queued?.();
    return c.json(deliveryJson(d, attemptsOf(db, [id]).get(id) ?? []), 200);
  });
  return app;
}
