import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from '@hono/zod-openapi';
import { unknownDetail, unknownQueryErrors } from './strict-query.js';

/** An error the API answers on purpose, as application/problem+json. */
export class ApiProblem extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly title: string,
    readonly detail: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail);
  }
}

export function problemResponse(
  c: Context,
  status: ContentfulStatusCode,
  title: string,
  detail: string,
  extra: Record<string, unknown> = {},
): Response {
  const type = `https://earshot.dev/problems/${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return c.body(JSON.stringify({ type, title, status, detail, ...extra }), status, {
    'content-type': 'application/problem+json',
  });
}

/** Every bad field named, so a client can fix the whole request at once; unknown query parameters too. */
export function validationProblem(c: Context, error: z.ZodError): Response {
  const errors: { field: string; message: string }[] = [];
  const details: string[] = [];
  let accepted: string[] | undefined;
  for (const issue of error.issues) {
    const unknown = unknownQueryErrors(issue);
    if (unknown) {
      errors.push(...unknown.errors);
      accepted = unknown.accepted;
      details.push(unknownDetail(unknown.errors.map((e) => e.field), unknown.accepted));
      continue;
    }
    const field = issue.path.join('.') || '(request)';
    errors.push({ field, message: issue.message });
    details.push(`${field}: ${issue.message}`);
  }
  return problemResponse(c, 400, 'Invalid request', details.join('; '), accepted ? { errors, accepted } : { errors });
}

/** The single error handler: known problems as they are, anything else as a 500 with no internals. */
export function onError(error: Error, c: Context): Response {
  if (error instanceof ApiProblem) return problemResponse(c, error.status, error.title, error.detail, error.extra);
  const status = (error as { status?: number }).status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return problemResponse(c, status as ContentfulStatusCode, 'Bad request', error.message);
  }
  console.error('unhandled API error:', error);
  return problemResponse(c, 500, 'Internal error', 'the server failed to answer; the error is in its log');
}
