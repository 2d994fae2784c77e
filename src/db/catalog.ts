import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from './client.js';
import { ALL } from './mention-writer.js';
import { brands, mentions, sources, topics } from './schema.js';

/** What a dashboard's filter menus and empty state need to know about the store. */
export interface Catalog {
  brands: { id: string; name: string; competitor: boolean }[];
  topics: { id: string; name: string; parent: string | null }[];
  sources: { name: string; kind: string; enabled: boolean; mentions: number; rated: number }[];
  languages: { code: string; mentions: number }[];
  /** First and last hour with mentions (epoch ms, the last hour's end); null in an empty store. */
  span: { first: number; last: number; mentions: number } | null;
}

/**
 * Read from the config tables and the hour rollups (brand '*' × topic '*' rows, one per hour,
 * source and language), so it costs O(hours × sources × languages), not O(mentions).
 */
export function readCatalog(db: Db): Catalog {
  const sqlite = db.$client;
  const perSource = sqlite
    .prepare('SELECT source_id AS id, sum(volume) AS mentions, sum(rating_count) AS rated FROM rollups WHERE brand = ? AND topic = ? GROUP BY source_id')
    .all(ALL, ALL) as { id: number; mentions: number; rated: number }[];
  const bySource = new Map(perSource.map((r) => [r.id, r]));
  const languages = sqlite
    .prepare('SELECT lang AS code, sum(volume) AS mentions FROM rollups WHERE brand = ? AND topic = ? GROUP BY lang ORDER BY mentions DESC, lang')
    .all(ALL, ALL) as { code: string; mentions: number }[];
  const span = sqlite
    .prepare('SELECT min(bucket) AS first, max(bucket) AS last, sum(volume) AS mentions FROM rollups_all WHERE brand = ? AND topic = ?')
    .get(ALL, ALL) as { first: number | null; last: number | null; mentions: number | null };
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
    sources: db
      .select({ id: sources.id, name: sources.name, kind: sources.kind, enabled: sources.enabled })
      .from(sources)
      .orderBy(asc(sources.name))
      .all()
      .map(({ id, ...s }) => ({ ...s, mentions: bySource.get(id)?.mentions ?? 0, rated: bySource.get(id)?.rated ?? 0 })),
    languages,
    span: span.first === null || span.last === null ? null : { first: span.first, last: span.last + 3_600_000, mentions: span.mentions ?? 0 },
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
