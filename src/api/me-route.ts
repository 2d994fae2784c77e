import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { requireRole, ROLES, type ApiEnv } from './principal.js';
import { noQuery } from './strict-query.js';

const route = createRoute({
  method: 'get',
  path: '/me',
  summary: "The caller's key: its name and role, so a client can show only what the role may do",
  middleware: [requireRole('viewer')] as const,
  request: { query: noQuery() },
  responses: {
    200: {
      description: 'The key behind this request',
      content: {
        'application/json': {
          schema: z.object({ keyId: z.number().int(), name: z.string(), role: z.enum(ROLES), rateLimit: z.number().int().nullable() }).openapi('Me'),
        },
      },
    },
  },
});

export function meApi(app: OpenAPIHono<ApiEnv>, defaultRateLimit: number) {
  return app.openapi(route, (c) => {
    const p = c.get('principal')!;
    return c.json({ keyId: p.keyId, name: p.name, role: p.role, rateLimit: p.rateLimit ?? defaultRateLimit }, 200);
  });
}
