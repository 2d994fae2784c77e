/**
 * One POST to a webhook or Slack target through node:http, because the guard has to sit in the
 * socket's own DNS lookup (see target-guard.ts): redirects are never followed (a 3xx fails the
 * attempt, so a public URL cannot bounce the request to an internal one), the body read back is
 * capped, and the whole exchange has a deadline.
 */
import http from 'node:http';
import https from 'node:https';
import ipaddr from 'ipaddr.js';
import { guardedLookup, refusal, TargetRefusedError, type Resolver, type TargetPolicy } from '../target-guard.js';
import type { SendResult } from './types.js';

export interface PostOptions {
  policy: TargetPolicy;
  resolve?: Resolver;
  timeoutMs: number;
  signal?: AbortSignal;
}

const MAX_ERROR_BODY = 2048;

/** Retry-After as seconds or an HTTP date, in ms from now. */
export function retryAfterMs(value: string | undefined, nowMs: number): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

export function post(url: string, body: string, headers: Record<string, string>, opts: PostOptions): Promise<SendResult> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return Promise.resolve({ ok: false, permanent: true, refused: true, error: `'${url}' is not a URL` });
  }
  if (target.protocol !== 'https:' && target.protocol !== 'http:') {
    return Promise.resolve({ ok: false, permanent: true, refused: true, error: `${target.protocol} targets are not supported` });
  }
  // An IP literal never goes through a lookup, so it is judged here.
  const host = target.hostname.replace(/^\[|\]$/g, '');
  if (ipaddr.isValid(host)) {
    const reason = refusal(host, opts.policy);
    if (reason) return Promise.resolve({ ok: false, permanent: true, refused: true, error: `${target.hostname}: ${reason}` });
  }
  const client = target.protocol === 'https:' ? https : http;
  return new Promise<SendResult>((resolve) => {
    let settled = false;
    const done = (result: SendResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      resolve(result);
    };
    const req = client.request(
      target,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), ...headers },
        lookup: guardedLookup(opts.policy, opts.resolve),
        agent: false,
      },
      (res) => {
        const status = res.statusCode ?? 0;
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          if (text.length < MAX_ERROR_BODY) text += chunk;
        });
        res.on('error', (error) => done({ ok: false, httpStatus: status, error: `reading the answer: ${error.message}` }));
        res.on('end', () => {
          const snippet = text.slice(0, 300).trim();
          if (status >= 200 && status < 300) return done({ ok: true, httpStatus: status });
          if (status >= 300 && status < 400) {
            return done({ ok: false, permanent: true, httpStatus: status, error: `HTTP ${status}: redirects are not followed (Location: ${res.headers.location ?? 'none'})` });
          }
          const retryable = status === 408 || status === 425 || status === 429 || status >= 500;
          done({
            ok: false,
            httpStatus: status,
            permanent: !retryable,
            retryAfterMs: retryAfterMs(res.headers['retry-after'], Date.now()),
            error: `HTTP ${status}${snippet ? `: ${snippet}` : ''}`,
          });
        });
      },
    );
    const timer = setTimeout(() => {
      req.destroy(new Error(`no answer within ${opts.timeoutMs} ms`));
    }, opts.timeoutMs);
    const onAbort = () => req.destroy(new Error('aborted: Earshot is stopping'));
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    req.on('error', (error: Error) => {
      if (error instanceof TargetRefusedError) return done({ ok: false, permanent: true, refused: true, error: error.message });
      const code = (error as NodeJS.ErrnoException).code;
      done({ ok: false, error: code && !error.message.includes(code) ? `${code}: ${error.message}` : error.message });
    });
    req.end(body);
  });
}
