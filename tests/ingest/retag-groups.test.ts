import { afterAll, describe, expect, it } from 'vitest';
import { compileTaxonomy } from '../../src/nlp/taxonomy.js';
import { createRecordBuilder } from '../../src/ingest/record-pool.js';
import { retag } from '../../src/ingest/retag.js';
import { ensureImportSource, syncConfig } from '../../src/db/sources.js';
import { configFrom, tempEarshot } from '../helpers/temp-earshot.js';

const before = `
brands: [{ id: acme, name: Acme, include: [Acme] }]
topics: [{ id: battery, name: Battery, terms: [battery] }]
`;
const after = `
brands:
  - id: acme
    name: Acme
    include: [Acme]
    handles: ["@acmehelp"]
    products: [{ id: rocket, name: Rocket, include: [Rocket X] }]
topics: [{ id: battery, name: Battery, terms: [battery, charge] }]
`;
const earshot = tempEarshot(before);
afterAll(() => earshot.cleanup());
const sql = earshot.store.sqlite;
const snapshot = () => ({
  mentions: sql.prepare('SELECT id, duplicate_of, duplicate_kind, terms FROM mentions ORDER BY id').all(),
  brands: sql.prepare('SELECT * FROM mention_brands ORDER BY 1, 2').all(),
  products: sql.prepare('SELECT * FROM mention_products ORDER BY 1, 2').all(),
  bands: sql.prepare('SELECT count(*) FROM near_duplicate_bands').pluck().get(),
  terms: sql.prepare('SELECT brand, bucket, term_id, count FROM term_counts ORDER BY 1, 2, 3').all(),
  rollups: sql.prepare('SELECT * FROM rollups_all ORDER BY brand, topic, bucket').all(),
});

describe('retag covers brands, products, terms and near-duplicate groups', () => {
  it('regroups history stored before grouping existed, records new products and handles, recounts terms; a rerun changes nothing', async () => {
    const source = ensureImportSource(earshot.store.db, 'tweets');
    const t0 = Date.parse('2024-06-01T08:00:00Z');
    const text = '@acmehelp my Rocket X will not charge after the update and the battery drains overnight';
    await earshot.ingestor.ingest(source.id, [
      { externalId: 'a', text, publishedAt: t0 },
      { externalId: 'b', text: `RT @fan: ${text}`, publishedAt: t0 + 60_000 },
      { externalId: 'c', text: text.replace('overnight', 'in an hour'), publishedAt: t0 + 120_000 },
      { externalId: 'd', text: 'Acme shipped my order fast, lovely people', publishedAt: t0 + 3_600_000 },
    ]);
    // As a database from before near-duplicates were grouped: no bands, no near groups, no terms.
    sql.exec("DELETE FROM near_duplicate_bands; UPDATE mentions SET duplicate_of = NULL, duplicate_kind = NULL, terms = NULL; DELETE FROM term_counts; DELETE FROM mention_brands WHERE brand_id = 'acme' AND mention_id IN (SELECT id FROM mentions WHERE text LIKE '%acmehelp%')");

    const config = configFrom(after);
    syncConfig(earshot.store.db, config);
    const builder = createRecordBuilder(config, 0, compileTaxonomy(config.topics, config.brands));
    const progress: [number, number][] = [];
    const first = await retag(earshot.store, builder, {}, (done, total) => progress.push([done, total]));
    expect(first).toMatchObject({ mentions: 4, duplicatesChanged: 2, brandsChanged: 3 });
    expect(progress.at(-1)).toEqual([4, 4]);

    const a = sql.prepare("SELECT id FROM mentions WHERE external_id = 'a'").pluck().get();
    expect(sql.prepare("SELECT external_id, duplicate_of, duplicate_kind FROM mentions ORDER BY id").all()).toEqual([
      { external_id: 'a', duplicate_of: null, duplicate_kind: null },
      { external_id: 'b', duplicate_of: a, duplicate_kind: 'near' },
      { external_id: 'c', duplicate_of: a, duplicate_kind: 'near' },
      { external_id: 'd', duplicate_of: null, duplicate_kind: null },
    ]);
    expect(sql.prepare("SELECT count(*) FROM mention_products WHERE product_id = 'rocket'").pluck().get()).toBe(3);
    expect(sql.prepare("SELECT sum(originals) FROM rollups_all WHERE brand = 'acme' AND topic = '*'").pluck().get()).toBe(2);
    const battery = sql.prepare("SELECT sum(c.count) FROM term_counts c JOIN terms t ON t.id = c.term_id WHERE t.term = 'battery' AND c.brand = '*'").pluck().get();
    expect(battery).toBe(1);

    const settled = snapshot();
    const again = await retag(earshot.store, builder);
    expect(again).toMatchObject({ mentions: 4, sentimentChanged: 0, topicsChanged: 0, brandsChanged: 0, duplicatesChanged: 0 });
    expect(snapshot()).toEqual(settled);
  });
});
