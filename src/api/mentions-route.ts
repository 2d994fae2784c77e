import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Db } from '../db/client.js';
import { BadCursorError, decodeCursor, encodeCursor, listMentions } from '../db/mention-queries.js';
import { toIso } from '../util/dates.js';
import { labelsFor } from '../db/labels.js';
import { ApiProblem } from './problem.js';
import { mentionFilterFrom, mentionFilterParams } from './mention-params.js';
import { requireRole, type ApiEnv } from './principal.js';
import { ratingAgreement, sentimentLabel } from './query-params.js';
import { strictQuery } from './strict-query.js';

const MentionQuerySchema = strictQuery({
  ...mentionFilterParams,
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().optional(),
});

const SentimentSchema = z.object({ score: z.number(), label: sentimentLabel }).nullable();

const MentionSchema = z
  .object({
    id: z.number().int(),
    source: z.string(),
    externalId: z.string(),
    url: z.string().nullable(),
    author: z.string().nullable(),
    title: z.string().nullable(),
    text: z.string(),
    lang: z.string(),
    publishedAt: z.string(),
    fetchedAt: z.string(),
    rating: z.number().nullable(),
    ratingAgreement: ratingAgreement.nullable().openapi({ description: 'whether the star rating and the text sentiment agree; null without both' }),
    nps: z.number().nullable(),
    csat: z.number().nullable(),
    ces: z.number().nullable(),
    sentiment: SentimentSchema,
    sentimentNote: z.string().nullable(),
    duplicateOf: z.number().int().nullable().openapi({ description: 'the first voice this mention copies (same text, or a near-duplicate)' }),
    duplicateKind: z.enum(['exact', 'near']).nullable(),
    topics: z.array(z.object({ id: z.string(), terms: z.array(z.string()), sentiment: SentimentSchema })),
    brands: z.array(z.string()),
    products: z.array(z.string()),
    sentences: z.unknown(),
    metadata: z.unknown(),
    entities: z
      .object({ hashtags: z.array(z.string()), mentions: z.array(z.string()), urls: z.array(z.string()), emails: z.array(z.string()) })
      .nullable(),
    labels: z
      .object({ sentiment: sentimentLabel.nullable(), topics: z.array(z.string()).nullable() })
      .nullable()
      .openapi({ description: "an analyst's correction, apart from the machine's answer" }),
  })
  .openapi('Mention');

const route = createRoute({
  method: 'get',
  path: '/mentions',
  summary: 'Mentions, newest first, with filters and cursor paging',
  middleware: [requireRole('analyst')] as const,
  request: { query: MentionQuerySchema },
  responses: {
    200: {
      description: 'One page; pass nextCursor as cursor for the next',
      content: { 'application/json': { schema: z.object({ items: z.array(MentionSchema), nextCursor: z.string().nullable() }) } },
    },
  },
});

function sentimentOf(score: number | null, label: string | null) {
  return score === null || label === null ? null : { score, label: label as z.infer<typeof sentimentLabel> };
}

export function mentionsApi(db: Db, app: OpenAPIHono<ApiEnv>) {
  return app.openapi(route, (c) => {
    const q = c.req.valid('query');
    let after;
    try {
      after = q.cursor ? decodeCursor(q.cursor) : undefined;
    } catch (error) {
      if (error instanceof BadCursorError) {
        throw new ApiProblem(400, 'Invalid request', `cursor: ${error.message}`, { errors: [{ field: 'cursor', message: error.message }] });
      }
      throw error;
    }
    const page = listMentions(db, mentionFilterFrom(db, q), q.limit, after);
    const corrections = labelsFor(db, page.items.map((m) => m.id));
    return c.json(
      {
        items: page.items.map((m) => ({
          id: m.id,
          source: m.source,
          externalId: m.externalId,
          url: m.url,
          author: m.author,
          title: m.title,
          text: m.text,
          lang: m.lang,
          publishedAt: toIso(m.publishedAt)!,
          fetchedAt: toIso(m.fetchedAt)!,
          rating: m.rating,
          ratingAgreement: m.ratingAgreement as z.infer<typeof ratingAgreement> | null,
          nps: m.nps,
          csat: m.csat,
          ces: m.ces,
          sentiment: sentimentOf(m.sentimentScore, m.sentimentLabel),
          sentimentNote: m.sentimentNote,
          duplicateOf: m.duplicateOf,
          duplicateKind: (m.duplicateKind as 'exact' | 'near' | null) ?? null,
          topics: m.topics.map((t) => ({ id: t.topicId, terms: t.terms as string[], sentiment: sentimentOf(t.sentimentScore, t.sentimentLabel) })),
          brands: m.brands,
          products: m.products,
          sentences: m.sentences,
          metadata: m.metadata,
          entities: (m.entities as { hashtags: string[]; mentions: string[]; urls: string[]; emails: string[] } | null) ?? null,
          labels: corrections.has(m.id)
            ? { sentiment: corrections.get(m.id)!.sentiment as z.infer<typeof sentimentLabel> | null, topics: corrections.get(m.id)!.topics }
            : null,
        })),
        nextCursor: page.next ? encodeCursor(page.next) : null,
      },
      200,
    );
  });
}
