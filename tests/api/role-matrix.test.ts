import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.js';
import { isPublicPath } from '../../src/api/auth/public-paths.js';
import { guardRole, ROLES, roleAllows, type Role } from '../../src/api/principal.js';
import { makeKey } from '../helpers/api-keys.js';
import { tempEarshot } from '../helpers/temp-earshot.js';

/**
 * The role each route needs: the table in README.md ("Keys and roles"). A route that is added
 * without a row here fails the first test, so every new route gets a deliberate role.
 */
const EXPECTED: Record<string, Role> = {
  'GET /api/v1/me': 'viewer',
  'GET /api/v1/trends': 'viewer',
  'GET /api/v1/trends/topics': 'viewer',
  'GET /api/v1/trends/share-of-voice': 'viewer',
  'GET /api/v1/trends/terms': 'viewer',
  'GET /api/v1/sources': 'viewer',
  'GET /api/v1/catalog': 'viewer',
  'GET /api/v1/alerts': 'viewer',
  'GET /api/v1/alerts/:id': 'viewer',
  'PATCH /api/v1/alerts/:id': 'analyst',
  'GET /api/v1/mentions': 'analyst',
  'GET /api/v1/mentions/export': 'analyst',
  'GET /api/v1/mentions/explanations': 'analyst',
  'PUT /api/v1/mentions/:id/labels': 'analyst',
  'GET /api/v1/keys': 'admin',
  'POST /api/v1/keys': 'admin',
  'DELETE /api/v1/keys/:id': 'admin',
  'POST /api/v1/subscriptions': 'admin',
  'GET /api/v1/subscriptions': 'admin',
  'GET /api/v1/subscriptions/:id': 'admin',
  'PATCH /api/v1/subscriptions/:id': 'admin',
  'DELETE /api/v1/subscriptions/:id': 'admin',
  'POST /api/v1/subscriptions/:id/test': 'admin',
  'GET /api/v1/deliveries': 'admin',
  'GET /api/v1/deliveries/:id': 'admin',
  'POST /api/v1/deliveries/:id/retry': 'admin',
};

const earshot = tempEarshot();
afterAll(() => earshot.cleanup());
const app = createApp({ store: earshot.store, rateLimit: 100_000 });
const keys = Object.fromEntries(ROLES.map((role) => [role, makeKey(earshot.store, role)])) as Record<Role, string>;

/** Every (method, path) the app serves, with the role its guard asks for. */
const routes = [...new Map(app.routes.filter((r) => r.method !== 'ALL').map((r) => [`${r.method} ${r.path}`, r])).values()].map((r) => ({
  method: r.method,
  path: r.path,
  role: app.routes.filter((x) => x.method === r.method && x.path === r.path).map((x) => guardRole(x.handler)).find(Boolean),
}));
const concrete = (path: string) => path.replaceAll(/:[^/]+/g, '999999');
const send = (method: string, path: string, key?: string, query = '') =>
  app.request(concrete(path) + query, {
    method,
    headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...(method === 'GET' || method === 'DELETE' ? {} : { 'content-type': 'application/json' }) },
    body: method === 'GET' || method === 'DELETE' ? undefined : '{}',
  });

describe('the role of every route', () => {
  it('is guarded on every non-public route, with the role the README table gives', () => {
    const guarded = routes.filter((r) => !isPublicPath(r.path));
    expect(guarded.length).toBeGreaterThanOrEqual(Object.keys(EXPECTED).length);
    expect(Object.fromEntries(guarded.map((r) => [`${r.method} ${r.path}`, r.role]))).toEqual(EXPECTED);
  });

  it.each(Object.entries(EXPECTED))('%s: 401 without a key, 403 below %s, served at or above it', async (route, need) => {
    const [method, path] = route.split(' ') as [string, string];
    const anonymous = await send(method, path);
    expect(anonymous.status).toBe(401);
    for (const role of ROLES) {
      const response = await send(method, path, keys[role]);
      const text = await response.text();
      const body = (response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : {}) as { detail?: string };
      if (roleAllows(role, need)) {
        expect([401, 403], `${role} on ${route}: ${body.detail}`).not.toContain(response.status);
      } else {
        expect(response.status, `${role} on ${route}`).toBe(403);
        expect(response.headers.get('content-type')).toBe('application/problem+json');
        expect(body.detail).toContain(`needs the ${need} role`);
      }
    }
  });

  it.each(Object.entries(EXPECTED))('%s: refuses a misspelt query parameter with a 400 that names it and lists the accepted ones', async (route, need) => {
    const [method, path] = route.split(' ') as [string, string];
    const response = await send(method, path, keys[need], '?brnad=acme');
    expect(response.status, route).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const body = (await response.json()) as { detail: string; errors: { field: string }[]; accepted: string[] };
    expect(body.errors.map((e) => e.field)).toContain('brnad');
    expect(body.detail).toContain("'brnad'");
    expect(Array.isArray(body.accepted)).toBe(true);
    expect(body.accepted).not.toContain('brnad');
  });
});

describe('what answers without a key', () => {
  it('is only /health, the OpenAPI document and the docs page with its files (and the dashboard where it is mounted)', async () => {
    const open: string[] = [];
    for (const r of routes) {
      const response = await send(r.method, r.path.replace(':asset', 'swagger-ui.css'));
      await response.arrayBuffer();
      if (response.status !== 401) open.push(`${r.method} ${r.path}`);
    }
    expect(open).toEqual(routes.filter((r) => isPublicPath(r.path)).map((r) => `${r.method} ${r.path}`));
    expect(open.filter((r) => r.includes('/api/'))).toEqual([
      'GET /api/v1/openapi.json',
      'GET /api/v1/docs',
      'GET /api/v1/docs/init.js',
      'GET /api/v1/docs/:asset',
    ]);
    expect(open).toContain('GET /health');
    // Nothing else under /api is public, whatever is mounted later.
    for (const path of ['/api/v1/mentions', '/api/v1/keys', '/api/v1/openapi.json/x', '/api/v1/docsx', '/api/v2/anything']) expect(isPublicPath(path), path).toBe(false);
  });

  it('is closed for paths no route serves: an unknown path under /api/v1 is 401 before 404', async () => {
    expect((await app.request('/api/v1/secret-admin-thing')).status).toBe(401);
    expect((await app.request('/api/v1/secret-admin-thing', { headers: { authorization: `Bearer ${keys.admin}` } })).status).toBe(404);
  });

  it('checks the role before validating, so a key without the role learns nothing about the input', async () => {
    const response = await app.request('/api/v1/mentions?limit=nonsense', { headers: { authorization: `Bearer ${keys.viewer}` } });
    expect(response.status).toBe(403);
  });
});
