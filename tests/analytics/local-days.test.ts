import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { bucketStarts } from '../../src/analytics/buckets.js';
import { ROLLUP_TABLES } from '../../src/analytics/rollup-tables.js';
import { hasLocalDays, rollupRanges } from '../../src/analytics/rollup-sums.js';
import { shareOfVoice } from '../../src/analytics/share-of-voice.js';
import { trendSeries, type TrendQuery } from '../../src/analytics/trends.js';
import { parseConfigText } from '../../src/config/load.js';
import { refillLocalDays, syncRollupZones } from '../../src/db/local-day-rollups.js';
import { createMentionWriter, type MentionRecord } from '../../src/db/mention-writer.js';
import { ensureImportSource, syncConfig } from '../../src/db/sources.js';
import { configFrom, tempEarshot } from '../helpers/temp-earshot.js';
import { TREND_TEST_CONFIG } from '../helpers/trend-config.js';

const LA = 'America/Los_Angeles';
const H = 3_600_000;
const WITH_ZONES = `${TREND_TEST_CONFIG}\ntrends:\n  zones: [${LA}, Europe/Paris]\n`;
// Two stores on real files: one whose writer kept Los Angeles and Paris days from the start, one
// that had none and gets them filled from its hour rollups when the config declares them.
const kept = tempEarshot(WITH_ZONES);
const filled = tempEarshot(TREND_TEST_CONFIG);
afterAll(async () => {
  await kept.cleanup();
  await filled.cleanup();
});

// Every 53 minutes from 20 Feb to 20 Nov 2024: both DST changes of both zones, ragged hours.
const FROM = Date.UTC(2024, 1, 20, 3, 17);
const TO = Date.UTC(2024, 10, 20);
function mentions(sources: number[]): MentionRecord[] {
  const out: MentionRecord[] = [];
  for (let i = 0, t = FROM; t < TO; i++, t += 53 * 60_000) {
    const topics = [['price'], ['late-delivery'], [], ['delivery', 'price']][i % 4]!;
    const label = (['negative', 'neutral', 'positive'] as const)[i % 3]!;
    out.push({
      sourceId: sources[i % 3]!, externalId: `m${i}`, url: null, author: null, title: null, text: `t${i}`, lang: ['en', 'fr', 'en', 'de'][i % 4]!,
      publishedAt: t, fetchedAt: t, rating: i % 7 < 4 ? 1 + (i % 5) : null, nps: i % 11 === 0 ? i % 11 : null, csat: null, ces: null,
      contentHash: i % 9 === 0 ? 'copy' : `h${i}`,
      // Scores exact in binary: sums added in any order agree to the last bit.
      sentimentScore: [-0.5, 0, 0.75][i % 3]!, sentimentLabel: label, sentimentNote: null, sentences: '[]', metadata: null,
      topics: topics.map((id) => ({ id, terms: [id], score: null, label: null })), brands: [['acme'], ['globex'], ['acme', 'globex'], []][i % 4]!,
      rollupTopics: [...new Set(topics.flatMap((id) => (id === 'late-delivery' ? [id, 'delivery'] : [id])))],
    });
  }
  return out;
}

beforeAll(() => {
  for (const e of [kept, filled]) {
    const sources = ['a', 'b', 'c'].map((name) => ensureImportSource(e.store.db, name).id);
    e.store.sqlite.transaction(() => createMentionWriter(e.store.sqlite).insertAll(mentions(sources)))();
  }
});

const localRows = (e: typeof kept) =>
  ROLLUP_TABLES.filter((t) => t.width === 'local').map((t) =>
    e.store.sqlite.prepare(`SELECT * FROM ${t.name} ORDER BY ${t.keys.join(', ')}`).all() as Record<string, unknown>[],
  );

const QUERIES: { name: string; q: Omit<TrendQuery, 'tz'> }[] = [
  { name: 'all metrics per day, a whole year', q: { metric: 'all', bucket: 'day' } },
  { name: 'all metrics per day, brand + topic, with compare', q: { metric: 'all', bucket: 'day', brand: 'acme', topic: 'delivery', compare: true, from: Date.UTC(2024, 2, 1), to: Date.UTC(2024, 3, 20) } },
  { name: 'volume per week, language', q: { metric: 'volume', bucket: 'week', lang: 'fr' } },
  { name: 'sentiment per month, source', q: { metric: 'sentiment', bucket: 'month', sourceIds: [2], brand: 'globex' } },
  { name: 'volume per day, sentiment=negative', q: { metric: 'volume', bucket: 'day', sentiment: 'negative', from: Date.UTC(2024, 9, 20), to: Date.UTC(2024, 10, 10) } },
  { name: 'rating per week, rating=1,2', q: { metric: 'all', bucket: 'week', rating: [1, 2] } },
  { name: 'all metrics per day, rating=1,2 + source', q: { metric: 'all', bucket: 'day', rating: [1, 2], sourceIds: [2], from: Date.UTC(2024, 4, 1), to: Date.UTC(2024, 6, 1) } },
  { name: 'sentiment per week, rating=5 + language (every source)', q: { metric: 'sentiment', bucket: 'week', rating: [5], lang: 'en', brand: 'acme' } },
  { name: 'volume per month, rating=3,4 + two sources + language', q: { metric: 'volume', bucket: 'month', rating: [3, 4], sourceIds: [1, 3], lang: 'de' } },
  { name: 'volume per hour around the autumn change', q: { metric: 'volume', bucket: 'hour', from: Date.UTC(2024, 10, 2), to: Date.UTC(2024, 10, 5) } },
];

describe('local-day rollups of the zones the config declares', () => {
  it('are filled from the hour rollups when a zone is declared, row for row what the writer keeps', () => {
    expect(hasLocalDays(filled.store.db, LA)).toBe(false);
    syncConfig(filled.store.db, configFrom(WITH_ZONES));
    expect(hasLocalDays(filled.store.db, LA)).toBe(true);
    const written = localRows(kept);
    expect(written.every((rows) => rows.length > 100)).toBe(true);
    expect(localRows(filled)).toEqual(written);
    // A retag recounts the days its mentions touch from the hours: nothing changes when the hours did not.
    refillLocalDays(kept.store.sqlite, { from: Date.UTC(2024, 2, 9, 22), to: Date.UTC(2024, 2, 12, 5) });
    expect(localRows(kept)).toEqual(written);
  });

  for (const tz of [LA, 'Europe/Paris']) {
    it(`answer ${tz} days, weeks and months exactly as the hours and the mentions do`, () => {
      const db = kept.store.db;
      const answers = QUERIES.map(({ q }) => trendSeries(db, { ...q, tz }));
      const fromMentions = QUERIES.map(({ q }) => trendSeries(db, { ...q, tz, countSource: 'mentions' }));
      const share = shareOfVoice(db, { bucket: 'week', tz, compare: true });
      // The same store read through hours and UTC days only: the zone dropped from the config.
      syncRollupZones(kept.store.sqlite, []);
      expect(hasLocalDays(db, tz)).toBe(false);
      const fromHours = QUERIES.map(({ q }) => trendSeries(db, { ...q, tz }));
      const shareFromHours = shareOfVoice(db, { bucket: 'week', tz, compare: true });
      syncRollupZones(kept.store.sqlite, [LA, 'Europe/Paris']);
      QUERIES.forEach(({ name }, i) => {
        expect(answers[i]!.computedFrom, name).toBe('rollups');
        expect(answers[i]!.points.length, name).toBeGreaterThan(1);
        expect(answers[i], name).toEqual(fromHours[i]);
        expect({ ...answers[i], computedFrom: 'mentions' }, name).toEqual(fromMentions[i]);
      });
      expect(share).toEqual(shareFromHours);
    });
  }

  it('reads a Los Angeles day, week or month as whole local days, and hours only for hour buckets', () => {
    const from = DateTime.fromISO('2024-03-04', { zone: LA }).toMillis();
    const end = DateTime.fromISO('2024-03-18', { zone: LA }).toMillis();
    const shape = (unit: 'day' | 'week' | 'hour', to = end) =>
      rollupRanges(bucketStarts(from, to, unit, LA), to, LA).map((r) => [r.width, (r.hi - r.lo) / H]);
    expect(shape('week')).toEqual([['local', 167], ['local', 168]]); // the first week loses an hour to DST
    const days = shape('day');
    expect(days).toHaveLength(14);
    expect(days.every(([width]) => width === 'local')).toBe(true);
    expect(days[6]).toEqual(['local', 23]); // Sunday 10 March
    expect(shape('hour', from + 3 * H)).toEqual([['hour', 1], ['hour', 1], ['hour', 1]]);
    // A range that starts and ends mid-day: its edge hours from the hour table, the days between as days.
    expect(rollupRanges([from + 5 * H], from + 48 * H + 20 * H, LA).map((r) => [r.width, (r.hi - r.lo) / H])).toEqual([
      ['hour', 19], ['local', 24], ['hour', 20],
    ]);
  });
});

describe('a writer made before a zone is declared', () => {
  it('keeps the zone from its next batch on (another process may declare it meanwhile)', () => {
    const { sqlite } = kept.store;
    syncRollupZones(sqlite, []);
    const writer = createMentionWriter(sqlite);
    syncRollupZones(sqlite, [LA]);
    const late = mentions([1, 2, 3]).slice(0, 40).map((m, i) => ({ ...m, externalId: `late${i}`, contentHash: `late${i}`, publishedAt: Date.UTC(2024, 10, 25, i) }));
    sqlite.transaction(() => writer.insertAll(late))();
    const written = localRows(kept);
    expect(written[1]!.some((row) => row.bucket === Date.UTC(2024, 10, 25, 8))).toBe(true); // 25 Nov in LA
    // What the writer kept is what a fill from the hours gives.
    syncRollupZones(sqlite, []);
    syncRollupZones(sqlite, [LA]);
    expect(localRows(kept)).toEqual(written);
  });
});

describe('trends.zones in the config', () => {
  const problems = (zones: string) => {
    const result = parseConfigText(`trends:\n  zones: ${zones}\n`);
    return result.ok ? [] : result.problems;
  };
  it('takes whole-hour IANA zones and defaults to none', () => {
    expect(problems(`[${LA}, Europe/Paris, Asia/Tokyo]`)).toEqual([]);
    expect(configFrom('').trends.zones).toEqual([]);
  });
  it('refuses an unknown zone, a half-hour zone and a zone listed twice, saying why', () => {
    expect(problems('[Mars/Olympus]').join('\n')).toMatch(/trends\.zones.*'Mars\/Olympus' is not an IANA time zone/);
    expect(problems('[Asia/Kolkata]').join('\n')).toMatch(/'Asia\/Kolkata' is 5 h 30 min off UTC.*whole number of hours/);
    expect(problems(`[${LA}, ${LA}]`).join('\n')).toMatch(/listed twice/);
  });
});
