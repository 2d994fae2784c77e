import type { OpenAPIHono } from '@hono/zod-openapi';
import { guardRole, type ApiEnv, type Role } from './principal.js';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

const problemRef = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

type Operation = {
  description?: string;
  tags?: string[];
  parameters?: unknown[];
  requestBody?: unknown;
  responses: Record<string, unknown>;
  security?: unknown[];
  'x-earshot-role'?: Role;
};

/** The role each route's requireRole guard asks for, keyed "METHOD /path/{param}". */
export function routeRoles(v1: OpenAPIHono<ApiEnv>): Map<string, Role> {
  const roles = new Map<string, Role>();
  for (const r of v1.routes) {
    const role = guardRole(r.handler);
    if (role) roles.set(`${r.method} ${r.path.replaceAll(/:([^/]+)/g, '{$1}')}`, role);
  }
  return roles;
}

/**
 * The OpenAPI 3.1 document of /api/v1, generated from the zod schemas the routes validate with,
 * plus what every guarded route shares: Bearer security, the role it needs (`x-earshot-role`,
 * also in its description) and the problem answers of the edge (400, 401, 403, 413, 429).
 */
export function openApiDocument(v1: OpenAPIHono<ApiEnv>) {
  const doc = v1.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'Earshot API',
      version: '1',
      description:
        'Mentions, trends and alerts from the sources Earshot listens to. Every operation needs an API key sent as ' +
        '`Authorization: Bearer <key>` (make one with `earshot keys create`); roles: viewer < analyst < admin. ' +
        'Errors are application/problem+json.',
    },
    servers: [{ url: '/api/v1' }],
  }) as unknown as { paths: Record<string, Record<string, Operation>>; components?: Record<string, Record<string, unknown>> };

  doc.components ??= {};
  doc.components.securitySchemes = { apiKey: { type: 'http', scheme: 'bearer', description: 'an Earshot API key (earshot_…)' } };
  doc.components.schemas = {
    ...doc.components.schemas,
    Problem: {
      type: 'object',
      required: ['type', 'title', 'status', 'detail'],
      properties: {
        type: { type: 'string' },
        title: { type: 'string' },
        status: { type: 'integer' },
        detail: { type: 'string' },
        errors: {
          type: 'array',
          description: 'each bad field of a 400',
          items: { type: 'object', required: ['field', 'message'], properties: { field: { type: 'string' }, message: { type: 'string' } } },
        },
        accepted: {
          type: 'array',
          description: 'with an unknown query parameter: the query parameters the operation accepts',
          items: { type: 'string' },
        },
      },
    },
  };

  const roles = routeRoles(v1);
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      op.tags ??= [path.split('/')[1] ?? 'api'];
      const role = roles.get(`${method.toUpperCase()} ${path}`);
      if (!role) continue;
      op.security = [{ apiKey: [] }];
      op['x-earshot-role'] = role;
      op.description = [op.description, `Needs the **${role}** role (or higher).`].filter(Boolean).join('\n\n');
      const answers: Record<string, unknown> = {
        401: problemRef('No API key, or one that is unknown or revoked'),
        403: problemRef(`The key's role is below ${role}`),
        429: { ...problemRef("Over the key's rate limit; Retry-After says when to try again"), headers: { 'Retry-After': { schema: { type: 'integer' } } } },
      };
      // Every operation refuses query parameters it does not know (strict-query.ts), so every one can answer 400.
      answers[400] = problemRef('A bad or unknown parameter, or a bad body; errors names each one, and accepted lists the query parameters the operation takes');
      if (op.requestBody) answers[413] = problemRef('The body is larger than the server accepts');
      for (const [status, answer] of Object.entries(answers)) op.responses[status] ??= answer;
    }
  }
  return doc;
}
