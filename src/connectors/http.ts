/**
 * The one HTTP door: every connector fetches through a client made here, so timeouts, retries,
 * Retry-After, per-host politeness, conditional GET, the User-Agent and the size cap are decided
 * once. Failures come out as ConnectorError, never as an empty body.
 */
import got, { HTTPError, RequestError, TimeoutError, type RetryObject } from 'got';
import PQueue from 'p-queue';
import { ConnectorError } from './errors.js';
import type { Politeness } from './types.js';

export interface HttpRequest {
  url: string;
  headers?: Record<string, string>;
  /** Validators from the previous response: sent as If-None-Match / If-Modified-Since. */
  etag?: string | null;
  lastModified?: string | null;
  /** Overrides the client's size cap. */
  maxBytes?: number;
  /** Budget for the URL's host. The first budget seen for a host is the one that holds. */
  politeness?: Politeness;
  signal?: AbortSignal;
}

export interface HttpPostRequest extends HttpRequest {
  body: string | Buffer;
  /** Content-Type of the body. */
  contentType: string;
  /** A POST that only reads (such as Google's batchexecute) may be retried like a GET. */
  idempotent?: boolean;
}

export interface HttpResponse {
  status: number;
  notModified: boolean;
  /** Final URL after redirects. */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  etag: string | null;
  lastModified: string | null;
}

export interface HttpClientOptions {
  userAgent?: string;
  /** Per attempt, from request start to the last body byte. */
  timeoutMs?: number;
  retries?: number;
  retryBaseMs?: number;
  /** A Retry-After longer than this fails with RATE_LIMITED instead of waiting. */
  maxRetryAfterMs?: number;
  maxBytes?: number;
}

export interface HttpClient {
  get(req: HttpRequest): Promise<HttpResponse>;
  post(req: HttpPostRequest): Promise<HttpResponse>;
}

export const DEFAULT_USER_AGENT =
  'Earshot/0.1 (+https://github.com/earshot/earshot; self-hosted social listening)';
export const DEFAULT_POLITENESS: Politeness = { intervalCap: 1, intervalMs: 1000, concurrency: 1 };

const BACKOFF_CAP_MS = 60_000;
// 413 is in got's default list but retrying an oversized request cannot help.
const RETRY_STATUS_CODES = [408, 429, 500, 502, 503, 504, 521, 522, 524];

type Settings = Required<HttpClientOptions>;

export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  const settings: Settings = {
    userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
    timeoutMs: options.timeoutMs ?? 20_000,
    retries: options.retries ?? 3,
    retryBaseMs: options.retryBaseMs ?? 1000,
    maxRetryAfterMs: options.maxRetryAfterMs ?? 120_000,
    maxBytes: options.maxBytes ?? 10 * 1024 * 1024,
  };
  // One queue per host, shared by every source using this client, so a budget holds across them.
  const queues = new Map<string, PQueue>();
  const queueFor = (host: string, p: Politeness): PQueue => {
    let queue = queues.get(host);
    if (!queue) {
      queue = new PQueue({ intervalCap: p.intervalCap, interval: p.intervalMs, concurrency: p.concurrency });
      queues.set(host, queue);
    }
    return queue;
  };

  const enqueue = async (req: HttpRequest | HttpPostRequest): Promise<HttpResponse> => {
    const url = checkUrl(req.url);
    const politeness = req.politeness ?? DEFAULT_POLITENESS;
    try {
      return await queueFor(url.host, politeness).add(() => send(req, settings, politeness), {
        signal: req.signal,
      });
    } catch (error) {
      throw toConnectorError(error, req, settings);
    }
  };
  return { get: (req) => enqueue(req), post: (req) => enqueue(req) };
}

function isPost(req: HttpRequest | HttpPostRequest): req is HttpPostRequest {
  return 'body' in req && req.body !== undefined;
}

async function send(req: HttpRequest | HttpPostRequest, s: Settings, politeness: Politeness): Promise<HttpResponse> {
  req.signal?.throwIfAborted();
  const maxBytes = req.maxBytes ?? s.maxBytes;
  const headers: Record<string, string> = { 'user-agent': s.userAgent };
  for (const [name, value] of Object.entries(req.headers ?? {})) headers[name.toLowerCase()] = value;
  if (req.etag) headers['if-none-match'] = req.etag;
  if (req.lastModified) headers['if-modified-since'] = req.lastModified;
  const post = isPost(req);
  if (post) headers['content-type'] = req.contentType;

  // Retries run inside the queue slot, so the interval cap does not see them; spacing every
  // retry by at least the per-request share of the budget keeps them within it.
  const minSpacingMs = Math.ceil(politeness.intervalMs / Math.max(1, politeness.intervalCap));
  const request = got(req.url, {
    method: post ? 'POST' : 'GET',
    body: post ? req.body : undefined,
    headers,
    responseType: 'buffer',
    timeout: { request: s.timeoutMs },
    retry: {
      limit: s.retries,
      methods: post ? (req.idempotent ? ['POST'] : []) : ['GET'],
      statusCodes: RETRY_STATUS_CODES,
      maxRetryAfter: s.maxRetryAfterMs,
      // Rules (limit, methods, codes, Retry-After bound) are checked by got before our delay runs.
      enforceRetryRules: true,
      calculateDelay: ({ attemptCount, retryAfter, computedValue }: RetryObject) =>
        Math.max(minSpacingMs, retryAfter ? computedValue : backoffMs(attemptCount, s.retryBaseMs)),
    },
  });

  // got listens for a request's 'error' once. Some interceptors (msw, used by nock) and agents
  // emit a destroyed request's error twice; unheard, the duplicate would crash the process.
  request.on('request', (clientRequest) => clientRequest.on('error', () => {}));

  let tooLarge = false;
  // `total` is Content-Length (known before the body is read); `transferred` counts the
  // decompressed bytes as they stream, which also catches servers that lie or omit the header.
  request.on('downloadProgress', ({ transferred, total }) => {
    if (!tooLarge && Math.max(transferred, total ?? 0) > maxBytes) {
      tooLarge = true;
      request.cancel();
    }
  });
  // cancel() stops at once, mid-transfer or while waiting out a back-off, and leaves the error
  // to toConnectorError, which reads the signal.
  const onAbort = () => request.cancel();
  req.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const res = await request;
    if (res.body.length > maxBytes) tooLarge = true;
    if (tooLarge) throw tooLargeError(req.url, maxBytes);
    const notModified = res.statusCode === 304;
    return {
      status: res.statusCode,
      notModified,
      url: res.url,
      headers: res.headers,
      body: notModified ? Buffer.alloc(0) : res.body,
      etag: firstHeader(res.headers.etag) ?? (notModified ? req.etag ?? null : null),
      lastModified:
        firstHeader(res.headers['last-modified']) ?? (notModified ? req.lastModified ?? null : null),
    };
  } catch (error) {
    if (tooLarge) throw tooLargeError(req.url, maxBytes);
    throw error;
  } finally {
    req.signal?.removeEventListener('abort', onAbort);
  }
}

/** Exponential back-off with "equal jitter": half fixed, half random, so retries spread out. */
function backoffMs(attempt: number, baseMs: number): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, baseMs * 2 ** (attempt - 1));
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

function toConnectorError(error: unknown, req: HttpRequest, s: Settings): ConnectorError {
  if (error instanceof ConnectorError) return error;
  const url = redactUrl(req.url);
  if (req.signal?.aborted) {
    return new ConnectorError('TIMEOUT', `request aborted: ${isPost(req) ? 'POST' : 'GET'} ${url}`, { url, cause: req.signal.reason });
  }
  if (error instanceof HTTPError) {
    const status = error.response.statusCode;
    const finalUrl = redactUrl(error.response.url || req.url);
    const details = { status, url: finalUrl, cause: error };
    if (status === 401 || status === 403) {
      return new ConnectorError('AUTH', `HTTP ${status} (not authorised) from ${finalUrl}`, details);
    }
    const retryAfter = retryAfterMs(error.response.headers['retry-after']);
    if (status === 429 || (retryAfter !== null && retryAfter > s.maxRetryAfterMs)) {
      const wait = retryAfter === null ? '' : `, Retry-After ${Math.ceil(retryAfter / 1000)}s`;
      return new ConnectorError('RATE_LIMITED', `HTTP ${status} (rate limited${wait}) from ${finalUrl}`, details);
    }
    return new ConnectorError('HTTP', `HTTP ${status} from ${finalUrl}`, details);
  }
  if (error instanceof TimeoutError) {
    return new ConnectorError('TIMEOUT', `no complete response within ${s.timeoutMs} ms from ${url}`, {
      url,
      cause: error,
    });
  }
  const code = error instanceof RequestError ? error.code : 'unknown';
  const reason = error instanceof Error ? error.message : String(error);
  return new ConnectorError('HTTP', `network error (${code}) for ${url}: ${reason}`, { url, cause: error });
}

function tooLargeError(url: string, maxBytes: number): ConnectorError {
  const safe = redactUrl(url);
  return new ConnectorError('HTTP', `response larger than ${maxBytes} bytes from ${safe}`, { url: safe });
}

function checkUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConnectorError('CONFIG', `not a valid URL: ${redactUrl(raw)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConnectorError('CONFIG', `only http(s) URLs can be fetched, got ${url.protocol}`);
  }
  return url;
}

/** Retry-After as milliseconds: delta-seconds or an HTTP-date. */
export function retryAfterMs(header: string | string[] | undefined): number | null {
  const value = firstHeader(header)?.trim();
  if (!value) return null;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now());
}

// Error messages end up in run records and logs; API keys in query strings must not.
const SECRET_PARAM = /key|token|secret|sig|pass|auth|session/i;

export function redactUrl(raw: string): string {
  try {
    const url = new URL(raw);
    for (const name of [...url.searchParams.keys()]) {
      if (SECRET_PARAM.test(name)) url.searchParams.set(name, 'REDACTED');
    }
    url.username = '';
    url.password = '';
    return url.href;
  } catch {
    return raw.replace(/[?#].*$/, '');
  }
}

function firstHeader(value: string | string[] | undefined): string | null {
  return (Array.isArray(value) ? value[0] : value) ?? null;
}
