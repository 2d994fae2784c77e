import { sql } from 'drizzle-orm';
import {
  sqliteTable,
  integer,
  text,
  real,
  index,
  uniqueIndex,
  primaryKey,
  check,
} from 'drizzle-orm/sqlite-core';
import { RATING_AGREEMENT_SQL } from './rating-agreement-sql.js';

// Dates are UTC epoch milliseconds throughout; the API turns them into ISO-8601.

/** Configured connector instances, kept in step with the config file at start-up. */
export const sources = sqliteTable('sources', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  kind: text('kind').notNull(),
  config: text('config', { mode: 'json' }).notNull().default(sql`'{}'`),
  schedule: text('schedule'),
  enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
  /** Connector state handed back on the next run; written in the same transaction as its items. */
  cursor: text('cursor', { mode: 'json' }),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

/** One row per connector run or import. */
export const runs = sqliteTable(
  'runs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sourceId: integer('source_id')
      .notNull()
      .references(() => sources.id),
    startedAt: integer('started_at').notNull(),
    finishedAt: integer('finished_at'),
    /** running | ok | failed | aborted */
    status: text('status').notNull(),
    fetched: integer('fetched').notNull().default(0),
    inserted: integer('inserted').notNull().default(0),
    duplicates: integer('duplicates').notNull().default(0),
    /** Rows or items refused as bad input (import rows without text or date, …). */
    rejected: integer('rejected').notNull().default(0),
    errorCode: text('error_code'),
    errorMessage: text('error_message'),
    /** The process doing the run: a run whose process is gone is stale, not in progress. */
    pid: integer('pid'),
  },
  (t) => [index('runs_source_started').on(t.sourceId, t.startedAt)],
);

export const brands = sqliteTable('brands', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  competitor: integer('competitor', { mode: 'boolean' }).notNull().default(false),
  query: text('query', { mode: 'json' }).notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
});

export const topics = sqliteTable('topics', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  parentId: text('parent_id'),
  terms: text('terms', { mode: 'json' }).notNull(),
  /** A topic removed from the config stays for the mentions that carry it, inactive. */
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
});

export const mentions = sqliteTable(
  'mentions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sourceId: integer('source_id')
      .notNull()
      .references(() => sources.id),
    externalId: text('external_id').notNull(),
    url: text('url'),
    author: text('author'),
    title: text('title'),
    text: text('text').notNull(),
    lang: text('lang').notNull(),
    publishedAt: integer('published_at').notNull(),
    fetchedAt: integer('fetched_at').notNull(),
    rating: real('rating'),
    nps: integer('nps'),
    csat: integer('csat'),
    ces: integer('ces'),
    /** Hash of the normalized text: identical posts share it. */
    contentHash: text('content_hash').notNull(),
    /** The first stored mention with the same normalized text; null for an original voice. */
    duplicateOf: integer('duplicate_of'),
    sentimentScore: real('sentiment_score'),
    sentimentLabel: text('sentiment_label'),
    /** Why sentiment is null (e.g. no analyzer for the language). */
    sentimentNote: text('sentiment_note'),
    sentences: text('sentences', { mode: 'json' }),
    metadata: text('metadata', { mode: 'json' }),
    /** What the source said the language and brand were, kept so a retag starts from the same hints. */
    /** Hashtags, @handles, links and e-mails found in the text; null when there are none. */
    entities: text('entities', { mode: 'json' }),
    langHint: text('lang_hint'),
    brandHint: text('brand_hint'),
    /**
     * Whether the star rating and the text's sentiment tell the same story (agree / mixed /
     * disagree; null without both): ratingAgreement() in SQL, computed by SQLite from the stored
     * rating and label, so an ingest or a retag can never leave it stale.
     */
    ratingAgreement: text('rating_agreement').generatedAlwaysAs(RATING_AGREEMENT_SQL, { mode: 'virtual' }),
  },
  (t) => [
    uniqueIndex('mentions_source_external').on(t.sourceId, t.externalId),
    index('mentions_published').on(t.publishedAt, t.id),
    index('mentions_content_hash').on(t.contentHash),
    // Sentiment and rating filters are answered from mentions (they are not rollup keys).
    index('mentions_sentiment_published').on(t.sentimentLabel, t.publishedAt),
    index('mentions_rating_published').on(t.rating, t.publishedAt),
    index('mentions_agreement_published').on(t.ratingAgreement, t.publishedAt),
  ],
);

export const mentionTopics = sqliteTable(
  'mention_topics',
  {
    mentionId: integer('mention_id')
      .notNull()
      .references(() => mentions.id, { onDelete: 'cascade' }),
    topicId: text('topic_id').notNull(),
    sentimentScore: real('sentiment_score'),
    sentimentLabel: text('sentiment_label'),
    terms: text('terms', { mode: 'json' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.mentionId, t.topicId] }),
    index('mention_topics_topic').on(t.topicId, t.mentionId),
  ],
);

export const mentionBrands = sqliteTable(
  'mention_brands',
  {
    mentionId: integer('mention_id')
      .notNull()
      .references(() => mentions.id, { onDelete: 'cascade' }),
    brandId: text('brand_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.mentionId, t.brandId] }),
    index('mention_brands_brand').on(t.brandId, t.mentionId),
  ],
);

/**
 * The counts every rollup row carries. Sums and counts, never averages or shares, so rows of
 * any set of hours, sources or languages add up exactly. CSAT counts the csat answer where a
 * survey gave one, else the star rating (satisfied = 4 or more); NPS counts promoters (9–10)
 * and detractors (0–6); CLI is the mean of the nps, `repurchase` and `try_other` answers of a
 * response that has all three (the last two read from imported metadata columns).
 */
function rollupCounts() {
  return {
    volume: integer('volume').notNull().default(0),
    originals: integer('originals').notNull().default(0),
    positive: integer('positive').notNull().default(0),
    neutral: integer('neutral').notNull().default(0),
    negative: integer('negative').notNull().default(0),
    sentimentSum: real('sentiment_sum').notNull().default(0),
    sentimentCount: integer('sentiment_count').notNull().default(0),
    ratingSum: real('rating_sum').notNull().default(0),
    ratingCount: integer('rating_count').notNull().default(0),
    csatCount: integer('csat_count').notNull().default(0),
    csatSatisfied: integer('csat_satisfied').notNull().default(0),
    npsCount: integer('nps_count').notNull().default(0),
    promoters: integer('promoters').notNull().default(0),
    detractors: integer('detractors').notNull().default(0),
    cesSum: real('ces_sum').notNull().default(0),
    cesCount: integer('ces_count').notNull().default(0),
    cliSum: real('cli_sum').notNull().default(0),
    cliCount: integer('cli_count').notNull().default(0),
  };
}

/**
 * Hour buckets keyed by (brand, topic, source, lang). A mention adds itself once under
 * brand '*' and topic '*' (all) and once under each of its brands and topics (with their
 * ancestors), so any single brand/topic filter sums rows without counting a mention twice.
 * Read when a query filters by source or language.
 */
export const rollups = sqliteTable(
  'rollups',
  {
    brand: text('brand').notNull(),
    topic: text('topic').notNull(),
    bucket: integer('bucket').notNull(),
    sourceId: integer('source_id').notNull(),
    lang: text('lang').notNull(),
    ...rollupCounts(),
  },
  (t) => [primaryKey({ columns: [t.brand, t.topic, t.bucket, t.sourceId, t.lang] })],
);

/**
 * The same hour buckets summed over every source and language: one row per brand × topic ×
 * hour, so a query without a source or language filter reads one row per hour asked instead of
 * one per source × language (about 20 times fewer at the benchmark's mix; see bench/trends.ts).
 */
export const rollupsAll = sqliteTable(
  'rollups_all',
  {
    brand: text('brand').notNull(),
    topic: text('topic').notNull(),
    bucket: integer('bucket').notNull(),
    ...rollupCounts(),
  },
  (t) => [primaryKey({ columns: [t.brand, t.topic, t.bucket] })],
);

/**
 * Manual corrections by analysts, kept apart from the machine's answer: a retag never overwrites
 * them, and `earshot eval` measures the machine against them.
 */
export const labels = sqliteTable('labels', {
  mentionId: integer('mention_id')
    .primaryKey()
    .references(() => mentions.id, { onDelete: 'cascade' }),
  /** negative | neutral | positive; null when only topics were corrected. */
  sentiment: text('sentiment'),
  /** The topic ids that apply; null when only sentiment was corrected. */
  topics: text('topics', { mode: 'json' }).$type<string[]>(),
  updatedAt: integer('updated_at').notNull(),
});

/**
 * Fired detector events, each with what it saw, what it expected and why (explanation JSON).
 * "No source" is source_id 0 and "no topic" is '*' rather than NULL: SQLite treats NULLs as
 * distinct in a unique index, and re-running detection must never store the same alert twice.
 */
export const alerts = sqliteTable(
  'alerts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** volume_spike | negative_spike | emerging_topic */
    kind: text('kind').notNull(),
    brand: text('brand').notNull(),
    topic: text('topic').notNull(),
    sourceId: integer('source_id').notNull().default(0),
    bucketStart: integer('bucket_start').notNull(),
    bucketEnd: integer('bucket_end').notNull(),
    observed: real('observed').notNull(),
    expected: real('expected').notNull(),
    score: real('score').notNull(),
    sensitivity: text('sensitivity').notNull(),
    explanation: text('explanation', { mode: 'json' }).notNull(),
    /** open | acknowledged | resolved */
    status: text('status').notNull().default('open'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('alerts_identity').on(t.kind, t.brand, t.topic, t.sourceId, t.bucketStart, t.sensitivity),
    index('alerts_bucket').on(t.bucketStart, t.id),
    index('alerts_status_bucket').on(t.status, t.bucketStart),
  ],
);

/**
 * API keys. Only the SHA-256 of a key is kept: keys are 256 random bits, so a fast hash is as
 * safe as a slow one and lets a request find its key with one index seek (see src/api/keys.ts).
 * A revoked key stays, so lists and audits still show who had access and until when.
 */
export const apiKeys = sqliteTable(
  'api_keys',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    /** viewer | analyst | admin */
    role: text('role').notNull(),
    /** hex SHA-256 of the whole key */
    hash: text('hash').notNull().unique(),
    /** The prefix and the last four characters, enough for a person to tell keys apart. */
    hint: text('hint').notNull(),
    /** Requests a minute this key may make; null: the server's default. */
    rateLimit: integer('rate_limit'),
    /** Who made it: 'cli', 'first serve', or 'key <id>' for a key made over the API. */
    createdBy: text('created_by').notNull(),
    createdAt: integer('created_at').notNull(),
    /** Recorded at most once a minute per key, so it is exact to the minute. */
    lastUsedAt: integer('last_used_at'),
    revokedAt: integer('revoked_at'),
  },
  (t) => [
    // A name can be reused once its key is revoked, never by two live keys.
    uniqueIndex('api_keys_live_name').on(t.name).where(sql`${t.revokedAt} IS NULL`),
    check('api_keys_role', sql`${t.role} IN ('viewer', 'analyst', 'admin')`),
  ],
);
