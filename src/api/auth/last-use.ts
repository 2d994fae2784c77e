import type Database from 'better-sqlite3';
import { TOUCH_KEY_SQL } from '../../db/api-keys.js';

/**
 * Records when each key was last used, at most once per `intervalMs` per key, so a busy key
 * costs one write a minute rather than one a request. The write never waits for another
 * process's write lock (busy_timeout 0 for that one statement): an API answer must not stall
 * behind an import, and a missed write is simply tried again on the key's next request.
 */
export function lastUseRecorder(sqlite: Database.Database, intervalMs = 60_000) {
  const written = new Map<number, number>();
  const statement = sqlite.prepare(TOUCH_KEY_SQL);
  return (keyId: number, now: number): void => {
    const last = written.get(keyId);
    if (last !== undefined && now - last < intervalMs) return;
    const timeout = sqlite.pragma('busy_timeout', { simple: true }) as number;
    sqlite.pragma('busy_timeout = 0');
    try {
      statement.run(now, keyId);
      written.set(keyId, now);
    } catch {
      // SQLITE_BUSY (another process is writing): the next request of this key tries again.
    } finally {
      sqlite.pragma(`busy_timeout = ${timeout}`);
    }
  };
}
