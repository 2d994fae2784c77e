import type { MiddlewareHandler } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';
import type { ApiEnv } from '../principal.js';
import { problemResponse } from '../problem.js';

/** Requests a minute per key unless the key has its own limit (`keys create --rate-limit`). */
export const DEFAULT_RATE_LIMIT = 600;

/** EARSHOT_RATE_LIMIT, else the default; a value that is not a positive integer is an error. */
export function rateLimitFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const text = env.EARSHOT_RATE_LIMIT;
  if (text === undefined || text === '') return DEFAULT_RATE_LIMIT;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`EARSHOT_RATE_LIMIT: '${text}' is not a positive whole number of requests a minute`);
  return n;
}

/**
 * Per-key limit over a fixed one-minute window (hono-rate-limiter's in-memory store: one
 * process serves the API). Runs after authentication, so every counted request has a key;
 * answers 429 with Retry-After (seconds to the window's end) and a problem body.
 */
export function perKeyRateLimit(defaultPerMinute: number, windowMs = 60_000): MiddlewareHandler<ApiEnv> {
  return rateLimiter<ApiEnv>({
    windowMs,
    limit: (c) => c.get('principal')?.rateLimit ?? defaultPerMinute,
    keyGenerator: (c) => String(c.get('principal')?.keyId ?? 'anonymous'),
    standardHeaders: 'draft-6',
    handler: (c) => {
      const principal = c.get('principal');
      const limit = principal?.rateLimit ?? defaultPerMinute;
      // The limiter puts its count and window end on the context under `rateLimit`.
      const resetTime = (c.get as (key: string) => { resetTime?: Date } | undefined)('rateLimit')?.resetTime;
      const retry = String(Math.max(1, Math.ceil(((resetTime?.getTime() ?? Date.now() + windowMs) - Date.now()) / 1000)));
      c.header('Retry-After', retry);
      return problemResponse(c, 429, 'Too many requests', `the key '${principal?.name}' may make ${limit} requests a minute; retry in ${retry} s`);
    },
  });
}
