import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from './client.js';
import { ALL } from './mention-writer.js';
import { brands, mentions, sources, topics } from './schema.js';

/** What a dashboard's filter menus and empty state need to know about the store. */
export interface Catalog {
  brands: { id: string; name: string; competitor: boolean }[];
  topics: { id: string; name: string; parent: string | null }[];
  sources: { name: string; kind: string; enabled: boolean }[];
  /** Languages that have mentions (ISO 639-1 codes), alphabetical. */
  languages: string[];
  /** First hour with mentions and the end of the last one (epoch ms); null in an empty store. */
  span: { first: number; last: number } | null;
}

/**
 * Index-only reads, so the first request of every dashboard stays cheap at any archive size: the
 * config tables, the languages from the rollup key (a covering scan of the all-brands × all-topics
 * rows), and the span from the first and last key of the all-mentions series (two seeks). At
 * 1 M mentions counts per source or language would cost a table lookup per rollup row (about
 * 10× the scan; see BENCHMARKS.md), so the catalog has none.
 */
export function readCatalog(db: Db): Catalog {
  const sqlite = db.$client;
  const languages = sqlite.prepare('SELECT DISTINCT lang FROM rollups WHERE brand = ? AND topic = ? ORDER BY lang').pluck().all(ALL, ALL) as string[];
  const first = sqlite.prepare('SELECT min(bucket) FROM rollups_all WHERE brand = ? AND topic = ?').pluck().get(ALL, ALL) as number | null;
  const last = sqlite.prepare('SELECT max(bucket) FROM rollups_all WHERE brand = ? AND topic = ?').pluck().get(ALL, ALL) as number | null;
  return {
    brands: db
      .select({ id: brands.id, name: brands.name, competitor: brands.competitor })
      .from(brands)
      .where(eq(brands.active, true))
      .orderBy(asc(brands.competitor), asc(brands.name))
      .all(),
    topics: db
      .select({ id: topics.id, name: topics.name, parent: topics.parentId })
      .from(topics)
      .where(eq(topics.active, true))
      .orderBy(asc(topics.name))
      .all(),
    sources: db.select({ name: sources.name, kind: sources.kind, enabled: sources.enabled }).from(sources).orderBy(asc(sources.name)).all(),
    languages,
    span: first === null || last === null ? null : { first, last: last + 3_600_000 },
  };
}

export interface MentionText {
  id: number;
  text: string;
  title: string | null;
  metadata: unknown;
  lang: string;
  langHint: string | null;
  sentimentLabel: string | null;
}

/** What re-analysing a mention needs, for the ids that exist. */
export function mentionTexts(db: Db, ids: readonly number[]): MentionText[] {
  if (ids.length === 0) return [];
  return db
    .select({
      id: mentions.id,
      text: mentions.text,
      title: mentions.title,
      metadata: mentions.metadata,
      lang: mentions.lang,
      langHint: mentions.langHint,
      sentimentLabel: mentions.sentimentLabel,
    })
    .from(mentions)
    .where(inArray(mentions.id, [...ids]))
    .all();
}
