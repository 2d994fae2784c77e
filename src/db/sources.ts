import { and, desc, eq, notInArray, sql } from 'drizzle-orm';
import type { Config } from '../config/schema.js';
import type { Db } from './client.js';
import { syncRollupZones } from './local-day-rollups.js';
import { brands, products, runs, sources, topics } from './schema.js';

export type SourceRow = typeof sources.$inferSelect;
export type RunRow = typeof runs.$inferSelect;

/**
 * Brings the sources, brands and topics tables in line with the config. Nothing is deleted:
 * a source or topic dropped from the config is disabled, so its history stays readable. The
 * local-day rollups follow `trends.zones` (a zone dropped is emptied: it can be refilled).
 */
export function syncConfig(db: Db, config: Config, now = Date.now()): void {
  db.transaction((tx) => {
    for (const source of config.sources) {
      const values = {
        kind: source.kind,
        config: source.options,
        schedule: source.schedule ?? null,
        enabled: source.enabled,
        updatedAt: now,
      };
      tx.insert(sources)
        .values({ name: source.name, ...values, createdAt: now })
        .onConflictDoUpdate({ target: sources.name, set: values })
        .run();
    }
    const names = config.sources.map((s) => s.name);
    tx.update(sources)
      .set({ enabled: false, updatedAt: now })
      .where(and(sql`${sources.kind} <> 'import'`, names.length ? notInArray(sources.name, names) : undefined))
      .run();

    tx.update(topics).set({ active: false }).run();
    for (const topic of config.topics) {
      const values = {
        name: topic.name,
        parentId: topic.parent ?? null,
        terms: { terms: topic.terms, phrases: topic.phrases, exclude: topic.exclude, rule: topic.rule ?? null, lang: topic.lang },
        active: true,
      };
      tx.insert(topics).values({ id: topic.id, ...values }).onConflictDoUpdate({ target: topics.id, set: values }).run();
    }

    tx.update(brands).set({ active: false }).run();
    for (const brand of config.brands) {
      const values = {
        name: brand.name,
        competitor: brand.competitor,
        query: { include: brand.include, handles: brand.handles, exclude: brand.exclude, rule: brand.rule ?? null },
        active: true,
      };
      tx.insert(brands).values({ id: brand.id, ...values }).onConflictDoUpdate({ target: brands.id, set: values }).run();
    }

    tx.update(products).set({ active: false }).run();
    for (const brand of config.brands) {
      for (const product of brand.products ?? []) {
        const values = {
          brandId: brand.id,
          name: product.name,
          query: { include: product.include, handles: product.handles, exclude: product.exclude, rule: product.rule ?? null },
          active: true,
        };
        tx.insert(products).values({ id: product.id, ...values }).onConflictDoUpdate({ target: products.id, set: values }).run();
      }
    }
  });
  syncRollupZones(db.$client, config.trends?.zones ?? [], now);
}

export function findSource(db: Db, name: string): SourceRow | undefined {
  return db.select().from(sources).where(eq(sources.name, name)).get();
}

export function listSources(db: Db): SourceRow[] {
  return db.select().from(sources).orderBy(sources.name).all();
}

/** The source an import fills, created on first use. */
export function ensureImportSource(db: Db, name: string, now = Date.now()): SourceRow {
  const existing = findSource(db, name);
  if (existing) {
    if (existing.kind !== 'import') {
      throw new Error(`source '${name}' is a configured ${existing.kind} source; import into another name`);
    }
    return existing;
  }
  return db
    .insert(sources)
    .values({ name, kind: 'import', config: {}, schedule: null, enabled: true, createdAt: now, updatedAt: now })
    .returning()
    .get();
}

export function saveCursor(db: Db, sourceId: number, cursor: unknown, now = Date.now()): void {
  db.update(sources).set({ cursor: cursor ?? null, updatedAt: now }).where(eq(sources.id, sourceId)).run();
}

// A run still marked running after this long is stale even if its process id is alive again.
export const STALE_RUN_MS = 6 * 60 * 60_000;

function processAlive(pid: number | null): boolean {
  if (pid === null) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Claims a run for the source unless a live run holds it; check and insert are one immediate
 * transaction, so two processes cannot both claim. A run left 'running' by a process that died
 * (killed, crashed) is closed as aborted on the way.
 */
export function claimRun(db: Db, sourceId: number, now = Date.now()): RunRow | null {
  return db.transaction((tx) => {
    const open = tx.select().from(runs).where(and(eq(runs.sourceId, sourceId), eq(runs.status, 'running'))).all();
    for (const run of open) {
      if (run.startedAt > now - STALE_RUN_MS && processAlive(run.pid)) return null;
      tx.update(runs)
        .set({ status: 'aborted', finishedAt: now, errorMessage: 'the process running it ended before it finished' })
        .where(eq(runs.id, run.id))
        .run();
    }
    return tx.insert(runs).values({ sourceId, startedAt: now, status: 'running', pid: process.pid }).returning().get();
  }, { behavior: 'immediate' });
}

export type RunOutcome = Partial<Pick<RunRow, 'fetched' | 'inserted' | 'duplicates' | 'rejected'>> & {
  status: 'running' | 'ok' | 'failed' | 'aborted';
  errorCode?: string | null;
  errorMessage?: string | null;
  finishedAt?: number | null;
};

export function updateRun(db: Db, runId: number, outcome: RunOutcome): void {
  db.update(runs).set(outcome).where(eq(runs.id, runId)).run();
}

/** Adds a batch's counts to a run still in progress (imports commit batch by batch). */
export function addRunCounts(db: Db, runId: number, counts: { fetched: number; inserted: number; duplicates: number; rejected: number }): void {
  db.update(runs)
    .set({
      fetched: sql`${runs.fetched} + ${counts.fetched}`,
      inserted: sql`${runs.inserted} + ${counts.inserted}`,
      duplicates: sql`${runs.duplicates} + ${counts.duplicates}`,
      rejected: sql`${runs.rejected} + ${counts.rejected}`,
    })
    .where(eq(runs.id, runId))
    .run();
}

export function lastRuns(db: Db): Map<number, RunRow> {
  const rows = db
    .select()
    .from(runs)
    .where(sql`${runs.id} IN (SELECT max(id) FROM runs GROUP BY source_id)`)
    .orderBy(desc(runs.id))
    .all();
  return new Map(rows.map((r) => [r.sourceId, r]));
}

export interface SourceActivity {
  /** Items stored by runs that started since the given time. */
  insertedSince: number;
  /** When a run last stored at least one item. */
  lastItemsAt: number | null;
}

/** Read from the runs, not the mentions: health costs O(runs), whatever the archive size. */
export function sourceActivity(db: Db, since: number): Map<number, SourceActivity> {
  const rows = db
    .select({
      sourceId: runs.sourceId,
      insertedSince: sql<number>`coalesce(sum(case when ${runs.startedAt} >= ${since} then ${runs.inserted} else 0 end), 0)`,
      lastItemsAt: sql<number | null>`max(case when ${runs.inserted} > 0 then coalesce(${runs.finishedAt}, ${runs.startedAt}) end)`,
    })
    .from(runs)
    .groupBy(runs.sourceId)
    .all();
  return new Map(rows.map((r) => [r.sourceId, { insertedSince: Number(r.insertedSince), lastItemsAt: r.lastItemsAt }]));
}
