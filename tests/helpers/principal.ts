import { Hono } from 'hono';
import { createApp, type AppDeps } from '../../src/api/app.js';
import type { ApiEnv, Principal } from '../../src/api/principal.js';

export const ADMIN: Principal = { keyId: 1, name: 'ops-admin', role: 'admin' };

/**
 * Test-only stand-in for the authentication middleware (another branch builds it): the caller is
 * the JSON in the x-test-principal header, else `fallback`; 'none' sends no caller.
 */
export function appWithPrincipal(deps: AppDeps, fallback: Principal | undefined = ADMIN) {
  const outer = new Hono<ApiEnv>();
  outer.use('*', async (c, next) => {
    const header = c.req.header('x-test-principal');
    c.set('principal', header === 'none' ? undefined : header ? (JSON.parse(header) as Principal) : fallback);
    await next();
  });
  outer.route('/', createApp(deps));
  return outer;
}
