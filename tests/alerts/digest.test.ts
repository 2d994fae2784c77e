import { afterAll, describe, expect, it } from 'vitest';
import { renderEmail } from '../../src/alerts/channels/email.js';
import { slackPayload } from '../../src/alerts/channels/slack.js';
import { buildDigest } from '../../src/alerts/digest.js';
import cron from 'node-cron';
import { missedRun, runDigest, startDigests } from '../../src/alerts/digest-scheduler.js';
import { verifyWebhookSignature } from '../../src/alerts/signature.js';
import type { DigestMessage } from '../../src/alerts/message.js';
import { trendSeries } from '../../src/analytics/trends.js';
import { listDeliveries } from '../../src/db/deliveries.js';
import { getSubscription } from '../../src/db/subscriptions.js';
import { startReceiver, waitFor } from '../helpers/receiver.js';
import { HOUR, SPIKE } from './synthetic.js';
import { world } from './world.js';

const DAY = 24 * HOUR;
const receiver = await startReceiver();
const w = world();
afterAll(async () => {
  await w.cleanup();
  await receiver.close();
});
// 08:00 Berlin (07:00 UTC in February) the morning after the storm.
const morning = Date.UTC(2015, 1, 13, 7);

describe('digests', () => {
  it("summarises the period's trends and its alerts, from the trend queries", async () => {
    w.detectAndRoute();
    const created = await w.subscribe({ brand: 'acme', mode: 'digest', schedule: '0 8 * * *', tz: 'Europe/Berlin', channel: 'webhook', target: `${receiver.url}/digest` });
    const sub = getSubscription(w.db, created.id)!;
    const digest = buildDigest(w.db, sub, morning - DAY, morning, w.config);
    expect(digest.period).toEqual({ from: '2015-02-12T08:00:00.000+01:00', to: '2015-02-13T08:00:00.000+01:00', tz: 'Europe/Berlin' });
    const [section] = digest.sections;
    const volume = trendSeries(w.db, { metric: 'all', bucket: 'hour', tz: 'UTC', brand: 'acme', from: morning - DAY, to: morning, compare: true });
    expect(section!.volume).toBe(volume.points.reduce((n, p) => n + (p.volume as number), 0));
    expect(section!.previousVolume).toBeGreaterThan(0);
    expect(section!.negativeShare!).toBeGreaterThan(section!.previousNegativeShare!);
    expect(section!.topTopics.map((t) => t.topic)).toContain('cancellations');
    expect(section!.risingTopics.map((t) => t.topic)).toContain('cancellations');
    // Acme's alerts of the storm, at the subscription's (balanced) sensitivity; not the all-brands
    // ones: volume and negative spikes on acme and its two topics (the emerging cancellations topic
    // is folded into that topic's volume spike).
    expect(digest.alerts.length).toBe(6);
    expect(digest.alerts.every((a) => a.brand === 'acme')).toBe(true);

    const slack = slackPayload(digest);
    expect(slack.text).toBe(`Digest "${sub.name}": 2015-02-12 to 2015-02-13`);
    expect(JSON.stringify(slack.blocks)).toContain('*Negative share*');
    const mail = renderEmail(digest);
    expect(mail.text).toContain('Alerts in the period (6)');
    expect(mail.html).toContain('<h3>acme</h3>');
  });

  it('queues one digest per period end, covering the time since the previous one, and sends it signed', async () => {
    const created = await w.subscribe({ brand: 'acme', mode: 'digest', schedule: '0 8 * * *', tz: 'Europe/Berlin', channel: 'webhook', target: `${receiver.url}/digest` });
    const sub = getSubscription(w.db, created.id)!;
    expect(runDigest(w.db, sub, w.config, morning, DAY, w.clock.now)).toBe(true);
    expect(runDigest(w.db, sub, w.config, morning + 20_000, DAY, w.clock.now)).toBe(false);
    expect(runDigest(w.db, sub, w.config, morning + DAY, DAY, w.clock.now)).toBe(true);
    const rows = listDeliveries(w.db, { subscriptionId: sub.id }, 10).items.reverse();
    expect(rows.map((r) => [r.periodFrom, r.periodTo])).toEqual([[morning - DAY, morning], [morning, morning + DAY]]);
    await w.outbox.drain();
    const mine = receiver.received.filter((r) => JSON.parse(r.body).subscription.id === sub.id);
    expect(mine).toHaveLength(2);
    const body = JSON.parse(mine[0]!.body) as DigestMessage;
    expect(body.type).toBe('digest');
    expect(body.idempotencyKey).toBe(`earshot-digest-${sub.id}-2015-02-13T07:00:00.000Z`);
    expect(verifyWebhookSignature({ body: mine[0]!.body, header: mine[0]!.headers['x-earshot-signature'] as string, secret: created.secret!, nowMs: w.clock.now })).toMatchObject({ ok: true });
  });

  it('runs on its cron schedule, and sends a digest missed while stopped at start-up', async () => {
    const every = await w.subscribe({ brand: 'acme', mode: 'digest', schedule: '* * * * * *', channel: 'webhook', target: `${receiver.url}/tick` });
    const missed = await w.subscribe({ brand: 'acme', mode: 'digest', schedule: '0 8 * * *', tz: 'Europe/Berlin', channel: 'webhook', target: `${receiver.url}/missed` });
    // The last digest went out three days before the clock: the next start owes one.
    runDigest(w.db, getSubscription(w.db, missed.id)!, w.config, w.clock.now - 3 * DAY, DAY, w.clock.now);
    const count = (id: number) => listDeliveries(w.db, { subscriptionId: id, kind: 'digest' }, 50).items.length;
    let queued = 0;
    const digests = startDigests({ store: w.earshot.store, config: w.config, now: () => w.clock.now, onQueued: () => queued++ });
    expect(count(missed.id)).toBe(2);
    const [latest] = listDeliveries(w.db, { subscriptionId: missed.id }, 1).items;
    const minute = (t: number) => Math.floor(t / 60_000) * 60_000;
    expect([latest!.periodFrom, latest!.periodTo]).toEqual([minute(w.clock.now - 3 * DAY), minute(w.clock.now)]);
    // A real cron tick (every second) queues the other one; the clock moves so each tick is a new period.
    const ticking = setInterval(() => (w.clock.now += 60_000), 200);
    await waitFor(() => count(every.id) >= 1, 'a cron tick to queue a digest');
    clearInterval(ticking);
    await digests.stop();
    expect(queued).toBeGreaterThanOrEqual(2);
  });
});

describe('missedRun', () => {
  it('finds a scheduled run after the last digest, in the schedule’s zone, and none over a weekend', async () => {
    const weekdays = cron.createTask('0 8 * * 1-5', () => {}, { timezone: 'Europe/Berlin' });
    const friday = Date.UTC(2026, 11, 4, 7); // Friday 08:00 in Berlin
    expect(missedRun(weekdays, friday, friday + 2 * DAY)).toBe(false);
    expect(missedRun(weekdays, friday, friday + 3 * DAY + 60_000)).toBe(true);
    expect(missedRun(weekdays, friday, friday + 3 * DAY - 60_000)).toBe(false);
    await weekdays.destroy();
  });
});
