import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.js';
import { createMentionWriter, type MentionRecord } from '../../src/db/mention-writer.js';
import { ensureImportSource } from '../../src/db/sources.js';
import { authHeaders } from '../helpers/api-keys.js';
import { tempEarshot } from '../helpers/temp-earshot.js';

const earshot = tempEarshot();
afterAll(() => earshot.cleanup());
const app = createApp({ store: earshot.store, rateLimit: 100_000 });
const headers = authHeaders(earshot.store, 'admin');

type Problem = { status: number; title: string; detail: string; errors: { field: string; message: string }[]; accepted?: string[] };
const get = async (path: string) => {
  const response = await app.request(path, { headers });
  return { status: response.status, type: response.headers.get('content-type'), body: (await response.json()) as Problem & { items?: unknown[] } };
};

const source = ensureImportSource(earshot.store.db, 'feed');
const writer = createMentionWriter(earshot.store.sqlite);
function store(id: string, brands: string[]) {
  const at = Date.parse('2024-05-01T00:00:00Z');
  const m: MentionRecord = {
    sourceId: source.id, externalId: id, url: null, author: null, title: null, text: `mention ${id}`, lang: 'en',
    publishedAt: at, fetchedAt: at, rating: null, nps: null, csat: null, ces: null, contentHash: `h-${id}`,
    sentimentScore: null, sentimentLabel: null, sentimentNote: null, sentences: '[]', metadata: null, topics: [], brands, rollupTopics: [],
  };
  earshot.store.sqlite.transaction(() => writer.insertAll([m]))();
}
store('a1', ['acme']);
store('o1', ['other']);

describe('a misspelt query parameter', () => {
  it('is refused instead of answering with every mention', async () => {
    expect((await get('/api/v1/mentions?brand=acme')).body.items).toHaveLength(1);
    const typo = await get('/api/v1/mentions?brnad=acme');
    expect(typo.status).toBe(400);
    expect(typo.type).toBe('application/problem+json');
    expect(typo.body.items).toBeUndefined();
    expect(typo.body.detail).toContain("unknown query parameter 'brnad'");
    expect(typo.body.errors).toEqual([{ field: 'brnad', message: expect.stringContaining('accepted: brand, cursor, from') }]);
    expect(typo.body.accepted).toEqual(['brand', 'cursor', 'from', 'lang', 'limit', 'q', 'rating', 'ratingAgreement', 'sentiment', 'source', 'to', 'topic', 'tz']);
  });

  it('is named beside every other bad field, all in one answer', async () => {
    const answer = await get('/api/v1/mentions?limit=0&sentimnet=negative&brnad=acme');
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((e) => e.field).sort()).toEqual(['brnad', 'limit', 'sentimnet']);
    expect(answer.body.detail).toContain("unknown query parameters 'sentimnet', 'brnad'");
  });

  it('is refused by a route that takes no query parameters, saying it takes none', async () => {
    const answer = await get('/api/v1/me?verbose=1');
    expect(answer.status).toBe(400);
    expect(answer.body.accepted).toEqual([]);
    expect(answer.body.detail).toContain('accepts no query parameters');
    expect((await get('/api/v1/me')).status).toBe(200);
  });

  it('is refused by the public OpenAPI document and docs page too', async () => {
    for (const path of ['/api/v1/openapi.json?format=yaml', '/api/v1/docs?x=1', '/api/v1/docs/init.js?v=2']) {
      const response = await app.request(path);
      expect(response.status, path).toBe(400);
      expect(((await response.json()) as Problem).errors[0]!.field).toMatch(/format|x|v/);
    }
    expect((await app.request('/api/v1/openapi.json')).status).toBe(200);
  });

  it('every operation of the OpenAPI document declares the 400 it can answer, with the accepted list in its schema', async () => {
    const served = (await (await app.request('/api/v1/openapi.json')).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
      components: { schemas: Record<string, { properties: Record<string, unknown> }> };
    };
    const operations = Object.entries(served.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ name: `${method} ${path}`, op })));
    expect(operations.length).toBeGreaterThan(20);
    for (const { name, op } of operations) expect(Object.keys(op.responses), name).toContain('400');
    expect(served.components.schemas.Problem!.properties).toHaveProperty('accepted');
  });
});
