import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Db } from '../db/client.js';
import { LabelError, putLabels } from '../db/labels.js';
import { toIso } from '../util/dates.js';
import { ApiProblem } from './problem.js';
import { sentimentLabel } from './query-params.js';
import { requireRole, type ApiEnv } from './principal.js';
import { noQuery } from './strict-query.js';

const LabelsBody = z
  .object({
    sentiment: sentimentLabel.nullable().optional(),
    topics: z.array(z.string().min(1)).max(100).nullable().optional(),
  })
  .refine((b) => b.sentiment !== undefined || b.topics !== undefined, { message: 'give sentiment, topics or both' })
  .openapi('LabelsChange');

const LabelsSchema = z
  .object({ mentionId: z.number().int(), sentiment: sentimentLabel.nullable(), topics: z.array(z.string()).nullable(), updatedAt: z.string() })
  .openapi('Labels');

const route = createRoute({
  method: 'put',
  path: '/mentions/{id}/labels',
  summary: "Correct a mention's sentiment and/or topics; stored apart from the machine's answer",
  middleware: [requireRole('analyst')] as const,
  request: {
    params: z.object({ id: z.coerce.number().int().positive() }),
    query: noQuery(),
    body: { content: { 'application/json': { schema: LabelsBody } }, required: true },
  },
  responses: {
    200: { description: 'The stored correction', content: { 'application/json': { schema: LabelsSchema } } },
  },
});

export function labelsApi(db: Db, app: OpenAPIHono<ApiEnv>) {
  return app.openapi(route, (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    let row;
    try {
      row = putLabels(db, id, body);
    } catch (error) {
      if (error instanceof LabelError) {
        throw new ApiProblem(400, 'Invalid request', `${error.field}: ${error.message}`, { errors: [{ field: error.field, message: error.message }] });
      }
      throw error;
    }
    if (!row) throw new ApiProblem(404, 'Not found', `no mention with id ${id}`);
    return c.json({ ...row, sentiment: row.sentiment as z.infer<typeof sentimentLabel> | null, updatedAt: toIso(row.updatedAt)! }, 200);
  });
}
