import { afterAll, describe, expect, it } from 'vitest';
import { evaluateThresholds } from '../../src/alerts/thresholds.js';
import { trendSeries } from '../../src/analytics/trends.js';
import { getAlert } from '../../src/db/alerts.js';
import { createMentionWriter } from '../../src/db/mention-writer.js';
import { ensureImportSource } from '../../src/db/sources.js';
import { startReceiver } from '../helpers/receiver.js';
import { HOUR, record, SPIKE } from './synthetic.js';
import { world } from './world.js';

const DAY = 24 * HOUR;
const spikeDay = Math.floor(SPIKE / DAY) * DAY;
const receiver = await startReceiver();
const w = world();
afterAll(async () => {
  await w.cleanup();
  await receiver.close();
});
const hook = `${receiver.url}/hook`;
const negativeRule = { metric: 'negative_share', op: 'above', value: 0.4, bucket: 'day' };

describe('threshold subscriptions', () => {
  it("fires when a brand's negative share of the day passes 40 %, with the trend query's own figure", async () => {
    // Thresholds judge the bucket holding "now": the clock stands on the storm's day.
    w.clock.now = SPIKE + 5 * HOUR - 1000;
    const a = await w.subscribe({ brand: 'acme', threshold: negativeRule, channel: 'webhook', target: hook });
    const b = await w.subscribe({ brand: 'acme', threshold: negativeRule, channel: 'webhook', target: `${hook}?second` });
    const high = await w.subscribe({ brand: 'acme', threshold: { ...negativeRule, value: 0.6 }, channel: 'webhook', target: hook });
    const german = await w.subscribe({ brand: 'acme', threshold: negativeRule, languages: ['de'], channel: 'webhook', target: hook });
    w.clock.now += 1000;
    const fired = evaluateThresholds(w.db, w.clock.now);
    // One alert for the rule (the second subscription with the same rule shares it); 60 % is not
    // crossed; there are no German mentions.
    expect(fired).toHaveLength(1);
    expect(fired[0]!.subscriptionId).toBe(a.id);
    expect([high.id, german.id]).not.toContain(fired[0]!.subscriptionId);

    const alert = getAlert(w.db, fired[0]!.id)!;
    const trend = trendSeries(w.db, { metric: 'sentiment', bucket: 'day', tz: 'UTC', brand: 'acme', from: spikeDay, to: spikeDay + DAY });
    const p = trend.points[0] as unknown as { positive: number; neutral: number; negative: number };
    expect(alert).toMatchObject({ kind: 'threshold', brand: 'acme', topic: '*', bucketStart: spikeDay, bucketEnd: spikeDay + DAY, expected: 0.4 });
    expect(alert.observed).toBeCloseTo(p.negative / (p.positive + p.neutral + p.negative), 4);
    expect(alert.observed).toBeGreaterThan(0.4);
    const explanation = alert.explanation as { summary: string; samples: { sentiment: string }[] };
    expect(explanation.summary).toMatch(/^acme: negative share \d+% over \d+ labelled mentions in the day of 2015-02-12 \(UTC\), above the 40% threshold$/);
    expect(explanation.samples[0]!.sentiment).toBe('negative');

    expect(evaluateThresholds(w.db, w.clock.now)).toEqual([]);
    expect(w.route().queued).toBe(2);
    await w.outbox.drain();
    const bodies = receiver.received.map((r) => JSON.parse(r.body));
    expect(bodies.map((x) => x.alert.kind)).toEqual(['threshold', 'threshold']);
    expect(bodies.map((x) => x.subscription.id).sort()).toEqual([a.id, b.id]);
  });

  it('judges an average rating under 3, only with enough ratings behind it', async () => {
    const source = ensureImportSource(w.db, 'reviews');
    const writer = createMentionWriter(w.earshot.store.sqlite);
    const day = spikeDay + DAY;
    const reviews = Array.from({ length: 20 }, (_, i) => ({ ...record(source.id, `r${i}`, day + i * 60_000, `Acme app review ${i}`, 'negative', []), rating: i < 16 ? 2 : 5 }));
    w.earshot.store.sqlite.transaction(() => writer.insertAll(reviews))();
    const rating = { metric: 'average_rating', op: 'below', value: 3, bucket: 'day' };
    w.clock.now = day + 2 * HOUR - 1000;
    const enough = await w.subscribe({ brand: 'acme', threshold: rating, minVolume: 20, channel: 'webhook', target: hook });
    const tooFew = await w.subscribe({ brand: 'acme', threshold: rating, minVolume: 21, channel: 'webhook', target: hook });
    w.clock.now += 1000;
    const fired = evaluateThresholds(w.db, w.clock.now).filter((f) => f.subscriptionId === enough.id || f.subscriptionId === tooFew.id);
    expect(fired.map((f) => f.subscriptionId)).toEqual([enough.id]);
    const alert = getAlert(w.db, fired[0]!.id)!;
    expect(alert.observed).toBeCloseTo((16 * 2 + 4 * 5) / 20, 6);
    expect((alert.explanation as { summary: string }).summary).toContain('average rating 2.60 over 20 ratings');
  });
});
