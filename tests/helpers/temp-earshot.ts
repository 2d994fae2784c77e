import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseConfigText } from '../../src/config/load.js';
import type { Config } from '../../src/config/schema.js';
import { createHttpClient } from '../../src/connectors/http.js';
import type { Earshot } from '../../src/context.js';
import { openDb } from '../../src/db/client.js';
import { syncConfig } from '../../src/db/sources.js';
import { createIngestor } from '../../src/ingest/ingest-items.js';
import { createRecordBuilder } from '../../src/ingest/record-pool.js';
import { compileTaxonomy } from '../../src/nlp/taxonomy.js';

export function tempDir(prefix = 'earshot-test-'): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function configFrom(yaml: string): Config {
  const result = parseConfigText(yaml);
  if (!result.ok) throw new Error(`test config invalid:\n${result.problems.join('\n')}`);
  return result.config;
}

/**
 * A real Earshot on a real SQLite file in a temp dir; fast HTTP retries for tests. Analysis runs
 * in-process unless `workers` says otherwise (the CLI tests cover the worker path).
 */
export function tempEarshot(yaml = '', workers = 0): Earshot & { dir: string; dbPath: string; cleanup(): Promise<void> } {
  const { dir, cleanup } = tempDir();
  const dbPath = path.join(dir, 'earshot.db');
  const config = configFrom(yaml);
  const store = openDb(dbPath);
  syncConfig(store.db, config);
  const taxonomy = compileTaxonomy(config.topics, config.brands);
  const builder = createRecordBuilder(config, workers, taxonomy);
  const ingestor = createIngestor(store, builder);
  return {
    dir,
    dbPath,
    config,
    store,
    taxonomy,
    ingestor,
    builder,
    http: createHttpClient({ retries: 2, retryBaseMs: 5, timeoutMs: 2000 }),
    close: async () => {
      await ingestor.close();
      store.close();
    },
    cleanup: async () => {
      await ingestor.close();
      store.close();
      cleanup();
    },
  };
}
