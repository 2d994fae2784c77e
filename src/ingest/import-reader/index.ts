import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { readCsv, sniffDelimiter } from './csv.js';
import { detectFormat, type ImportOptions, type ImportRow, type ProgressFn } from './fields.js';
import { readJsonl } from './jsonl.js';

export * from './fields.js';

/**
 * Reads a direct-feedback export (CSV/TSV or JSONL) as a stream of RawItems or per-row errors, so
 * one bad row never costs the rest of the file and a 1 GB export is never held in memory.
 */
export async function* readImportFile(file: string, options: ImportOptions, onProgress?: ProgressFn): AsyncGenerator<ImportRow> {
  const format = options.format ?? detectFormat(file);
  const map = options.map ?? {};
  const { size } = await stat(file);
  const delimiter = format === 'csv' ? await sniffDelimiter(file) : ',';
  // The progress listener starts the flow, so nothing may await between here and the readers' pipe.
  const source = createReadStream(file);
  trackProgress(source, size, onProgress);
  try {
    yield* format === 'csv' ? readCsv(file, source, delimiter, map) : readJsonl(source, map);
    onProgress?.(size, size);
  } finally {
    source.destroy();
  }
}

function trackProgress(source: Readable, total: number, onProgress?: ProgressFn): void {
  if (!onProgress) return;
  let read = 0;
  let last = 0;
  source.on('data', (chunk: string | Buffer) => {
    read += chunk.length;
    const now = Date.now();
    if (now - last >= 100) {
      last = now;
      onProgress(read, total);
    }
  });
}
