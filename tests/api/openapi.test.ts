import { readFileSync } from 'node:fs';
import SwaggerParser from '@apidevtools/swagger-parser';
import createClient from 'openapi-fetch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTypesSource, GENERATED_TYPES } from '../../src/api/generated/generate.js';
import type { paths } from '../../src/api/generated/openapi-types.js';
import { ensureImportSource } from '../../src/db/sources.js';
import { startServer, type Server } from '../../src/main.js';
import { makeKey } from '../helpers/api-keys.js';
import { loopbackFetch } from '../helpers/loopback-fetch.js';
import { tempEarshot } from '../helpers/temp-earshot.js';

const earshot = tempEarshot(`
brands:
  - { id: acme, name: Acme, include: [acme] }
topics:
  - { id: delivery, name: Delivery, terms: [delivery, parcel] }
`);
let server: Server;
let base: string;
let doc: any;

beforeAll(async () => {
  const source = ensureImportSource(earshot.store.db, 'reviews');
  await earshot.ingestor.ingest(
    source.id,
    Array.from({ length: 7 }, (_, i) => ({ externalId: `r${i}`, text: `Acme delivery number ${i} was late, terrible`, publishedAt: Date.parse('2024-02-01T12:00:00Z') + i * 3_600_000 })),
  );
  server = await startServer(earshot, 0, () => {});
  base = `http://127.0.0.1:${server.port}`;
  doc = await (await fetch(`${base}/api/v1/openapi.json`)).json();
});
afterAll(async () => {
  await server.stop();
  await earshot.cleanup();
});

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    expect(doc.openapi).toBe('3.1.0');
    await expect(SwaggerParser.validate(structuredClone(doc))).resolves.toBeTruthy();
  });

  it('says for every operation which role it needs, that it takes a Bearer key, and which problems it can answer', () => {
    expect(doc.components.securitySchemes.apiKey).toMatchObject({ type: 'http', scheme: 'bearer' });
    const operations = Object.entries(doc.paths).flatMap(([path, item]: [string, any]) => Object.entries(item).map(([method, op]: [string, any]) => ({ path, method, op })));
    expect(operations.length).toBeGreaterThanOrEqual(14);
    for (const { path, method, op } of operations) {
      expect(['viewer', 'analyst', 'admin'], `${method} ${path}`).toContain(op['x-earshot-role']);
      expect(op.security).toEqual([{ apiKey: [] }]);
      expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['401', '403', '429']));
      if (op.parameters?.length) expect(op.responses['400'], `${method} ${path}`).toBeDefined();
    }
    expect(doc.paths['/mentions/export'].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['format', 'source', 'topic', 'brand', 'lang', 'sentiment', 'rating', 'from', 'to', 'q']),
    );
  });

  it('matches the committed client types (npm run api:types regenerates them)', async () => {
    expect(readFileSync(GENERATED_TYPES, 'utf8')).toBe(await apiTypesSource());
  });
});

const client = (key: string) => createClient<paths>({ baseUrl: `${base}/api/v1`, headers: { authorization: `Bearer ${key}` }, fetch: loopbackFetch });

describe('a typed client generated from the document (openapi-typescript + openapi-fetch)', () => {
  it('reads trends, pages mentions, corrects a label and gets typed problems, over real HTTP', async () => {
    const analyst = client(makeKey(earshot.store, 'analyst'));

    const trends = await analyst.GET('/trends', { params: { query: { metric: 'volume', bucket: 'day', brand: 'acme' } } });
    expect(trends.response.status).toBe(200);
    expect(trends.data!.points.map((p) => p.volume)).toEqual([7]);

    const ids: number[] = [];
    let cursor: string | undefined;
    do {
      const { data } = await analyst.GET('/mentions', { params: { query: { topic: 'delivery', limit: 3, cursor } } });
      ids.push(...data!.items.map((m) => m.id));
      cursor = data!.nextCursor ?? undefined;
    } while (cursor);
    expect(ids).toHaveLength(7);
    expect(new Set(ids).size).toBe(7);

    const label = await analyst.PUT('/mentions/{id}/labels', { params: { path: { id: ids[0]! } }, body: { sentiment: 'neutral' } });
    expect(label.data).toMatchObject({ mentionId: ids[0], sentiment: 'neutral' });

    const bad = await analyst.GET('/trends', { params: { query: { bucket: 'fortnight' as 'day' } } });
    expect(bad.response.status).toBe(400);
    expect(bad.error!.errors!.map((e) => e.field)).toEqual(['bucket']);

    const viewer = client(makeKey(earshot.store, 'viewer'));
    const forbidden = await viewer.GET('/mentions', { params: { query: {} } });
    expect(forbidden.response.status).toBe(403);
    expect(forbidden.error!.detail).toContain('needs the analyst role');
    expect((await viewer.GET('/me')).data).toMatchObject({ role: 'viewer' });
  });
});
