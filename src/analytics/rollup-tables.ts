/**
 * The rollup tables, described once for the writer, the rebuild and the queries. Four families
 * by what they keep apart — all sources and languages summed, per language, per source and
 * language, per star rating — each at three widths: UTC hours, UTC days and the local days of
 * the zones the config declares (`trends.zones`; keyed by zone first). Every table carries the
 * same counts (counts.ts), so rows of any family and width add up exactly.
 */

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** all: no source/language filter; lang: a language filter only; full: a source filter; rating: a rating filter only. */
export type RollupFamily = 'all' | 'lang' | 'full' | 'rating';
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
};
const NAMES: Record<RollupFamily, string> = { all: 'rollups_all', lang: 'rollups_lang', full: 'rollups', rating: 'rollups_rating' };
const SUFFIX: Record<RollupWidth, string> = { hour: '', day: '_day', local: '_local' };
const WIDTH_MS: Record<RollupWidth, number | null> = { hour: HOUR_MS, day: DAY_MS, local: null };

export const ROLLUP_TABLES: readonly RollupTable[] = (['full', 'all', 'lang', 'rating'] as const).flatMap((family) =>
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

/** The family that answers a filter exactly with the fewest rows; null when none can. */
export function familyFor(filter: { sourceIds?: readonly number[]; lang?: string; rating?: readonly number[] }): RollupFamily | null {
  if (filter.rating !== undefined) return filter.sourceIds === undefined && filter.lang === undefined ? 'rating' : null;
  if (filter.sourceIds !== undefined) return 'full';
  return filter.lang !== undefined ? 'lang' : 'all';
}
