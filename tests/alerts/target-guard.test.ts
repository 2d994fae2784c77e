import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { post } from '../../src/alerts/channels/http-post.js';
import { checkTarget, refusal, targetPolicy, TargetRefusedError, type Resolver } from '../../src/alerts/target-guard.js';
import { startReceiver } from '../helpers/receiver.js';

const strict = targetPolicy([]);

describe('refusal', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.9.9.9', 'loopback'],
    ['::1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'cloud metadata'],
    ['169.254.1.1', 'link-local'],
    ['fe80::1', 'link-local'],
    ['fd12:3456::1', 'unique-local'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:a9fe:a9fe', 'cloud metadata'],
    ['64:ff9b::a00:1', 'private'],
    ['2002:c0a8:101::1', 'private'],
    ['224.0.0.1', 'multicast'],
  ])('refuses %s (%s)', (address, what) => {
    expect(refusal(address, strict)).toContain(what);
  });

  it.each(['93.184.216.34', '8.8.8.8', '2606:4700::6810:85e5', '::ffff:8.8.8.8'])('accepts the public address %s', (address) => {
    expect(refusal(address, strict)).toBeNull();
  });

  it('lets the config allow a class or a CIDR, and nothing else', () => {
    const loopback = targetPolicy(['loopback']);
    expect(refusal('127.0.0.1', loopback)).toBeNull();
    expect(refusal('::1', loopback)).toBeNull();
    expect(refusal('::ffff:127.0.0.1', loopback)).toBeNull();
    expect(refusal('10.0.0.1', loopback)).toContain('private');
    const cidr = targetPolicy(['10.20.0.0/16']);
    expect(refusal('10.20.3.4', cidr)).toBeNull();
    expect(refusal('10.21.3.4', cidr)).toContain('private');
    expect(refusal('169.254.169.254', cidr)).toContain('metadata');
  });
});

describe('checkTarget', () => {
  const resolving = (answers: Record<string, string[]>): Resolver => async (host) => {
    const list = answers[host];
    if (!list) throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
    return list.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };

  it('checks every address a name resolves to', async () => {
    const resolve = resolving({ 'hooks.example.com': ['93.184.216.34'], 'mixed.example.com': ['93.184.216.34', '10.0.0.5'], 'meta.example.com': ['169.254.169.254'] });
    await expect(checkTarget('https://hooks.example.com/x', strict, resolve)).resolves.toEqual(['93.184.216.34']);
    await expect(checkTarget('https://mixed.example.com/x', strict, resolve)).rejects.toThrow(/10\.0\.0\.5 is a private address/);
    await expect(checkTarget('https://meta.example.com/x', strict, resolve)).rejects.toThrow(/cloud metadata/);
    await expect(checkTarget('https://nowhere.example.com/x', strict, resolve)).rejects.toThrow(/does not resolve \(ENOTFOUND\)/);
    await expect(checkTarget('http://[::ffff:7f00:1]:8080/x', strict, resolve)).rejects.toThrow(/loopback/);
    await expect(checkTarget('ftp://hooks.example.com/x', strict, resolve)).rejects.toThrow(TargetRefusedError);
    await expect(checkTarget('https://user:pw@hooks.example.com/x', strict, resolve)).rejects.toThrow(/user name or password/);
  });
});

describe('post (the send-time guard)', () => {
  const loopbackOnly = targetPolicy(['loopback']);
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    receiver = await startReceiver();
  });
  afterAll(() => receiver.close());

  it('refuses at send time a name that re-resolves to a refused address (DNS rebinding), before connecting', async () => {
    let calls = 0;
    // Public when the subscription was checked, loopback when the message is sent.
    const rebinding: Resolver = async () => [{ address: calls++ === 0 ? '93.184.216.34' : '127.0.0.1', family: 4 }];
    // 'localhost' because nock (no network in tests) only lets loopback names through; what it
    // resolves to is the resolver's answer, not the system's.
    const url = `http://localhost:${receiver.port}/hook`;
    await expect(checkTarget(url, strict, rebinding)).resolves.toEqual(['93.184.216.34']);
    const before = receiver.received.length;
    const result = await post(url, '{}', {}, { policy: strict, resolve: rebinding, timeoutMs: 2000 });
    expect(result).toMatchObject({ ok: false, permanent: true, refused: true });
    expect(result.error).toMatch(/127\.0\.0\.1 is a loopback address/);
    expect(receiver.received.length).toBe(before);
  });

  it('connects to the very address it checked when allowed', async () => {
    const toLoopback: Resolver = async () => [{ address: '127.0.0.1', family: 4 }];
    const result = await post(`http://localhost:${receiver.port}/hook`, '{"a":1}', {}, { policy: loopbackOnly, resolve: toLoopback, timeoutMs: 2000 });
    expect(result).toEqual({ ok: true, httpStatus: 200 });
    expect(receiver.received.at(-1)).toMatchObject({ method: 'POST', path: '/hook', body: '{"a":1}' });
    expect(receiver.received.at(-1)!.headers.host).toBe(`localhost:${receiver.port}`);
  });

  it('never follows a redirect', async () => {
    const inner = await startReceiver();
    const redirecting = await startReceiver(() => ({ status: 307, headers: { location: `${inner.url}/internal` } }));
    const result = await post(`${redirecting.url}/hook`, '{}', {}, { policy: loopbackOnly, timeoutMs: 2000 });
    expect(result).toMatchObject({ ok: false, permanent: true, httpStatus: 307 });
    expect(result.error).toContain('redirects are not followed');
    expect(inner.received).toHaveLength(0);
    await Promise.all([inner.close(), redirecting.close()]);
  });

  it('refuses an IP literal without a lookup', async () => {
    const result = await post(`http://127.0.0.1:${receiver.port}/hook`, '{}', {}, { policy: strict, timeoutMs: 2000 });
    expect(result).toMatchObject({ ok: false, refused: true });
  });
});
