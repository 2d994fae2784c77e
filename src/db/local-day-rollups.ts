import type Database from 'better-sqlite3';
import { localDayOf, nextLocalDay } from '../analytics/local-days.js';
import { COUNT_COLUMNS, COUNT_KEYS } from '../analytics/counts.js';
import { HOUR_MS, ROLLUP_TABLES, rollupTable } from '../analytics/rollup-tables.js';
import { rollupZones } from './mention-writer.js';

const LOCAL_TABLES = ROLLUP_TABLES.filter((t) => t.width === 'local');

/**
 * Brings the local-day rollups in line with the config's `trends.zones`: a zone newly listed is
 * filled from the hour rollups (sums of sums, so its days agree exactly with the hours the
 * planner would otherwise read), a zone no longer listed is emptied — left alone it would go
 * stale, since writers only keep the zones listed in rollup_zones. UTC needs none (its days are
 * the day tables). One transaction: a zone is listed only once its days are complete.
 */
export function syncRollupZones(sqlite: Database.Database, zones: readonly string[], now = Date.now()): { added: string[]; dropped: string[] } {
  const wanted = new Set(zones.filter((z) => z !== 'UTC'));
  const have = new Set(rollupZones(sqlite));
  const added = [...wanted].filter((z) => !have.has(z));
  const dropped = [...have].filter((z) => !wanted.has(z));
  if (added.length === 0 && dropped.length === 0) return { added, dropped };
  sqlite.transaction(() => {
    for (const zone of dropped) {
      for (const table of LOCAL_TABLES) sqlite.prepare(`DELETE FROM ${table.name} WHERE zone = ?`).run(zone);
      sqlite.prepare('DELETE FROM rollup_zones WHERE zone = ?').run(zone);
    }
    for (const zone of added) {
      fillLocalDays(sqlite, zone, null);
      sqlite.prepare('INSERT INTO rollup_zones (zone, filled_at) VALUES (?, ?)').run(zone, now);
    }
  })();
  return { added, dropped };
}

/**
 * Recounts the local days of every kept zone that touch [from, to) from the hour rollups, after
 * those hours were recounted (retag). Whole local days, so none is left half counted.
 */
export function refillLocalDays(sqlite: Database.Database, range: { from: number; to: number }): void {
  for (const zone of rollupZones(sqlite)) {
    const lo = localDayOf(zone, Math.floor(range.from / HOUR_MS) * HOUR_MS);
    const hi = nextLocalDay(zone, localDayOf(zone, Math.floor((range.to - 1) / HOUR_MS) * HOUR_MS));
    fillLocalDays(sqlite, zone, { lo, hi });
  }
}

/** (Re)writes a zone's local-day rows, all of them or those of the days in [lo, hi). */
function fillLocalDays(sqlite: Database.Database, zone: string, days: { lo: number; hi: number } | null): void {
  // The day of each hour row comes from the same function the writer uses (local-days.ts).
  sqlite.function('earshot_local_day', { deterministic: true }, (z: unknown, hour: unknown) => localDayOf(String(z), Number(hour)));
  const columns = COUNT_KEYS.map((k) => COUNT_COLUMNS[k]);
  for (const table of LOCAL_TABLES) {
    const hours = rollupTable(table.family, 'hour');
    const within = days ? ' AND bucket >= @lo AND bucket < @hi' : '';
    const params = days ? { zone, ...days } : { zone };
    sqlite.prepare(`DELETE FROM ${table.name} WHERE zone = @zone${within}`).run(params);
    const keys = hours.keys.map((k) => (k === 'bucket' ? 'earshot_local_day(@zone, bucket)' : k));
    sqlite
      .prepare(
        `INSERT INTO ${table.name} (${table.keys.join(', ')}, ${columns.join(', ')})
         SELECT @zone, ${keys.join(', ')}, ${columns.map((c) => `sum(${c})`).join(', ')}
         FROM ${hours.name} WHERE 1${within}
         GROUP BY ${keys.map((_, i) => i + 2).join(', ')}`,
      )
      .run(params);
  }
}
