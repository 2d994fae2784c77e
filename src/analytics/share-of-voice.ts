import type { Db } from '../db/client.js';
import { isoInZone, isoInZoneAll } from './buckets.js';
import { countRows, type CountRow, type CountSource, type TrendFilter } from './count-rows.js';
import { bucketSums } from './rollup-sums.js';
import { emptyCounts, type Counts } from './counts.js';
import { change, netSentiment, share, type Change } from './metrics.js';
import { previousStart, starts as bucketStartsFor, sumAll, sumIntoBuckets } from './period.js';
import { resolveRange, type TrendQuery } from './trends.js';

export type ShareQuery = Omit<TrendQuery, 'brand' | 'metric'>;

export interface BrandShare {
  brand: string;
  name: string;
  competitor: boolean;
  volume: number;
  share: number | null;
  net: number | null;
  previous?: { volume: Change; share: Change; net: Change };
}

export interface ShareAnswer {
  bucket: ShareQuery['bucket'];
  tz: string;
  from: string | null;
  to: string | null;
  computedFrom: 'rollups' | 'mentions';
  brands: BrandShare[];
  points: { start: string; total: number; brands: Record<string, { volume: number; share: number | null }> }[];
  previousFrom?: string;
  previousTo?: string;
}

/**
 * Each configured brand's (own and competitor) share of the mentions that name any of them, per
 * bucket and over the range. A mention naming two brands counts for both.
 */
export function shareOfVoice(db: Db, query: ShareQuery): ShareAnswer {
  const base = { bucket: query.bucket, tz: query.tz };
  const brandRows = db.$client.prepare('SELECT id, name, competitor FROM brands WHERE active ORDER BY competitor, id').all() as {
    id: string;
    name: string;
    competitor: number;
  }[];
  const range = resolveRange(db, { ...query, metric: 'volume', brand: undefined });
  if (!range) return { ...base, from: null, to: null, computedFrom: 'rollups', brands: [], points: [] };
  const { start, end, starts, source, hourAligned } = range;
  const firstStart = query.compare ? previousStart(start, starts.length, query.bucket, query.tz) : start;
  const previousStarts = query.compare ? bucketStartsFor(firstStart, start, query.bucket, query.tz, hourAligned) : [];
  const allStarts = [...previousStarts, ...starts];
  const buckets = brandBuckets(db, source, { ...query, brand: undefined }, allStarts, end, hourAligned, brandRows.map((b) => b.id), query.tz);
  const cut = previousStarts.length;
  const totalOf = (i: number) => brandRows.reduce((sum, b) => sum + buckets.get(b.id)![i]!.volume, 0);

  const labels = isoInZoneAll(starts, query.tz);
  const points = starts.map((_, j) => {
    const i = cut + j;
    const total = totalOf(i);
    const shares = Object.fromEntries(
      brandRows.map((b) => {
        const volume = buckets.get(b.id)![i]!.volume;
        return [b.id, { volume, share: share(volume, total) }];
      }),
    );
    return { start: labels[j]!, total, brands: shares };
  });

  const nowTotals = new Map(brandRows.map((b) => [b.id, sumAll(buckets.get(b.id)!.slice(cut))]));
  const thenTotals = new Map(brandRows.map((b) => [b.id, sumAll(buckets.get(b.id)!.slice(0, cut))]));
  const grand = (m: typeof nowTotals) => [...m.values()].reduce((sum, c) => sum + c.volume, 0);
  const nowAll = grand(nowTotals);
  const thenAll = grand(thenTotals);
  const brands = brandRows.map((b): BrandShare => {
    const now = nowTotals.get(b.id)!;
    const then = thenTotals.get(b.id)!;
    const entry: BrandShare = {
      brand: b.id,
      name: b.name,
      competitor: Boolean(b.competitor),
      volume: now.volume,
      share: share(now.volume, nowAll),
      net: netSentiment(now.positive, now.neutral, now.negative),
    };
    if (query.compare) {
      entry.previous = {
        volume: change(now.volume, then.volume),
        share: change(entry.share, share(then.volume, thenAll)),
        net: change(entry.net, netSentiment(then.positive, then.neutral, then.negative)),
      };
    }
    return entry;
  });
  const answer: ShareAnswer = {
    ...base,
    from: isoInZone(start, query.tz),
    to: isoInZone(end, query.tz),
    computedFrom: source === 'mentions' ? 'mentions' : 'rollups',
    brands,
    points,
  };
  if (query.compare) Object.assign(answer, { previousFrom: isoInZone(firstStart, query.tz), previousTo: isoInZone(start, query.tz) });
  return answer;
}

/** Each brand's counts per bucket: summed by SQLite from rollups, here from mention rows. */
function brandBuckets(
  db: Db, source: CountSource, filter: TrendFilter, starts: readonly number[], end: number, hourAligned: boolean, brands: readonly string[], tz: string,
): Map<string, Counts[]> {
  if (source !== 'mentions') {
    const sums = bucketSums(db, filter, { starts, end, by: 'brand', keys: ['volume', 'positive', 'neutral', 'negative'], tz });
    return new Map(brands.map((id) => [id, sums.get(id) ?? starts.map(emptyCounts)]));
  }
  const byBrand = new Map<string, CountRow[]>(brands.map((id) => [id, []]));
  const step = hourAligned ? 'hour' : 'quarter';
  for (const row of countRows(db, filter, { from: starts[0] ?? end, to: end, step, by: 'brand' })) byBrand.get(row.key)?.push(row);
  return new Map([...byBrand].map(([id, rows]) => [id, sumIntoBuckets(rows, starts, end)]));
}
