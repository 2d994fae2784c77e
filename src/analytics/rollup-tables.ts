/**
 * The rollup tables, described once for the writer, the rebuild and the queries. Five families
 * by what they keep apart — all sources and languages summed, per language, per source and
 * language, per star rating, per star rating with source and language — each at three widths: UTC hours, UTC days and the local days of
 * the zones the config declares (`trends.zones`; keyed by zone first). Every table carries the
 * same counts (counts.ts), so rows of any family and width add up exactly.
 */

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/**
 * all: no source/language filter; lang: a language filter only; full: a source filter; rating: a
 * rating filter only; rating_full: a rating filter with a source and/or language filter.
 */
export type RollupFamily = 'all' | 'lang' | 'full' | 'rating' | 'rating_full';
export type RollupWidth = 'hour' | 'day' | 'local';
export type RollupKeyColumn = 'zone' | 'brand' | 'topic' | 'source_id' | 'lang' | 'rating' | 'bucket';

export interface RollupTable {
  name: string;
  family: RollupFamily;
  width: RollupWidth;
  /** Bucket width in ms; local days have none (23 to 25 hours). */
  widthMs: number | null;
  /** Primary-key columns, in key order. */
  keys: readonly RollupKeyColumn[];
}

const KEYS: Record<RollupFamily, readonly RollupKeyColumn[]> = {
  all: ['brand', 'topic', 'bucket'],
  lang: ['brand', 'topic', 'lang', 'bucket'],
  full: ['brand', 'topic', 'source_id', 'bucket', 'lang'],
  rating: ['brand', 'topic', 'rating', 'bucket'],
  // Source before rating: a language filter without a source seeks every source (a short list).
  rating_full: ['brand', 'topic', 'source_id', 'rating', 'bucket', 'lang'],
};
const NAMES: Record<RollupFamily, string> = {
  all: 'rollups_all', lang: 'rollups_lang', full: 'rollups', rating: 'rollups_rating', rating_full: 'rollups_rating_full',
};
const SUFFIX: Record<RollupWidth, string> = { hour: '', day: '_day', local: '_local' };
const WIDTH_MS: Record<RollupWidth, number | null> = { hour: HOUR_MS, day: DAY_MS, local: null };

export const ROLLUP_TABLES: readonly RollupTable[] = (['full', 'all', 'lang', 'rating', 'rating_full'] as const).flatMap((family) =>
  (['hour', 'day', 'local'] as const).map((width) => ({
    name: `${NAMES[family]}${SUFFIX[width]}`,
    family,
    width,
    widthMs: WIDTH_MS[width],
    keys: width === 'local' ? ['zone', ...KEYS[family]] : KEYS[family],
  })),
);

export function rollupTable(family: RollupFamily, width: RollupWidth): RollupTable {
  return ROLLUP_TABLES.find((t) => t.family === family && t.width === width)!;
}

/** The rating families count rated mentions only: a rating filter never keeps the rest. */
export function ratedOnly(family: RollupFamily): boolean {
  return family === 'rating' || family === 'rating_full';
}

/** The family that answers a filter exactly with the fewest rows. */
export function familyFor(filter: { sourceIds?: readonly number[]; lang?: string; rating?: readonly number[] }): RollupFamily {
  if (filter.rating !== undefined) return filter.sourceIds === undefined && filter.lang === undefined ? 'rating' : 'rating_full';
  if (filter.sourceIds !== undefined) return 'full';
  return filter.lang !== undefined ? 'lang' : 'all';
}
