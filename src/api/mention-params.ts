import { z } from '@hono/zod-openapi';
import type { Db } from '../db/client.js';
import type { MentionFilter } from '../db/mention-queries.js';
import { instantsIn, isoInstant, ratingAgreement, sentimentLabel, sourceList, timeZone } from './query-params.js';
import { resolveSourceIds } from './sources-filter.js';
import { ratingList } from './trend-params.js';

/** The filters of /mentions and /mentions/export: one schema, so an export is exactly the list. */
export const mentionFilterParams = {
  source: sourceList.optional(),
  topic: z.string().min(1).optional().openapi({ description: 'a topic id; includes its subtopics' }),
  brand: z.string().min(1).optional(),
  lang: z.string().regex(/^[a-z]{2,3}$/, 'an ISO 639-1 code such as en').optional(),
  sentiment: sentimentLabel.optional(),
  rating: ratingList.optional(),
  ratingAgreement: ratingAgreement.optional().openapi({
    description: 'star rating against text sentiment: disagree = opposite polarities (5 stars, negative text), mixed = one side neutral',
  }),
  from: isoInstant.optional(),
  to: isoInstant.optional(),
  tz: timeZone,
  q: z.string().min(1).max(500).optional().openapi({ description: 'full-text search: every word must appear' }),
};

type FilterQuery = {
  source?: string[];
  topic?: string;
  brand?: string;
  lang?: string;
  sentiment?: MentionFilter['sentiment'];
  rating?: number[];
  ratingAgreement?: MentionFilter['ratingAgreement'];
  from?: string;
  to?: string;
  tz: string;
  q?: string;
};

export function mentionFilterFrom(db: Db, q: FilterQuery): MentionFilter {
  const { from, to } = instantsIn(q, q.tz);
  return {
    sourceIds: resolveSourceIds(db, q.source),
    topic: q.topic,
    brand: q.brand,
    lang: q.lang,
    sentiment: q.sentiment,
    rating: q.rating,
    ratingAgreement: q.ratingAgreement,
    from,
    to,
    q: q.q,
  };
}
