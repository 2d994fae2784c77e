import { DateTime, IANAZone } from 'luxon';

/** The checked set of bucket units; a request can never put its own text into a query. */
export const BUCKET_UNITS = ['hour', 'day', 'week', 'month'] as const;
export type BucketUnit = (typeof BUCKET_UNITS)[number];

export const MAX_BUCKETS = 10_000;

export function isValidZone(tz: string): boolean {
  return IANAZone.isValidZone(tz);
}

/** Start of the bucket holding `epochMs`, cut in the given zone (weeks start on Monday). */
export function bucketStart(epochMs: number, unit: BucketUnit, tz: string): number {
  return DateTime.fromMillis(epochMs, { zone: tz }).startOf(unit).toMillis();
}

/** Every bucket start from the one holding `from` up to (not including) `to`, in the zone. */
export function bucketStarts(from: number, to: number, unit: BucketUnit, tz: string): number[] {
  const starts: number[] = [];
  let cursor = DateTime.fromMillis(from, { zone: tz }).startOf(unit);
  while (cursor.toMillis() < to) {
    starts.push(cursor.toMillis());
    if (starts.length > MAX_BUCKETS) break;
    cursor = cursor.plus({ [unit]: 1 });
  }
  return starts;
}

/** End of the bucket holding `epochMs` (exclusive). */
export function bucketEnd(epochMs: number, unit: BucketUnit, tz: string): number {
  return DateTime.fromMillis(epochMs, { zone: tz }).startOf(unit).plus({ [unit]: 1 }).toMillis();
}

/** True when the zone's UTC offset is a whole number of hours at every instant of the range. */
export function hourAlignedZone(from: number, to: number, tz: string): boolean {
  const zone = IANAZone.create(tz);
  // Offsets change at most a few times a year; sampling every 6 hours cannot miss a stretch.
  const step = 6 * 3_600_000;
  for (let t = from; t < to + step; t += step) {
    if (zone.offset(Math.min(t, to)) % 60 !== 0) return false;
  }
  return true;
}

export function isoInZone(epochMs: number, tz: string): string {
  return DateTime.fromMillis(epochMs, { zone: tz }).toISO() ?? new Date(epochMs).toISOString();
}
