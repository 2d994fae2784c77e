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
  type SQLiteColumn,
} from 'drizzle-orm/sqlite-core';
import { ROLLUP_TABLES, type RollupKeyColumn } from '../analytics/rollup-tables.js';
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

/** Products of the configured brands; naming a product names its brand. */
export const products = sqliteTable('products', {
  id: text('id').primaryKey(),
  brandId: text('brand_id').notNull(),
  name: text('name').notNull(),
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
    /**
     * The first stored mention this one copies (same normalized text, or a near-duplicate: a
     * retweet, a copy-paste campaign with small edits); null for an original voice.
     */
    duplicateOf: integer('duplicate_of'),
    /** exact | near, when duplicate_of is set. */
    duplicateKind: text('duplicate_kind'),
    /** The emerging-term keys the text contributes (noun phrases, #tags, @handles, brand:/product:). */
    terms: text('terms', { mode: 'json' }),
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
    // Filters the rollups cannot answer alone (a sentiment filter on other counts, a rating with a
    // source or language, rating agreement) are answered from the mentions through these.
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

export const mentionProducts = sqliteTable(
  'mention_products',
  {
    mentionId: integer('mention_id')
      .notNull()
      .references(() => mentions.id, { onDelete: 'cascade' }),
    productId: text('product_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.mentionId, t.productId] }),
    index('mention_products_product').on(t.productId, t.mentionId),
  ],
);

/**
 * The MinHash band keys of each mention's text (src/nlp/near-duplicate.ts), for finding
 * near-duplicates by index: copies share a key. Keyed by publication time too, so a lookup reads
 * only the candidates of the days around the mention. WITHOUT ROWID (migration 0009).
 */
export const nearDuplicateBands = sqliteTable(
  'near_duplicate_bands',
  {
    band: integer('band').notNull(),
    publishedAt: integer('published_at').notNull(),
    // No foreign key or mention index: six rows a mention are written on the hot path, mentions
    // are never deleted, and retag finds a mention's rows again from its text's keys.
    mentionId: integer('mention_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.band, t.publishedAt, t.mentionId] })],
);

/** Every term ever counted, so counts are keyed by a small integer. */
export const terms = sqliteTable('terms', {
  id: integer('id').primaryKey(),
  term: text('term').notNull().unique(),
});

/**
 * Hourly counts of each term among original voices (near-duplicates and copies left out), per
 * brand and over all ('*'), kept current on insert and rebuilt by retag: one bucket's terms are
 * one index range. WITHOUT ROWID (migration 0009): rows live in the key.
 */
export const termCounts = sqliteTable(
  'term_counts',
  {
    brand: text('brand').notNull(),
    bucket: integer('bucket').notNull(),
    termId: integer('term_id').notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.brand, t.bucket, t.termId] })],
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
    // Originals per sentiment label: a sentiment-filtered volume trend (volume and unique voices of
    // the negative mentions) is then answered from the rollups too.
    positiveOriginals: integer('positive_originals').notNull().default(0),
    neutralOriginals: integer('neutral_originals').notNull().default(0),
    negativeOriginals: integer('negative_originals').notNull().default(0),
  };
}

/**
 * The rollup tables, one per family × width of src/analytics/rollup-tables.ts (the one
 * description the writer, the rebuild and the queries read), so their keys cannot drift apart.
 * A mention adds itself once under brand '*' and topic '*' (all) and once under each of its
 * brands and topics (with their ancestors), so any single brand/topic filter sums rows without
 * counting a mention twice. Families: `rollups` (source × language; the key leads with the
 * source, so a source filter is one range seek per source), `rollups_all` (summed over sources
 * and languages: one row per hour asked), `rollups_lang` (per language), `rollups_rating` (rated
 * mentions by star rating) and `rollups_rating_full` (rated mentions by source, rating and
 * language). Widths: hours, UTC days (`_day`: a trend bucket reads its whole days from these
 * and only its ragged edges from hours) and the local days of the zones the config declares
 * (`_local`, keyed by zone first; see rollup_zones below).
 *
 * Every rollup table is WITHOUT ROWID (migrations 0010–0012, hand-edited: drizzle-kit cannot
 * express it): the rows live in the primary-key b-tree itself, so a range of hours is one
 * contiguous read instead of an index walk plus a table lookup per row.
 */
const ROLLUP_KEY_COLUMNS = {
  zone: () => text('zone').notNull(),
  brand: () => text('brand').notNull(),
  topic: () => text('topic').notNull(),
  source_id: () => integer('source_id').notNull(),
  lang: () => text('lang').notNull(),
  rating: () => real('rating').notNull(),
  bucket: () => integer('bucket').notNull(),
} satisfies Record<RollupKeyColumn, () => unknown>;

function rollupTableOf(name: string) {
  const table = ROLLUP_TABLES.find((t) => t.name === name);
  if (!table) throw new Error(`no rollup table '${name}' in rollup-tables.ts`);
  const keys = Object.fromEntries(table.keys.map((k) => [k, ROLLUP_KEY_COLUMNS[k]()]));
  return sqliteTable(name, { ...keys, ...rollupCounts() }, (t) => {
    const [first, ...rest] = table.keys.map((k) => (t as unknown as Record<string, SQLiteColumn>)[k]!);
    return [primaryKey({ columns: [first!, ...rest] })];
  });
}

export const rollups = rollupTableOf('rollups');
export const rollupsAll = rollupTableOf('rollups_all');
export const rollupsLang = rollupTableOf('rollups_lang');
export const rollupsRating = rollupTableOf('rollups_rating');
export const rollupsRatingFull = rollupTableOf('rollups_rating_full');
export const rollupsDay = rollupTableOf('rollups_day');
export const rollupsAllDay = rollupTableOf('rollups_all_day');
export const rollupsLangDay = rollupTableOf('rollups_lang_day');
export const rollupsRatingDay = rollupTableOf('rollups_rating_day');
export const rollupsRatingFullDay = rollupTableOf('rollups_rating_full_day');
export const rollupsLocal = rollupTableOf('rollups_local');
export const rollupsAllLocal = rollupTableOf('rollups_all_local');
export const rollupsLangLocal = rollupTableOf('rollups_lang_local');
export const rollupsRatingLocal = rollupTableOf('rollups_rating_local');
export const rollupsRatingFullLocal = rollupTableOf('rollups_rating_full_local');

/**
 * The zones whose local days the `_local` tables hold (`trends.zones`): filled from the hour
 * tables when a zone is declared (and emptied when it is dropped), kept by the writer and by
 * retag afterwards; only the zones listed here are read.
 */
export const rollupZones = sqliteTable('rollup_zones', {
  zone: text('zone').primaryKey(),
  filledAt: integer('filled_at').notNull(),
});

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
    /** A threshold alert's rule (src/alerts/thresholds.ts ruleKey); '' for detector alerts. */
    rule: text('rule').notNull().default(''),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('alerts_identity').on(t.kind, t.brand, t.topic, t.sourceId, t.bucketStart, t.sensitivity, t.rule),
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

/**
 * Who wants which alerts where. The owner is the API key that created it. A deleted
 * subscription keeps its row (deleted_at) so its delivery history stays readable.
 */
export const subscriptions = sqliteTable('subscriptions', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  ownerKeyId: integer('owner_key_id').notNull(),
  ownerName: text('owner_name').notNull(),
  name: text('name').notNull(),
  /** null: every brand (and the all-brands series). */
  brand: text('brand'),
  topics: text('topics', { mode: 'json' }).$type<string[]>().notNull(),
  /** Source names. */
  sources: text('sources', { mode: 'json' }).$type<string[]>().notNull(),
  languages: text('languages', { mode: 'json' }).$type<string[]>().notNull(),
  kinds: text('kinds', { mode: 'json' }).$type<string[]>().notNull(),
  /** { metric, op, value, bucket } when kinds has 'threshold'. */
  threshold: text('threshold', { mode: 'json' }).$type<{ metric: string; op: string; value: number; bucket: string } | null>(),
  sensitivity: text('sensitivity').notNull(),
  minVolume: integer('min_volume').notNull(),
  cooldownMinutes: integer('cooldown_minutes').notNull(),
  /** null: the delivery config's maxPerHour. */
  maxPerHour: integer('max_per_hour'),
  /** webhook | slack | email */
  channel: text('channel').notNull(),
  target: text('target').notNull(),
  /** Webhook signing secret (HMAC-SHA256); shown once when created. */
  secret: text('secret'),
  /** realtime | digest */
  mode: text('mode').notNull(),
  /** Cron expression of a digest, read in tz. */
  schedule: text('schedule'),
  tz: text('tz').notNull(),
  enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
  deletedAt: integer('deleted_at'),
});

/**
 * The outbox: one row per message owed to a subscription (an alert, a summary of capped alerts,
 * or a digest), unique per alert × subscription and per idempotency key, so a restart resumes it
 * and nothing is owed twice.
 */
export const deliveries = sqliteTable(
  'deliveries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    subscriptionId: integer('subscription_id')
      .notNull()
      .references(() => subscriptions.id),
    /** null for summaries and digests. */
    alertId: integer('alert_id').references(() => alerts.id),
    /** alert | summary | digest | test */
    kind: text('kind').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    /** pending | sending | delivered | dead | suppressed | summarized | cancelled */
    status: text('status').notNull(),
    /** The summary a capped alert was folded into. */
    summaryId: integer('summary_id'),
    /** The channel-neutral message, fixed before the first attempt so every retry sends the same. */
    payload: text('payload', { mode: 'json' }),
    periodFrom: integer('period_from'),
    periodTo: integer('period_to'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at'),
    /** While sending: the lease's end and the process holding it. */
    lockedUntil: integer('locked_until'),
    lockedBy: integer('locked_by'),
    lastError: text('last_error'),
    deliveredAt: integer('delivered_at'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('deliveries_alert_subscription').on(t.alertId, t.subscriptionId),
    uniqueIndex('deliveries_idempotency_key').on(t.idempotencyKey),
    index('deliveries_due').on(t.status, t.nextAttemptAt),
    index('deliveries_subscription_created').on(t.subscriptionId, t.createdAt),
  ],
);

/** Every try of a delivery, with what the receiver answered. */
export const deliveryAttempts = sqliteTable(
  'delivery_attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    deliveryId: integer('delivery_id')
      .notNull()
      .references(() => deliveries.id, { onDelete: 'cascade' }),
    attempt: integer('attempt').notNull(),
    startedAt: integer('started_at').notNull(),
    finishedAt: integer('finished_at'),
    /** null while in flight; ok | failed | refused | interrupted */
    outcome: text('outcome'),
    httpStatus: integer('http_status'),
    error: text('error'),
  },
  (t) => [uniqueIndex('delivery_attempts_delivery_attempt').on(t.deliveryId, t.attempt)],
);
