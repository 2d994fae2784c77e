import { DateTime, IANAZone } from 'luxon';
import { HOUR_MS } from './rollup-tables.js';

/**
 * The local day an hour rollup bucket belongs to in `zone`: the day's first instant, as luxon's
 * startOf('day') (and so bucketStarts) cuts it. The writer, the fill from hour tables and the
 * query planner all go through this one function, so they can never disagree on a day.
 * Memoised per zone and hour: a batch of mentions lands in a few hours, a fill walks each hour
 * once per brand × topic, and each fresh answer is an Intl call.
 */
export function localDayOf(zone: string, hourMs: number): number {
  let days = memo.get(zone);
  if (!days) memo.set(zone, (days = new Map()));
  let day = days.get(hourMs);
  if (day === undefined) {
    if (days.size >= 200_000) days.clear();
    day = DateTime.fromMillis(hourMs, { zone }).startOf('day').toMillis();
    days.set(hourMs, day);
  }
  return day;
}
const memo = new Map<string, Map<number, number>>();

/** The local day after the one starting at `dayStart`. */
export function nextLocalDay(zone: string, dayStart: number): number {
  return DateTime.fromMillis(dayStart, { zone }).plus({ days: 1 }).startOf('day').toMillis();
}

const SAMPLE_FROM = Date.UTC(1990, 0, 1);
const SAMPLE_TO = Date.UTC(2040, 0, 1);
const SAMPLE_STEP = 14 * 24 * HOUR_MS;

/**
 * Why a zone cannot have local-day rollups, or null when it can. Local days are built from the
 * hour rollups, so the zone must be a whole number of hours off UTC: checked every two weeks
 * from 1990 to 2040 (a daylight-saving regime lasts months, so a half-hour one cannot hide).
 */
export function localDayZoneProblem(zone: string): string | null {
  if (!IANAZone.isValidZone(zone)) return `'${zone}' is not an IANA time zone (e.g. Europe/Paris, America/Los_Angeles)`;
  const tz = IANAZone.create(zone);
  for (let t = SAMPLE_FROM; t < SAMPLE_TO; t += SAMPLE_STEP) {
    const offset = tz.offset(t);
    if (offset % 60 !== 0) {
      const when = new Date(t).toISOString().slice(0, 10);
      return `'${zone}' is ${Math.floor(Math.abs(offset) / 60)} h ${Math.abs(offset) % 60} min off UTC (around ${when}): local days are built from hour rollups, so only zones a whole number of hours off UTC can be listed (trends in ${zone} are still answered, from the mentions)`;
    }
  }
  return null;
}
