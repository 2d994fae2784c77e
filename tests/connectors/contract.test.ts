import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import nock from 'nock';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { connectors } from '../../src/connectors/index.js';
import { createHttpClient, type HttpClient } from '../../src/connectors/http.js';
import type { Connector, RawItem } from '../../src/connectors/types.js';
import { REPO } from '../helpers/cli.js';
import { resetNetworkMocks, runConnector } from '../helpers/connector-harness.js';

/**
 * Every registered connector, run against its recorded example: the requests its `example`
 * config makes, answered from tests/fixtures/contract/<name>.json. Items must have unique,
 * stable ids, valid dates and text; a second run from its own cursor must not fail.
 */
interface Recorded {
  method?: 'GET' | 'POST';
  url: string;
  status?: number;
  headers?: Record<string, string>;
  /** A file under tests/fixtures, or an inline body. */
  file?: string;
  body?: unknown;
}

// Modules of src/connectors that are machinery, not sources.
const MACHINERY = new Set(['types', 'errors', 'http', 'index', 'decode', 'html-text', 'parse-saved', 'bot-wall']);
const connectorDir = path.join(REPO, 'src/connectors');
const fixtures = path.join(REPO, 'tests/fixtures');

/** A plain list of requests, or `{ env, requests }` when the example reads secrets from the environment. */
function recorded(name: string): { env: Record<string, string>; requests: Recorded[] } {
  const data = JSON.parse(readFileSync(path.join(fixtures, 'contract', `${name}.json`), 'utf8')) as
    | Recorded[]
    | { env?: Record<string, string>; requests: Recorded[] };
  return Array.isArray(data) ? { env: {}, requests: data } : { env: data.env ?? {}, requests: data.requests };
}

function intercept(requests: Recorded[]): void {
  for (const r of requests) {
    const url = new URL(r.url);
    const scope = nock(url.origin);
    const pathWithQuery = url.pathname + url.search;
    const interceptor = r.method === 'POST' ? scope.post(pathWithQuery) : scope.get(pathWithQuery);
    const body = r.file ? readFileSync(path.join(fixtures, r.file)) : typeof r.body === 'string' ? r.body : JSON.stringify(r.body);
    interceptor.reply(r.status ?? 200, body, r.headers ?? {});
  }
}

// The recorded example is about what a connector makes of answers, not its politeness budget.
// Kept local rather than fastHttp: no retries (every recorded answer is used once) and concurrency 4.
function fastClient(): HttpClient {
  const client = createHttpClient({ retries: 0, timeoutMs: 2000 });
  const fast = { intervalCap: 100, intervalMs: 10, concurrency: 4 };
  return { get: (req) => client.get({ ...req, politeness: fast }), post: (req) => client.post({ ...req, politeness: fast }) };
}

async function fetchOnce(connector: Connector<any>, cursor: unknown) {
  return runConnector(connector, connector.example, { cursor, http: fastClient() });
}

function checkItems(items: RawItem[]): void {
  expect(items.length).toBeGreaterThan(0);
  const ids = items.map((i) => i.externalId);
  expect(new Set(ids).size).toBe(ids.length);
  for (const item of items) {
    expect(typeof item.externalId).toBe('string');
    expect(item.externalId.length).toBeGreaterThan(0);
    expect(item.text.trim().length).toBeGreaterThan(0);
    if (item.publishedAt != null) {
      expect(Number.isFinite(item.publishedAt)).toBe(true);
      expect(item.publishedAt).toBeGreaterThan(Date.parse('1995-01-01'));
      expect(item.publishedAt).toBeLessThan(Date.now() + 24 * 3_600_000);
    }
    if (item.rating != null) expect(item.rating >= 1 && item.rating <= 5).toBe(true);
  }
}

afterEach(resetNetworkMocks);

describe('connector contract', () => {
  it('registers every connector file under its own name', () => {
    const modules = readdirSync(connectorDir)
      .map((entry) => (statSync(path.join(connectorDir, entry)).isDirectory() ? entry : entry.replace(/\.ts$/, '')))
      .filter((name) => !MACHINERY.has(name));
    expect(modules.sort()).toEqual(Object.keys(connectors).sort());
    for (const [kind, connector] of Object.entries(connectors)) expect(connector.name).toBe(kind);
  });

  for (const [name, connector] of Object.entries(connectors)) {
    describe(name, () => {
      it('declares a valid example, schedule and politeness', () => {
        expect(connector.configSchema.safeParse(connector.example).success).toBe(true);
        expect(connector.defaultSchedule.split(' ').length).toBeGreaterThanOrEqual(5);
        expect(connector.politeness.intervalCap).toBeGreaterThan(0);
        expect(connector.expectedIntervalMs).toBeGreaterThan(0);
      });

      it('turns its recorded example into valid items with stable ids', async () => {
        const { env, requests } = recorded(name);
        for (const [key, value] of Object.entries(env)) vi.stubEnv(key, value);
        intercept(requests);
        const first = await fetchOnce(connector, null);
        checkItems(first.items);
        expect(nock.isDone()).toBe(true); // every recorded answer was asked for
        nock.cleanAll();
        intercept(requests);
        const again = await fetchOnce(connector, null);
        expect(again.items.map((i) => i.externalId)).toEqual(first.items.map((i) => i.externalId));
        expect(JSON.parse(JSON.stringify(first.cursor ?? null))).toEqual(first.cursor ?? null);
      });
    });
  }
});
