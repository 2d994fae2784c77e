import type Database from 'better-sqlite3';
import { COUNT_COLUMNS, COUNT_KEYS, MENTION_FACTS_SQL, mentionCounts } from '../analytics/counts.js';
import { localDayOf } from '../analytics/local-days.js';
import { HOUR_MS, ROLLUP_TABLES, ratedOnly, type RollupTable } from '../analytics/rollup-tables.js';
import { createNearDuplicateIndex } from './near-duplicates.js';
import { createTermCounter } from './term-counts.js';

export const ALL = '*';

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
  langHint?: string | null;
  brandHint?: string | null;
  /** JSON of the analysis' entities, null when there are none. */
  entities?: string | null;
  topics: { id: string; terms: string[]; score: number | null; label: string | null }[];
  brands: string[];
  /** Configured products the text names. */
  products?: string[];
  /** Near-duplicate LSH keys of the text; null for texts too short to judge. */
  nearKeys?: number[] | null;
  /** Emerging-term keys (counted for original voices only). */
  terms?: string[];
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
  const copies = createNearDuplicateIndex(sqlite);
  const termCounter = createTermCounter(sqlite);
  const insertProduct = sqlite.prepare('INSERT OR IGNORE INTO mention_products (mention_id, product_id) VALUES (?, ?)');
  const insertMention = sqlite.prepare<unknown[], { id: number }>(
    `INSERT INTO mentions (source_id, external_id, url, author, title, text, lang, published_at,
       fetched_at, rating, nps, csat, ces, content_hash, duplicate_of, sentiment_score,
       sentiment_label, sentiment_note, sentences, metadata, lang_hint, brand_hint, entities,
       duplicate_kind, terms)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (source_id, external_id) DO NOTHING
     RETURNING id`,
  );
  const insertTopic = sqlite.prepare(
    `INSERT INTO mention_topics (mention_id, topic_id, sentiment_score, sentiment_label, terms)
     VALUES (?, ?, ?, ?, ?)`,
  );
  const insertBrand = sqlite.prepare('INSERT INTO mention_brands (mention_id, brand_id) VALUES (?, ?)');
  const rollups = rollupWriter(sqlite);

  return {
    has(sourceId: number, externalId: string): boolean {
      return exists.get(sourceId, externalId) !== undefined;
    },

    /**
     * Inserts analysed mentions with their topics and brands, then adds them to every rollup
     * table (see rollupWriter). Returns how many were new. Call inside a transaction so the
     * mentions and their counts commit together.
     */
    insertAll(records: readonly MentionRecord[]): number {
      const batch = rollups.batch();
      const termBatch = termCounter.batch();
      let inserted = 0;
      for (const m of records) {
        const copy = copies.find(m.text, m.contentHash, m.nearKeys ?? null, m.publishedAt);
        const duplicateOf = copy?.root ?? null;
        const row = insertMention.get(
          m.sourceId, m.externalId, m.url, m.author, m.title, m.text, m.lang, m.publishedAt,
          m.fetchedAt, m.rating, m.nps, m.csat, m.ces, m.contentHash, duplicateOf,
          m.sentimentScore, m.sentimentLabel, m.sentimentNote, m.sentences, m.metadata,
          m.langHint ?? null, m.brandHint ?? null, m.entities ?? null,
          copy?.kind ?? null, m.terms ? JSON.stringify(m.terms) : null,
        );
        if (row === undefined) continue;
        inserted++;
        // Only first voices are indexed: a copy is found through its original, and a campaign of
        // 30,000 copies stays one candidate instead of 30,000.
        if (duplicateOf === null) copies.index(row.id, m.nearKeys ?? null, m.publishedAt);
        for (const product of m.products ?? []) insertProduct.run(row.id, product);
        // Terms count voices: a copy adds nothing to what is emerging.
        if (duplicateOf === null && m.terms) termBatch.add({ publishedAt: m.publishedAt, brands: m.brands, terms: m.terms });
        for (const topic of m.topics) {
          insertTopic.run(row.id, topic.id, topic.score, topic.label, JSON.stringify(topic.terms));
        }
        for (const brand of m.brands) insertBrand.run(row.id, brand);

        batch.add(m, mentionCounts({ ...m, duplicateOf }));
      }
      batch.write();
      termBatch.flush();
      return inserted;
    },
  };
}

type Sums = Map<string, { key: (string | number)[]; counts: number[] }>;

function add(sums: Sums, id: string, key: (string | number)[], counts: number[]): void {
  const entry = sums.get(id);
  if (entry) for (let k = 0; k < counts.length; k++) entry.counts[k]! += counts[k]!;
  else sums.set(id, { key, counts: [...counts] });
}

/** What a mention is counted under: its source, language, rating, time and brands × topics. */
export interface RollupFacts {
  sourceId: number;
  lang: string;
  rating: number | null;
  publishedAt: number;
  brands: readonly string[];
  rollupTopics: readonly string[];
}

/**
 * Adds counted mentions to every rollup table (rollup-tables.ts: five families × hours, UTC days
 * and the local days of each zone in rollup_zones). Counts are summed per key in memory first: a batch
 * usually lands in a few hours, so this is a few dozen upserts per table instead of several per
 * mention. `write` must run inside the transaction that stores the mentions.
 */
export function rollupWriter(sqlite: Database.Database) {
  const columns = COUNT_KEYS.map((k) => COUNT_COLUMNS[k]);
  // One target per table, and per kept zone for the local-day tables. The zones are read again
  // at every batch, inside its transaction: another process (an `earshot import` with a new
  // config) may have declared or dropped one since, and a zone listed must never miss a mention.
  const zonesStatement = sqlite.prepare('SELECT zone FROM rollup_zones ORDER BY zone').pluck();
  let zonesKey: string | null = null;
  let targets: { table: RollupTable; at: (publishedAt: number) => number; key: KeyOf }[] = [];
  const currentTargets = () => {
    const zones = zonesStatement.all() as string[];
    if (zones.join('\n') !== zonesKey) {
      zonesKey = zones.join('\n');
      targets = ROLLUP_TABLES.flatMap((table) =>
        (table.width === 'local' ? zones : [null]).map((zone) => ({ table, at: bucketOf(table, zone), key: keyBuilder(table, zone) })),
      );
    }
    return targets;
  };
  const upserts = new Map(
    ROLLUP_TABLES.map((table) => [
      table.name,
      sqlite.prepare(
        `INSERT INTO ${table.name} (${[...table.keys, ...columns].join(', ')})
         VALUES (${[...table.keys, ...columns].map(() => '?').join(', ')})
         ON CONFLICT (${table.keys.join(', ')}) DO UPDATE SET
         ${columns.map((c) => `${c} = ${c} + excluded.${c}`).join(',\n         ')}`,
      ),
    ]),
  );
  return {
    batch() {
      const targets = currentTargets();
      const sums: Sums[] = targets.map(() => new Map());
      return {
        add(m: RollupFacts, counts: number[]): void {
          const brands = [ALL, ...m.brands];
          const topics = [ALL, ...m.rollupTopics];
          for (let i = 0; i < targets.length; i++) {
            const { table, at, key: keyOf } = targets[i]!;
            // Only rated mentions are in the rating tables: a rating filter never keeps the rest.
            if (m.rating === null && ratedOnly(table.family)) continue;
            const bucket = at(m.publishedAt); // once per mention, not per brand × topic
            for (const brand of brands) {
              for (const topic of topics) {
                const key = keyOf(brand, topic, m, bucket);
                add(sums[i]!, key.join('\u0000'), key, counts);
              }
            }
          }
        },
        write(): void {
          sums.forEach((table, i) => {
            const upsert = upserts.get(targets[i]!.table.name)!;
            for (const { key, counts } of table.values()) upsert.run(...key, ...counts);
          });
        },
      };
    },
  };
}

/** The zones whose local-day rollups this database keeps (src/db/local-day-rollups.ts). */
export function rollupZones(sqlite: Database.Database): string[] {
  return sqlite.prepare('SELECT zone FROM rollup_zones ORDER BY zone').pluck().all() as string[];
}

function bucketOf(table: RollupTable, zone: string | null): (publishedAt: number) => number {
  const width = table.widthMs;
  if (width !== null) return (t) => Math.floor(t / width) * width;
  return (t) => localDayOf(zone!, Math.floor(t / HOUR_MS) * HOUR_MS);
}

type KeyOf = (brand: string, topic: string, m: RollupFacts, bucket: number) => (string | number)[];

function keyBuilder(table: RollupTable, zone: string | null): KeyOf {
  // In each table's key order (rollup-tables.ts).
  if (zone !== null) {
    if (table.family === 'all') return (brand, topic, _m, at) => [zone, brand, topic, at];
    if (table.family === 'lang') return (brand, topic, m, at) => [zone, brand, topic, m.lang, at];
    if (table.family === 'rating') return (brand, topic, m, at) => [zone, brand, topic, m.rating!, at];
    if (table.family === 'rating_full') return (brand, topic, m, at) => [zone, brand, topic, m.sourceId, m.rating!, at, m.lang];
    return (brand, topic, m, at) => [zone, brand, topic, m.sourceId, at, m.lang];
  }
  if (table.family === 'all') return (brand, topic, _m, at) => [brand, topic, at];
  if (table.family === 'lang') return (brand, topic, m, at) => [brand, topic, m.lang, at];
  if (table.family === 'rating') return (brand, topic, m, at) => [brand, topic, m.rating!, at];
  if (table.family === 'rating_full') return (brand, topic, m, at) => [brand, topic, m.sourceId, m.rating!, at, m.lang];
  return (brand, topic, m, at) => [brand, topic, m.sourceId, at, m.lang];
}
export type MentionWriter = ReturnType<typeof createMentionWriter>;

/**
 * Every hour and UTC-day rollup table recounted from the mentions, exactly as `insertAll` counts
 * them: every mention under brand '*' and each of its brands, times topic '*' and each of its
 * topics with their ancestors (the rating tables: rated mentions only). With a range, whole
 * buckets of each table are recounted (whole hours for the hour tables, whole UTC days for the
 * day tables), so a bucket is never left half counted. The local-day tables are refilled from
 * the hour tables afterwards (refillLocalDays in local-day-rollups.ts).
 */
export function rebuildRollupsSql(range?: { from: number; to: number }): string[] {
  const columns = COUNT_KEYS.map((k) => COUNT_COLUMNS[k]).join(', ');
  const facts = COUNT_KEYS.map((k) => `sum(${MENTION_FACTS_SQL[k]})`).join(', ');
  const value: Record<string, (width: number) => string> = {
    brand: () => 'mb.brand',
    topic: () => 'mt.topic',
    source_id: () => 'm.source_id',
    lang: () => 'm.lang',
    rating: () => 'm.rating',
    bucket: (width) => `(m.published_at / ${width}) * ${width}`,
  };
  return ROLLUP_TABLES.flatMap((table) => {
    const w = table.widthMs;
    if (w === null) return [];
    const from = range ? Math.floor(range.from / w) * w : null;
    const to = range ? Math.ceil(range.to / w) * w : null;
    const bucketWhere = from === null ? '' : ` WHERE bucket >= ${from} AND bucket < ${to}`;
    const conditions = from === null ? [] : [`m.published_at >= ${from}`, `m.published_at < ${to}`];
    if (ratedOnly(table.family)) conditions.push('m.rating IS NOT NULL');
    const mentionWhere = conditions.length ? `\nWHERE ${conditions.join(' AND ')}` : '';
    const keys = table.keys.join(', ');
    const insert = `WITH RECURSIVE anc(topic, ancestor) AS (
  SELECT id, id FROM topics
  UNION SELECT anc.topic, t.parent_id FROM anc JOIN topics t ON t.id = anc.ancestor WHERE t.parent_id IS NOT NULL
), mb(mid, brand) AS (
  SELECT id, '*' FROM mentions UNION ALL SELECT mention_id, brand_id FROM mention_brands
), mt(mid, topic) AS (
  SELECT id, '*' FROM mentions
  UNION SELECT mt.mention_id, coalesce(anc.ancestor, mt.topic_id) FROM mention_topics mt LEFT JOIN anc ON anc.topic = mt.topic_id
)
INSERT INTO ${table.name} (${keys}, ${columns})
SELECT ${table.keys.map((k) => value[k]!(w)).join(', ')}, ${facts}
FROM mentions m JOIN mb ON mb.mid = m.id JOIN mt ON mt.mid = m.id${mentionWhere}
GROUP BY ${table.keys.map((_, i) => i + 1).join(', ')}`;
    return [`DELETE FROM ${table.name}${bucketWhere}`, insert];
  });
}
