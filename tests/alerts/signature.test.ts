import { describe, expect, it } from 'vitest';
import { newWebhookSecret, signWebhook, verifyWebhookSignature } from '../../src/alerts/signature.js';

describe('webhook signatures', () => {
  const secret = newWebhookSecret();
  const body = JSON.stringify({ type: 'alert', idempotencyKey: 'k1' });
  const now = Date.UTC(2026, 0, 1, 12);

  it('verifies what it signed, within the tolerance', () => {
    const header = signWebhook(secret, body, now);
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature({ body, header, secret, nowMs: now + 60_000 })).toEqual({ ok: true, timestamp: now / 1000 });
    expect(verifyWebhookSignature({ body: Buffer.from(body), header, secret, nowMs: now })).toMatchObject({ ok: true });
  });

  it('rejects a changed body, another secret, a replay outside the window and a malformed header', () => {
    const header = signWebhook(secret, body, now);
    expect(verifyWebhookSignature({ body: body.replace('k1', 'k2'), header, secret, nowMs: now })).toMatchObject({ ok: false, reason: expect.stringContaining('does not match') });
    expect(verifyWebhookSignature({ body, header, secret: newWebhookSecret(), nowMs: now })).toMatchObject({ ok: false });
    expect(verifyWebhookSignature({ body, header, secret, nowMs: now + 301_000 })).toMatchObject({ ok: false, reason: expect.stringContaining('replay') });
    expect(verifyWebhookSignature({ body, header, secret, nowMs: now + 3_600_000, toleranceSeconds: 7200 })).toMatchObject({ ok: true });
    expect(verifyWebhookSignature({ body, header: 'v1=abc', secret, nowMs: now })).toMatchObject({ ok: false, reason: expect.stringContaining('t=') });
    expect(verifyWebhookSignature({ body, header: undefined, secret, nowMs: now })).toMatchObject({ ok: false });
  });

  it('accepts any of several v1 entries (a secret being changed)', () => {
    const [, v1] = signWebhook(secret, body, now).split(',');
    const header = `t=${now / 1000},v1=${'0'.repeat(64)},${v1}`;
    expect(verifyWebhookSignature({ body, header, secret, nowMs: now })).toMatchObject({ ok: true });
  });
});
