import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.js';
import { ensureImportSource } from '../../src/db/sources.js';
import { makeKey } from '../helpers/api-keys.js';
import { tempEarshot } from '../helpers/temp-earshot.js';

const earshot = tempEarshot(`
brands:
  - { id: acme, name: Acme, include: [acme] }
  - { id: globex, name: Globex, include: [globex], competitor: true }
topics:
  - { id: delivery, name: Delivery, terms: [delivery] }
  - { id: late-delivery, name: Late delivery, parent: delivery, terms: [late] }
sources:
  - { name: news, kind: rss, options: { url: "https://news.example/feed.xml" } }
`);
const app = createApp({ store: earshot.store });
const viewer = makeKey(earshot.store, 'viewer', { name: 'wall-screen' });
const get = async (path: string, key: string | null = viewer) => {
  const response = await app.request(`/api/v1${path}`, { headers: key ? { authorization: `Bearer ${key}` } : {} });
  return { status: response.status, body: (await response.json()) as any };
};

describe('GET /api/v1/catalog', () => {
  it('describes an empty store: the configured brands, topics and sources, and no span', async () => {
    const { status, body } = await get('/catalog');
    expect(status).toBe(200);
    expect(body.brands).toEqual([
      { id: 'acme', name: 'Acme', competitor: false },
      { id: 'globex', name: 'Globex', competitor: true },
    ]);
    expect(body.topics).toEqual([
      { id: 'delivery', name: 'Delivery', parent: null },
      { id: 'late-delivery', name: 'Late delivery', parent: 'delivery' },
    ]);
    expect(body.sources).toEqual([{ name: 'news', kind: 'rss', enabled: true }]);
    expect(body.languages).toEqual([]);
    expect(body.span).toBeNull();
    expect(body.caller).toEqual({ name: 'wall-screen', role: 'viewer' });
  });

  it('needs a key', async () => {
    expect((await get('/catalog', null)).status).toBe(401);
  });

  describe('with mentions', () => {
    beforeAll(async () => {
      const reviews = ensureImportSource(earshot.store.db, 'reviews');
      await earshot.ingestor.ingest(reviews.id, [
        { externalId: 'a', text: 'Acme delivery was late again, terrible.', publishedAt: Date.parse('2015-02-16T10:20:00Z'), rating: 1 },
        { externalId: 'b', text: 'Globex delivery was quick, thank you!', publishedAt: Date.parse('2015-02-17T08:00:00Z'), rating: 5 },
        { externalId: 'c', text: "La livraison d'Acme est arrivée en retard, c'est inadmissible.", publishedAt: Date.parse('2015-02-18T23:59:00Z'), langHint: 'fr' },
      ]);
    });
    afterAll(() => earshot.cleanup());

    it('lists the import source, the languages that have mentions, and spans the hours with data', async () => {
      const { body } = await get('/catalog');
      expect(body.sources).toEqual([
        { name: 'news', kind: 'rss', enabled: true },
        { name: 'reviews', kind: 'import', enabled: true },
      ]);
      expect(body.languages).toEqual(['en', 'fr']);
      expect(body.span).toEqual({ first: '2015-02-16T10:00:00.000Z', last: '2015-02-19T00:00:00.000Z' });
    });

    it('is in the OpenAPI document', async () => {
      const { body } = await get('/openapi.json');
      expect(Object.keys(body.paths)).toEqual(expect.arrayContaining(['/catalog', '/mentions/explanations']));
    });
  });
});
