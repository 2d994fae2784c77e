import type { RawItem } from '../connectors/types.js';
import type { OpenDb } from '../db/client.js';
import { addRunCounts, claimRun, ensureImportSource, updateRun } from '../db/sources.js';
import type { Ingestor } from './ingest-items.js';
import { readImportFile, type ImportOptions } from './import-reader.js';

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
  let batch: RawItem[] = [];
  let batchRejected = 0;

  const flush = () => {
    const rejected = batchRejected;
    ingestor.ingest(source.id, batch, (counts) => {
      addRunCounts(store.db, run.id, { ...counts, fetched: counts.fetched + rejected, rejected: counts.rejected + rejected });
      summary.inserted += counts.inserted;
      summary.duplicates += counts.duplicates;
      summary.rejected += counts.rejected + rejected;
    });
    batch = [];
    batchRejected = 0;
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
      if (batch.length >= batchSize) flush();
    }
    if (batch.length > 0 || batchRejected > 0) flush();
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
