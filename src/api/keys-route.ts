import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { countKeys, getKey, KeyNameTakenError, listKeys, revokeKey, type ApiKeyInfo } from '../db/api-keys.js';
import type { Db } from '../db/client.js';
import { toIso } from '../util/dates.js';
import { issueKey, KEY_NAME_PATTERN } from './keys.js';
import { requireRole, ROLES, type ApiEnv, type Role } from './principal.js';
import { ApiProblem } from './problem.js';
import { strictQuery, noQuery } from './strict-query.js';

const KeySchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    role: z.enum(ROLES),
    hint: z.string().openapi({ description: 'the prefix and last four characters of the key' }),
    rateLimit: z.number().int().nullable().openapi({ description: "requests a minute; null: the server's default" }),
    createdBy: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable().openapi({ description: 'exact to the minute' }),
    revokedAt: z.string().nullable(),
  })
  .openapi('ApiKey');

const NewKeySchema = z
  .object({
    name: z.string().regex(KEY_NAME_PATTERN, 'letters, digits, space and . _ @ -, up to 100, not starting with a space'),
    role: z.enum(ROLES),
    rateLimit: z.number().int().min(1).max(1_000_000).nullable().optional(),
  })
  .openapi('NewApiKey');

const IdParam = z.object({ id: z.coerce.number().int().positive().openapi({ param: { name: 'id', in: 'path' }, example: 2 }) });

const listRoute = createRoute({
  method: 'get',
  path: '/keys',
  summary: 'API keys in the order they were made (never the keys themselves)',
  middleware: [requireRole('admin')] as const,
  request: {
    query: strictQuery({
      role: z.enum(ROLES).optional(),
      revoked: z.enum(['true', 'false']).optional().openapi({ description: 'true: only revoked keys; false: only live ones' }),
      limit: z.coerce.number().int().min(1).max(500).default(100),
      cursor: z.string().optional(),
    }),
  },
  responses: {
    200: {
      description: 'One page; pass nextCursor as cursor for the next',
      content: { 'application/json': { schema: z.object({ items: z.array(KeySchema), nextCursor: z.string().nullable() }) } },
    },
  },
});

const createKeyRoute = createRoute({
  method: 'post',
  path: '/keys',
  summary: 'Make a key; the answer is the only time the key is shown',
  middleware: [requireRole('admin')] as const,
  request: { query: noQuery(), body: { required: true, content: { 'application/json': { schema: NewKeySchema } } } },
  responses: {
    201: {
      description: 'The new key, with `key` (shown once)',
      content: { 'application/json': { schema: KeySchema.extend({ key: z.string() }).openapi('IssuedApiKey') } },
    },
  },
});

const revokeRoute = createRoute({
  method: 'delete',
  path: '/keys/{id}',
  summary: 'Revoke a key: it stops working at once and stays listed as revoked; the subscriptions it made are disabled',
  middleware: [requireRole('admin')] as const,
  request: { params: IdParam, query: noQuery() },
  responses: {
    200: {
      description: 'The revoked key, with how many of its subscriptions were disabled',
      content: { 'application/json': { schema: KeySchema.extend({ subscriptionsDisabled: z.number().int() }).openapi('RevokedApiKey') } },
    },
  },
});

export function keyToJson(k: ApiKeyInfo) {
  return {
    id: k.id,
    name: k.name,
    role: k.role as Role,
    hint: k.hint,
    rateLimit: k.rateLimit,
    createdBy: k.createdBy,
    createdAt: toIso(k.createdAt)!,
    lastUsedAt: toIso(k.lastUsedAt),
    revokedAt: toIso(k.revokedAt),
  };
}

const badCursor = () => new ApiProblem(400, 'Invalid request', 'cursor: cursor is not one this API issued', { errors: [{ field: 'cursor', message: 'cursor is not one this API issued' }] });

export function keysApi(db: Db, app: OpenAPIHono<ApiEnv>, now: () => number = Date.now) {
  app.openapi(listRoute, (c) => {
    const q = c.req.valid('query');
    let after: number | undefined;
    if (q.cursor !== undefined) {
      after = Number(Buffer.from(q.cursor, 'base64url').toString('utf8'));
      if (!Number.isSafeInteger(after)) throw badCursor();
    }
    const page = listKeys(db, { role: q.role, revoked: q.revoked === undefined ? undefined : q.revoked === 'true' }, q.limit, after);
    return c.json({ items: page.items.map(keyToJson), nextCursor: page.next === null ? null : Buffer.from(String(page.next)).toString('base64url') }, 200);
  });

  app.openapi(createKeyRoute, (c) => {
    const body = c.req.valid('json');
    const by = c.get('principal')!;
    try {
      const issued = issueKey(db, { ...body, createdBy: `key ${by.keyId} (${by.name})` }, now());
      return c.json({ ...keyToJson(issued), key: issued.key }, 201);
    } catch (error) {
      if (error instanceof KeyNameTakenError) throw new ApiProblem(409, 'Conflict', error.message, { errors: [{ field: 'name', message: error.message }] });
      throw error;
    }
  });

  app.openapi(revokeRoute, (c) => {
    const { id } = c.req.valid('param');
    const key = getKey(db, id);
    if (!key || key.revokedAt !== null) throw new ApiProblem(404, 'Not found', `no live key ${id}`);
    // Over the API an admin cannot lock every admin out; `earshot keys revoke` on the server can.
    if (key.role === 'admin' && countKeys(db, { live: true, role: 'admin' }) === 1) {
      throw new ApiProblem(409, 'Conflict', `key ${id} is the last live admin key; make another admin key first`);
    }
    const revoked = revokeKey(db, id, now())!;
    return c.json({ ...keyToJson(revoked), subscriptionsDisabled: revoked.subscriptionsDisabled }, 200);
  });
  return app;
}
