import { afterAll, describe, expect, it } from 'vitest';
import { detectAlerts } from '../../src/alerts/detect.js';
import { createApp } from '../../src/api/app.js';
import { HOUR, SPIKE, START, syntheticEarshot } from '../alerts/synthetic.js';
import { authHeaders } from '../helpers/api-keys.js';

const earshot = syntheticEarshot();
afterAll(() => earshot.cleanup());
const stored = detectAlerts(earshot.store, { from: START + 7 * 24 * HOUR, to: SPIKE + 6 * HOUR, persist: true, now: 1000 });
const app = createApp({ store: earshot.store, now: () => 5000 });
const auth = authHeaders(earshot.store, 'analyst');
const call = async (path: string, init: RequestInit = {}) => {
  const r = await app.request(`/api/v1${path}`, { ...init, headers: { ...auth, ...(init.headers as Record<string, string>) } });
  return { status: r.status, type: r.headers.get('content-type'), body: (await r.json()) as any };
};

describe('GET /api/v1/alerts', () => {
  it('lists alerts newest first with their explanation, and pages with a cursor', async () => {
    expect(stored.length).toBeGreaterThan(2);
    const all = await call('/alerts?limit=500');
    expect(all.status).toBe(200);
    expect(all.body.items).toHaveLength(stored.length);
    const starts = all.body.items.map((a: { bucketStart: string }) => a.bucketStart);
    expect([...starts].sort().reverse()).toEqual(starts);
    expect(all.body.items[0].explanation.summary).toBeTypeOf('string');

    const first = await call('/alerts?limit=2');
    expect(first.body.items).toHaveLength(2);
    const second = await call(`/alerts?limit=500&cursor=${first.body.nextCursor}`);
    expect([...first.body.items, ...second.body.items].map((a: { id: number }) => a.id)).toEqual(all.body.items.map((a: { id: number }) => a.id));
  });

  it('filters by kind, brand, topic, status and time', async () => {
    const vol = await call('/alerts?kind=volume_spike&brand=acme&topic=*');
    expect(vol.body.items.length).toBeGreaterThan(0);
    expect(vol.body.items.every((a: any) => a.kind === 'volume_spike' && a.brand === 'acme' && a.topic === '*')).toBe(true);
    const none = await call(`/alerts?from=${new Date(SPIKE + HOUR).toISOString()}&kind=negative_spike&brand=nobody`);
    expect(none.body.items).toEqual([]);
    const spike = await call(`/alerts?from=${new Date(SPIKE).toISOString()}&to=${new Date(SPIKE + HOUR).toISOString()}`);
    expect(spike.body.items.every((a: any) => a.bucketStart === new Date(SPIKE).toISOString())).toBe(true);
    expect((await call('/alerts?status=resolved')).body.items).toEqual([]);
  });

  it('answers bad filters and cursors as problem+json', async () => {
    const bad = await call('/alerts?kind=weird&cursor=zzz');
    expect(bad.status).toBe(400);
    expect(bad.type).toMatch(/problem\+json/);
    const cursor = await call('/alerts?cursor=zzz');
    expect(cursor.status).toBe(400);
  });
});

describe('GET and PATCH /api/v1/alerts/{id}', () => {
  it('returns one alert, 404 as problem+json for an unknown id', async () => {
    const one = await call(`/alerts/${stored[0]!.id}`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ id: stored[0]!.id, status: 'open', kind: stored[0]!.kind, source: null });
    const missing = await call('/alerts/99999');
    expect(missing.status).toBe(404);
    expect(missing.type).toMatch(/problem\+json/);
    expect(missing.body).toMatchObject({ status: 404, title: 'Not found' });
  });

  it('acknowledges, resolves and reopens; refuses other statuses', async () => {
    const id = stored[0]!.id;
    const patch = (status: string) => call(`/alerts/${id}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ status }) });
    const ack = await patch('acknowledged');
    expect(ack.status).toBe(200);
    expect(ack.body).toMatchObject({ status: 'acknowledged', updatedAt: new Date(5000).toISOString() });
    expect((await call('/alerts?status=acknowledged')).body.items.map((a: { id: number }) => a.id)).toEqual([id]);
    expect((await patch('resolved')).body.status).toBe('resolved');
    expect((await patch('open')).body.status).toBe('open');
    const bad = await patch('deleted');
    expect(bad.status).toBe(400);
    expect(bad.type).toMatch(/problem\+json/);
    const missing = await call('/alerts/99999', { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: '{"status":"resolved"}' });
    expect(missing.status).toBe(404);
  });

  it('is in the OpenAPI document', async () => {
    const doc = await call('/openapi.json');
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/alerts', '/alerts/{id}']));
  });
});
