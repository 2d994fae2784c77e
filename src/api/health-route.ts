import { Hono } from 'hono';
import type { OpenDb } from '../db/client.js';
import { lastRuns, listSources } from '../db/sources.js';
import { runToJson } from './run-json.js';

/** Liveness for load balancers and people: is the database answering, how did each source last run. */
export function healthApi(store: OpenDb) {
  return new Hono().get('/health', (c) => {
    try {
      store.sqlite.prepare('SELECT 1').get();
    } catch (error) {
      return c.json({ status: 'unavailable', database: { ok: false, error: (error as Error).message } }, 503);
    }
    const latest = lastRuns(store.db);
    const sources = listSources(store.db).map((s) => {
      const run = latest.get(s.id);
      return {
        name: s.name,
        kind: s.kind,
        enabled: s.enabled,
        lastRun: runToJson(run),
      };
    });
    return c.json({ status: 'ok', database: { ok: true, path: store.path }, sources });
  });
}
