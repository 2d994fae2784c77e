import type { MiddlewareHandler } from 'hono';
import { problemResponse } from './problem.js';

/** What an API key may do: viewer reads trends and alerts; analyst also mentions and exports; admin manages. */
export const ROLES = ['viewer', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The caller behind a request, set by the authentication middleware from its Bearer key. */
export interface Principal {
  keyId: number;
  name: string;
  role: Role;
  /** Requests a minute this key may make; null or absent: the server's default. */
  rateLimit?: number | null;
}

/** Hono environment of every /api/v1 route: handlers read the caller with `c.get('principal')`. */
export type ApiEnv = { Variables: { principal: Principal | undefined } };

const RANK: Record<Role, number> = { viewer: 0, analyst: 1, admin: 2 };

export function roleAllows(have: Role, need: Role): boolean {
  return RANK[have] >= RANK[need];
}

/** A guard made by requireRole carries its role, so the OpenAPI document and tests can read it off the routes. */
export type RoleGuard = MiddlewareHandler<ApiEnv> & { requiredRole: Role };

export function guardRole(handler: unknown): Role | undefined {
  return (handler as Partial<RoleGuard> | undefined)?.requiredRole;
}

/** Route guard: 401 without a caller, 403 when the caller's role is below `need`. */
export function requireRole(need: Role): RoleGuard {
  const guard: MiddlewareHandler<ApiEnv> = async (c, next) => {
    const principal = c.get('principal');
    if (!principal) {
      c.header('WWW-Authenticate', 'Bearer realm="earshot"');
      return problemResponse(c, 401, 'Unauthorized', 'send an API key as "Authorization: Bearer <key>" (earshot keys create)');
    }
    if (!roleAllows(principal.role, need)) {
      return problemResponse(c, 403, 'Forbidden', `this needs the ${need} role; the key '${principal.name}' is ${principal.role}`);
    }
    await next();
  };
  return Object.assign(guard, { requiredRole: need });
}
