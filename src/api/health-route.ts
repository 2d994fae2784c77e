import { Hono } from 'hono';
import type { OpenDb } from '../db/client.js';
import { lastRuns, listSources } from '../db/sources.js';

/**
 * Liveness for load balancers and people: is the database answering, how did each source last
 * run. Public (no key), so it says no more than that: error messages (which can quote URLs) and
 * the database path are in /api/v1/sources and the server's log, behind a key.
 */
export function healthApi(store: OpenDb) {
  return new Hono().get('/health', (c) => {
    try {
      store.sqlite.prepare('SELECT 1').get();
    } catch {
      return c.json({ status: 'unavailable', database: { ok: false } }, 503);
    }
    const latest = lastRuns(store.db);
    const sources = listSources(store.db).map((s) => {
      const run = latest.get(s.id);
      return {
        name: s.name,
        kind: s.kind,
        enabled: s.enabled,
        lastRun: run ? { status: run.status, finishedAt: run.finishedAt === null ? null : new Date(run.finishedAt).toISOString(), errorCode: run.errorCode } : null,
      };
    });
    return c.json({ status: 'ok', database: { ok: true }, sources });
  });
}
