import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.js';
import { claimRun, ensureImportSource, findSource, updateRun } from '../../src/db/sources.js';
import { authHeaders } from '../helpers/api-keys.js';
import { tempEarshot } from '../helpers/temp-earshot.js';

const HOUR = 3_600_000;
const NOW = Date.parse('2026-03-10T12:00:00Z');
const earshot = tempEarshot(`
sources:
  - { name: lively, kind: rss, options: { url: "https://a.example.test/feed" } }
  - { name: gone-quiet, kind: rss, schedule: "0 * * * *", options: { url: "https://b.example.test/feed" } }
  - { name: failing, kind: rss, options: { url: "https://c.example.test/feed" } }
  - { name: switched-off, kind: rss, enabled: false, options: { url: "https://d.example.test/feed" } }
`);
afterAll(() => earshot.cleanup());

function recordRun(name: string, at: number, outcome: { status: 'ok' | 'failed'; inserted?: number; errorCode?: string; errorMessage?: string }) {
  const source = findSource(earshot.store.db, name)!;
  const run = claimRun(earshot.store.db, source.id, at)!;
  updateRun(earshot.store.db, run.id, { fetched: outcome.inserted ?? 0, ...outcome, finishedAt: at + 1000 });
}

describe('GET /api/v1/sources', () => {
  it('tells a quiet source from a dead one', async () => {
    earshot.store.sqlite.prepare('UPDATE sources SET created_at = ?').run(NOW - 72 * HOUR);
    recordRun('lively', NOW - 30 * HOUR, { status: 'ok', inserted: 7 });
    recordRun('lively', NOW - 2 * HOUR, { status: 'ok', inserted: 5 });
    recordRun('gone-quiet', NOW - 50 * HOUR, { status: 'ok', inserted: 3 });
    recordRun('gone-quiet', NOW - HOUR, { status: 'ok', inserted: 0 });
    recordRun('failing', NOW - HOUR, { status: 'failed', errorCode: 'HTTP', errorMessage: 'HTTP 503 from https://c.example.test/feed' });
    ensureImportSource(earshot.store.db, 'survey');

    const response = await createApp({ store: earshot.store, now: () => NOW }).request('/api/v1/sources', { headers: authHeaders(earshot.store, 'viewer') });
    expect(response.status).toBe(200);
    const { items } = (await response.json()) as { items: Record<string, any>[] };
    const byName = Object.fromEntries(items.map((s) => [s.name, s]));

    expect(byName.lively).toMatchObject({ kind: 'rss', schedule: '*/15 * * * *', itemsLast24h: 5, silent: false });
    expect(byName.lively.lastRun).toMatchObject({ status: 'ok', inserted: 5 });
    expect(byName['gone-quiet']).toMatchObject({ schedule: '0 * * * *', itemsLast24h: 0, silent: true });
    expect(byName['gone-quiet'].lastItemsAt).toBe(new Date(NOW - 50 * HOUR + 1000).toISOString());
    expect(byName.failing).toMatchObject({ silent: true, lastItemsAt: null });
    expect(byName.failing.lastRun).toMatchObject({ status: 'failed', errorCode: 'HTTP', errorMessage: 'HTTP 503 from https://c.example.test/feed' });
    expect(byName['switched-off']).toMatchObject({ enabled: false, silent: false });
    expect(byName.survey).toMatchObject({ kind: 'import', schedule: null, silent: false, expectedIntervalMs: null });
  });

  it('filters by kind, enabled and silent, and pages by name', async () => {
    const app = createApp({ store: earshot.store, now: () => NOW });
    const headers = authHeaders(earshot.store, 'viewer');
    const names = async (query: string) => ((await (await app.request(`/api/v1/sources?${query}`, { headers })).json()) as { items: { name: string }[] }).items.map((s) => s.name);
    expect(await names('silent=true')).toEqual(['failing', 'gone-quiet']);
    expect(await names('kind=import')).toEqual(['survey']);
    expect(await names('enabled=false')).toEqual(['switched-off']);
    const walk: string[] = [];
    let cursor: string | null = null;
    do {
      const page = (await (await app.request(`/api/v1/sources?limit=2${cursor ? `&cursor=${cursor}` : ''}`, { headers })).json()) as { items: { name: string }[]; nextCursor: string | null };
      walk.push(...page.items.map((s) => s.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(walk).toEqual(['failing', 'gone-quiet', 'lively', 'survey', 'switched-off']);
    expect((await app.request('/api/v1/sources?silent=maybe', { headers })).status).toBe(400);
  });
});
