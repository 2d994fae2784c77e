import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.js';
import { evaluateAgainstLabels } from '../../src/analytics/label-eval.js';
import { ensureImportSource } from '../../src/db/sources.js';
import { authHeaders } from '../helpers/api-keys.js';
import { tempEarshot } from '../helpers/temp-earshot.js';

const earshot = tempEarshot(`
topics:
  - { id: delivery, name: Delivery, terms: [delivery, parcel] }
  - { id: price, name: Price, terms: [price, expensive] }
`);
const app = createApp({ store: earshot.store });
const auth = authHeaders(earshot.store, 'analyst');
let ids: Record<string, number> = {};

beforeAll(async () => {
  const source = ensureImportSource(earshot.store.db, 'survey');
  await earshot.ingestor.ingest(source.id, [
    { externalId: 'a', text: 'The parcel arrived on time, wonderful service.', publishedAt: Date.parse('2024-01-01') },
    { externalId: 'b', text: 'Way too expensive for what it is, terrible.', publishedAt: Date.parse('2024-01-02') },
    { externalId: 'c', text: 'Het pakket kwam niet aan, slechte service.', publishedAt: Date.parse('2024-01-03') },
  ]);
  ids = Object.fromEntries(
    (earshot.store.sqlite.prepare('SELECT external_id, id FROM mentions').all() as { external_id: string; id: number }[]).map((r) => [r.external_id, r.id]),
  );
});
afterAll(() => earshot.cleanup());

const put = (id: number | string, body: unknown) =>
  app.request(`/api/v1/mentions/${id}/labels`, { method: 'PUT', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('PUT /api/v1/mentions/:id/labels', () => {
  it("stores a correction apart from the machine's answer and shows both", async () => {
    const response = await put(ids.b!, { sentiment: 'negative', topics: ['price'] });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ mentionId: ids.b, sentiment: 'negative', topics: ['price'] });
    const list = (await (await app.request('/api/v1/mentions?q=expensive', { headers: auth })).json()) as { items: any[] };
    expect(list.items[0].labels).toEqual({ sentiment: 'negative', topics: ['price'] });
    expect(list.items[0].sentiment.label).toBe('negative'); // the machine's own answer is kept as it was
  });

  it('changes only the fields given; null clears one', async () => {
    await put(ids.a!, { sentiment: 'neutral', topics: ['delivery'] });
    const res = await put(ids.a!, { sentiment: 'positive' });
    expect(await res.json()).toMatchObject({ sentiment: 'positive', topics: ['delivery'] });
    const cleared = await put(ids.a!, { topics: null });
    expect(await cleared.json()).toMatchObject({ sentiment: 'positive', topics: null });
  });

  it('refuses unknown topics, bad labels, empty bodies and unknown mentions as problem+json', async () => {
    const unknownTopic = await put(ids.a!, { topics: ['weather'] });
    expect(unknownTopic.status).toBe(400);
    expect(((await unknownTopic.json()) as { detail: string }).detail).toContain("unknown topic 'weather'");
    expect((await put(ids.a!, { sentiment: 'furious' })).status).toBe(400);
    expect((await put(ids.a!, {})).status).toBe(400);
    const missing = await put(999_999, { sentiment: 'negative' });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toBe('application/problem+json');
  });
});

describe('evaluation against corrections', () => {
  it('reports sentiment accuracy and topic precision/recall per language', async () => {
    await put(ids.c!, { sentiment: 'negative', topics: ['delivery'] });
    const report = evaluateAgainstLabels(earshot.store.sqlite);
    const en = report.find((r) => r.lang === 'en')!;
    expect(en.sentimentLabelled).toBe(2);
    expect(en.sentimentAccuracy).toBe(1);
    expect(en.topicsLabelled).toBe(1);
    expect(en).toMatchObject({ topicPrecision: 1, topicRecall: 1 });
    const nl = report.find((r) => r.lang === 'nl')!;
    expect(nl.sentimentLabelled).toBe(1);
    // Dutch sentiment is right; "pakket" is not a configured term, so the topic is missed.
    expect(nl).toMatchObject({ sentimentAccuracy: 1, topicRecall: 0 });
  });
});
