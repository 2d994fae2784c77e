import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.js';
import { ensureImportSource } from '../../src/db/sources.js';
import { makeKey } from '../helpers/api-keys.js';
import { tempEarshot } from '../helpers/temp-earshot.js';

const earshot = tempEarshot('');
const app = createApp({ store: earshot.store });
const analyst = makeKey(earshot.store, 'analyst');
const ids: Record<string, number> = {};
const get = async (path: string, key = analyst) => {
  const response = await app.request(`/api/v1${path}`, { headers: { authorization: `Bearer ${key}` } });
  return { status: response.status, type: response.headers.get('content-type'), body: (await response.json()) as any };
};

beforeAll(async () => {
  const source = ensureImportSource(earshot.store.db, 'support');
  await earshot.ingestor.ingest(source.id, [
    { externalId: 'neg', text: 'Still no refund after three weeks on hold. Useless.', publishedAt: Date.parse('2024-03-01') },
    { externalId: 'pos', title: 'Great crew', text: 'The flight was lovely and the staff were wonderful.', publishedAt: Date.parse('2024-03-02') },
    { externalId: 'ja', text: 'フライトは遅れましたが、スタッフは親切でした。', publishedAt: Date.parse('2024-03-03') },
  ]);
  for (const row of earshot.store.sqlite.prepare('SELECT external_id, id FROM mentions').all() as { external_id: string; id: number }[]) {
    ids[row.external_id] = row.id;
  }
});
afterAll(() => earshot.cleanup());

describe('GET /api/v1/mentions/explanations', () => {
  it('gives the words that drove each stored label, strongest first', async () => {
    const { status, body } = await get(`/mentions/explanations?ids=${ids.neg},${ids.pos}`);
    expect(status).toBe(200);
    const [neg, pos] = [ids.neg, ids.pos].map((id) => body.items.find((e: { id: number }) => e.id === id));
    expect(neg.sentiment.label).toBe('negative');
    expect(neg.matchesStored).toBe(true);
    expect(neg.words.length).toBeGreaterThan(0);
    expect(neg.words.map((w: { text: string }) => w.text).join(' ')).toMatch(/still no|on hold|useless/);
    const magnitudes = neg.words.map((w: { weight: number }) => Math.abs(w.weight));
    expect([...magnitudes].sort((a, b) => b - a)).toEqual(magnitudes);
    expect(pos.sentiment.label).toBe('positive');
    expect(pos.words.some((w: { text: string; weight: number }) => /lovely|wonderful|great/.test(w.text) && w.weight > 0)).toBe(true);
  });

  it('says why a language has no sentiment, and leaves out ids that do not exist', async () => {
    const { body } = await get(`/mentions/explanations?ids=${ids.ja},999999`);
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({ id: ids.ja, sentiment: null, words: [], matchesStored: true });
    expect(body.items[0].note).toBeTypeOf('string');
  });

  it('is for analysts: a viewer key is refused, like the mentions themselves', async () => {
    const refused = await get(`/mentions/explanations?ids=${ids.neg}`, makeKey(earshot.store, 'viewer'));
    expect(refused.status).toBe(403);
  });

  it('refuses a malformed or oversized id list as problem+json', async () => {
    const bad = await get('/mentions/explanations?ids=1,abc');
    expect(bad.status).toBe(400);
    expect(bad.type).toMatch(/problem\+json/);
    expect(bad.body.errors[0].field).toBe('ids');
    const many = await get(`/mentions/explanations?ids=${Array.from({ length: 101 }, (_, i) => i + 1).join(',')}`);
    expect(many.status).toBe(400);
    expect(many.body.detail).toContain('at most 100');
  });
});
