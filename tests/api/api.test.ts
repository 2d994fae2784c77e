import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RawItem } from '../../src/connectors/types.js';
import { ensureImportSource } from '../../src/db/sources.js';
import { startServer, type Server } from '../../src/main.js';
import { authHeaders } from '../helpers/api-keys.js';
import { tempEarshot } from '../helpers/temp-earshot.js';

const earshot = tempEarshot(`
brands:
  - { id: acme, name: Acme, include: [acme, "@acme"] }
  - { id: globex, name: Globex, include: [globex], competitor: true }
topics:
  - { id: delivery, name: Delivery, terms: [delivery, courier] }
  - { id: late-delivery, name: Late delivery, parent: delivery, phrases: [arrived late, late delivery] }
  - { id: price, name: Price, terms: [price, expensive] }
`);
let server: Server;
let base: string;
let headers: Record<string, string>;

const at = (iso: string) => Date.parse(iso);
function item(id: string, text: string, iso: string, extra: Partial<RawItem> = {}): RawItem {
  return { externalId: id, text, publishedAt: at(iso), ...extra };
}

beforeAll(async () => {
  const reviews = ensureImportSource(earshot.store.db, 'reviews');
  const survey = ensureImportSource(earshot.store.db, 'survey');
  await earshot.ingestor.ingest(reviews.id, [
    // 07:30 UTC on the 17th is still the 16th in Los Angeles.
    item('r1', 'Acme delivery arrived late and the courier was rude. Terrible.', '2015-02-17T07:30:00Z', { rating: 1 }),
    item('r2', 'Love Acme, wonderful service and a great price!', '2015-02-17T12:00:00Z', { rating: 5 }),
    item('r3', 'Globex is too expensive.', '2015-02-19T09:00:00Z'),
    item('r4', 'Love Acme, wonderful service and a great price!', '2015-02-19T10:00:00Z'),
    item('r5', "Le colis d'Acme est arrivé en retard, c'est inadmissible.", '2015-02-19T11:00:00Z'),
  ]);
  await earshot.ingestor.ingest(survey.id, [item('s1', 'Acme delivery was fine, nothing special.', '2015-02-17T20:00:00Z', { nps: 7 })]);
  server = await startServer(earshot, 0, () => {});
  headers = authHeaders(earshot.store, 'analyst');
  base = `http://127.0.0.1:${server.port}`;
});

afterAll(async () => {
  await server.stop();
  await earshot.cleanup();
});

async function get(path: string) {
  const response = await fetch(base + path, { headers });
  const body = (await response.json()) as any;
  return { status: response.status, type: response.headers.get('content-type'), body };
}

describe('GET /health', () => {
  it('says the database answers and lists each source with its last run', async () => {
    const { status, body } = await get('/health');
    expect(status).toBe(200);
    expect(body.database.ok).toBe(true);
    expect(body.sources.map((s: { name: string }) => s.name)).toEqual(['reviews', 'survey']);
  });
});

describe('GET /api/v1/trends', () => {
  it('cuts days in the asked time zone and fills empty days with zero', async () => {
    const la = await get('/api/v1/trends?metric=volume&bucket=day&tz=America/Los_Angeles');
    expect(la.status).toBe(200);
    expect(la.body.points).toEqual([
      { start: '2015-02-16T00:00:00.000-08:00', volume: 1, unique: 1 },
      { start: '2015-02-17T00:00:00.000-08:00', volume: 2, unique: 2 },
      { start: '2015-02-18T00:00:00.000-08:00', volume: 0, unique: 0 },
      { start: '2015-02-19T00:00:00.000-08:00', volume: 3, unique: 2 },
    ]);
    const utc = await get('/api/v1/trends?metric=volume&bucket=day');
    expect(utc.body.points.map((p: { volume: number }) => p.volume)).toEqual([3, 0, 3]);
  });

  it('cuts days in half-hour zones exactly (from the mentions, not hour rollups)', async () => {
    const { body } = await get('/api/v1/trends?bucket=day&tz=Asia/Kolkata&from=2015-02-17&to=2015-02-20');
    expect(body.computedFrom).toBe('mentions');
    // 07:30Z = 13:00 IST on the 17th; 20:00Z on the 17th = 01:30 IST on the 18th.
    expect(body.points.map((p: { volume: number }) => p.volume)).toEqual([2, 1, 3]);
  });

  it('filters by brand, topic (with subtopics) and source', async () => {
    const brand = await get('/api/v1/trends?bucket=week&brand=acme&tz=UTC');
    expect(brand.body.points).toEqual([{ start: '2015-02-16T00:00:00.000Z', volume: 5, unique: 4 }]);
    const parent = await get('/api/v1/trends?bucket=week&topic=delivery');
    expect(parent.body.points[0].volume).toBe(2);
    const child = await get('/api/v1/trends?bucket=week&topic=late-delivery');
    expect(child.body.points[0].volume).toBe(1);
    const source = await get('/api/v1/trends?bucket=week&source=survey');
    expect(source.body.points[0].volume).toBe(1);
  });

  it('answers sentiment per bucket with counts, average and net sentiment', async () => {
    const { body } = await get('/api/v1/trends?metric=sentiment&bucket=day&from=2015-02-19&to=2015-02-20');
    const [day] = body.points;
    expect(day.scored).toBe(3); // the French review is scored by the multilingual analyzer
    expect(day.positive + day.neutral + day.negative).toBe(3);
    expect(day.net).toBeGreaterThanOrEqual(-1);
  });

  it('refuses bad parameters as problem+json naming each field', async () => {
    const bad = await get('/api/v1/trends?metric=vibes&bucket=fortnight&tz=Mars/Olympus&from=yesterday');
    expect(bad.status).toBe(400);
    expect(bad.type).toBe('application/problem+json');
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['bucket', 'from', 'metric', 'tz']);
    const unknown = await get('/api/v1/trends?source=nowhere');
    expect(unknown.status).toBe(400);
    expect(unknown.body.detail).toContain("no source named 'nowhere'");
    const tooMany = await get('/api/v1/trends?bucket=hour&from=1990-01-01&to=2020-01-01');
    expect(tooMany.status).toBe(400);
  });
});

describe('GET /api/v1/mentions', () => {
  it('filters by topic, brand, language, sentiment, source and text', async () => {
    const ids = async (query: string) => (await get(`/api/v1/mentions?${query}`)).body.items.map((m: { externalId: string }) => m.externalId);
    expect(await ids('topic=delivery')).toEqual(['s1', 'r1']);
    expect(await ids('topic=late-delivery')).toEqual(['r1']);
    expect(await ids('brand=globex')).toEqual(['r3']);
    expect(await ids('lang=fr')).toEqual(['r5']);
    expect(await ids('sentiment=negative&source=reviews')).toContain('r1');
    expect(await ids('q=courier rude')).toEqual(['r1']);
    expect(await ids('from=2015-02-19T00:00:00Z&to=2015-02-19T10:00:00Z')).toEqual(['r3']);
  });

  it('returns what a mention is, in ISO dates, with topics, brands and duplicates', async () => {
    const { body } = await get('/api/v1/mentions?q=wonderful');
    const [newer, older] = body.items;
    expect(newer.externalId).toBe('r4');
    expect(newer.duplicateOf).toBe(older.id);
    expect(older.publishedAt).toBe('2015-02-17T12:00:00.000Z');
    expect(older.rating).toBe(5);
    expect(older.sentiment.label).toBe('positive');
    expect(older.brands).toEqual(['acme']);
    expect(older.entities).toBeNull();
    const french = (await get('/api/v1/mentions?lang=fr')).body.items[0];
    expect(french.sentiment.label).toBe('negative');
    expect(french.sentimentNote).toBeNull();
  });

  it('pages with a cursor without skipping or repeating while new mentions arrive', async () => {
    const first = await get('/api/v1/mentions?limit=2');
    expect(first.body.items).toHaveLength(2);
    const source = ensureImportSource(earshot.store.db, 'reviews');
    await earshot.ingestor.ingest(source.id, [item('late', 'Acme again', '2015-02-18T00:00:00Z')]);
    const seen = first.body.items.map((m: { externalId: string }) => m.externalId);
    let cursor = first.body.nextCursor;
    while (cursor) {
      const page = await get(`/api/v1/mentions?limit=2&cursor=${cursor}`);
      seen.push(...page.body.items.map((m: { externalId: string }) => m.externalId));
      cursor = page.body.nextCursor;
    }
    // 'late' was stored after the first page and sorts after its cursor, so the walk reaches it.
    expect(seen).toEqual(['r5', 'r4', 'r3', 'late', 's1', 'r2', 'r1']);
    expect(new Set(seen).size).toBe(seen.length);
    const bad = await get('/api/v1/mentions?cursor=garbage');
    expect(bad.status).toBe(400);
    expect(bad.type).toBe('application/problem+json');
  });
});

describe('errors at the edge', () => {
  it('answers unknown routes as problem+json', async () => {
    const { status, type, body } = await get('/api/v1/nothing-here');
    expect(status).toBe(404);
    expect(type).toBe('application/problem+json');
    expect(body).toMatchObject({ title: 'Not found', status: 404 });
  });
});
