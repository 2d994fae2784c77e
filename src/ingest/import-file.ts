import type { RawItem } from '../connectors/types.js';
import type { OpenDb } from '../db/client.js';
import { addRunCounts, claimRun, ensureImportSource, updateRun } from '../db/sources.js';
import type { Ingestor, PreparedBatch } from './ingest-items.js';
import { readImportFile, type ImportOptions } from './import-reader/index.js';

const MAX_BATCHES_IN_FLIGHT = 2;

export interface ImportSummary {
  runId: number;
  source: string;
  read: number;
  inserted: number;
  duplicates: number;
  rejected: number;
}

export interface ImportHooks {
  /** A row that was refused, with its line number and reason; the import goes on. */
  onRowError?: (line: number, error: string) => void;
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  batchSize?: number;
}

/**
 * Imports a CSV/JSONL export into an import source. Rows commit in batches, each batch in one
 * transaction with the run's counts, so a killed import loses at most the batch in flight and a
 * rerun of the same file stores every row exactly once (rows are keyed by id or content hash).
 */
export async function importFile(
  store: OpenDb,
  ingestor: Ingestor,
  file: string,
  sourceName: string,
  options: ImportOptions,
  hooks: ImportHooks = {},
): Promise<ImportSummary> {
  const source = ensureImportSource(store.db, sourceName);
  const run = claimRun(store.db, source.id);
  if (!run) throw new Error(`an import into '${sourceName}' is already running`);
  const summary: ImportSummary = { runId: run.id, source: sourceName, read: 0, inserted: 0, duplicates: 0, rejected: 0 };
  const batchSize = hooks.batchSize ?? 1000;
  // Batches are analysed ahead (in workers when there are) while earlier ones are written, and
  // committed strictly in file order, each with its rows' share of the run's counts.
  const inFlight: { prepared: Promise<PreparedBatch>; rejected: number }[] = [];
  const commitOldest = async () => {
    const next = inFlight.shift()!;
    const prepared = await next.prepared;
    ingestor.commit(prepared, (counts) => {
      addRunCounts(store.db, run.id, { ...counts, fetched: counts.fetched + next.rejected, rejected: counts.rejected + next.rejected });
      summary.inserted += counts.inserted;
      summary.duplicates += counts.duplicates;
      summary.rejected += counts.rejected + next.rejected;
    });
  };
  let batch: RawItem[] = [];
  let batchRejected = 0;
  const flush = async () => {
    inFlight.push({ prepared: ingestor.prepare(source.id, batch), rejected: batchRejected });
    // A rejected promise waiting in the queue must not count as unhandled before its turn.
    inFlight.at(-1)!.prepared.catch(() => {});
    batch = [];
    batchRejected = 0;
    while (inFlight.length > MAX_BATCHES_IN_FLIGHT) await commitOldest();
  };

  try {
    for await (const row of readImportFile(file, options, hooks.onProgress)) {
      summary.read++;
      if ('error' in row) {
        batchRejected++;
        hooks.onRowError?.(row.line, row.error);
      } else {
        batch.push(row.item);
      }
      if (batch.length >= batchSize) await flush();
    }
    if (batch.length > 0 || batchRejected > 0) await flush();
    while (inFlight.length > 0) await commitOldest();
    updateRun(store.db, run.id, { status: 'ok', finishedAt: Date.now() });
    return summary;
  } catch (error) {
    updateRun(store.db, run.id, {
      status: 'failed',
      errorCode: 'PARSE',
      errorMessage: error instanceof Error ? error.message : String(error),
      finishedAt: Date.now(),
    });
    throw error;
  }
}
