import { afterAll, describe, expect, it } from 'vitest';
import { listAlerts, type AlertCursor } from '../../src/db/alerts.js';
import { listMentions, PROBE_ROWS_PER_ROW, type MentionFilter, type MentionPageCursor } from '../../src/db/mention-queries.js';
import { createMentionWriter, type MentionRecord } from '../../src/db/mention-writer.js';
import { ensureImportSource } from '../../src/db/sources.js';
import { tempEarshot } from '../helpers/temp-earshot.js';

/**
 * Brand and topic pages take one of three paths (a rare link read through the link table, a probe
 * of the newest rows, a probe topped up by the general plan past its window): whichever is taken,
 * a cursor walk must list exactly the matching mentions, newest first, ties broken by id.
 */
const earshot = tempEarshot(`
brands:
  - { id: big, name: Big, include: [Big] }
  - { id: rare, name: Rare, include: [Rare] }
  - { id: fading, name: Fading, include: [Fading] }
  - { id: gone, name: Gone, include: [Gone] }
topics:
  - { id: delivery, name: Delivery, terms: [delivery] }
  - { id: late, name: Late, parent: delivery, terms: [late] }
  - { id: lost, name: Lost, parent: delivery, terms: [lost] }
  - { id: price, name: Price, terms: [price] }
`);
afterAll(() => earshot.cleanup());
const { db, sqlite } = earshot.store;
const source = ensureImportSource(db, 'feed');
const writer = createMentionWriter(sqlite);

const LIMIT = 20;
const WINDOW = (LIMIT + 1) * PROBE_ROWS_PER_ROW; // rows a probe reads for a page of LIMIT
const TOTAL = WINDOW * 3;
const T0 = Date.parse('2024-01-01T00:00:00Z');
const MINUTE = 60_000;

let seed = 3;
const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
const records: MentionRecord[] = [];
for (let i = 0; i < TOTAL; i++) {
  // Rows land mostly in time order; every 7th is backfilled earlier, and instants repeat (ties).
  const at = i % 7 === 0 ? T0 + Math.floor(rand() * i) * MINUTE : T0 + Math.floor(i / 2) * MINUTE;
  // The older half, not backfilled: rows that can never be among the newest WINDOW.
  const old = i < TOTAL / 2 && i % 7 !== 0;
  const brands = [
    rand() < 0.5 ? 'big' : undefined,
    i % 97 === 0 ? 'rare' : undefined, // a few dozen rows: fewer than a probe window
    // More link rows than a window, but only a handful among the newest: the probe tops up.
    (old && rand() < 0.9) || i % 300 === 0 ? 'fading' : undefined,
    old && rand() < 0.9 ? 'gone' : undefined, // common, but none among the newest
  ].filter((b): b is string => b !== undefined);
  const topics = rand() < 0.3 ? ['late'] : rand() < 0.3 ? ['lost', 'price'] : rand() < 0.2 ? ['price'] : [];
  records.push({
    sourceId: source.id, externalId: `m${i}`, url: null, author: null, title: null, text: `mention ${i}`, lang: i % 3 ? 'en' : 'fr',
    publishedAt: at, fetchedAt: at, rating: null, nps: null, csat: null, ces: null, contentHash: `h${i}`,
    sentimentScore: null, sentimentLabel: i % 4 === 0 ? 'negative' : 'positive', sentimentNote: null, sentences: '[]', metadata: null,
    topics: topics.map((id) => ({ id, terms: [id], score: null, label: null })), brands,
    rollupTopics: [...new Set(topics.flatMap((t) => (t === 'price' ? [t] : [t, 'delivery'])))],
  });
}
sqlite.transaction(() => writer.insertAll(records))();

/** The answer worked out from the stored rows in plain code: every match, newest first, ties by id. */
function expected(filter: MentionFilter): string[] {
  const rows = sqlite.prepare('SELECT id, external_id AS externalId, published_at AS at, lang, sentiment_label AS label FROM mentions').all() as
    { id: number; externalId: string; at: number; lang: string; label: string }[];
  const links = (table: string, column: string) => {
    const map = new Map<number, Set<string>>();
    for (const r of sqlite.prepare(`SELECT mention_id AS id, ${column} AS v FROM ${table}`).all() as { id: number; v: string }[]) {
      map.set(r.id, (map.get(r.id) ?? new Set()).add(r.v));
    }
    return map;
  };
  const brands = links('mention_brands', 'brand_id');
  const topics = links('mention_topics', 'topic_id');
  const wanted = filter.topic === 'delivery' ? ['delivery', 'late', 'lost'] : [filter.topic];
  return rows
    .filter((r) => !filter.brand || brands.get(r.id)?.has(filter.brand))
    .filter((r) => !filter.topic || wanted.some((t) => topics.get(r.id)?.has(t!)))
    .filter((r) => !filter.lang || r.lang === filter.lang)
    .filter((r) => !filter.sentiment || r.label === filter.sentiment)
    .filter((r) => filter.from === undefined || r.at >= filter.from)
    .filter((r) => filter.to === undefined || r.at < filter.to)
    .sort((a, b) => b.at - a.at || b.id - a.id)
    .map((r) => r.externalId);
}

function walk(filter: MentionFilter, limit = LIMIT): { ids: string[]; pages: number } {
  const ids: string[] = [];
  let pages = 0;
  let after: MentionPageCursor | undefined;
  for (;;) {
    const page = listMentions(db, filter, limit, after);
    pages++;
    expect(page.items.length, `page ${pages}`).toBeLessThanOrEqual(limit);
    ids.push(...page.items.map((m) => m.externalId));
    if (!page.next) break;
    expect(page.items).toHaveLength(limit);
    after = page.next;
  }
  return { ids, pages };
}

const FILTERS: [string, MentionFilter][] = [
  ['a common brand (probe fills every page)', { brand: 'big' }],
  ['a rare brand (read through the link table)', { brand: 'rare' }],
  ['a brand sparse among the newest rows (probe topped up past its window)', { brand: 'fading' }],
  ['a common brand absent from the newest rows', { brand: 'gone' }],
  ['a parent topic with its subtopics', { topic: 'delivery' }],
  ['a topic with a brand', { topic: 'price', brand: 'big' }],
  ['a rare brand with a topic', { topic: 'late', brand: 'rare' }],
  ['a brand with language and sentiment', { brand: 'big', lang: 'fr', sentiment: 'negative' }],
  ['a brand within dates', { brand: 'fading', from: T0 + 200 * MINUTE, to: T0 + 1_500 * MINUTE }],
  ['no filter', {}],
];

describe('brand and topic pages of /mentions', () => {
  it.each(FILTERS)('%s: a cursor walk lists exactly the matches, newest first, once each', (_name, filter) => {
    const want = expected(filter);
    expect(want.length).toBeGreaterThan(0);
    const { ids } = walk(filter);
    expect(ids).toEqual(want);
  });

  it('gives the same first page at every page size, up to the largest the API allows', () => {
    for (const filter of [{ brand: 'fading' }, { brand: 'gone' }, { topic: 'lost' }]) {
      const want = expected(filter);
      for (const limit of [1, 7, 50, 500]) expect(listMentions(db, filter, limit).items.map((m) => m.externalId)).toEqual(want.slice(0, limit));
    }
  });

  it('carries each mention whole (source, brands, topics), as the unfiltered list does', () => {
    const [first] = listMentions(db, { brand: 'fading' }, 1).items;
    const same = listMentions(db, {}, 2000).items.find((m) => m.id === first!.id);
    expect(first).toEqual(same);
    expect(first!.source).toBe('feed');
    expect(first!.brands).toContain('fading');
  });

  it('shows a mention stored mid-walk only if it sorts after the cursor', () => {
    const first = listMentions(db, { brand: 'big' }, LIMIT);
    const cursorAt = first.next!.publishedAt;
    const extra = (id: string, at: number): MentionRecord => ({ ...records[0]!, externalId: id, contentHash: `x-${id}`, publishedAt: at, fetchedAt: at, brands: ['big'] });
    sqlite.transaction(() => writer.insertAll([extra('newer', cursorAt + 1), extra('older', cursorAt - 1)]))();
    const rest = walk({ brand: 'big' }).ids;
    const second = listMentions(db, { brand: 'big' }, LIMIT, first.next!).items.map((m) => m.externalId);
    expect(second).not.toContain('newer');
    expect(rest.slice(0, LIMIT + 1)).toContain('newer');
    expect(rest.slice(LIMIT + 1)).toContain('older');
    expect(rest).toEqual(expected({ brand: 'big' }));
  });
});

describe('the alerts list cursor', () => {
  it('pages through alerts sharing a bucket in (bucket start, id) order, none repeated or skipped', () => {
    const add = sqlite.prepare(
      `INSERT INTO alerts (kind, brand, topic, source_id, bucket_start, bucket_end, observed, expected, score, sensitivity, explanation, status, rule, created_at, updated_at)
       VALUES ('volume_spike', ?, '*', 0, ?, ?, 5, 1, 3, 'balanced', '{}', 'open', '', 0, 0)`,
    );
    for (let i = 0; i < 25; i++) add.run(`b${i % 5}`, T0 + Math.floor(i / 5) * 3_600_000, T0 + (Math.floor(i / 5) + 1) * 3_600_000);
    const all = listAlerts(db, {}, 500).items.map((a) => a.id);
    expect(all).toHaveLength(25);
    const seen: number[] = [];
    let after: AlertCursor | undefined;
    do {
      const page = listAlerts(db, {}, 3, after);
      seen.push(...page.items.map((a) => a.id));
      after = page.next ?? undefined;
    } while (after);
    expect(seen).toEqual(all);
    const rows = sqlite.prepare('SELECT id, bucket_start AS b FROM alerts').all() as { id: number; b: number }[];
    expect(seen).toEqual(rows.sort((x, y) => y.b - x.b || y.id - x.id).map((r) => r.id));
  });
});
