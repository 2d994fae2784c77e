import { afterEach, describe, expect, it } from 'vitest';
import nock from 'nock';
import { createHttpClient, DEFAULT_USER_AGENT, redactUrl, retryAfterMs } from '../../src/connectors/http.js';
import type { Politeness } from '../../src/connectors/types.js';
import { expectConnectorError, resetNetworkMocks } from '../helpers/connector-harness.js';

const HOST = 'https://feeds.example.test';
// Generous budget so retries are not floored to a real per-host spacing.
const FAST: Politeness = { intervalCap: 100, intervalMs: 100, concurrency: 10 };
const client = (opts = {}) => createHttpClient({ retryBaseMs: 5, ...opts });

afterEach(resetNetworkMocks);

describe('http client', () => {
  it('waits out a 429 Retry-After, then succeeds', async () => {
    nock(HOST).get('/a').reply(429, 'slow down', { 'Retry-After': '1' }).get('/a').reply(200, 'ok');
    const started = Date.now();
    const res = await client().get({ url: `${HOST}/a`, politeness: FAST });
    expect(res.status).toBe(200);
    expect(res.body.toString()).toBe('ok');
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('waits out a 503 whose Retry-After is an HTTP-date', async () => {
    const soon = new Date(Date.now() + 1000).toUTCString();
    nock(HOST).get('/date').reply(503, '', { 'Retry-After': soon }).get('/date').reply(200, 'back');
    const res = await client().get({ url: `${HOST}/date`, politeness: FAST });
    expect(res.body.toString()).toBe('back');
  });

  it('retries 5xx with back-off: 500, 500, 200 succeeds', async () => {
    nock(HOST).get('/b').times(2).reply(500).get('/b').reply(200, 'fine');
    const res = await client().get({ url: `${HOST}/b`, politeness: FAST });
    expect(res.body.toString()).toBe('fine');
    expect(nock.isDone()).toBe(true);
  });

  it('gives up after the retries on a persistent 500 with code HTTP, status and url', async () => {
    const scope = nock(HOST).get('/c').times(4).reply(500);
    const error = await expectConnectorError(client({ retries: 3 }).get({ url: `${HOST}/c`, politeness: FAST }));
    expect(error.code).toBe('HTTP');
    expect(error.status).toBe(500);
    expect(error.message).toContain('500');
    expect(error.message).toContain(`${HOST}/c`);
    expect(scope.isDone()).toBe(true);
  });

  it('maps 403 to AUTH without retrying', async () => {
    nock(HOST).get('/d').reply(403);
    const error = await expectConnectorError(client().get({ url: `${HOST}/d`, politeness: FAST }));
    expect(error.code).toBe('AUTH');
    expect(error.status).toBe(403);
  });

  it('maps 429 after the retries to RATE_LIMITED', async () => {
    nock(HOST).get('/e').times(2).reply(429);
    const error = await expectConnectorError(client({ retries: 1 }).get({ url: `${HOST}/e`, politeness: FAST }));
    expect(error.code).toBe('RATE_LIMITED');
  });

  it('fails with RATE_LIMITED instead of waiting out a Retry-After beyond the bound', async () => {
    const scope = nock(HOST).get('/f').reply(503, '', { 'Retry-After': '3600' });
    const error = await expectConnectorError(client().get({ url: `${HOST}/f`, politeness: FAST }));
    expect(error.code).toBe('RATE_LIMITED');
    expect(error.status).toBe(503);
    expect(scope.isDone()).toBe(true);
  });

  it('times out with TIMEOUT', async () => {
    nock(HOST).get('/g').times(2).delay(500).reply(200, 'late');
    const error = await expectConnectorError(
      client({ timeoutMs: 50, retries: 1 }).get({ url: `${HOST}/g`, politeness: FAST }),
    );
    expect(error.code).toBe('TIMEOUT');
  });

  it('sends the stored validators and reports 304 as notModified with an empty body', async () => {
    nock(HOST)
      .get('/h')
      .matchHeader('if-none-match', '"v1"')
      .matchHeader('if-modified-since', 'Wed, 21 Oct 2015 07:28:00 GMT')
      .reply(304, '', { ETag: '"v1"' });
    const res = await client().get({
      url: `${HOST}/h`,
      etag: '"v1"',
      lastModified: 'Wed, 21 Oct 2015 07:28:00 GMT',
      politeness: FAST,
    });
    expect(res.notModified).toBe(true);
    expect(res.status).toBe(304);
    expect(res.body.length).toBe(0);
    expect(res.etag).toBe('"v1"');
    expect(res.lastModified).toBe('Wed, 21 Oct 2015 07:28:00 GMT');
  });

  it('returns validators from a 200', async () => {
    nock(HOST).get('/i').reply(200, 'x', { ETag: '"v2"', 'Last-Modified': 'Thu, 01 Jan 2015 00:00:00 GMT' });
    const res = await client().get({ url: `${HOST}/i`, politeness: FAST });
    expect(res.notModified).toBe(false);
    expect(res.etag).toBe('"v2"');
    expect(res.lastModified).toBe('Thu, 01 Jan 2015 00:00:00 GMT');
    expect(res.url).toBe(`${HOST}/i`);
  });

  it('refuses a body over maxBytes, by Content-Length and by counting streamed bytes', async () => {
    nock(HOST).get('/big').reply(200, 'x'.repeat(2000), { 'Content-Length': '2000' });
    const declared = await expectConnectorError(client().get({ url: `${HOST}/big`, maxBytes: 1000, politeness: FAST }));
    expect(declared.code).toBe('HTTP');
    expect(declared.message).toContain('response larger than 1000 bytes');

    // No Content-Length: a chunked body must be counted as it arrives.
    nock(HOST)
      .get('/chunked')
      .reply(200, () => Buffer.alloc(5000, 'y'), { 'Transfer-Encoding': 'chunked' });
    const streamed = await expectConnectorError(client({ maxBytes: 1000 }).get({ url: `${HOST}/chunked`, politeness: FAST }));
    expect(streamed.message).toContain('response larger than 1000 bytes');
  });

  it('sends a clear User-Agent', async () => {
    const scope = nock(HOST).get('/ua').matchHeader('user-agent', DEFAULT_USER_AGENT).reply(200, 'ok');
    await client().get({ url: `${HOST}/ua`, politeness: FAST });
    expect(scope.isDone()).toBe(true);
    expect(DEFAULT_USER_AGENT).toMatch(/^Earshot\/\S+ \(\+https?:\/\//);
  });

  it('maps a refused connection to HTTP after retrying', async () => {
    const error = await expectConnectorError(client({ retries: 1 }).get({ url: 'https://no-mock.example.test/', politeness: FAST }));
    expect(error.code).toBe('HTTP');
    expect(error.message).toContain('network error');
  });

  it('rejects a non-http URL as CONFIG', async () => {
    const error = await expectConnectorError(client().get({ url: 'file:///etc/passwd' }));
    expect(error.code).toBe('CONFIG');
  });

  it('aborts on the signal', async () => {
    nock(HOST).get('/slow').delay(2000).reply(200, 'late');
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const started = Date.now();
    const error = await expectConnectorError(
      client().get({ url: `${HOST}/slow`, politeness: FAST, signal: controller.signal }),
    );
    expect(error.code).toBe('TIMEOUT');
    expect(error.message).toContain('aborted');
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('aborts while waiting out a Retry-After', async () => {
    nock(HOST).get('/wait').reply(503, '', { 'Retry-After': '30' });
    const started = Date.now();
    const error = await expectConnectorError(
      client().get({ url: `${HOST}/wait`, politeness: FAST, signal: AbortSignal.timeout(100) }),
    );
    expect(error.code).toBe('TIMEOUT');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('spaces requests to one host by its budget without holding back another host', async () => {
    const budget: Politeness = { intervalCap: 1, intervalMs: 200, concurrency: 1 };
    const seen: Array<{ host: string; at: number }> = [];
    const record = (host: string) => () => {
      seen.push({ host, at: Date.now() });
      return [200, 'ok'] as const;
    };
    nock('https://one.example.test').get('/').times(3).reply(record('one'));
    nock('https://two.example.test').get('/').reply(record('two'));

    const http = client();
    const started = Date.now();
    await Promise.all([
      ...[1, 2, 3].map(() => http.get({ url: 'https://one.example.test/', politeness: budget })),
      http.get({ url: 'https://two.example.test/', politeness: budget }),
    ]);

    const one = seen.filter((s) => s.host === 'one').map((s) => s.at - started);
    const two = seen.find((s) => s.host === 'two')!.at - started;
    expect(one).toHaveLength(3);
    // Three starts in 200 ms windows need at least two full windows; allow slack for timers.
    expect(one[2]! - one[0]!).toBeGreaterThanOrEqual(300);
    // The other host goes straight away instead of queueing behind the first.
    expect(two).toBeLessThan(150);
  });
});

describe('http helpers', () => {
  it('reads Retry-After as seconds or an HTTP-date', () => {
    expect(retryAfterMs('7')).toBe(7000);
    const inAMinute = new Date(Date.now() + 60_000).toUTCString();
    expect(retryAfterMs(inAMinute)).toBeGreaterThan(50_000);
    expect(retryAfterMs('soon')).toBeNull();
    expect(retryAfterMs(undefined)).toBeNull();
  });

  it('keeps secrets out of URLs used in messages', () => {
    expect(redactUrl('https://u:p@api.example.test/v1?key=abc&q=brand')).toBe(
      'https://api.example.test/v1?key=REDACTED&q=brand',
    );
  });
});

describe('http: POST', () => {
  it('sends the body and content type, and retries an idempotent POST on 500', async () => {
    const host = 'https://post.example.test';
    const scope = nock(host)
      .post('/rpc', 'f.req=1')
      .matchHeader('content-type', 'application/x-www-form-urlencoded')
      .reply(500)
      .post('/rpc', 'f.req=1')
      .reply(200, 'ok');
    const client = createHttpClient({ retries: 2, retryBaseMs: 5 });
    const politeness = { intervalCap: 10, intervalMs: 10, concurrency: 1 };
    const res = await client.post({ url: `${host}/rpc`, body: 'f.req=1', contentType: 'application/x-www-form-urlencoded', idempotent: true, politeness });
    expect(res.body.toString()).toBe('ok');
    expect(scope.isDone()).toBe(true);
  });

  it('does not retry a POST that is not idempotent', async () => {
    const host = 'https://post2.example.test';
    nock(host).post('/write').reply(500);
    const client = createHttpClient({ retries: 2, retryBaseMs: 5 });
    await expect(client.post({ url: `${host}/write`, body: '{}', contentType: 'application/json' })).rejects.toMatchObject({ code: 'HTTP', status: 500 });
  });
});
