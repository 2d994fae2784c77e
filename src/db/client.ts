import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema.js';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations', import.meta.url));
export const DEFAULT_DB_PATH = './data/earshot.db';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export interface OpenDb {
  db: Db;
  sqlite: Database.Database;
  path: string;
  close(): void;
}

/** The database file: --db, then EARSHOT_DB, then ./data/earshot.db. */
export function resolveDbPath(flag?: string): string {
  return flag ?? process.env.EARSHOT_DB ?? DEFAULT_DB_PATH;
}

/** Opens (creating if needed) the SQLite file, sets pragmas and applies pending migrations. */
export function openDb(file: string, options: { migrate?: boolean } = {}): OpenDb {
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  // WAL lets the API read while ingest writes; busy_timeout absorbs a second writer process
  // (an `earshot import` while `earshot serve` runs) instead of failing with SQLITE_BUSY.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 10000');
  sqlite.pragma('synchronous = NORMAL');
  const db = drizzle(sqlite, { schema }) as Db;
  if (options.migrate !== false) migrate(db, { migrationsFolder: MIGRATIONS_DIR });
  let closed = false;
  return {
    db,
    sqlite,
    path: file,
    close() {
      if (closed) return;
      closed = true;
      sqlite.close();
    },
  };
}
