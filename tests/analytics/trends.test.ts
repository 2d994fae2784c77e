import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shareOfVoice } from '../../src/analytics/share-of-voice.js';
import { topTopics } from '../../src/analytics/top-topics.js';
import { trendSeries, type TrendQuery } from '../../src/analytics/trends.js';
import { createApp } from '../../src/api/app.js';
import { ROLLUP_TABLES } from '../../src/analytics/rollup-tables.js';
import { createMentionWriter, rebuildRollupsSql, type MentionRecord } from '../../src/db/mention-writer.js';
import { ensureImportSource } from '../../src/db/sources.js';
import { tempEarshot } from '../helpers/temp-earshot.js';
import { TREND_TEST_CONFIG } from '../helpers/trend-config.js';
import { authHeaders } from '../helpers/api-keys.js';

const earshot = tempEarshot(TREND_TEST_CONFIG);
const H = 3_600_000;
const T0 = Date.UTC(2024, 2, 4); // a Monday

function rec(i: number, at: number, over: Partial<MentionRecord> = {}): MentionRecord {
  return {
    sourceId: 1, externalId: `e${i}`, url: null, author: null, title: null, text: `t${i}`, lang: 'en', publishedAt: at, fetchedAt: at,
    rating: null, nps: null, csat: null, ces: null, contentHash: `h${i}`, sentimentScore: null, sentimentLabel: null, sentimentNote: null,
    sentences: '[]', metadata: null, topics: [], brands: [], rollupTopics: [], ...over,
  };
}
const topic = (...ids: string[]) => ({
  topics: ids.map((id) => ({ id, terms: [id], score: null, label: null })),
  rollupTopics: [...new Set(ids.flatMap((id) => (id === 'late-delivery' ? [id, 'delivery'] : [id])))],
});

beforeAll(() => {
  const reviews = ensureImportSource(earshot.store.db, 'reviews').id;
  const survey = ensureImportSource(earshot.store.db, 'survey').id;
  const records: MentionRecord[] = [];
  // Week 1: 1 price mention; week 2: 3 (1 → 3 must not be "rising"). Delivery: 10 → 30.
  let i = 0;
  records.push(rec(i++, T0 + 5 * H, { sourceId: reviews, ...topic('price'), brands: ['acme'], rating: 5, sentimentLabel: 'positive', sentimentScore: 0.8 }));
  for (let k = 0; k < 3; k++) records.push(rec(i++, T0 + 7 * 24 * H + k * H, { sourceId: reviews, ...topic('price'), brands: ['globex'], rating: 2, sentimentLabel: 'negative', sentimentScore: -0.6 }));
  for (let k = 0; k < 10; k++) records.push(rec(i++, T0 + 30 * H + k * H, { sourceId: reviews, ...topic('late-delivery'), brands: ['acme'], rating: 4, sentimentLabel: 'neutral', sentimentScore: 0 }));
  for (let k = 0; k < 30; k++) records.push(rec(i++, T0 + 8 * 24 * H + k * H, { sourceId: reviews, ...topic('delivery', 'late-delivery'), brands: ['acme'], rating: 1, sentimentLabel: 'negative', sentimentScore: -0.9, contentHash: k % 2 ? 'dup' : `h${i}` }));
  // Survey answers in week 2: NPS 10, 9, 7, 3 → (2 − 1) / 4 = 25; CLI of the first = (10 + 8 + 6) / 3.
  const answers = [10, 9, 7, 3];
  answers.forEach((nps, k) => records.push(rec(i++, T0 + 9 * 24 * H + k * H, {
    sourceId: survey, nps, csat: k < 3 ? 5 : 2, ces: 2 + k, lang: k === 3 ? 'fr' : 'en',
    metadata: k === 0 ? JSON.stringify({ repurchase: '8', try_other: 6 }) : null,
  })));
  earshot.store.sqlite.transaction(() => createMentionWriter(earshot.store.sqlite).insertAll(records))();
});
afterAll(() => earshot.cleanup());

const week = { metric: 'all' as const, bucket: 'week' as const, tz: 'UTC', from: T0, to: T0 + 14 * 24 * H };

describe('trend metrics from the rollups', () => {
  it('answers every metric per bucket; NPS without responses is null', () => {
    const { points } = trendSeries(earshot.store.db, week);
    expect(points[0]).toMatchObject({ volume: 11, nps: null, npsResponses: 0, rating: 4.0909, csat: 1, net: 0.0909 });
    expect(points[1]).toMatchObject({ volume: 37, unique: 23, npsResponses: 4, promoters: 2, detractors: 1, nps: 25, cli: 8, cliResponses: 1, ces: 3.5 });
    // CSAT: 3 satisfied surveys of 4 plus 0 of 33 ratings ≤ 2.
    expect(points[1]!.csat).toBe(0.0811);
  });

  it('gives each value the previous period with delta and percent', () => {
    const answer = trendSeries(earshot.store.db, { ...week, from: T0 + 7 * 24 * H, compare: true });
    expect(answer.points[0]!.previous!.volume).toEqual({ value: 11, delta: 26, percent: 236.3636 });
    expect(answer.summary!.previous.nps).toEqual({ value: null, delta: null, percent: null });
    expect(answer.summary!.previousFrom).toBe('2024-03-04T00:00:00.000Z');
  });

  it('answers exactly what GROUP BY over the mentions answers, for every filter', () => {
    const cases: Partial<TrendQuery>[] = [
      {}, { topic: 'delivery' }, { topic: 'late-delivery', brand: 'acme' }, { lang: 'fr' }, { sourceIds: [2] },
      { tz: 'America/Los_Angeles', bucket: 'day' }, { bucket: 'hour', from: T0, to: T0 + 48 * H }, { compare: true, bucket: 'day' },
    ];
    for (const c of cases) {
      const q = { ...week, ...c };
      const fromRollups = trendSeries(earshot.store.db, q);
      expect(fromRollups.computedFrom).toBe('rollups');
      expect({ ...trendSeries(earshot.store.db, { ...q, countSource: 'mentions' }), computedFrom: 'rollups' }).toEqual(fromRollups);
    }
  });

  it('answers every metric under a sentiment filter from the mentions', () => {
    const negative = trendSeries(earshot.store.db, { ...week, sentiment: 'negative' });
    expect(negative.computedFrom).toBe('mentions');
    expect(negative.points.map((p) => p.volume)).toEqual([0, 33]);
  });

  it('answers a rating filter from the rating rollups, exactly as from the mentions', () => {
    const rated = trendSeries(earshot.store.db, { ...week, rating: [4, 5] });
    expect(rated.computedFrom).toBe('rollups');
    expect(rated.points.map((p) => p.volume)).toEqual([11, 0]);
    expect(rated.points[0]).toMatchObject({ rating: 4.0909, csat: 1 });
    const queries: TrendQuery[] = [
      { ...week, rating: [1, 2], compare: true },
      { ...week, rating: [1], brand: 'acme', topic: 'delivery' },
      { ...week, metric: 'volume', bucket: 'day', rating: [1, 2], sentiment: 'negative' },
      { ...week, bucket: 'day', tz: 'America/New_York', rating: [2, 4] },
      { ...week, rating: [3] },
      // With a source or language filter as well: the rating × source × language rollups.
      { ...week, rating: [1], lang: 'en' },
      { ...week, rating: [1, 5], sourceIds: [1] },
      { ...week, metric: 'volume', bucket: 'day', rating: [4, 5], sourceIds: [1], lang: 'en', brand: 'acme' },
    ];
    for (const q of queries) {
      const fromRollups = trendSeries(earshot.store.db, q);
      expect(fromRollups.computedFrom).toBe('rollups');
      expect({ ...trendSeries(earshot.store.db, { ...q, countSource: 'mentions' }), computedFrom: 'rollups' }).toEqual(fromRollups);
    }
    expect(trendSeries(earshot.store.db, { ...queries[1]!, metric: 'volume' }).points.map((p) => p.volume)).toEqual([0, 30]);
    expect(trendSeries(earshot.store.db, { ...week, rating: [4, 5], lang: 'en' }).points.map((p) => p.volume)).not.toEqual([0, 0]);
  });

  it('rebuilds every hour and UTC-day rollup table (each family, rating too) from the mentions exactly as the writer counts', () => {
    // Real-valued sums are compared to 9 decimals: the writer and SQLite add them in another order.
    // (Local days are filled from hours: tests/analytics/local-days.test.ts.)
    const dump = () =>
      ROLLUP_TABLES.filter((t) => t.width !== 'local').map((t) =>
        (earshot.store.sqlite.prepare(`SELECT * FROM ${t.name} ORDER BY ${t.keys.join(', ')}`).all() as Record<string, unknown>[]).map((row) =>
          Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'number' ? Math.round(v * 1e9) / 1e9 : v])),
        ),
      );
    const written = dump();
    expect(written.every((rows) => rows.length > 0)).toBe(true);
    for (const statement of rebuildRollupsSql()) earshot.store.sqlite.exec(statement);
    expect(dump()).toEqual(written);
    // A day table holds the sums of its hours.
    const sum = (table: string) => (earshot.store.sqlite.prepare(`SELECT sum(volume) AS n, sum(negative) AS neg FROM ${table} WHERE brand = 'acme'`).get());
    expect(sum('rollups_all_day')).toEqual(sum('rollups_all'));
    expect(sum('rollups_lang_day')).toEqual(sum('rollups'));
  });
});

describe('top and rising topics, share of voice', () => {
  it('lists top topics and only significant rises', () => {
    const answer = topTopics(earshot.store.db, { tz: 'UTC', from: T0 + 7 * 24 * H, to: T0 + 14 * 24 * H, limit: 10, alpha: 0.05 });
    expect(answer.top.map((t) => [t.topic, t.volume])).toEqual([['delivery', 30], ['late-delivery', 30], ['price', 3]]);
    expect(answer.top[0]!.previous.volume).toEqual({ value: 10, delta: 20, percent: 200 });
    expect(answer.rising.map((t) => t.topic)).toEqual(['delivery', 'late-delivery']); // price 1 → 3 is not significant
    // The data begins at 05:00 on the first day of the previous week: tested against that rate, and said.
    expect(answer.risingBasis).toBe('partial-previous-period');
    expect(answer.risingNote).toMatch(/begins at 2024-03-04T05:00:00.000Z.*97 % of it observed/);
  });

  it('claims no rise against a previous period without data, and says so', () => {
    // The first week: its previous week is before any data, so every topic would look new.
    const first = topTopics(earshot.store.db, { tz: 'UTC', from: T0, to: T0 + 7 * 24 * H, limit: 10, alpha: 0.05 });
    expect(first.top.map((t) => [t.topic, t.volume])).toEqual([['delivery', 10], ['late-delivery', 10], ['price', 1]]);
    expect(first.rising).toEqual([]);
    expect(first.risingBasis).toBe('no-previous-data');
    expect(first.risingNote).toMatch(/no topic mentions from 2024-02-26T00:00:00.000Z to 2024-03-04T00:00:00.000Z/);
    // A day of week 2 against the day before (data all through it): judged, price 3 → 0 is no rise,
    // delivery 0 → 24 is, as a whole-period comparison.
    const day = topTopics(earshot.store.db, { tz: 'UTC', from: T0 + 8 * 24 * H, to: T0 + 9 * 24 * H, limit: 10, alpha: 0.05 });
    expect(day.risingBasis).toBe('previous-period');
    expect(day.risingNote).toBeNull();
    expect(day.rising.map((t) => [t.topic, t.previousVolume, t.volume])).toEqual([['delivery', 0, 24], ['late-delivery', 0, 24]]);
    // A gap in the data (nothing from day 2 to day 7) claims nothing either, from both paths.
    for (const countSource of [undefined, 'mentions'] as const) {
      const gap = topTopics(earshot.store.db, { tz: 'UTC', from: T0 + 7 * 24 * H, to: T0 + 10 * 24 * H, limit: 10, alpha: 0.05, countSource });
      expect(gap.top.map((t) => t.topic)).toEqual(['delivery', 'late-delivery', 'price']);
      expect(gap.risingBasis).toBe('no-previous-data');
      expect(gap.rising).toEqual([]);
    }
    // Within a topic: its subtopics only, from the rollups and from the mentions alike.
    for (const countSource of [undefined, 'mentions'] as const) {
      const within = topTopics(earshot.store.db, { tz: 'UTC', from: T0 + 7 * 24 * H, to: T0 + 14 * 24 * H, limit: 10, alpha: 0.05, topic: 'delivery', countSource });
      expect(within.top.map((t) => [t.topic, t.volume])).toEqual([['late-delivery', 30]]);
      expect(within.rising.map((t) => t.topic)).toEqual(['late-delivery']);
    }
  });

  it('splits voice between the brand and its competitors', () => {
    const answer = shareOfVoice(earshot.store.db, { bucket: 'week', tz: 'UTC', from: T0, to: T0 + 14 * 24 * H, compare: true });
    expect(answer.points[1]!.brands).toEqual({ acme: { volume: 30, share: 0.9091 }, globex: { volume: 3, share: 0.0909 } });
    expect(answer.brands.map((b) => [b.brand, b.competitor])).toEqual([['acme', false], ['globex', true]]);
  });
});

describe('trend endpoints', () => {
  it('serves metrics, topics and share of voice over HTTP', async () => {
    const app = createApp({ store: earshot.store });
    const headers = authHeaders(earshot.store, 'viewer');
    const get = async (path: string) => {
      const response = await app.request(path, { headers });
      return { status: response.status, body: (await response.json()) as any };
    };
    const nps = await get('/api/v1/trends?metric=nps&bucket=week&from=2024-03-04&to=2024-03-18&compare=previous');
    expect(nps.status).toBe(200);
    expect(nps.body.points[1]).toMatchObject({ nps: 25, npsResponses: 4, previous: { nps: { value: null } } });
    const filtered = await get('/api/v1/trends?bucket=week&from=2024-03-04&to=2024-03-18&rating=1,2&sentiment=negative');
    expect(filtered.body.points.map((p: { volume: number }) => p.volume)).toEqual([0, 33]);
    expect((await get('/api/v1/trends?rating=6')).status).toBe(400);
    const topics = await get('/api/v1/trends/topics?from=2024-03-11&to=2024-03-18');
    expect(topics.body.rising.map((t: { topic: string }) => t.topic)).toEqual(['delivery', 'late-delivery']);
    const sov = await get('/api/v1/trends/share-of-voice?bucket=week&from=2024-03-04&to=2024-03-18');
    expect(sov.body.brands.map((b: { volume: number }) => b.volume)).toEqual([41, 3]);
    const doc = await get('/api/v1/openapi.json');
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/trends', '/trends/topics', '/trends/share-of-voice']));
  });
});
