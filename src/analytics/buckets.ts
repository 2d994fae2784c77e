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

// Zone arithmetic through luxon/Intl costs microseconds per step, milliseconds per year-long
// range: more than the rollup query itself. The answers are pure functions of their arguments,
// so the last few hundred are kept (a dashboard asks the same ranges again and again).
const memo = new Map<string, unknown>();
function remember<T>(key: string, compute: () => T): T {
  if (memo.has(key)) return memo.get(key) as T;
  const value = compute();
  if (memo.size >= 500) memo.delete(memo.keys().next().value!);
  memo.set(key, value);
  return value;
}

/** Every bucket start from the one holding `from` up to (not including) `to`, in the zone. */
export function bucketStarts(from: number, to: number, unit: BucketUnit, tz: string): number[] {
  return remember(`s|${from}|${to}|${unit}|${tz}`, () => computeStarts(from, to, unit, tz)).slice();
}

function computeStarts(from: number, to: number, unit: BucketUnit, tz: string): number[] {
  const starts: number[] = [];
  let cursor = DateTime.fromMillis(from, { zone: tz }).startOf(unit);
  while (cursor.toMillis() < to) {
    starts.push(cursor.toMillis());
    if (starts.length > MAX_BUCKETS) break;
    cursor = cursor.plus({ [unit]: 1 });
  }
  return starts;
}

/**
 * The ISO labels of the buckets bucketStarts(from, to, unit, tz) gives, remembered like the
 * starts: a year of days off UTC is ~100 Intl offset calls, a millisecond, on every request.
 */
export function bucketLabels(from: number, to: number, unit: BucketUnit, tz: string, starts: readonly number[]): readonly string[] {
  return remember(`l|${from}|${to}|${unit}|${tz}|${starts.length}`, () => isoInZoneAll(starts, tz));
}

/** End of the bucket holding `epochMs` (exclusive). */
export function bucketEnd(epochMs: number, unit: BucketUnit, tz: string): number {
  return DateTime.fromMillis(epochMs, { zone: tz }).startOf(unit).plus({ [unit]: 1 }).toMillis();
}

/** True when the zone's UTC offset is a whole number of hours at every instant of the range. */
export function hourAlignedZone(from: number, to: number, tz: string): boolean {
  return remember(`a|${from}|${to}|${tz}`, () => computeHourAligned(from, to, tz));
}

function computeHourAligned(from: number, to: number, tz: string): boolean {
  const zone = IANAZone.create(tz);
  // Offsets change at most a few times a year and each regime lasts months; a daily sample
  // cannot miss one (each sample is an Intl call, so the step sets the cost of a long range).
  const step = 24 * 3_600_000;
  for (let t = from; t < to + step; t += step) {
    if (zone.offset(Math.min(t, to)) % 60 !== 0) return false;
  }
  return true;
}

/**
 * The instant as ISO-8601 with the zone's offset, as luxon's toISO() writes it, without building
 * a DateTime per point (that cost more than the rollup query for a year of days).
 */
export function isoInZone(epochMs: number, tz: string): string {
  if (tz === 'UTC') return new Date(epochMs).toISOString();
  return withOffset(epochMs, zoneOf(tz).offset(epochMs), tz);
}

function withOffset(epochMs: number, offset: number, tz: string): string {
  if (!Number.isFinite(offset)) return DateTime.fromMillis(epochMs, { zone: tz }).toISO() ?? new Date(epochMs).toISOString();
  const local = new Date(epochMs + offset * 60_000).toISOString().slice(0, -1);
  const abs = Math.abs(offset);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${local}${offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

const zoneCache = new Map<string, IANAZone>();
function zoneOf(tz: string): IANAZone {
  return zoneCache.get(tz) ?? zoneCache.set(tz, IANAZone.create(tz)).get(tz)!;
}

const WEEK_MS = 7 * 24 * 3_600_000;

/**
 * isoInZone for ascending instants, asking the zone (an Intl call, microseconds each) about as
 * rarely as it can: no zone changes its offset twice within a week, so when the offset at an
 * instant and at the last instant at most a week later agree, every instant between has it too.
 */
export function isoInZoneAll(epochs: readonly number[], tz: string): string[] {
  if (tz === 'UTC') return epochs.map((t) => new Date(t).toISOString());
  const zone = zoneOf(tz);
  const offsets = new Array<number>(epochs.length);
  let i = 0;
  while (i < epochs.length) {
    const offset = (offsets[i] = zone.offset(epochs[i]!));
    let j = i;
    while (j + 1 < epochs.length && epochs[j + 1]! - epochs[i]! <= WEEK_MS) j++;
    if (j > i && zone.offset(epochs[j]!) === offset) offsets.fill(offset, i + 1, j + 1);
    else for (let k = i + 1; k <= j; k++) offsets[k] = zone.offset(epochs[k]!);
    i = j + 1;
  }
  return epochs.map((t, k) => withOffset(t, offsets[k]!, tz));
}
