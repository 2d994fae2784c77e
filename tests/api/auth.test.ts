import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.js';
import { ensureImportSource } from '../../src/db/sources.js';
import { makeKey } from '../helpers/api-keys.js';
import { tempEarshot } from '../helpers/temp-earshot.js';

const earshot = tempEarshot();
afterAll(() => earshot.cleanup());
const app = createApp({ store: earshot.store, rateLimit: 1000, lastUseIntervalMs: 0 });

const call = async (path: string, init: RequestInit = {}) => {
  const response = await app.request(path, init);
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: text ? (JSON.parse(text) as any) : null };
};
const bearer = (key: string, extra: Record<string, string> = {}) => ({ headers: { authorization: `Bearer ${key}`, ...extra } });

describe('authentication', () => {
  it('answers 401 problem+json with a Bearer challenge without a key, with a malformed header, a foreign token or an unknown key', async () => {
    const cases: [Record<string, string>, string][] = [
      [{}, 'send an API key'],
      [{ authorization: 'Basic dXNlcjpwYXNz' }, 'must be "Bearer <key>"'],
      [{ authorization: 'Bearer ghp_notours' }, 'not an Earshot API key'],
      [{ authorization: `Bearer earshot_${'A'.repeat(43)}` }, 'unknown or revoked'],
    ];
    for (const [headers, detail] of cases) {
      const r = await call('/api/v1/sources', { headers });
      expect(r.status).toBe(401);
      expect(r.headers.get('content-type')).toBe('application/problem+json');
      expect(r.headers.get('www-authenticate')).toMatch(/^Bearer realm="earshot"/);
      expect(r.body.detail).toContain(detail);
    }
  });

  it('accepts a live key, records its last use, and refuses it the moment it is revoked', async () => {
    const admin = makeKey(earshot.store, 'admin');
    const viewer = makeKey(earshot.store, 'viewer', { name: 'wall-screen' });
    expect((await call('/api/v1/sources', bearer(viewer))).status).toBe(200);
    const me = await call('/api/v1/me', bearer(viewer));
    expect(me.body).toMatchObject({ name: 'wall-screen', role: 'viewer', rateLimit: 1000 });

    const listed = (await call('/api/v1/keys', bearer(admin))).body.items.find((k: any) => k.name === 'wall-screen');
    expect(listed.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(listed)).not.toContain(viewer.slice(8, 30));

    expect((await call(`/api/v1/keys/${listed.id}`, { method: 'DELETE', ...bearer(admin) })).status).toBe(200);
    const after = await call('/api/v1/sources', bearer(viewer));
    expect(after.status).toBe(401);
    expect(after.body.detail).toContain('unknown or revoked');
  });

  it('stores no key, only its hash', async () => {
    const key = makeKey(earshot.store, 'viewer');
    const dump = JSON.stringify(earshot.store.sqlite.prepare('SELECT * FROM api_keys').all());
    expect(dump).not.toContain(key);
    expect(dump).not.toContain(key.slice(8, 40));
  });
});

describe('rate limit per key', () => {
  it('answers 429 with Retry-After and a problem body once a key passes its limit, leaving other keys alone', async () => {
    const limited = makeKey(earshot.store, 'viewer', { name: 'tight', rateLimit: 3 });
    const other = makeKey(earshot.store, 'viewer');
    const first = await call('/api/v1/sources', bearer(limited));
    expect(first.status).toBe(200);
    expect(first.headers.get('ratelimit-limit')).toBe('3');
    expect(first.headers.get('ratelimit-remaining')).toBe('2');
    for (let i = 0; i < 2; i++) expect((await call('/api/v1/sources', bearer(limited))).status).toBe(200);
    const over = await call('/api/v1/sources', bearer(limited));
    expect(over.status).toBe(429);
    expect(over.headers.get('content-type')).toBe('application/problem+json');
    const retry = Number(over.headers.get('retry-after'));
    expect(retry).toBeGreaterThanOrEqual(1);
    expect(retry).toBeLessThanOrEqual(60);
    expect(over.body).toMatchObject({ status: 429, title: 'Too many requests' });
    expect(over.body.detail).toContain("'tight' may make 3 requests a minute");
    expect((await call('/api/v1/sources', bearer(other))).status).toBe(200);
  });

  it('uses the server default for keys without their own limit', async () => {
    const strict = createApp({ store: earshot.store, rateLimit: 2 });
    const key = makeKey(earshot.store, 'viewer');
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await strict.request('/api/v1/me', bearer(key))).status);
    expect(statuses).toEqual([200, 200, 429]);
  });
});

describe('edge limits and errors', () => {
  const analyst = makeKey(earshot.store, 'analyst');

  it('refuses a body over the size limit with 413 problem+json', async () => {
    const source = ensureImportSource(earshot.store.db, 'edge');
    await earshot.ingestor.ingest(source.id, [{ externalId: 'e1', text: 'the parcel was late', publishedAt: Date.parse('2024-01-01') }]);
    const id = (earshot.store.sqlite.prepare('SELECT id FROM mentions').get() as { id: number }).id;
    const big = JSON.stringify({ sentiment: 'negative', topics: Array.from({ length: 100 }, () => 'x'.repeat(1000)) });
    const r = await call(`/api/v1/mentions/${id}/labels`, { method: 'PUT', body: big, ...bearer(analyst, { 'content-type': 'application/json' }) });
    expect(r.status).toBe(413);
    expect(r.headers.get('content-type')).toBe('application/problem+json');
    expect(r.body.detail).toContain('65536 bytes');
  });

  it('answers malformed JSON and wrong media types as problems, not stack traces', async () => {
    const malformed = await call('/api/v1/mentions/1/labels', { method: 'PUT', body: '{"sentiment": ', ...bearer(analyst, { 'content-type': 'application/json' }) });
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('content-type')).toBe('application/problem+json');
    const wrongType = await call('/api/v1/mentions/1/labels', { method: 'PUT', body: 'sentiment=negative', ...bearer(analyst, { 'content-type': 'text/plain' }) });
    expect(wrongType.status).toBe(415);
    for (const r of [malformed, wrongType]) expect(r.text).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/);
  });

  it('answers a failure inside a route as a 500 that names nothing internal', async () => {
    const broken = tempEarshot();
    try {
      const key = makeKey(broken.store, 'viewer');
      broken.store.sqlite.exec('DROP TABLE alerts');
      const errors: unknown[] = [];
      const original = console.error;
      console.error = (...args: unknown[]) => void errors.push(args);
      const r = await createApp({ store: broken.store }).request('/api/v1/alerts', bearer(key));
      console.error = original;
      const text = await r.text();
      expect(r.status).toBe(500);
      expect(r.headers.get('content-type')).toBe('application/problem+json');
      expect(JSON.parse(text).detail).toBe('the server failed to answer; the error is in its log');
      expect(text).not.toMatch(/alerts|sqlite|SELECT|\n\s+at /i);
      expect(errors).toHaveLength(1); // the reason goes to the log instead
    } finally {
      await broken.cleanup();
    }
  });
});
