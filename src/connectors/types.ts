import type { z } from 'zod';
import type { HttpClient } from './http.js';

/**
 * One item as a connector hands it over, before analysis. Dates are UTC epoch milliseconds.
 * Fields a source does not have stay undefined; nothing is invented.
 */
export interface RawItem {
  /** Stable id within the source (guid, review id, fullname…); (source, externalId) is unique. */
  externalId: string;
  url?: string | null;
  author?: string | null;
  title?: string | null;
  text: string;
  publishedAt?: number | null;
  /** Star rating 1–5 where the source has one. */
  rating?: number | null;
  /** Survey scores from imported direct feedback. */
  nps?: number | null;
  csat?: number | null;
  ces?: number | null;
  /** Language the source claims (ISO 639-1), used before guessing. */
  langHint?: string | null;
  /** Brand named by an import column; otherwise brands are recognised in the text. */
  brand?: string | null;
  /** Anything else the source says (app version, country, score, reply-to id, extra columns). */
  metadata?: Record<string, unknown>;
}

export interface FetchContext<C> {
  /** The source's options, already validated by the connector's schema. */
  config: C;
  /** What the previous successful run returned as its cursor; null on the first run. */
  cursor: unknown;
  http: HttpClient;
  signal: AbortSignal;
  log: (message: string) => void;
}

export interface FetchResult {
  items: RawItem[];
  /** Saved with the inserted items in one transaction, handed back on the next run. */
  cursor: unknown;
}

export interface Politeness {
  /** At most `intervalCap` requests per `intervalMs` to one host, across every source. */
  intervalCap: number;
  intervalMs: number;
  concurrency: number;
}

export interface Connector<C = unknown> {
  /** Equals the file name and the stored source kind. */
  name: string;
  description: string;
  configSchema: z.ZodType<C>;
  /** A working example of the options, shown in docs and used by the contract test. */
  example: C;
  defaultSchedule: string;
  politeness: Politeness;
  /** How long silence is normal for this kind of source before it counts as suspicious. */
  expectedIntervalMs: number;
  fetch(ctx: FetchContext<C>): Promise<FetchResult>;
  /**
   * The parser on its own: one saved response body (already decoded to text) into items. Pure,
   * used by fetch and by `earshot parse KIND FILE` for debugging a source on a saved page.
   * Throws ConnectorError PARSE when the body is not what the endpoint returns.
   */
  parse(body: string, config: C): RawItem[];
}
