import type { RawItem } from '../connectors/types.js';
import type { OpenDb } from '../db/client.js';
import { rebuildRollupsSql, type MentionRecord } from '../db/mention-writer.js';
import { refillLocalDays } from '../db/local-day-rollups.js';
import { createNearDuplicateIndex } from '../db/near-duplicates.js';
import { rebuildTermCountsSql } from '../db/term-counts.js';
import type { RecordBuilder } from './record-pool.js';

export interface RetagRange {
  from?: number;
  to?: number;
}

export interface RetagSummary {
  mentions: number;
  sentimentChanged: number;
  topicsChanged: number;
  /** Mentions whose brands or products changed. */
  brandsChanged: number;
  /** Mentions that became, or stopped being, a copy of another (or changed group). */
  duplicatesChanged: number;
}

interface StoredMention {
  id: number;
  source_id: number;
  external_id: string;
  url: string | null;
  author: string | null;
  title: string | null;
  text: string;
  published_at: number;
  rating: number | null;
  nps: number | null;
  csat: number | null;
  ces: number | null;
  metadata: string | null;
  lang_hint: string | null;
  brand_hint: string | null;
  sentiment_label: string | null;
  duplicate_of: number | null;
  topic_ids: string | null;
  brand_ids: string | null;
}

const CHUNK = 1000;

/**
 * Re-runs analysis over stored mentions (after a taxonomy or model change): sentiment, topics,
 * brands, products, terms and near-duplicate groups, then recounts the rollups and term counts of
 * the hours it touched. Idempotent: a second run changes nothing. Analysts' labels
 * are separate rows and are never touched.
 */
export async function retag(
  store: OpenDb,
  builder: RecordBuilder,
  range: RetagRange = {},
  onProgress?: (done: number, total: number) => void,
): Promise<RetagSummary> {
  const from = range.from ?? Number.MIN_SAFE_INTEGER;
  const to = range.to ?? Number.MAX_SAFE_INTEGER;
  const { sqlite } = store;
  const total = sqlite.prepare('SELECT count(*) FROM mentions WHERE published_at >= ? AND published_at < ?').pluck().get(from, to) as number;
  const page = sqlite.prepare<[number, number, number, number], StoredMention>(
    `SELECT m.*, (SELECT group_concat(topic_id, ',') FROM (SELECT topic_id FROM mention_topics WHERE mention_id = m.id ORDER BY topic_id)) AS topic_ids,
       (SELECT group_concat(id, ',') FROM (SELECT brand_id AS id FROM mention_brands WHERE mention_id = m.id
          UNION SELECT 'product:' || product_id FROM mention_products WHERE mention_id = m.id ORDER BY 1)) AS brand_ids
     FROM mentions m WHERE published_at >= ? AND published_at < ? AND id > ? ORDER BY id LIMIT ?`,
  );
  const update = sqlite.prepare(
    `UPDATE mentions SET lang = ?, sentiment_score = ?, sentiment_label = ?, sentiment_note = ?, sentences = ?, entities = ?,
       duplicate_of = ?, duplicate_kind = ?, terms = ? WHERE id = ?`,
  );
  const copies = createNearDuplicateIndex(sqlite);
  const dropProducts = sqlite.prepare('DELETE FROM mention_products WHERE mention_id = ?');
  const addProduct = sqlite.prepare('INSERT OR IGNORE INTO mention_products (mention_id, product_id) VALUES (?, ?)');
  const dropTopics = sqlite.prepare('DELETE FROM mention_topics WHERE mention_id = ?');
  const dropBrands = sqlite.prepare('DELETE FROM mention_brands WHERE mention_id = ?');
  const addTopic = sqlite.prepare('INSERT INTO mention_topics (mention_id, topic_id, sentiment_score, sentiment_label, terms) VALUES (?, ?, ?, ?, ?)');
  const addBrand = sqlite.prepare('INSERT INTO mention_brands (mention_id, brand_id) VALUES (?, ?)');

  const summary: RetagSummary = { mentions: 0, sentimentChanged: 0, topicsChanged: 0, brandsChanged: 0, duplicatesChanged: 0 };
  let first: number | null = null;
  let last: number | null = null;
  for (let after = 0; ; ) {
    const rows = page.all(from, to, after, CHUNK);
    if (rows.length === 0) break;
    after = rows.at(-1)!.id;
    const records = await buildAll(builder, rows);
    // Immediate: the chunk reads (near-duplicate lookups) before it writes, and a deferred
    // transaction whose snapshot another process wrote past fails at once with "database is
    // locked"; taking the write lock first waits its turn (busy_timeout) behind a busy server.
    sqlite.transaction(() => {
      rows.forEach((row, i) => {
        const r = records[i]!;
        // Rows go in id order, so what a mention copies is already settled: the same answer as
        // at ingest, and the same on every run.
        const copy = copies.find(row.text, r.contentHash, r.nearKeys ?? null, row.published_at, row.id);
        update.run(
          r.lang, r.sentimentScore, r.sentimentLabel, r.sentimentNote, r.sentences, r.entities ?? null,
          copy?.root ?? null, copy?.kind ?? null, r.terms ? JSON.stringify(r.terms) : null, row.id,
        );
        if (copy === null) copies.index(row.id, r.nearKeys ?? null, row.published_at);
        dropTopics.run(row.id);
        dropBrands.run(row.id);
        dropProducts.run(row.id);
        for (const t of r.topics) addTopic.run(row.id, t.id, t.score, t.label, JSON.stringify(t.terms));
        for (const b of r.brands) addBrand.run(row.id, b);
        for (const p of r.products ?? []) addProduct.run(row.id, p);
        const named = [...new Set(r.brands), ...new Set((r.products ?? []).map((p) => `product:${p}`))].sort().join(',');
        if (named !== [...(row.brand_ids ?? '').split(',').filter(Boolean)].sort().join(',')) summary.brandsChanged++;
        if ((copy?.root ?? null) !== row.duplicate_of) summary.duplicatesChanged++;
        if (r.sentimentLabel !== row.sentiment_label) summary.sentimentChanged++;
        if (r.topics.map((t) => t.id).sort().join(',') !== (row.topic_ids ?? '')) summary.topicsChanged++;
        first = Math.min(first ?? row.published_at, row.published_at);
        last = Math.max(last ?? row.published_at, row.published_at);
      });
    }).immediate();
    summary.mentions += rows.length;
    onProgress?.(summary.mentions, total);
  }
  if (first !== null && last !== null) {
    const hours = { from: first, to: (last as number) + 1 };
    sqlite.transaction(() => {
      for (const statement of [...rebuildRollupsSql(hours), ...rebuildTermCountsSql(hours)]) sqlite.exec(statement);
      refillLocalDays(sqlite, hours);
    }).immediate();
  }
  return summary;
}

// Records come back in input order per source; stitched back into row order here.
async function buildAll(builder: RecordBuilder, rows: StoredMention[]): Promise<MentionRecord[]> {
  const bySource = new Map<number, number[]>();
  rows.forEach((row, i) => bySource.set(row.source_id, [...(bySource.get(row.source_id) ?? []), i]));
  const out = new Array<MentionRecord>(rows.length);
  await Promise.all(
    [...bySource].map(async ([sourceId, indexes]) => {
      const items = indexes.map((i) => toItem(rows[i]!));
      const records = await builder.build(sourceId, items, 0);
      indexes.forEach((rowIndex, k) => (out[rowIndex] = records[k]!));
    }),
  );
  return out;
}

function toItem(row: StoredMention): RawItem {
  return {
    externalId: row.external_id,
    url: row.url,
    author: row.author,
    title: row.title,
    text: row.text,
    publishedAt: row.published_at,
    rating: row.rating,
    nps: row.nps,
    csat: row.csat,
    ces: row.ces,
    langHint: row.lang_hint,
    brand: row.brand_hint,
    metadata: row.metadata ? (JSON.parse(row.metadata) as Record<string, unknown>) : undefined,
  };
}
