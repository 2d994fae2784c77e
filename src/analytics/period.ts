import { DateTime } from 'luxon';
import { bucketStarts, MAX_BUCKETS, type BucketUnit } from './buckets.js';
import { addCounts, emptyCounts, type Counts } from './counts.js';
import { change, type Change } from './metrics.js';

const HOUR_MS = 3_600_000;

/**
 * Bucket starts from `start` to `end`. Hour buckets of a whole-hour zone are plain arithmetic:
 * stepping a year of hours through luxon alone would cost more than the query.
 */
export function starts(start: number, end: number, unit: BucketUnit, tz: string, hourAligned: boolean): number[] {
  if (unit !== 'hour' || !hourAligned) return bucketStarts(start, end, unit, tz);
  const out: number[] = [];
  for (let t = start; t < end && out.length <= MAX_BUCKETS; t += HOUR_MS) out.push(t);
  return out;
}

/** The start of the `count` buckets right before `start`: the previous period of equal length. */
export function previousStart(start: number, count: number, unit: BucketUnit, tz: string): number {
  return DateTime.fromMillis(start, { zone: tz }).minus({ [unit]: count }).toMillis();
}

/**
 * Sums time-ordered rows into buckets (ascending starts; the last ends at `end`) with one walk:
 * no time-zone arithmetic per row.
 */
export function sumIntoBuckets(rows: readonly ({ at: number } & Partial<Counts>)[], bucketStarts: readonly number[], end: number): Counts[] {
  const totals = bucketStarts.map(() => emptyCounts());
  let i = 0;
  for (const row of rows) {
    while (i < bucketStarts.length && row.at >= (bucketStarts[i + 1] ?? end)) i++;
    if (i >= bucketStarts.length) break;
    if (row.at >= bucketStarts[i]!) addCounts(totals[i]!, row);
  }
  return totals;
}

export function sumAll(counts: readonly Counts[]): Counts {
  const total = emptyCounts();
  for (const c of counts) addCounts(total, c);
  return total;
}

/** Each field's previous value, delta and percent change. */
export function compareFields(current: Record<string, number | null>, previous: Record<string, number | null>): Record<string, Change> {
  return Object.fromEntries(Object.entries(current).map(([field, value]) => [field, change(value, previous[field] ?? null)]));
}
