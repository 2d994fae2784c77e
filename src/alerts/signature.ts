/**
 * Webhook signatures: `X-Earshot-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`
 * with the subscription's secret. The timestamp is signed with the body, so a receiver that
 * checks it against its clock (and drops idempotency keys it has seen) rejects replays.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'X-Earshot-Signature';
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
export const DEFAULT_TOLERANCE_SECONDS = 300;

export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

function hmac(secret: string, timestamp: number, body: string | Buffer): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex');
}

/** The header value for a body sent at `nowMs`. */
export function signWebhook(secret: string, body: string | Buffer, nowMs: number = Date.now()): string {
  const t = Math.floor(nowMs / 1000);
  return `t=${t},v1=${hmac(secret, t, body)}`;
}

export type VerifyResult = { ok: true; timestamp: number } | { ok: false; reason: string };

export interface VerifyOptions {
  /** The raw request body, exactly as received (not re-serialised JSON). */
  body: string | Buffer;
  /** The X-Earshot-Signature header. */
  header: string | null | undefined;
  secret: string;
  /** How far the signed time may be from now (default 300 s). */
  toleranceSeconds?: number;
  nowMs?: number;
}

/**
 * Checks a webhook's signature and its age. Any `v1=` entry may match (so a receiver can accept
 * during a secret change); comparison is constant-time.
 */
export function verifyWebhookSignature(opts: VerifyOptions): VerifyResult {
  if (!opts.header) return { ok: false, reason: `no ${SIGNATURE_HEADER} header` };
  let t: number | undefined;
  const candidates: string[] = [];
  for (const part of opts.header.split(',')) {
    const [key, value] = part.trim().split('=', 2) as [string, string | undefined];
    if (key === 't' && value && /^\d+$/.test(value)) t = Number(value);
    else if (key === 'v1' && value) candidates.push(value);
  }
  if (t === undefined) return { ok: false, reason: 'the signature header has no t=<unix seconds>' };
  if (candidates.length === 0) return { ok: false, reason: 'the signature header has no v1=<hex>' };
  const tolerance = opts.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  const age = Math.floor((opts.nowMs ?? Date.now()) / 1000) - t;
  if (Math.abs(age) > tolerance) return { ok: false, reason: `signed ${age} s ago, outside the ${tolerance} s tolerance (a replay or a wrong clock)` };
  const expected = Buffer.from(hmac(opts.secret, t, opts.body), 'hex');
  for (const candidate of candidates) {
    const given = Buffer.from(candidate, 'hex');
    if (given.length === expected.length && timingSafeEqual(given, expected)) return { ok: true, timestamp: t };
  }
  return { ok: false, reason: 'the signature does not match the body and secret' };
}
