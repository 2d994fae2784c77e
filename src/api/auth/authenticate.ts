import type { MiddlewareHandler } from 'hono';
import { findLiveKey } from '../../db/api-keys.js';
import type { Db } from '../../db/client.js';
import { hashKey, looksLikeKey } from '../keys.js';
import type { ApiEnv, Role } from '../principal.js';
import { problemResponse } from '../problem.js';
import { isPublicPath } from './public-paths.js';

const CHALLENGE = 'Bearer realm="earshot"';

/**
 * Sets `principal` from `Authorization: Bearer <key>`, and refuses every request that is not to
 * a public path without a valid key (401), whether or not its route checks a role: a route
 * added without a guard is closed, not open. Roles are checked by each route's `requireRole`.
 * The key itself is never logged or kept; only its hash is looked up.
 */
export function authenticate(db: Db, touch: (keyId: number, now: number) => void, now: () => number = Date.now): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    if (isPublicPath(c.req.path)) return next();
    const header = c.req.header('authorization');
    if (!header) {
      c.header('WWW-Authenticate', CHALLENGE);
      return problemResponse(c, 401, 'Unauthorized', 'send an API key as "Authorization: Bearer <key>" (earshot keys create)');
    }
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const key = match?.[1];
    const found = key && looksLikeKey(key) ? findLiveKey(db, hashKey(key)) : undefined;
    if (!found) {
      c.header('WWW-Authenticate', `${CHALLENGE}, error="invalid_token"`);
      const why = !match
        ? 'the Authorization header must be "Bearer <key>"'
        : !looksLikeKey(key!)
          ? 'that is not an Earshot API key (they start with earshot_)'
          : 'the API key is unknown or revoked';
      return problemResponse(c, 401, 'Unauthorized', why);
    }
    c.set('principal', { keyId: found.id, name: found.name, role: found.role as Role, rateLimit: found.rateLimit });
    touch(found.id, now());
    return next();
  };
}
