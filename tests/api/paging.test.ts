import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.js';
import { insertAlert, type NewAlert } from '../../src/db/alerts.js';
import { createMentionWriter, type MentionRecord } from '../../src/db/mention-writer.js';
import { ensureImportSource } from '../../src/db/sources.js';
import { authHeaders } from '../helpers/api-keys.js';
import { tempEarshot } from '../helpers/temp-earshot.js';

const earshot = tempEarshot();
afterAll(() => earshot.cleanup());
const app = createApp({ store: earshot.store, rateLimit: 100_000 });
const headers = authHeaders(earshot.store, 'analyst');
const get = async (path: string) => (await (await app.request(path, { headers })).json()) as { items: any[]; nextCursor: string | null };

const source = ensureImportSource(earshot.store.db, 'feed');
const writer = createMentionWriter(earshot.store.sqlite);
const T = Date.parse('2024-05-01T00:00:00Z');
const HOUR = 3_600_000;
function store(id: string, at: number) {
  const m: MentionRecord = {
    sourceId: source.id, externalId: id, url: null, author: null, title: null, text: `mention ${id}`, lang: 'en',
    publishedAt: at, fetchedAt: at, rating: null, nps: null, csat: null, ces: null, contentHash: `h-${id}`,
    sentimentScore: null, sentimentLabel: null, sentimentNote: null, sentences: '[]', metadata: null, topics: [], brands: [], rollupTopics: [],
  };
  earshot.store.sqlite.transaction(() => writer.insertAll([m]))();
}

describe('cursor paging while new rows arrive', () => {
  it('mentions: no row repeats or goes missing; a row stored mid-walk shows up only if it sorts after the cursor', async () => {
    // Ten mentions, hours 0..9; hours 4 and 5 have two mentions each at the same instant (ties broken by id).
    for (let h = 0; h < 10; h++) store(`m${h}`, T + h * HOUR);
    store('m4b', T + 4 * HOUR);
    store('m5b', T + 5 * HOUR);
    const before = (await get('/api/v1/mentions?limit=500')).items.map((m) => m.externalId);
    expect(before).toEqual(['m9', 'm8', 'm7', 'm6', 'm5b', 'm5', 'm4b', 'm4', 'm3', 'm2', 'm1', 'm0']);

    const seen: string[] = [];
    let page = await get('/api/v1/mentions?limit=5');
    seen.push(...page.items.map((m) => m.externalId)); // m9 … m5b; the cursor sits on m5b
    store('newest', T + 20 * HOUR); // sorts before the walk's position: a new walk sees it
    store('tie-5', T + 5 * HOUR); // same instant as the cursor row, larger id: sorts before it
    store('late-old', T + 2.5 * HOUR); // a backfilled old post: sorts after the cursor
    page = await get(`/api/v1/mentions?limit=5&cursor=${page.nextCursor}`);
    seen.push(...page.items.map((m) => m.externalId));
    store('older-still', T - HOUR);
    while (page.nextCursor) {
      page = await get(`/api/v1/mentions?limit=5&cursor=${page.nextCursor}`);
      seen.push(...page.items.map((m) => m.externalId));
    }
    expect(seen).toEqual(['m9', 'm8', 'm7', 'm6', 'm5b', 'm5', 'm4b', 'm4', 'm3', 'late-old', 'm2', 'm1', 'm0', 'older-still']);
    expect(new Set(seen).size).toBe(seen.length);
    expect((await get('/api/v1/mentions?limit=3')).items.map((m) => m.externalId)).toEqual(['newest', 'm9', 'm8']);
  });

  it('alerts: the same, on (bucket start, id)', async () => {
    const alert = (hour: number, topic: string): NewAlert => ({
      kind: 'volume_spike', brand: 'acme', topic, sourceId: 0, bucketStart: T + hour * HOUR, bucketEnd: T + (hour + 1) * HOUR,
      observed: 10, expected: 2, score: 5, sensitivity: 'balanced', explanation: { summary: `hour ${hour}` },
    });
    for (let h = 0; h < 6; h++) insertAlert(earshot.store.db, alert(h, 'a'), 1);
    insertAlert(earshot.store.db, alert(3, 'b'), 1);
    const walk: string[] = [];
    let page = await get('/api/v1/alerts?limit=3');
    walk.push(...page.items.map((a) => `${a.topic}${a.explanation.summary.slice(5)}`)); // a5 a4 b3
    insertAlert(earshot.store.db, alert(9, 'new'), 1);
    insertAlert(earshot.store.db, alert(3, 'c'), 1); // same bucket as the cursor row, larger id
    insertAlert(earshot.store.db, alert(1, 'late'), 1);
    while (page.nextCursor) {
      page = await get(`/api/v1/alerts?limit=3&cursor=${page.nextCursor}`);
      walk.push(...page.items.map((a) => `${a.topic}${a.explanation.summary.slice(5)}`));
    }
    expect(walk).toEqual(['a5', 'a4', 'b3', 'a3', 'a2', 'late1', 'a1', 'a0']);
  });
});
