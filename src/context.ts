import { existsSync } from 'node:fs';
import { loadConfig, DEFAULT_CONFIG_PATH } from './config/load.js';
import { DEFAULT_DELIVERY } from './config/delivery.js';
import type { Config } from './config/schema.js';
import { createHttpClient, type HttpClient } from './connectors/http.js';
import { openDb, type OpenDb } from './db/client.js';
import { syncConfig } from './db/sources.js';
import { createIngestor, type Ingestor } from './ingest/ingest-items.js';
import { createRecordBuilder, defaultWorkerCount, type RecordBuilder } from './ingest/record-pool.js';
import { compileTaxonomy, type CompiledTaxonomy } from './nlp/taxonomy.js';

export interface Earshot {
  config: Config;
  store: OpenDb;
  taxonomy: CompiledTaxonomy;
  ingestor: Ingestor;
  /** Analysis (in workers when there are), shared by ingest and retag. */
  builder: RecordBuilder;
  http: HttpClient;
  close(): Promise<void>;
}

export const EMPTY_CONFIG: Config = { brands: [], sources: [], topics: [], delivery: DEFAULT_DELIVERY, trends: { zones: [] } };

/**
 * Reads the config (throwing ConfigError before anything is written), then opens and migrates
 * the database and brings its sources, brands and topics in line with the config.
 */
export function openEarshot(options: { dbPath: string; configPath: string; configExplicit: boolean; workers?: number }): Earshot {
  // Without a config file at the default path, Earshot still imports and serves, with no
  // sources, brands or topics; a path the user named must exist.
  const config =
    !options.configExplicit && options.configPath === DEFAULT_CONFIG_PATH && !existsSync(options.configPath)
      ? EMPTY_CONFIG
      : loadConfig(options.configPath);
  const store = openDb(options.dbPath);
  syncConfig(store.db, config);
  const taxonomy = compileTaxonomy(config.topics, config.brands);
  const builder = createRecordBuilder(config, options.workers ?? defaultWorkerCount(), taxonomy);
  const ingestor = createIngestor(store, builder);
  return {
    config,
    store,
    taxonomy,
    ingestor,
    builder,
    http: createHttpClient(),
    close: async () => {
      await ingestor.close();
      store.close();
    },
  };
}
