import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { mentionTexts } from '../db/catalog.js';
import type { Db } from '../db/client.js';
import { requireRole, type ApiEnv } from './principal.js';
import { sentimentLabel } from './query-params.js';
import { strictQuery } from './strict-query.js';

const MAX_IDS = 100;

const QuerySchema = strictQuery({
  ids: z
    .string()
    .regex(/^\d+(,\d+)*$/, 'comma-separated mention ids, e.g. 12,13')
    .transform((value) => [...new Set(value.split(',').map(Number))])
    .refine((ids) => ids.length <= MAX_IDS, { message: `at most ${MAX_IDS} ids` })
    .openapi({ type: 'string', example: '12,13,14' }),
});

const WordSchema = z.object({
  text: z.string(),
  kind: z.enum(['word', 'negated', 'phrase', 'lexicon', 'cue']),
  cue: z.string().optional(),
  weight: z.number().openapi({ description: 'how far it moved the score; negative pulls towards negative' }),
});

const ExplanationSchema = z
  .object({
    id: z.number().int(),
    sentiment: z.object({ score: z.number(), label: sentimentLabel }).nullable(),
    note: z.string().nullable(),
    words: z.array(WordSchema).openapi({ description: 'the words, negations and cues that moved the sentiment, strongest first' }),
    matchesStored: z.boolean().openapi({ description: "false when today's model labels the text differently from the stored label (run earshot retag)" }),
  })
  .openapi('MentionExplanation');

const route = createRoute({
  method: 'get',
  path: '/mentions/explanations',
  summary: 'Why each mention got its sentiment: the words that drove it',
  description:
    'Re-runs the sentiment analysis on the stored text (the same code as ingest, with the same language hint); ids that do not exist are left out.',
  middleware: [requireRole('analyst')] as const,
  request: { query: QuerySchema },
  responses: {
    200: { description: 'One explanation per existing id', content: { 'application/json': { schema: z.object({ items: z.array(ExplanationSchema) }) } } },
  },
});

export function mentionExplanationsApi(db: Db, app: OpenAPIHono<ApiEnv>) {
  return app.openapi(route, async (c) => {
    const { ids } = c.req.valid('query');
    // The analysis stack (wink's model) loads on the first explanation, not when the API starts.
    const [{ analyze }, { compileTaxonomy }, { analysedText }] = await Promise.all([
      import('../nlp/pipeline.js'),
      import('../nlp/taxonomy.js'),
      import('../ingest/mention-record.js'),
    ]);
    const noTopics = compileTaxonomy([], []);
    const items = mentionTexts(db, ids).map((m) => {
      const metadata = m.metadata && typeof m.metadata === 'object' ? (m.metadata as Record<string, unknown>) : undefined;
      const analysis = analyze(analysedText({ text: m.text, title: m.title, metadata }), noTopics, { langHint: m.langHint });
      const sentiment = analysis.sentiment;
      return {
        id: m.id,
        sentiment: sentiment ? { score: sentiment.score, label: sentiment.label } : null,
        note: analysis.sentimentNote,
        words: (sentiment?.explain ?? []).map((w) => ({ text: w.text, kind: w.kind, ...(w.cue ? { cue: w.cue } : {}), weight: w.weight })),
        matchesStored: (sentiment?.label ?? null) === m.sentimentLabel,
      };
    });
    return c.json({ items }, 200);
  });
}
