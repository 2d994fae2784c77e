import type { RawItem } from '../connectors/types.js';
import type { OpenDb } from '../db/client.js';
import { createMentionWriter, type MentionRecord, type MentionWriter } from '../db/mention-writer.js';
import { slugify } from '../config/load.js';
import { contentHash } from '../nlp/dedupe.js';
import { analyze, topicsWithAncestors } from '../nlp/pipeline.js';
import type { CompiledTaxonomy } from '../nlp/taxonomy.js';

export interface IngestCounts {
  fetched: number;
  inserted: number;
  duplicates: number;
  rejected: number;
}

export interface Ingestor {
  /**
   * Normalizes, dedupes, analyses and stores a batch. Everything of the batch, and whatever
   * `alsoInTransaction` writes (the cursor, the run's counts), commits together or not at all.
   */
  ingest(sourceId: number, items: readonly RawItem[], alsoInTransaction?: (counts: IngestCounts) => void): IngestCounts;
}

export function createIngestor(store: OpenDb, taxonomy: CompiledTaxonomy, now: () => number = Date.now): Ingestor {
  let writer: MentionWriter | undefined;
  return {
    ingest(sourceId, items, alsoInTransaction) {
      writer ??= createMentionWriter(store.sqlite);
      const counts: IngestCounts = { fetched: items.length, inserted: 0, duplicates: 0, rejected: 0 };
      const fetchedAt = now();
      const seen = new Set<string>();
      const fresh: MentionRecord[] = [];
      for (const item of items) {
        const text = item.text?.trim() ?? '';
        if (!item.externalId || text === '') {
          counts.rejected++;
          continue;
        }
        // Known items skip analysis; the insert below still guards against a racing writer.
        if (seen.has(item.externalId) || writer.has(sourceId, item.externalId)) {
          counts.duplicates++;
          continue;
        }
        seen.add(item.externalId);
        fresh.push(toRecord(sourceId, { ...item, text }, taxonomy, fetchedAt));
      }
      store.sqlite.transaction(() => {
        const inserted = writer!.insertAll(fresh);
        // Rows another writer stored since the check above count as duplicates.
        counts.inserted += inserted;
        counts.duplicates += fresh.length - inserted;
        alsoInTransaction?.(counts);
      })();
      return counts;
    },
  };
}

function toRecord(sourceId: number, item: RawItem, taxonomy: CompiledTaxonomy, fetchedAt: number): MentionRecord {
  const analysis = analyze(analysedText(item), taxonomy, { langHint: item.langHint });
  const brands = new Set(analysis.brands);
  if (item.brand) brands.add(slugify(item.brand));
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
    topics: analysis.topics.map((t) => ({
      id: t.id,
      terms: t.terms,
      score: t.sentiment?.score ?? null,
      label: t.sentiment?.label ?? null,
    })),
    brands: [...brands],
    rollupTopics: topicsWithAncestors(analysis, taxonomy),
  };
}

// A headline says as much about topic and tone as the body; a body that already opens with
// its title is not given it twice. A reply's title is its thread's, not its own words.
function analysedText(item: RawItem): string {
  const title = item.title?.trim();
  const isReply = item.metadata?.replyTo != null || item.metadata?.kind === 'comment';
  if (!title || isReply || item.text.startsWith(title)) return item.text;
  return /[.!?…]$/.test(title) ? `${title} ${item.text}` : `${title}. ${item.text}`;
}
