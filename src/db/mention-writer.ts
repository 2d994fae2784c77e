import type Database from 'better-sqlite3';

export const ALL = '*';
const HOUR_MS = 3_600_000;

export interface MentionRecord {
  sourceId: number;
  externalId: string;
  url: string | null;
  author: string | null;
  title: string | null;
  text: string;
  lang: string;
  publishedAt: number;
  fetchedAt: number;
  rating: number | null;
  nps: number | null;
  csat: number | null;
  ces: number | null;
  contentHash: string;
  sentimentScore: number | null;
  sentimentLabel: string | null;
  sentimentNote: string | null;
  sentences: string;
  metadata: string | null;
  topics: { id: string; terms: string[]; score: number | null; label: string | null }[];
  brands: string[];
  /** Topics plus their ancestors: what the rollups count the mention under. */
  rollupTopics: string[];
}

/**
 * Prepared statements for the hot write path. Plain better-sqlite3 statements rather than the
 * drizzle builder: the same SQL prepared once runs several times faster than rebuilt per row.
 * Callers wrap calls in a transaction.
 */
export function createMentionWriter(sqlite: Database.Database) {
  const exists = sqlite.prepare<[number, string], { id: number }>(
    'SELECT id FROM mentions WHERE source_id = ? AND external_id = ?',
  );
  const firstWithHash = sqlite.prepare<[string], { root: number }>(
    'SELECT coalesce(duplicate_of, id) AS root FROM mentions WHERE content_hash = ? ORDER BY id LIMIT 1',
  );
  const insertMention = sqlite.prepare<unknown[], { id: number }>(
    `INSERT INTO mentions (source_id, external_id, url, author, title, text, lang, published_at,
       fetched_at, rating, nps, csat, ces, content_hash, duplicate_of, sentiment_score,
       sentiment_label, sentiment_note, sentences, metadata)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (source_id, external_id) DO NOTHING
     RETURNING id`,
  );
  const insertTopic = sqlite.prepare(
    `INSERT INTO mention_topics (mention_id, topic_id, sentiment_score, sentiment_label, terms)
     VALUES (?, ?, ?, ?, ?)`,
  );
  const insertBrand = sqlite.prepare('INSERT INTO mention_brands (mention_id, brand_id) VALUES (?, ?)');
  const bumpRollup = sqlite.prepare(
    `INSERT INTO rollups (brand, topic, bucket, source_id, lang, volume, originals, positive, neutral,
       negative, sentiment_sum, sentiment_count, rating_sum, rating_count)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (brand, topic, bucket, source_id, lang) DO UPDATE SET
       volume = volume + excluded.volume,
       originals = originals + excluded.originals,
       positive = positive + excluded.positive,
       neutral = neutral + excluded.neutral,
       negative = negative + excluded.negative,
       sentiment_sum = sentiment_sum + excluded.sentiment_sum,
       sentiment_count = sentiment_count + excluded.sentiment_count,
       rating_sum = rating_sum + excluded.rating_sum,
       rating_count = rating_count + excluded.rating_count`,
  );

  return {
    has(sourceId: number, externalId: string): boolean {
      return exists.get(sourceId, externalId) !== undefined;
    },

    /**
     * Inserts analysed mentions with their topics and brands, then adds them to the rollups.
     * Rollup counts are summed per key first: a batch usually lands in a few hour buckets, so
     * this is a few dozen upserts instead of several per mention. Returns how many were new.
     * Call inside a transaction so the mentions and their counts commit together.
     */
    insertAll(records: readonly MentionRecord[]): number {
      const sums = new Map<string, { key: [string, string, number, number, string]; counts: number[] }>();
      let inserted = 0;
      for (const m of records) {
        const duplicateOf = firstWithHash.get(m.contentHash)?.root ?? null;
        const row = insertMention.get(
          m.sourceId, m.externalId, m.url, m.author, m.title, m.text, m.lang, m.publishedAt,
          m.fetchedAt, m.rating, m.nps, m.csat, m.ces, m.contentHash, duplicateOf,
          m.sentimentScore, m.sentimentLabel, m.sentimentNote, m.sentences, m.metadata,
        );
        if (row === undefined) continue;
        inserted++;
        for (const topic of m.topics) {
          insertTopic.run(row.id, topic.id, topic.score, topic.label, JSON.stringify(topic.terms));
        }
        for (const brand of m.brands) insertBrand.run(row.id, brand);

        const bucket = Math.floor(m.publishedAt / HOUR_MS) * HOUR_MS;
        const counts = [
          1,
          duplicateOf === null ? 1 : 0,
          m.sentimentLabel === 'positive' ? 1 : 0,
          m.sentimentLabel === 'neutral' ? 1 : 0,
          m.sentimentLabel === 'negative' ? 1 : 0,
          m.sentimentScore ?? 0,
          m.sentimentScore === null ? 0 : 1,
          m.rating ?? 0,
          m.rating === null ? 0 : 1,
        ];
        for (const brand of [ALL, ...m.brands]) {
          for (const topic of [ALL, ...m.rollupTopics]) {
            const id = `${brand}\u0000${topic}\u0000${bucket}\u0000${m.sourceId}\u0000${m.lang}`;
            const entry = sums.get(id);
            if (entry) for (let k = 0; k < counts.length; k++) entry.counts[k]! += counts[k]!;
            else sums.set(id, { key: [brand, topic, bucket, m.sourceId, m.lang], counts: [...counts] });
          }
        }
      }
      for (const { key, counts } of sums.values()) bumpRollup.run(...key, ...counts);
      return inserted;
    },
  };
}

export type MentionWriter = ReturnType<typeof createMentionWriter>;
