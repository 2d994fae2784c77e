import { describe, expect, it } from 'vitest';
import { createRecordBuilder } from '../../src/ingest/record-pool.js';
import { configFrom } from '../helpers/temp-earshot.js';

const config = configFrom(`
brands: [{ id: acme, name: Acme, include: ["@acme"] }]
topics: [{ id: delivery, name: Delivery, terms: [delivery, courier] }]
`);
const items = [
  { externalId: 'a', text: '@acme the courier lost my parcel, awful delivery.', publishedAt: Date.parse('2024-05-01T10:00:00Z') },
  { externalId: 'b', text: 'Livraison parfaite, merci Acme !', publishedAt: Date.parse('2024-05-01T11:00:00Z'), langHint: 'fr' },
  { externalId: 'c', text: 'Great product. Terrible delivery. Would still buy again!', title: 'Mixed', metadata: { country: 'nl' } },
];

describe('record builder', () => {
  it('gives the same records from worker threads as on the main thread', async () => {
    const inProcess = createRecordBuilder(config, 0);
    const pooled = createRecordBuilder(config, 2);
    try {
      const expected = await inProcess.build(7, items, 1_700_000_000_000);
      const [first, second] = await Promise.all([
        pooled.build(7, items.slice(0, 2), 1_700_000_000_000),
        pooled.build(7, items.slice(2), 1_700_000_000_000),
      ]);
      expect([...first, ...second]).toEqual(expected);
      expect(expected[0]).toMatchObject({ brands: ['acme'], rollupTopics: ['delivery'], sentimentLabel: 'negative' });
      expect(JSON.parse(expected[0]!.entities!)).toMatchObject({ mentions: ['@acme'] });
      expect(expected[2]!.entities).toBeNull();
      expect(expected[1]).toMatchObject({ lang: 'fr', sentimentLabel: 'positive' });
      expect(expected[2]!.publishedAt).toBe(1_700_000_000_000);
    } finally {
      await pooled.close();
    }
  });

  it('fails a job whose worker cannot analyse it, and keeps working for the next', async () => {
    const pooled = createRecordBuilder(config, 1);
    try {
      const poison = [{ externalId: 'x', text: null as unknown as string }];
      await expect(pooled.build(1, poison, 0)).rejects.toThrow(/analysis failed/);
      const [record] = await pooled.build(1, [items[0]!], 0);
      expect(record!.externalId).toBe('a');
    } finally {
      await pooled.close();
    }
  });
});
