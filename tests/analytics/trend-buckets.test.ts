import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bucketStarts } from '../../src/analytics/buckets.js';
import { bucketSums, rollupRanges } from '../../src/analytics/rollup-sums.js';
import { shareOfVoice } from '../../src/analytics/share-of-voice.js';
import { trendSeries, type TrendQuery } from '../../src/analytics/trends.js';
import { createMentionWriter, type MentionRecord } from '../../src/db/mention-writer.js';
import { ensureImportSource } from '../../src/db/sources.js';
import { tempEarshot } from '../helpers/temp-earshot.js';
import { TREND_TEST_CONFIG } from '../helpers/trend-config.js';

// Rollup sums per bucket are cut by SQLite from bucket bounds; these cases put mentions on both
// sides of every DST change of 2024 in Los Angeles and Paris and check each answer against
// GROUP BY over the mentions.
const earshot = tempEarshot(TREND_TEST_CONFIG);
const H = 3_600_000;
const M = 60_000;
const utc = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
// Spring and autumn changes: US 10 Mar / 3 Nov, EU 31 Mar / 27 Oct 2024.
const RANGES: [number, number][] = [[utc('2024-02-25'), utc('2024-04-08')], [utc('2024-10-20'), utc('2024-11-12')]];

let sources: number[] = [];
beforeAll(() => {
  sources = [ensureImportSource(earshot.store.db, 'reviews').id, ensureImportSource(earshot.store.db, 'survey').id];
  const records: MentionRecord[] = [];
  let i = 0;
  for (const [from, to] of RANGES) {
    // Every 37 minutes: every hour of the ranges has mentions, at varying minutes.
    for (let t = from; t < to; t += 37 * M, i++) {
      const topics = [['price'], ['late-delivery'], ['delivery'], []][i % 4]!;
      const label = ['positive', 'neutral', 'negative', null][i % 4 === 3 ? 3 : i % 3]!;
      records.push({
        sourceId: sources[i % 2]!, externalId: `b${i}`, url: null, author: null, title: null, text: `t${i}`, lang: i % 5 === 0 ? 'fr' : 'en',
        publishedAt: t, fetchedAt: t, rating: i % 2 ? null : 1 + (i % 5), nps: i % 2 ? i % 11 : null, csat: null, ces: i % 7 === 1 ? 1 + (i % 7) : null,
        contentHash: `h${i % 900}`, sentimentScore: label === null ? null : ((i % 7) - 3) / 3, sentimentLabel: label, sentimentNote: null,
        sentences: '[]', metadata: null, topics: topics.map((id) => ({ id, terms: [id], score: null, label: null })),
        brands: [['acme'], ['globex'], ['acme', 'globex'], []][i % 4 === 0 ? 3 : i % 3]!,
        rollupTopics: topics[0] === 'late-delivery' ? ['late-delivery', 'delivery'] : topics,
      });
    }
  }
  earshot.store.sqlite.transaction(() => createMentionWriter(earshot.store.sqlite).insertAll(records))();
});
afterAll(() => earshot.cleanup());

const ZONES = ['UTC', 'America/Los_Angeles', 'Europe/Paris', 'Asia/Tokyo'];
const FILTERS: Partial<TrendQuery>[] = [{}, { brand: 'acme' }, { topic: 'delivery' }, { brand: 'globex', topic: 'price' }, { lang: 'fr' }, { brand: 'acme', lang: 'en' }];

function sameAsMentions(q: TrendQuery) {
  const fromRollups = trendSeries(earshot.store.db, q);
  expect(fromRollups.computedFrom).toBe('rollups');
  expect({ ...trendSeries(earshot.store.db, { ...q, countSource: 'mentions' }), computedFrom: 'rollups' }).toEqual(fromRollups);
  return fromRollups;
}

describe('rollup sums per bucket across DST changes', () => {
  it('answers days, weeks and months exactly as the mentions do, in every whole-hour zone and filter', () => {
    for (const tz of ZONES) {
      for (const bucket of ['day', 'week', 'month'] as const) {
        for (const filter of FILTERS) {
          for (const [from, to] of RANGES) sameAsMentions({ metric: 'all', bucket, tz, from, to, ...filter });
        }
      }
    }
  });

  it('answers a sentiment-filtered volume trend (volume and unique voices) from the rollups, as the mentions do', () => {
    let nonEmpty = 0;
    for (const tz of ['UTC', 'America/Los_Angeles']) {
      for (const sentiment of ['negative', 'neutral', 'positive'] as const) {
        for (const filter of [{}, { brand: 'acme' }, { lang: 'en', topic: 'delivery' }, { sourceIds: [sources[0]!] }]) {
          const a = sameAsMentions({ metric: 'volume', bucket: 'week', tz, from: RANGES[0]![0], to: RANGES[0]![1], compare: true, sentiment, ...filter });
          if (a.points.some((p) => (p.unique as number) > 0)) nonEmpty++;
        }
      }
    }
    expect(nonEmpty).toBeGreaterThanOrEqual(20); // of 24 (Acme has no neutral mention here)
    // Share of voice among negative mentions, from the rollups too.
    const q = { bucket: 'week' as const, tz: 'Europe/Paris', from: RANGES[0]![0], to: RANGES[0]![1], sentiment: 'negative' as const };
    const sov = shareOfVoice(earshot.store.db, q);
    expect(sov.computedFrom).toBe('rollups');
    expect({ ...shareOfVoice(earshot.store.db, { ...q, countSource: 'mentions' }), computedFrom: 'rollups' }).toEqual(sov);
    // Averages of one label's mentions are not in the rollups: those still come from the mentions.
    expect(trendSeries(earshot.store.db, { metric: 'sentiment', bucket: 'week', tz: 'UTC', sentiment: 'negative' }).computedFrom).toBe('mentions');
  });

  it('answers hours and source filters on the day of each change, with compare', () => {
    for (const tz of ['America/Los_Angeles', 'Europe/Paris']) {
      for (const day of ['2024-03-10', '2024-03-31', '2024-10-27', '2024-11-03']) {
        const from = DateTime.fromISO(day, { zone: tz }).minus({ hours: 3 }).toMillis();
        const to = from + 30 * H;
        sameAsMentions({ metric: 'all', bucket: 'hour', tz, from, to, compare: true, sourceIds: [sources[1]!] });
        sameAsMentions({ metric: 'volume', bucket: 'day', tz, from, to, compare: true, brand: 'acme' });
      }
    }
  });

  it('cuts a 23-hour and a 25-hour local day at local midnight', () => {
    const { points } = sameAsMentions({ metric: 'volume', bucket: 'day', tz: 'America/Los_Angeles', from: utc('2024-03-09') + 8 * H, to: utc('2024-03-12') + 7 * H });
    expect(points.map((p) => p.start)).toEqual(['2024-03-09T00:00:00.000-08:00', '2024-03-10T00:00:00.000-08:00', '2024-03-11T00:00:00.000-07:00']);
    const direct = (a: number, b: number) =>
      (earshot.store.sqlite.prepare("SELECT sum(volume) AS n FROM rollups_all WHERE brand = '*' AND topic = '*' AND bucket >= ? AND bucket < ?").get(a, b) as { n: number }).n;
    const [d9, d10, d11, d12] = ['2024-03-09', '2024-03-10', '2024-03-11', '2024-03-12'].map((d) => DateTime.fromISO(d, { zone: 'America/Los_Angeles' }).toMillis());
    expect(d11! - d10!).toBe(23 * H);
    expect(points.map((p) => p.volume)).toEqual([direct(d9!, d10!), direct(d10!, d11!), direct(d11!, d12!)]);
  });

  it('returns one summed row per bucket and brand, zero-filled, from bucketSums', () => {
    const tz = 'Europe/Paris';
    const from = DateTime.fromISO('2024-10-21', { zone: tz }).toMillis();
    const end = DateTime.fromISO('2024-11-25', { zone: tz }).toMillis();
    const starts = bucketStarts(from, end, 'week', tz);
    const sums = bucketSums(earshot.store.db, { lang: 'en' }, { starts, end, by: 'brand' });
    expect([...sums.keys()].sort()).toEqual(['acme', 'globex']);
    const acme = sums.get('acme')!;
    expect(acme).toHaveLength(5);
    expect(acme[4]!.volume).toBe(0); // no data after 12 November
    const n = (earshot.store.sqlite.prepare("SELECT sum(volume) AS n FROM rollups WHERE brand = 'acme' AND topic = '*' AND lang = 'en' AND bucket >= ? AND bucket < ?").get(starts[1], starts[2]) as { n: number }).n;
    expect(acme[1]!.volume).toBe(n);
    expect(bucketSums(earshot.store.db, {}, { starts: [], end, by: null }).size).toBe(0);
  });

  it('splits share of voice per week and month exactly as the mentions do', () => {
    for (const tz of ['America/Los_Angeles', 'Europe/Paris']) {
      for (const bucket of ['week', 'month'] as const) {
        const q = { bucket, tz, from: RANGES[0]![0], to: RANGES[1]![1], compare: true };
        const fromRollups = shareOfVoice(earshot.store.db, q);
        expect(fromRollups.computedFrom).toBe('rollups');
        expect({ ...shareOfVoice(earshot.store.db, { ...q, countSource: 'mentions' }), computedFrom: 'rollups' }).toEqual(fromRollups);
      }
    }
  });

  it('still answers a zone with a half-hour offset from the mentions', () => {
    const answer = trendSeries(earshot.store.db, { metric: 'volume', bucket: 'day', tz: 'Asia/Kolkata', from: RANGES[0]![0], to: RANGES[0]![1] });
    expect(answer.computedFrom).toBe('mentions');
    expect(answer.points.reduce((sum, p) => sum + (p.volume as number), 0)).toBeGreaterThan(0);
  });
});

describe('rollupRanges', () => {
  it('reads whole UTC days from the day tables and only the edge hours from the hour tables', () => {
    const tz = 'America/Los_Angeles';
    const from = DateTime.fromISO('2024-03-04', { zone: tz }).toMillis(); // a Monday, 08:00 UTC
    const end = DateTime.fromISO('2024-03-18', { zone: tz }).toMillis(); // 07:00 UTC after DST
    const ranges = rollupRanges(bucketStarts(from, end, 'week', tz), end);
    const shape = ranges.map((r) => [r.bucket, r.width === 'day' ? 'days' : 'hours', (r.hi - r.lo) / H]);
    // Week 1 starts at 08:00 UTC (PST) and ends at 07:00 UTC (PDT from 10 March): 16 h, 6 UTC
    // days, 7 h; week 2 runs 07:00 to 07:00 UTC: 17 h, 6 days, 7 h.
    expect(shape).toEqual([[0, 'hours', 16], [0, 'days', 144], [0, 'hours', 7], [1, 'hours', 17], [1, 'days', 144], [1, 'hours', 7]]);
    // A Los Angeles day holds no whole UTC day: all hours. A UTC day is one day range.
    expect(rollupRanges([from], from + 24 * H)).toEqual([{ bucket: 0, width: 'hour', lo: from, hi: from + 24 * H }]);
    expect(rollupRanges([utc('2024-03-04')], utc('2024-03-05'))).toEqual([{ bucket: 0, width: 'day', lo: utc('2024-03-04'), hi: utc('2024-03-05') }]);
  });
});
