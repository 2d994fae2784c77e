import { afterAll, describe, expect, it } from 'vitest';
import { ensureImportSource } from '../../src/db/sources.js';
import { tempEarshot } from '../helpers/temp-earshot.js';

const earshot = tempEarshot(`
brands:
  - id: acme
    name: Acme
    handles: ["@acme"]
    products: [{ id: rocket, name: Rocket, include: [Rocket X] }]
topics: []
`);
afterAll(() => earshot.cleanup());
const sql = earshot.store.sqlite;
const at = (h: number) => Date.parse('2024-05-01T00:00:00Z') + h * 3_600_000;
const original = '@acme my Rocket X stopped charging after two days and support never answered my emails #fail';

describe('near-duplicates at ingest', () => {
  it('groups retweets and edited copies under the first voice and counts them out of unique voices', async () => {
    const source = ensureImportSource(earshot.store.db, 'tweets');
    await earshot.ingestor.ingest(source.id, [
      { externalId: '1', text: original, publishedAt: at(0) },
      { externalId: '2', text: `RT @angry_user: ${original}`, publishedAt: at(1) },
      { externalId: '3', text: original.replace('two days', 'three days') + ' https://t.co/abc', publishedAt: at(2) },
      { externalId: '4', text: '@acme my Rocket X arrived broken and the box was crushed, asking for a replacement', publishedAt: at(2) },
      // Same words a month later: a new voice, not a copy.
      { externalId: '5', text: `RT @someone: ${original}`, publishedAt: at(24 * 40) },
    ]);
    const rows = sql.prepare('SELECT external_id AS id, duplicate_of AS dup, duplicate_kind AS kind FROM mentions ORDER BY id').all() as { id: string; dup: number | null; kind: string | null }[];
    const idOf = (ext: string) => (sql.prepare('SELECT id FROM mentions WHERE external_id = ?').pluck().get(ext) as number);
    expect(rows).toEqual([
      { id: '1', dup: null, kind: null },
      { id: '2', dup: idOf('1'), kind: 'near' },
      { id: '3', dup: idOf('1'), kind: 'near' },
      { id: '4', dup: null, kind: null },
      { id: '5', dup: null, kind: null },
    ]);
    const sums = sql.prepare("SELECT sum(volume) AS volume, sum(originals) AS originals FROM rollups_all WHERE brand = '*' AND topic = '*'").get();
    expect(sums).toEqual({ volume: 5, originals: 3 });
  });

  it('shows the grouping and the products in the mentions API answer', async () => {
    const { createApp } = await import('../../src/api/app.js');
    const { authHeaders } = await import('../helpers/api-keys.js');
    const response = await createApp({ store: earshot.store }).request('/api/v1/mentions?limit=10', { headers: authHeaders(earshot.store) });
    const body = (await response.json()) as { items: { text: string; duplicateKind: string | null; products: string[] }[] };
    const retweet = body.items.find((m) => m.text.startsWith('RT @angry_user'))!;
    expect(retweet).toMatchObject({ duplicateKind: 'near', products: ['rocket'] });
  });

  it('records the products a mention names, and its brand through them', () => {
    expect(sql.prepare('SELECT count(DISTINCT mention_id) FROM mention_products WHERE product_id = ?').pluck().get('rocket')).toBe(5);
    expect(sql.prepare("SELECT count(*) FROM mention_brands WHERE brand_id = 'acme'").pluck().get()).toBe(5);
  });

  it('counts terms of original voices only, per hour and brand', () => {
    const count = (term: string, brand = '*') =>
      sql.prepare('SELECT coalesce(sum(c.count), 0) FROM term_counts c JOIN terms t ON t.id = c.term_id WHERE t.term = ? AND c.brand = ?').pluck().get(term, brand);
    expect(count('#fail')).toBe(2); // mentions 1 and 5; the copies 2 and 3 add nothing
    expect(count('product:rocket', 'acme')).toBe(3);
    expect(count('box')).toBe(1);
  });
});
