import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { DateTime } from 'luxon';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.js';
import { importFile } from '../../src/ingest/import-file.js';
import { parseDate } from '../../src/util/dates.js';
import { HAS_SHARED, sharedMissingNote, sharedPath } from '../helpers/shared.js';
import { authHeaders } from '../helpers/api-keys.js';
import { tempEarshot } from '../helpers/temp-earshot.js';

sharedMissingNote('the airline-tweets trends check');

describe.skipIf(!HAS_SHARED)('airline tweets: import, then daily trends in Los Angeles time', () => {
  const earshot = tempEarshot();
  afterAll(() => earshot.cleanup());
  const file = sharedPath('data/airline-tweets/Tweets.csv');

  it('stores each distinct tweet once and counts each Pacific day exactly', async () => {
    const summary = await importFile(earshot.store, earshot.ingestor, file, 'tweets', {
      map: { id: 'tweet_id', text: 'text', date: 'tweet_created' },
    });
    expect(summary).toMatchObject({ read: 14_640, inserted: 14_485, duplicates: 155, rejected: 0 });

    // The expected counts, computed independently of the import path.
    const rows = parse(readFileSync(file), { columns: true }) as { tweet_id: string; tweet_created: string }[];
    const expected = new Map<string, number>();
    const seen = new Set<string>();
    for (const row of rows) {
      if (seen.has(row.tweet_id)) continue;
      seen.add(row.tweet_id);
      const day = DateTime.fromMillis(parseDate(row.tweet_created)!, { zone: 'America/Los_Angeles' }).toISODate()!;
      expected.set(day, (expected.get(day) ?? 0) + 1);
    }

    const app = createApp({ store: earshot.store });
    const response = await app.request('/api/v1/trends?metric=volume&bucket=day&tz=America/Los_Angeles', { headers: authHeaders(earshot.store, 'viewer') });
    const body = (await response.json()) as { points: { start: string; volume: number }[] };
    const actual = new Map(body.points.map((p) => [p.start.slice(0, 10), p.volume]));
    expect(actual).toEqual(expected);
    expect([...actual.keys()]).toEqual(['2015-02-16', '2015-02-17', '2015-02-18', '2015-02-19', '2015-02-20', '2015-02-21', '2015-02-22', '2015-02-23', '2015-02-24']);
  }, 60_000);
});
