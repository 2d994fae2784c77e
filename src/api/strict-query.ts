import { z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { problemResponse } from './problem.js';

/**
 * Query strings of /api/v1: a parameter a route does not know is refused (400), never ignored — a
 * typo such as `brnad=acme` would otherwise answer with every mention, which looks like a real answer.
 * Every route file builds its query schema with `strictQuery` (an empty one when it takes none), so
 * the validation hook names the unknown parameters and lists the accepted ones.
 */

const ACCEPTED_PREFIX = 'not a query parameter of this route; accepted: ';
const NONE = '(none)';

function acceptedMessage(accepted: readonly string[]): string {
  return ACCEPTED_PREFIX + (accepted.length ? accepted.join(', ') : NONE);
}

/** A route's query schema that refuses parameters outside `shape`. */
export function strictQuery<T extends z.ZodRawShape>(shape: T) {
  const accepted = Object.keys(shape).sort();
  return z.strictObject(shape, {
    error: (issue) => (issue.code === 'unrecognized_keys' ? acceptedMessage(accepted) : undefined),
  });
}

export interface QueryFieldError {
  field: string;
  message: string;
}

/**
 * The problem fields for a zod issue raised by a strictQuery schema: one error per unknown
 * parameter and the accepted list; undefined for any other issue.
 */
export function unknownQueryErrors(issue: z.core.$ZodIssue): { errors: QueryFieldError[]; accepted: string[] } | undefined {
  if (issue.code !== 'unrecognized_keys' || !issue.message.startsWith(ACCEPTED_PREFIX)) return undefined;
  const list = issue.message.slice(ACCEPTED_PREFIX.length);
  const accepted = list === NONE ? [] : list.split(', ');
  return { errors: issue.keys.map((key) => ({ field: key, message: issue.message })), accepted };
}

/** The same refusal for the few plain (non-OpenAPI) routes under /api/v1: the docs page and the document. */
export function refuseUnknownQuery(accepted: readonly string[] = []): MiddlewareHandler {
  const known = new Set(accepted);
  return async (c, next) => {
    const unknown = [...new Set(new URL(c.req.url).searchParams.keys())].filter((key) => !known.has(key));
    if (unknown.length === 0) return next();
    const errors = unknown.map((field) => ({ field, message: acceptedMessage([...known].sort()) }));
    return problemResponse(c, 400, 'Invalid request', unknownDetail(unknown, [...known].sort()), { errors, accepted: [...known].sort() });
  };
}

export function unknownDetail(unknown: readonly string[], accepted: readonly string[]): string {
  const names = unknown.map((key) => `'${key}'`).join(', ');
  return `unknown query parameter${unknown.length > 1 ? 's' : ''} ${names}; this route accepts ${accepted.length ? accepted.join(', ') : 'no query parameters'}`;
}

/** The query schema of a route that takes no query parameters: any parameter is refused. */
export const noQuery = () => strictQuery({});
