import { and, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { topicAndDescendants } from '../analytics/trends.js';
import type { Db } from './client.js';
import { mentionBrands, mentionProducts, mentionTopics, mentions, sources } from './schema.js';

export interface MentionFilter {
  sourceIds?: number[];
  topic?: string;
  brand?: string;
  lang?: string;
  sentiment?: 'negative' | 'neutral' | 'positive';
  /** Star ratings to keep (1–5); a mention without a rating is left out. */
  rating?: number[];
  /** Star rating against text sentiment (see ratingAgreement()); only rated, scored mentions have one. */
  ratingAgreement?: 'agree' | 'mixed' | 'disagree';
  from?: number;
  to?: number;
  q?: string;
}

export interface MentionPageCursor {
  publishedAt: number;
  id: number;
}

export class BadCursorError extends Error {}

export function encodeCursor(cursor: MentionPageCursor): string {
  return Buffer.from(JSON.stringify([cursor.publishedAt, cursor.id])).toString('base64url');
}

export function decodeCursor(text: string): MentionPageCursor {
  try {
    const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && value.every(Number.isSafeInteger)) {
      return { publishedAt: value[0], id: value[1] };
    }
  } catch {
    // fall through to the error below
  }
  throw new BadCursorError('cursor is not one this API issued');
}

/** FTS5 query from free text: every word must appear; quoting keeps user text out of FTS syntax. */
export function ftsQuery(q: string): string | null {
  const words = q.match(/[\p{L}\p{N}_]+/gu) ?? [];
  return words.length ? words.map((w) => `"${w}"`).join(' ') : null;
}

/** Conditions on the mention row itself (not its topics, brands or text). */
function columnConditions(filter: MentionFilter): SQL | undefined {
  return and(
    filter.sourceIds ? inArray(mentions.sourceId, filter.sourceIds) : undefined,
    filter.lang ? eq(mentions.lang, filter.lang) : undefined,
    filter.sentiment ? eq(mentions.sentimentLabel, filter.sentiment) : undefined,
    filter.rating?.length ? inArray(mentions.rating, filter.rating) : undefined,
    filter.ratingAgreement ? eq(mentions.ratingAgreement, filter.ratingAgreement) : undefined,
    filter.from !== undefined ? gte(mentions.publishedAt, filter.from) : undefined,
    filter.to !== undefined ? lt(mentions.publishedAt, filter.to) : undefined,
  );
}

/** WHERE conditions of a mention filter: one definition for /mentions and its export. */
export function mentionConditions(filter: MentionFilter): SQL | undefined {
  const fts = filter.q ? ftsQuery(filter.q) : null;
  return and(
    columnConditions(filter),
    filter.topic
      ? sql`${mentions.id} in (select mention_id from ${mentionTopics} where topic_id in (${topicAndDescendants(filter.topic)}))`
      : undefined,
    filter.brand ? sql`${mentions.id} in (select mention_id from ${mentionBrands} where brand_id = ${filter.brand})` : undefined,
    filter.q ? (fts ? sql`${mentions.id} in (select rowid from mentions_fts where mentions_fts match ${fts})` : sql`0`) : undefined,
  );
}

/**
 * The same brand and topic conditions, checked row by row: one primary-key seek in the link table
 * for the row at hand, so a walk down the (published_at, id) index can test each row it passes.
 */
function linkChecks(filter: MentionFilter): SQL | undefined {
  return and(
    filter.topic
      ? sql`exists (select 1 from ${mentionTopics} where ${mentionTopics.mentionId} = ${mentions.id} and ${mentionTopics.topicId} in (${topicAndDescendants(filter.topic)}))`
      : undefined,
    filter.brand
      ? sql`exists (select 1 from ${mentionBrands} where ${mentionBrands.mentionId} = ${mentions.id} and ${mentionBrands.brandId} = ${filter.brand})`
      : undefined,
  );
}

const before = (key: MentionPageCursor) => sql`(${mentions.publishedAt}, ${mentions.id}) < (${key.publishedAt}, ${key.id})`;
const atOrAfter = (key: MentionPageCursor) => sql`(${mentions.publishedAt}, ${mentions.id}) >= (${key.publishedAt}, ${key.id})`;
const newestFirst = sql`order by ${mentions.publishedAt} desc, ${mentions.id} desc`;

/**
 * How many rows of the (published_at, id) index a brand or topic page reads, per row it wants,
 * before it leaves the rest to the general plan: 64 finds a full page for any brand or topic in
 * at least ~1.6 % of the newest mentions. A link with fewer rows than that window in all is read
 * through the link table instead; one common overall but rare among the newest costs the probe
 * plus the general plan (its old cost).
 */
export const PROBE_ROWS_PER_ROW = 64;

type Key = MentionPageCursor;

/** Keys of up to `count` matching rows after `after`, by the general plan (SQLite's choice). */
function scanKeys(db: Db, filter: MentionFilter, count: number, after?: Key): Key[] {
  return db
    .select({ publishedAt: mentions.publishedAt, id: mentions.id })
    .from(mentions)
    .where(and(mentionConditions(filter), after ? before(after) : undefined))
    .orderBy(desc(mentions.publishedAt), desc(mentions.id))
    .limit(count)
    .all();
}

/** Whether the filter's brand or topic has fewer than `n` link rows: an index-only count, stopped at n. */
function rareLink(db: Db, filter: MentionFilter, n: number): 'brand' | 'topic' | undefined {
  const fewer = (links: SQL) => db.get<{ n: number }>(sql`select count(*) as n from (${links} limit ${n})`)!.n < n;
  if (filter.brand !== undefined && fewer(sql`select 1 from ${mentionBrands} where ${mentionBrands.brandId} = ${filter.brand}`)) return 'brand';
  if (filter.topic !== undefined && fewer(sql`select 1 from ${mentionTopics} where ${mentionTopics.topicId} in (${topicAndDescendants(filter.topic)})`)) {
    return 'topic';
  }
  return undefined;
}

/** Keys driven from the rare link's few rows (read whole, then sorted), the other link checked per row. */
function linkDrivenKeys(db: Db, filter: MentionFilter, driver: 'brand' | 'topic', count: number, after?: Key): Key[] {
  const drive = driver === 'brand'
    ? sql`${mentions.id} in (select mention_id from ${mentionBrands} where brand_id = ${filter.brand!})`
    : sql`${mentions.id} in (select mention_id from ${mentionTopics} where topic_id in (${topicAndDescendants(filter.topic!)}))`;
  const check = linkChecks(driver === 'brand' ? { topic: filter.topic } : { brand: filter.brand });
  return db
    .select({ publishedAt: mentions.publishedAt, id: mentions.id })
    .from(mentions)
    .where(and(columnConditions(filter), drive, check, after ? before(after) : undefined))
    .orderBy(desc(mentions.publishedAt), desc(mentions.id))
    .limit(count)
    .all();
}

/**
 * Keys of the first `count` rows matching a brand or topic filter. With an index on the link
 * table alone, SQLite's plan for "brand = x, newest first" reads every mention of the brand and
 * sorts them (hundreds of ms for a common brand at 1 M). That is the right plan only for a rare
 * brand or topic (fewer link rows than the probe window), so it is kept for those. A common one
 * has a page among the newest few thousand mentions: walk those down the (published_at, id)
 * index checking each; only when that window holds too few matches does the general plan fetch
 * the rest, from just past the window. Every path keeps (published_at, id) order, so the answer
 * and the cursors are the general plan's, row for row.
 */
function brandOrTopicKeys(db: Db, filter: MentionFilter, count: number, after?: Key): Key[] {
  const window = count * PROBE_ROWS_PER_ROW;
  const rare = rareLink(db, filter, window);
  if (rare) return linkDrivenKeys(db, filter, rare, count, after);
  const range = and(
    filter.from !== undefined ? gte(mentions.publishedAt, filter.from) : undefined,
    filter.to !== undefined ? lt(mentions.publishedAt, filter.to) : undefined,
    after ? before(after) : undefined,
  );
  // The last row of the window: an index-only walk of `window` entries; none when fewer remain.
  const edge = db.get<Key | undefined>(
    sql`select ${mentions.publishedAt} as publishedAt, ${mentions.id} as id from ${mentions} indexed by mentions_published
        where ${range ?? sql`1`} ${newestFirst} limit 1 offset ${window - 1}`,
  );
  const probed = db.all<Key>(
    sql`select ${mentions.publishedAt} as publishedAt, ${mentions.id} as id from ${mentions} indexed by mentions_published
        where ${and(columnConditions(filter), linkChecks(filter), after ? before(after) : undefined, edge ? atOrAfter(edge) : undefined)}
        ${newestFirst} limit ${count}`,
  );
  if (probed.length >= count || !edge) return probed;
  return [...probed, ...scanKeys(db, filter, count - probed.length, edge)];
}

/** Keys of one page plus one (whether there is a next page), in (published_at, id) order. */
export function pageKeys(db: Db, filter: MentionFilter, limit: number, after?: Key): Key[] {
  const useProbe = (filter.brand !== undefined || filter.topic !== undefined) && !filter.q;
  return useProbe ? brandOrTopicKeys(db, filter, limit + 1, after) : scanKeys(db, filter, limit + 1, after);
}

/**
 * One page of mentions, newest first. Keyset paging on (published_at, id): a page starts right
 * after the last row of the one before, so rows stored meanwhile never make a row repeat or be
 * skipped. A row stored during a walk shows up on a later page when it sorts after the cursor
 * (older), and not when it sorts before it (newer: a new walk from the first page sees it).
 * The cursor is a row value, not (a < x OR a = x AND b < y): SQLite seeks the (published_at, id)
 * index to it, while the OR form scans from the newest row (133 ms vs 3 ms a page half-way
 * through 1 M mentions).
 */
export function listMentions(db: Db, filter: MentionFilter, limit: number, after?: MentionPageCursor) {
  const keys = pageKeys(db, filter, limit, after);
  const pageIds = keys.slice(0, limit).map((k) => k.id);
  const rows = pageIds.length
    ? db.select({ mention: mentions, source: sources.name }).from(mentions).innerJoin(sources, eq(sources.id, mentions.sourceId)).where(inArray(mentions.id, pageIds)).all()
    : [];
  const byId = new Map(rows.map((r) => [r.mention.id, r]));
  const page = pageIds.map((id) => byId.get(id)).filter((r): r is (typeof rows)[number] => r !== undefined);
  const ids = page.map((r) => r.mention.id);
  const topicsOf = groupBy(ids.length ? db.select().from(mentionTopics).where(inArray(mentionTopics.mentionId, ids)).all() : []);
  const brandsOf = groupBy(ids.length ? db.select().from(mentionBrands).where(inArray(mentionBrands.mentionId, ids)).all() : []);
  const productsOf = groupBy(ids.length ? db.select().from(mentionProducts).where(inArray(mentionProducts.mentionId, ids)).all() : []);
  const last = keys.length > limit ? keys[limit - 1] : undefined;
  return {
    items: page.map((r) => ({
      ...r.mention,
      source: r.source,
      topics: topicsOf.get(r.mention.id) ?? [],
      brands: (brandsOf.get(r.mention.id) ?? []).map((b) => b.brandId),
      products: (productsOf.get(r.mention.id) ?? []).map((p) => p.productId),
    })),
    next: last ? { publishedAt: last.publishedAt, id: last.id } : null,
  };
}

function groupBy<T extends { mentionId: number }>(rows: T[]): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const row of rows) {
    const list = map.get(row.mentionId) ?? [];
    list.push(row);
    map.set(row.mentionId, list);
  }
  return map;
}
