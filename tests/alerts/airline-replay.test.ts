import { readFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import { afterAll, describe, expect, it } from 'vitest';
import { detectAlerts, type FiredAlert } from '../../src/alerts/detect.js';
import { formatAlerts } from '../../src/alerts/detect-command.js';
import { importFile } from '../../src/ingest/import-file.js';
import { HAS_SHARED, sharedMissingNote, sharedPath } from '../helpers/shared.js';
import { tempEarshot } from '../helpers/temp-earshot.js';

sharedMissingNote('the airline-tweets alert replay');

const TZ = 'America/Los_Angeles';
const day = (iso: string) => DateTime.fromISO(iso, { zone: TZ }).toMillis();

describe.skipIf(!HAS_SHARED)('airline tweets: replayed alerts, Feb 16–25 2015 in Los Angeles time', () => {
  const earshot = tempEarshot(HAS_SHARED ? readFileSync(new URL('../../earshot.config.yaml', import.meta.url), 'utf8') : '');
  afterAll(() => earshot.cleanup());
  const fired = new Map<string, FiredAlert[]>();

  it('imports the tweets with their airline as brand', async () => {
    const summary = await importFile(earshot.store, earshot.ingestor, sharedPath('data/airline-tweets/Tweets.csv'), 'tweets', {
      map: { id: 'tweet_id', text: 'text', date: 'tweet_created', brand: 'airline' },
    });
    expect(summary.inserted).toBe(14_485);
  }, 120_000);

  it('fires few alerts per sensitivity, fewer as it gets stricter', () => {
    for (const sensitivity of ['sensitive', 'balanced', 'strict'] as const) {
      fired.set(sensitivity, detectAlerts(earshot.store, { from: day('2015-02-16'), to: day('2015-02-25'), sensitivity, tz: TZ }));
    }
    const counts = Object.fromEntries([...fired].map(([s, a]) => [s, a.length]));
    console.log('alerts on Feb 16–24 (Pacific):', counts);
    expect(counts.strict).toBeLessThanOrEqual(counts.balanced!);
    expect(counts.balanced).toBeLessThanOrEqual(counts.sensitive!);
    // 9 days × ~60 series: a few a day, not a few an hour.
    expect(counts.balanced).toBeLessThan(9 * 8);
  }, 120_000);

  it('raises on Feb 22 a volume spike for American and a cancellation-driven negative spike, each explained', () => {
    const balanced = fired.get('balanced')!;
    const feb22 = balanced.filter((a) => a.bucketStart >= day('2015-02-22') && a.bucketStart < day('2015-02-23'));
    console.log(`Feb 22 (balanced):\n${formatAlerts(feb22, TZ)}`);
    for (const a of feb22.filter((x) => x.kind !== 'emerging_topic' && x.topic === '*')) console.log(a.explanation.summary, '|', a.explanation.samples[0]?.text);

    const american = feb22.filter((a) => a.kind === 'volume_spike' && a.brand === 'american' && a.topic === '*');
    expect(american.length).toBeGreaterThan(0);
    for (const a of american) {
      expect(a.explanation.terms.length).toBeGreaterThan(0);
      expect(a.explanation.samples.length).toBeGreaterThan(0);
    }
    expect(american.some((a) => a.explanation.terms.some((t) => t.term === 'cancelled'))).toBe(true);

    // The cancellation topic's own negative share stays high (~85 %) all week, so the spike in
    // negativity shows as a negative spike whose growth is cancellations: topic and terms.
    const negative = feb22.filter(
      (a) =>
        a.kind === 'negative_spike' &&
        (a.topic === 'cancellations' ||
          (a.explanation.topics.some((t) => t.id === 'cancellations') && a.explanation.terms.some((t) => t.term === 'cancelled'))),
    );
    expect(negative.length).toBeGreaterThan(0);
    for (const a of negative) {
      expect(a.explanation.samples.length).toBe(5);
      expect(a.explanation.samples.filter((s) => s.sentiment === 'negative').length).toBeGreaterThanOrEqual(4);
    }
  });
});
