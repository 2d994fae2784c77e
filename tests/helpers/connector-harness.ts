/**
 * Shared scaffolding for the connector tests in tests/connectors: a fast HTTP client that
 * records the politeness budget a connector asks for, a runner that calls `connector.fetch`
 * the way a source run does, assertions for the ConnectorError a run or a parse must end in,
 * and the per-test reset of nock and stubbed environment variables.
 */
import nock from 'nock';
import { expect, vi } from 'vitest';
import { ConnectorError } from '../../src/connectors/errors.js';
import { createHttpClient, type HttpClient, type HttpClientOptions } from '../../src/connectors/http.js';
import type { Connector, FetchResult, Politeness } from '../../src/connectors/types.js';

/** Client settings for connector tests: one retry, a 5 ms back-off and a 2 s timeout per attempt. */
export const TEST_HTTP_OPTIONS: Readonly<HttpClientOptions> = { retries: 1, retryBaseMs: 5, timeoutMs: 2000 };

/** A budget generous enough that no connector test waits on per-host spacing. */
export const FAST_POLITENESS: Readonly<Politeness> = { intervalCap: 100, intervalMs: 10, concurrency: 1 };

/**
 * The real client with TEST_HTTP_OPTIONS and nothing swapped: requests go out at the budget
 * the connector asks for.
 */
export function testHttp(): HttpClient {
  return createHttpClient(TEST_HTTP_OPTIONS);
}

/**
 * The real client with TEST_HTTP_OPTIONS, but every GET and POST goes out at FAST_POLITENESS
 * instead of the connector's own budget (a real one, such as 1 request / 5 s, would make paging
 * tests slow). The budget each request asked for is pushed onto `asked`, so a test can still
 * check that the connector asks for the right one.
 */
export function fastHttp(asked: Politeness[] = []): HttpClient {
  const http = testHttp();
  const fast: Politeness = { ...FAST_POLITENESS };
  return {
    get: (req) => {
      if (req.politeness) asked.push(req.politeness);
      return http.get({ ...req, politeness: fast });
    },
    post: (req) => {
      if (req.politeness) asked.push(req.politeness);
      return http.post({ ...req, politeness: fast });
    },
  };
}

export interface RunOptions {
  /** The cursor the previous run returned; null (a first run) unless given. */
  cursor?: unknown;
  /** The client to fetch through; a new `fastHttp()` unless given. */
  http?: HttpClient;
  /** Collects every message the connector logs; logs are dropped unless given. */
  logs?: string[];
}

/**
 * One `connector.fetch`, as a source run makes it (src/ingest/run-source.ts): `config` is first
 * validated by the connector's own schema (an already-parsed config parses to the same config),
 * and the signal is a fresh one that is never aborted.
 */
export function runConnector<C>(connector: Connector<C>, config: unknown, options: RunOptions = {}): Promise<FetchResult> {
  const logs = options.logs ?? [];
  return connector.fetch({
    config: connector.configSchema.parse(config),
    cursor: options.cursor ?? null,
    http: options.http ?? fastHttp(),
    signal: new AbortController().signal,
    log: (message) => logs.push(message),
  });
}

/** `runConnector`, resolving to the fetch result together with the messages logged on the way. */
export async function runConnectorWithLogs<C>(
  connector: Connector<C>,
  config: unknown,
  options: Omit<RunOptions, 'logs'> = {},
): Promise<FetchResult & { logs: string[] }> {
  const logs: string[] = [];
  const result = await runConnector(connector, config, { ...options, logs });
  return { ...result, logs };
}

/** Awaits a promise that must reject with a ConnectorError, and returns that error for the test to inspect. */
export async function expectConnectorError(promise: Promise<unknown>): Promise<ConnectorError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConnectorError);
  return error as ConnectorError;
}

/**
 * Calls `fn`, a parse that must throw a ConnectorError, and returns that error for the test to
 * inspect (the test checks its code). For parsers other than `connector.parse`; for that one,
 * use `expectParseError`.
 */
export function expectParseErrorFrom(fn: () => unknown): ConnectorError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ConnectorError);
    return error as ConnectorError;
  }
  throw new Error('expected a PARSE error');
}

/**
 * `connector.parse(body, config)` must throw a ConnectorError (the test checks its code);
 * `config` is the connector's example unless given.
 */
export function expectParseError<C>(connector: Connector<C>, body: string, config: C = connector.example): ConnectorError {
  return expectParseErrorFrom(() => connector.parse(body, config));
}

/** For `afterEach`: drops every pending nock interceptor and restores env vars set with `vi.stubEnv`. */
export function resetNetworkMocks(): void {
  nock.cleanAll();
  vi.unstubAllEnvs();
}
