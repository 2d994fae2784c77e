import { afterAll, describe, expect, it } from 'vitest';
import { compileTaxonomy } from '../../src/nlp/taxonomy.js';
import { createRecordBuilder } from '../../src/ingest/record-pool.js';
import { retag } from '../../src/ingest/retag.js';
import { ensureImportSource } from '../../src/db/sources.js';
import { syncConfig } from '../../src/db/sources.js';
import { configFrom, tempEarshot } from '../helpers/temp-earshot.js';

const zones = 'trends: { zones: [America/Los_Angeles] }';
const before = `
topics:
  - { id: delivery, name: Delivery, terms: [delivery] }
${zones}
`;
const after = `
topics:
  - { id: delivery, name: Delivery, terms: [delivery, parcel, courier] }
  - { id: late, name: Late delivery, parent: delivery, phrases: [never arrived] }
${zones}
`;
// Los Angeles' days, as local-day rollups: 1 February starts at 08:00 UTC.
const laDay = (topic: string) =>
  `SELECT coalesce(sum(volume), 0) FROM rollups_all_local WHERE zone = 'America/Los_Angeles' AND brand = '*' AND topic = '${topic}' AND bucket = ${Date.parse('2024-02-01T08:00:00Z')}`;
const earshot = tempEarshot(before);
afterAll(() => earshot.cleanup());
const count = (sql: string) => earshot.store.sqlite.prepare(sql).pluck().get() as number;

describe('retag', () => {
  it('re-analyses history after a taxonomy change, recounts rollups, and is idempotent', async () => {
    const source = ensureImportSource(earshot.store.db, 'tickets');
    await earshot.ingestor.ingest(source.id, [
      { externalId: '1', text: 'The parcel never arrived.', publishedAt: Date.parse('2024-02-01T10:15:00Z'), brand: 'Acme' },
      { externalId: '2', text: 'Courier was rude at delivery.', publishedAt: Date.parse('2024-02-01T11:20:00Z') },
      { externalId: '3', text: 'Love it', publishedAt: Date.parse('2024-03-01T09:00:00Z') },
    ]);
    expect(count("SELECT coalesce(sum(volume), 0) FROM rollups WHERE brand = '*' AND topic = 'delivery'")).toBe(1);
    expect(count(laDay('delivery'))).toBe(1);

    const config = configFrom(after);
    syncConfig(earshot.store.db, config);
    const builder = createRecordBuilder(config, 0, compileTaxonomy(config.topics, config.brands));
    const first = await retag(earshot.store, builder, { from: Date.parse('2024-02-01'), to: Date.parse('2024-02-02') });
    expect(first).toMatchObject({ mentions: 2, topicsChanged: 1 }); // the second already had 'delivery'
    expect(count("SELECT sum(volume) FROM rollups WHERE brand = '*' AND topic = 'delivery'")).toBe(2);
    expect(count("SELECT sum(volume) FROM rollups WHERE brand = '*' AND topic = 'late'")).toBe(1);
    expect(count("SELECT sum(volume) FROM rollups_all WHERE topic = 'delivery' AND brand = '*'")).toBe(2);
    // The local days the retagged mentions fall in are recounted too.
    expect([count(laDay('delivery')), count(laDay('late')), count(laDay('*'))]).toEqual([2, 1, 2]);
    // The import column's brand survives the retag; the mention outside the range is untouched.
    expect(count("SELECT count(*) FROM mention_brands WHERE brand_id = 'acme'")).toBe(1);
    expect(count("SELECT sum(volume) FROM rollups WHERE brand = '*' AND topic = '*'")).toBe(3);

    const again = await retag(earshot.store, builder, { from: Date.parse('2024-02-01'), to: Date.parse('2024-02-02') });
    expect(again).toMatchObject({ mentions: 2, topicsChanged: 0, sentimentChanged: 0 });
    expect(count("SELECT sum(volume) FROM rollups WHERE brand = '*' AND topic = 'delivery'")).toBe(2);
  });
});
