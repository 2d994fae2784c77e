import Database from 'better-sqlite3';
import { desc, eq, sql } from 'drizzle-orm';
import type { Db } from './client.js';
import { mentionConditions, type MentionFilter } from './mention-queries.js';
import { labels, mentionBrands, mentionTopics, mentions, sources } from './schema.js';

/** The columns of an export, in order; CSV headers and NDJSON keys. */
export const EXPORT_COLUMNS = [
  'id',
  'source',
  'externalId',
  'url',
  'author',
  'title',
  'text',
  'lang',
  'publishedAt',
  'fetchedAt',
  'rating',
  'nps',
  'csat',
  'ces',
  'sentimentScore',
  'sentimentLabel',
  'sentimentNote',
  'duplicateOf',
  'topics',
  'brands',
  'labelSentiment',
  'labelTopics',
  'metadata',
] as const;

/** Separator of the topic and brand ids inside one column (a control character no id contains). */
export const LIST_SEPARATOR = '\u001f';

/**
 * The export's statement text and parameters, built from the same filter as /mentions, newest
 * first. Rows come out as arrays in EXPORT_COLUMNS order (dates as epoch ms, metadata and label
 * topics as JSON text, topics and brands joined by LIST_SEPARATOR).
 */
export function exportStatement(db: Db, filter: MentionFilter): { sql: string; params: unknown[] } {
  const query = db
    .select({
      id: mentions.id,
      source: sources.name,
      externalId: mentions.externalId,
      url: mentions.url,
      author: mentions.author,
      title: mentions.title,
      text: mentions.text,
      lang: mentions.lang,
      publishedAt: mentions.publishedAt,
      fetchedAt: mentions.fetchedAt,
      rating: mentions.rating,
      nps: mentions.nps,
      csat: mentions.csat,
      ces: mentions.ces,
      sentimentScore: mentions.sentimentScore,
      sentimentLabel: mentions.sentimentLabel,
      sentimentNote: mentions.sentimentNote,
      duplicateOf: mentions.duplicateOf,
      topics: sql`(SELECT group_concat(topic_id, char(31)) FROM ${mentionTopics} WHERE mention_id = ${mentions.id})`,
      brands: sql`(SELECT group_concat(brand_id, char(31)) FROM ${mentionBrands} WHERE mention_id = ${mentions.id})`,
      labelSentiment: labels.sentiment,
      labelTopics: sql`${labels.topics}`,
      metadata: sql`${mentions.metadata}`,
    })
    .from(mentions)
    .innerJoin(sources, eq(sources.id, mentions.sourceId))
    .leftJoin(labels, eq(labels.mentionId, mentions.id))
    .where(mentionConditions(filter))
    .orderBy(desc(mentions.publishedAt), desc(mentions.id))
    .toSQL();
  return { sql: query.sql, params: query.params };
}

export interface ExportCursor {
  rows: IterableIterator<unknown[]>;
  close(): void;
}

/**
 * Opens its own read-only connection and iterates the export on it. An iterating statement
 * keeps its connection busy until it is done, so on the shared connection a long export would
 * stop every other query and ingest; on its own it reads one consistent snapshot (WAL) while
 * the server goes on. `close` ends the iteration and the connection; call it exactly when done.
 */
export function openExport(file: string, statement: { sql: string; params: unknown[] }): ExportCursor {
  const conn = new Database(file, { readonly: true, fileMustExist: true });
  let rows: IterableIterator<unknown[]>;
  try {
    conn.pragma('busy_timeout = 10000');
    rows = conn.prepare(statement.sql).raw(true).iterate(...statement.params) as IterableIterator<unknown[]>;
  } catch (error) {
    conn.close();
    throw error;
  }
  let closed = false;
  return {
    rows,
    close() {
      if (closed) return;
      closed = true;
      rows.return?.();
      conn.close();
    },
  };
}
