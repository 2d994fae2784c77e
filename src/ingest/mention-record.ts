import type { RawItem } from '../connectors/types.js';
import { slugify } from '../config/load.js';
import type { MentionRecord } from '../db/mention-writer.js';
import { contentHash } from '../nlp/dedupe.js';
import { analyze, topicsWithAncestors } from '../nlp/pipeline.js';
import { hasEntities } from '../nlp/entities.js';
import { nearDuplicateKeys } from '../nlp/near-duplicate.js';
import type { CompiledTaxonomy } from '../nlp/taxonomy.js';

/** An item analysed and shaped into the row the writer stores: pure, so it can run in a worker. */
export function toMentionRecord(sourceId: number, item: RawItem, taxonomy: CompiledTaxonomy, fetchedAt: number): MentionRecord {
  const analysis = analyze(analysedText(item), taxonomy, { langHint: item.langHint, terms: true });
  const brands = new Set(analysis.brands);
  if (item.brand) brands.add(slugify(item.brand));
  const terms = new Set(analysis.terms);
  for (const brand of brands) terms.add(`brand:${brand}`);
  return {
    sourceId,
    externalId: item.externalId,
    url: item.url ?? null,
    author: item.author ?? null,
    title: item.title ?? null,
    text: item.text,
    lang: analysis.lang,
    publishedAt: item.publishedAt ?? fetchedAt,
    fetchedAt,
    rating: item.rating ?? null,
    nps: item.nps ?? null,
    csat: item.csat ?? null,
    ces: item.ces ?? null,
    contentHash: contentHash(item.text),
    sentimentScore: analysis.sentiment?.score ?? null,
    sentimentLabel: analysis.sentiment?.label ?? null,
    sentimentNote: analysis.sentimentNote,
    sentences: JSON.stringify(
      analysis.sentences.map((s) => ({ text: s.text, score: s.sentiment?.score ?? null, label: s.sentiment?.label ?? null })),
    ),
    metadata: item.metadata && Object.keys(item.metadata).length > 0 ? JSON.stringify(item.metadata) : null,
    entities: hasEntities(analysis.entities) ? JSON.stringify(analysis.entities) : null,
    langHint: item.langHint ?? null,
    brandHint: item.brand ?? null,
    topics: analysis.topics.map((t) => ({
      id: t.id,
      terms: t.terms,
      score: t.sentiment?.score ?? null,
      label: t.sentiment?.label ?? null,
    })),
    brands: [...brands],
    products: analysis.products,
    nearKeys: nearDuplicateKeys(item.text),
    terms: [...terms],
    rollupTopics: topicsWithAncestors(analysis, taxonomy),
  };
}

// A headline says as much about topic and tone as the body; a body that already opens with
// its title is not given it twice. A reply's title is its thread's, not its own words.
export function analysedText(item: Pick<RawItem, 'text' | 'title' | 'metadata'>): string {
  const title = item.title?.trim();
  const isReply = item.metadata?.replyTo != null || item.metadata?.kind === 'comment';
  if (!title || isReply || item.text.startsWith(title)) return item.text;
  return /[.!?…]$/.test(title) ? `${title} ${item.text}` : `${title}. ${item.text}`;
}
