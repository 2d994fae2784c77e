import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { DeliveryConfig } from '../config/delivery.js';
import type { Db } from '../db/client.js';
import { getSubscription, listSubscriptions, ownerRevocations, type SubscriptionRow } from '../db/subscriptions.js';
import { createSubscriptionSchema, patchSubscriptionSchema, subscriptionFields } from '../alerts/subscription-schema.js';
import { queueTestMessage } from '../alerts/route.js';
import { changeSubscription, createSubscription, deleteSubscription, SubscriptionInvalid } from '../alerts/subscriptions.js';
import type { Resolver } from '../alerts/target-guard.js';
import { toIso } from '../util/dates.js';
import { requireRole, type ApiEnv } from './principal.js';
import { ApiProblem } from './problem.js';
import { noQuery, strictQuery } from './strict-query.js';

export interface SubscriptionsApiDeps {
  config: DeliveryConfig;
  resolve?: Resolver;
  now?: () => number;
  /** Told after a subscription changed (the digest scheduler re-reads). */
  changed?: () => void;
  /** Told after a delivery was queued (the outbox looks at once). */
  queued?: () => void;
  env?: NodeJS.ProcessEnv;
}

const SubscriptionSchema = subscriptionFields
  .extend({
    id: z.number().int(),
    owner: z.object({ keyId: z.number().int(), name: z.string() }),
    hasSecret: z.boolean().openapi({ description: 'webhooks are signed with a secret shown only when created or rotated' }),
    disabledReason: z.string().nullable().openapi({
      description: 'why Earshot keeps it disabled: the API key that made it was revoked (it cannot be enabled again; make a new one with a live key); null otherwise',
    }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Subscription');
const WithSecret = SubscriptionSchema.extend({
  secret: z.string().nullable().openapi({ description: 'the webhook signing secret; shown in this answer only — keep it' }),
}).openapi('SubscriptionWithSecret');

const Problem = { 'application/problem+json': { schema: z.object({ type: z.string(), title: z.string(), status: z.number(), detail: z.string() }) } };
const IdParam = z.object({ id: z.coerce.number().int().positive().openapi({ param: { name: 'id', in: 'path' }, example: 1 }) });
const guard = requireRole('admin');
const denied = {
  401: { description: 'No API key', content: Problem },
  403: { description: 'The key is not admin', content: Problem },
};

/** A Slack webhook URL is itself a credential: answers show its host and last four characters. */
function shownTarget(row: SubscriptionRow): string {
  if (row.channel !== 'slack') return row.target;
  try {
    return `${new URL(row.target).origin}/…${row.target.slice(-4)}`;
  } catch {
    return '…';
  }
}

/** The subscription as the API shows it; `revoked`: its owner key's revocation, when it was revoked. */
export function subscriptionJson(row: SubscriptionRow, revoked?: { name: string; revokedAt: number }) {
  return {
    id: row.id,
    name: row.name,
    owner: { keyId: row.ownerKeyId, name: row.ownerName },
    brand: row.brand,
    topics: row.topics,
    sources: row.sources,
    languages: row.languages,
    kinds: row.kinds as z.infer<typeof subscriptionFields>['kinds'],
    threshold: row.threshold as z.infer<typeof subscriptionFields>['threshold'],
    sensitivity: row.sensitivity as z.infer<typeof subscriptionFields>['sensitivity'],
    minVolume: row.minVolume,
    cooldownMinutes: row.cooldownMinutes,
    maxPerHour: row.maxPerHour,
    channel: row.channel as z.infer<typeof subscriptionFields>['channel'],
    target: shownTarget(row),
    mode: row.mode as z.infer<typeof subscriptionFields>['mode'],
    schedule: row.schedule,
    tz: row.tz,
    enabled: row.enabled,
    hasSecret: row.secret !== null,
    disabledReason:
      revoked && !row.enabled ? `the API key '${revoked.name}' (id ${row.ownerKeyId}) that made it was revoked at ${toIso(revoked.revokedAt)}` : null,
    createdAt: toIso(row.createdAt)!,
    updatedAt: toIso(row.updatedAt)!,
  };
}

const createRouteDef = createRoute({
  method: 'post',
  path: '/subscriptions',
  summary: 'Subscribe to alerts (realtime) or a digest, delivered by webhook, Slack or e-mail',
  middleware: guard,
  request: { query: noQuery(), body: { required: true, content: { 'application/json': { schema: createSubscriptionSchema } } } },
  responses: {
    201: { description: 'Created; a webhook secret is in this answer only', content: { 'application/json': { schema: WithSecret } } },
    400: { description: 'A field is wrong (each is named)', content: Problem },
    ...denied,
  },
});

const listRouteDef = createRoute({
  method: 'get',
  path: '/subscriptions',
  summary: "The caller's subscriptions (owner=all: everyone's)",
  middleware: guard,
  request: { query: strictQuery({ owner: z.enum(['me', 'all']).default('me') }) },
  responses: {
    200: { description: 'Subscriptions, oldest first', content: { 'application/json': { schema: z.object({ items: z.array(SubscriptionSchema) }) } } },
    ...denied,
  },
});

const getRouteDef = createRoute({
  method: 'get',
  path: '/subscriptions/{id}',
  summary: 'One subscription',
  middleware: guard,
  request: { params: IdParam, query: noQuery() },
  responses: {
    200: { description: 'The subscription', content: { 'application/json': { schema: SubscriptionSchema } } },
    404: { description: 'No such subscription', content: Problem },
    ...denied,
  },
});

const patchRouteDef = createRoute({
  method: 'patch',
  path: '/subscriptions/{id}',
  summary: 'Change a subscription (any field; rotateSecret for a new webhook secret)',
  middleware: guard,
  request: { params: IdParam, query: noQuery(), body: { required: true, content: { 'application/json': { schema: patchSubscriptionSchema } } } },
  responses: {
    200: { description: 'The changed subscription; a new secret when rotated', content: { 'application/json': { schema: WithSecret } } },
    400: { description: 'A field is wrong', content: Problem },
    404: { description: 'No such subscription', content: Problem },
    ...denied,
  },
});

const deleteRouteDef = createRoute({
  method: 'delete',
  path: '/subscriptions/{id}',
  summary: 'Delete a subscription; its pending deliveries are cancelled, its history kept',
  middleware: guard,
  request: { params: IdParam, query: noQuery() },
  responses: {
    204: { description: 'Deleted' },
    404: { description: 'No such subscription', content: Problem },
    ...denied,
  },
});

const testRouteDef = createRoute({
  method: 'post',
  path: '/subscriptions/{id}/test',
  summary: "Send a test message through the subscription's channel now (see it in /deliveries)",
  middleware: guard,
  request: { params: IdParam, query: noQuery() },
  responses: {
    202: {
      description: 'Queued; the outbox sends it at once',
      content: { 'application/json': { schema: z.object({ deliveryId: z.number().int(), idempotencyKey: z.string() }) } },
    },
    404: { description: 'No such subscription', content: Problem },
    ...denied,
  },
});

function invalid(error: unknown): never {
  if (error instanceof SubscriptionInvalid) {
    throw new ApiProblem(400, 'Invalid request', error.message, { errors: error.problems });
  }
  throw error;
}

export function subscriptionsApi(db: Db, app: OpenAPIHono<ApiEnv>, deps: SubscriptionsApiDeps) {
  const now = deps.now ?? Date.now;
  const notFound = (id: number) => new ApiProblem(404, 'Not found', `no subscription ${id}`);
  const serviceDeps = () => ({ config: deps.config, resolve: deps.resolve, now: now(), env: deps.env });

  app.openapi(createRouteDef, async (c) => {
    const principal = c.get('principal')!;
    const result = await createSubscription(db, c.req.valid('json'), principal, serviceDeps()).catch(invalid);
    deps.changed?.();
    c.header('Location', `/api/v1/subscriptions/${result.row.id}`);
    return c.json({ ...subscriptionJson(result.row), secret: result.secret }, 201);
  });

  app.openapi(listRouteDef, (c) => {
    const { owner } = c.req.valid('query');
    const rows = listSubscriptions(db, owner === 'all' ? {} : { ownerKeyId: c.get('principal')!.keyId });
    const revoked = ownerRevocations(db, rows);
    return c.json({ items: rows.map((row) => subscriptionJson(row, revoked.get(row.ownerKeyId))) }, 200);
  });

  app.openapi(getRouteDef, (c) => {
    const { id } = c.req.valid('param');
    const row = getSubscription(db, id);
    if (!row) throw notFound(id);
    return c.json(subscriptionJson(row, ownerRevocations(db, [row]).get(row.ownerKeyId)), 200);
  });

  app.openapi(patchRouteDef, async (c) => {
    const { id } = c.req.valid('param');
    const result = await changeSubscription(db, id, c.req.valid('json'), serviceDeps()).catch(invalid);
    if (!result) throw notFound(id);
    deps.changed?.();
    return c.json({ ...subscriptionJson(result.row, ownerRevocations(db, [result.row]).get(result.row.ownerKeyId)), secret: result.secret }, 200);
  });

  app.openapi(testRouteDef, (c) => {
    const { id } = c.req.valid('param');
    const row = getSubscription(db, id);
    if (!row) throw notFound(id);
    const queued = queueTestMessage(db, row, deps.config, now())!;
    deps.queued?.();
    return c.json({ deliveryId: queued.id, idempotencyKey: queued.idempotencyKey }, 202);
  });

  app.openapi(deleteRouteDef, (c) => {
    const { id } = c.req.valid('param');
    if (!deleteSubscription(db, id, now())) throw notFound(id);
    deps.changed?.();
    return c.body(null, 204);
  });
  return app;
}
