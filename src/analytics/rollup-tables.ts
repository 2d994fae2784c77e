/**
 * The rollup tables, described once for the writer, the rebuild and the queries. Three families
 * by what they keep apart — all sources and languages summed, per language, per source and
 * language — each at two widths: UTC hours and UTC days. Every table carries the same counts
 * (counts.ts), so rows of any family and width add up exactly.
 */

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** all: no source/language filter; lang: a language filter only; full: a source filter. */
export type RollupFamily = 'all' | 'lang' | 'full';
export type RollupWidth = 'hour' | 'day';
export type RollupKeyColumn = 'brand' | 'topic' | 'source_id' | 'lang' | 'bucket';

export interface RollupTable {
  name: string;
  family: RollupFamily;
  width: RollupWidth;
  widthMs: number;
  /** Primary-key columns, in key order. */
  keys: readonly RollupKeyColumn[];
}

const KEYS: Record<RollupFamily, readonly RollupKeyColumn[]> = {
  all: ['brand', 'topic', 'bucket'],
  lang: ['brand', 'topic', 'lang', 'bucket'],
  full: ['brand', 'topic', 'source_id', 'bucket', 'lang'],
};
const NAMES: Record<RollupFamily, string> = { all: 'rollups_all', lang: 'rollups_lang', full: 'rollups' };

export const ROLLUP_TABLES: readonly RollupTable[] = (['full', 'all', 'lang'] as const).flatMap((family) =>
  (['hour', 'day'] as const).map((width) => ({
    name: width === 'hour' ? NAMES[family] : `${NAMES[family]}_day`,
    family,
    width,
    widthMs: width === 'hour' ? HOUR_MS : DAY_MS,
    keys: KEYS[family],
  })),
);

export function rollupTable(family: RollupFamily, width: RollupWidth): RollupTable {
  return ROLLUP_TABLES.find((t) => t.family === family && t.width === width)!;
}

/** The family that answers a filter exactly with the fewest rows. */
export function familyFor(filter: { sourceIds?: readonly number[]; lang?: string }): RollupFamily {
  if (filter.sourceIds !== undefined) return 'full';
  return filter.lang !== undefined ? 'lang' : 'all';
}
