import { afterAll, describe, expect, it } from 'vitest';
import { detectAlerts, runDetection } from '../../src/alerts/detect.js';
import { detectCommand } from '../../src/alerts/detect-command.js';
import { listAlerts, setAlertStatus } from '../../src/db/alerts.js';
import { HOUR, SPIKE, START, syntheticEarshot } from './synthetic.js';

const earshot = syntheticEarshot();
afterAll(() => earshot.cleanup());
const range = { from: START + 7 * 24 * HOUR, to: SPIKE + 6 * HOUR };

describe('detectAlerts (replay)', () => {
  const alerts = detectAlerts(earshot.store, { ...range, sensitivity: 'balanced', tz: 'UTC', now: 1 });

  it('fires a volume spike and a negative spike for the brand at the incident, and nothing on quiet days', () => {
    const at = (kind: string, brand: string, topic: string) => alerts.find((a) => a.kind === kind && a.brand === brand && a.topic === topic && a.bucketStart === SPIKE);
    expect(at('volume_spike', 'acme', '*')).toBeDefined();
    expect(at('volume_spike', '*', '*')).toBeDefined();
    expect(at('negative_spike', 'acme', '*')).toBeDefined();
    expect(alerts.filter((a) => a.bucketStart < SPIKE)).toEqual([]);
  });

  it('folds what repeats the same burst into one alert of the incident, and says so', () => {
    // The cancellations topic burst in the storm's hour: its emerging-topic decision is folded
    // into its volume spike. Volume and negative spikes stay apart (people subscribe to kinds), and
    // all of Acme's alerts of the hour share one incident.
    const atSpike = alerts.filter((a) => a.bucketStart === SPIKE && a.brand === 'acme');
    expect(atSpike.map((a) => `${a.kind} ${a.topic}`).sort()).toEqual([
      'negative_spike *', 'negative_spike cancellations', 'negative_spike disruption', 'volume_spike *', 'volume_spike cancellations', 'volume_spike disruption',
    ]);
    expect(alerts.some((a) => a.kind === 'emerging_topic')).toBe(false);
    const topic = atSpike.find((a) => a.kind === 'volume_spike' && a.topic === 'cancellations')!;
    expect(topic.explanation.incident!.merged.map((m) => `${m.kind} ${m.topic}`)).toEqual(['emerging_topic cancellations']);
    expect(new Set(atSpike.map((a) => a.explanation.incident!.id))).toEqual(new Set([`acme@${new Date(SPIKE).toISOString().slice(0, 13)}Z`]));
  });

  it('explains itself: topics, terms (no handles or URLs), sources, negative samples', () => {
    const neg = alerts.find((a) => a.kind === 'negative_spike' && a.brand === 'acme' && a.topic === '*')!;
    expect(neg.bucketEnd).toBe(SPIKE + HOUR);
    expect(neg.observed).toBeGreaterThanOrEqual(60);
    expect(neg.explanation.summary).toMatch(/negative/);
    const terms = neg.explanation.terms.map((t) => t.term);
    expect(terms).toEqual(expect.arrayContaining(['cancelled', 'storm', 'stranded']));
    expect(terms.some((t) => t.includes('acme') || t.includes('http') || t.includes('t.co'))).toBe(false);
    expect(neg.explanation.topics[0]!.id).toMatch(/cancellations|disruption/);
    expect(neg.explanation.sources[0]).toMatchObject({ name: 'tweets' });
    expect(neg.explanation.samples).toHaveLength(5);
    expect(neg.explanation.samples.every((s) => s.sentiment === 'negative' && s.url?.startsWith('https://'))).toBe(true);
    expect(neg.explanation.baseline.hours).toBe(168);
  });

  it('decides online: data after an hour does not change its decision', () => {
    const cut = detectAlerts(earshot.store, { from: range.from, to: SPIKE + HOUR, sensitivity: 'balanced' });
    const key = (a: { kind: string; brand: string; topic: string; bucketStart: number; observed: number; score: number }) =>
      `${a.kind}|${a.brand}|${a.topic}|${a.bucketStart}|${a.observed}|${a.score}`;
    expect(cut.map(key)).toEqual(alerts.filter((a) => a.bucketStart <= SPIKE).map(key));
  });

  it('replays at every sensitivity; strict fires no more than sensitive', () => {
    const sensitive = detectAlerts(earshot.store, { ...range, sensitivity: 'sensitive' });
    const strict = detectAlerts(earshot.store, { ...range, sensitivity: 'strict' });
    expect(strict.length).toBeLessThanOrEqual(sensitive.length);
    expect(strict.some((a) => a.kind === 'volume_spike' && a.brand === 'acme')).toBe(true);
  });
});

describe('persisting', () => {
  it('stores each alert once, however often detection re-runs, and keeps its status', () => {
    const first = detectAlerts(earshot.store, { ...range, persist: true, now: 10 });
    expect(first.length).toBeGreaterThan(0);
    expect(first.every((a) => a.created === true && typeof a.id === 'number')).toBe(true);
    setAlertStatus(earshot.store.db, first[0]!.id!, 'acknowledged', 20);
    const again = detectAlerts(earshot.store, { ...range, persist: true, now: 30 });
    expect(again.every((a) => a.created === false)).toBe(true);
    const stored = listAlerts(earshot.store.db, {}, 500).items;
    expect(stored).toHaveLength(first.length);
    expect(stored.find((a) => a.id === first[0]!.id)!.status).toBe('acknowledged');
  });

  it('runDetection looks back 48 h from now and stores without repeating', () => {
    const before = listAlerts(earshot.store.db, {}, 500).items.length;
    const live = runDetection(earshot.store, SPIKE + 2 * HOUR + 5 * 60_000);
    expect(live.some((a) => a.kind === 'volume_spike' && a.brand === 'acme' && a.bucketStart === SPIKE)).toBe(true);
    expect(listAlerts(earshot.store.db, {}, 500).items.length).toBe(before);
  });
});

describe('an escalating incident', () => {
  it('alerts on a blip and again on a storm ten times its size within the cooldown, live as in replay', async () => {
    const store = syntheticEarshot(SPIKE + 12 * HOUR, [{ at: SPIKE, n: 30 }, { at: SPIKE + 5 * HOUR, n: 600 }]);
    try {
      const window = { from: START + 7 * 24 * HOUR, to: SPIKE + 12 * HOUR, sensitivity: 'balanced' as const };
      const brand = (list: { kind: string; brand: string; topic: string; bucketStart: number }[]) =>
        list.filter((a) => a.kind === 'volume_spike' && a.brand === 'acme' && a.topic === '*').map((a) => (a.bucketStart - SPIKE) / HOUR);
      expect(brand(detectAlerts(store.store, window))).toEqual([0, 5]);
      expect(brand(detectAlerts(store.store, { ...window, persist: true, now: 1 }))).toEqual([0, 5]);
      expect(detectAlerts(store.store, { ...window, persist: true, now: 2 }).every((a) => a.created === false)).toBe(true);
    } finally {
      await store.cleanup();
    }
  });
});

describe('detectCommand', () => {
  it('prints a table in the asked zone, or JSON', () => {
    const lines: string[] = [];
    const fired = detectCommand({ store: earshot.store, ...range, tz: 'America/New_York', out: (l) => lines.push(l) });
    expect(fired.length).toBeGreaterThan(0);
    expect(lines[0]).toMatch(/start \(America\/New_York\)/);
    expect(lines[0]).toMatch(/2015-02-12 10:00 +volume_spike/);
    const json: string[] = [];
    detectCommand({ dbPath: earshot.dbPath, ...range, json: true, out: (l) => json.push(l) });
    expect(JSON.parse(json[0]!).length).toBe(fired.length);
  });
});
