import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.js';
import { ensureImportSource } from '../../src/db/sources.js';
import { authHeaders } from '../helpers/api-keys.js';
import { emergingTerms, logLikelihoodRatio } from '../../src/analytics/emerging-terms.js';
import { hourlyTermCounts } from '../../src/analytics/term-buckets.js';
import { tempEarshot } from '../helpers/temp-earshot.js';

const earshot = tempEarshot(`
brands:
  - { id: acme, name: Acme, handles: ["@acme"], include: [Acme] }
topics:
  - { id: delivery, name: Delivery, terms: [delivery, courier, parcel] }
`);
const HOUR = 3_600_000;
const day0 = Date.parse('2024-03-01T00:00:00Z');
const quiet = [
  'the courier left my parcel with a neighbour again',
  'great price on the new kettle, very happy',
  'my parcel arrived a day early, nice work',
  'the app asks for my password every single morning',
  'ordered a lamp, the box was a bit dented but fine',
  'customer service answered within an hour, thanks',
];
// Added to each quiet post so that no two days repeat a post (a repeat is a copy, not a voice).
const asides = [
  'otherwise a calm week here',
  'will order again next month',
  'my sister said the same thing',
  'not a big deal to be honest',
  'still recommending them to friends',
  'the weather has been lovely lately',
  'just sharing my experience here',
];
const storm = [
  'snow storm means no delivery today, the courier van is stuck',
  'this snow storm has stopped every delivery in town',
  'no parcel because of the snow storm, understandable I guess',
  'courier says the snow storm closed the depot',
  'snow storm again, my delivery is postponed to monday #snowday',
  'nothing moves in this snow storm, parcel stuck at the hub #snowday',
  'the snow storm delayed my order by three days #snowday',
  'snow storm chaos at the depot, delivery cancelled #snowday',
];

let base: string;
let close: () => Promise<void>;
let viewer: Record<string, string>;

async function listen(fetch: (r: Request) => Response | Promise<Response>) {
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const address = server.address() as { port: number };
  return { base: `http://127.0.0.1:${address.port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

beforeAll(async () => {
  const source = ensureImportSource(earshot.store.db, 'reviews');
  const items = [];
  for (let d = 0; d < 7; d++) {
    quiet.forEach((text, i) =>
      items.push({ externalId: `q${d}-${i}`, text: `@acme ${text}, ${asides[(d + i) % asides.length]}`, publishedAt: day0 + d * 24 * HOUR + i * HOUR }),
    );
  }
  const stormDay = day0 + 7 * 24 * HOUR;
  storm.forEach((text, i) => items.push({ externalId: `s${i}`, text: `@acme ${text}`, publishedAt: stormDay + i * 600_000 }));
  // One voice copied ten times must not make its words emerge.
  for (let i = 0; i < 10; i++) items.push({ externalId: `c${i}`, text: `RT @fan${i}: @acme the purple giraffe mascot is back in the new advert, love it`, publishedAt: stormDay + 2 * HOUR + i * 60_000 });
  await earshot.ingestor.ingest(source.id, items);

  viewer = authHeaders(earshot.store, 'viewer');
  ({ base, close } = await listen(createApp({ store: earshot.store }).fetch));
});

afterAll(async () => {
  await close();
  await earshot.cleanup();
});

const q = (params: Record<string, string>) => new URLSearchParams(params).toString();

describe('GET /api/v1/trends/terms', () => {
  it('lists the terms that burst against their own background, not the ones a copied post repeats', async () => {
    const response = await fetch(`${base}/api/v1/trends/terms?${q({ from: '2024-03-08', to: '2024-03-09' })}`, { headers: viewer });
    expect(response.status).toBe(200);
    const body = (await response.json()) as any;
    expect(body.computedFrom).toBe('term_counts');
    expect(body.voices).toBe(9); // 8 storm voices + the copied post once
    const emerging = body.emerging.map((e: { term: string }) => e.term);
    expect(emerging).toContain('snow storm');
    expect(emerging).toContain('#snowday');
    expect(emerging.some((t: string) => t.includes('giraffe'))).toBe(false);
    expect(emerging).not.toContain('@acme');
    expect(body.top[0]).toMatchObject({ term: '@acme', kind: 'handle', count: 9 });
  });

  it('takes the usual filters; a topic filter counts from the mentions', async () => {
    const body = (await (await fetch(`${base}/api/v1/trends/terms?${q({ from: '2024-03-08', to: '2024-03-09', topic: 'delivery', brand: 'acme' })}`, { headers: viewer })).json()) as any;
    expect(body.computedFrom).toBe('mentions');
    expect(body.voices).toBe(storm.length - 1); // one storm post names no delivery term
    expect(body.emerging.map((e: { term: string }) => e.term)).toContain('snow storm');
    const bad = await fetch(`${base}/api/v1/trends/terms?${q({ from: '2024-03-09', to: '2024-03-08' })}`, { headers: viewer });
    expect(bad.status).toBe(400);
  });

  it('needs a key with at least the viewer role', async () => {
    const response = await fetch(`${base}/api/v1/trends/terms`);
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
  });
});

describe('emerging terms (pure)', () => {
  it('scores a rise by log-likelihood against the background, not a rare word seen twice', () => {
    const background = { voices: 1000, terms: { snow: 2, flight: 300, app: 1 } };
    const current = { voices: 100, terms: { snow: 40, flight: 32, app: 3, zebra: 2 } };
    const found = emergingTerms(background, current);
    expect(found.map((t) => t.term)).toEqual(['snow']);
    expect(found[0]!.llr).toBeGreaterThan(100);
    expect(logLikelihoodRatio(30, 100, 300, 1000)).toBeCloseTo(0, 5);
  });

  it('reads hourly buckets for the detector from the stored counts', () => {
    const buckets = hourlyTermCounts(earshot.store.db, day0 + 7 * 24 * HOUR, day0 + 7 * 24 * HOUR + 3 * HOUR);
    expect(buckets).toHaveLength(3);
    expect(buckets[0]!.counts.voices).toBe(6);
    expect(buckets[0]!.counts.terms.get('snow storm')).toBe(6);
  });
});
