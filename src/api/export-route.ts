import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { OpenDb } from '../db/client.js';
import { EXPORT_COLUMNS, exportStatement, openExport } from '../db/mention-export.js';
import { EXPORT_FORMATS, exportStream } from './export-stream.js';
import { mentionFilterFrom, mentionFilterParams } from './mention-params.js';
import { requireRole, type ApiEnv } from './principal.js';
import { ApiProblem } from './problem.js';
import { strictQuery } from './strict-query.js';

/** Exports at once; each holds a connection and a read snapshot for as long as its client reads. */
export const MAX_CONCURRENT_EXPORTS = 4;

const QuerySchema = strictQuery({
  format: z.enum(EXPORT_FORMATS).default('csv'),
  ...mentionFilterParams,
});

const route = createRoute({
  method: 'get',
  path: '/mentions/export',
  summary: 'Every mention that matches the filters of /mentions, newest first, streamed as CSV or NDJSON',
  description: `Columns (CSV header, NDJSON keys): ${EXPORT_COLUMNS.join(', ')}. Dates are ISO-8601 UTC; topics, brands and
labelTopics are lists (joined by | in CSV); metadata is JSON. The rows are one consistent snapshot of the database, taken when
the export starts. Values are written as stored: a spreadsheet may read a cell that starts with = as a formula.`,
  middleware: [requireRole('analyst')] as const,
  request: { query: QuerySchema },
  responses: {
    200: {
      description: 'The rows, streamed',
      content: {
        'text/csv': { schema: z.string() },
        'application/x-ndjson': { schema: z.string() },
      },
    },
  },
});

let running = 0;
/** Exports streaming now (for tests and the benchmark). */
export const runningExports = () => running;

export function exportApi(store: OpenDb, app: OpenAPIHono<ApiEnv>, now: () => number = Date.now) {
  return app.openapi(route, (c) => {
    const q = c.req.valid('query');
    const filter = mentionFilterFrom(store.db, q);
    if (store.path === ':memory:') throw new ApiProblem(503, 'Export unavailable', 'exports read their own connection to a database file; this server runs on :memory:');
    const headers = {
      'content-type': q.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
      'content-disposition': `attachment; filename="earshot-mentions-${new Date(now()).toISOString().slice(0, 19).replaceAll(':', '').replace('T', '-')}.${q.format}"`,
      'cache-control': 'no-store',
    };
    // HEAD answers from a GET whose body is dropped unread: opening the export would leak it.
    if (c.req.method === 'HEAD') return new Response(null, { status: 200, headers }) as never;
    if (running >= MAX_CONCURRENT_EXPORTS) {
      c.header('Retry-After', '10');
      throw new ApiProblem(429, 'Too many exports', `${MAX_CONCURRENT_EXPORTS} exports are streaming; retry when one is done`);
    }
    const cursor = openExport(store.path, exportStatement(store.db, filter));
    running++;
    let released = false;
    const release = () => {
      if (!released) (released = true), running--;
    };
    const close = cursor.close;
    cursor.close = () => {
      close();
      release();
    };
    const body = exportStream(cursor, q.format, (error) => console.error('export failed part-way:', error instanceof Error ? error.message : error));
    return new Response(body, { status: 200, headers }) as never;
  });
}
