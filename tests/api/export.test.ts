import net from 'node:net';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runningExports } from '../../src/api/export-route.js';
import { EXPORT_COLUMNS } from '../../src/db/mention-export.js';
import { createMentionWriter, type MentionRecord } from '../../src/db/mention-writer.js';
import { ensureImportSource } from '../../src/db/sources.js';
import { startServer, type Server } from '../../src/main.js';
import { authHeaders } from '../helpers/api-keys.js';
import { tempEarshot } from '../helpers/temp-earshot.js';

const earshot = tempEarshot(`
brands:
  - { id: acme, name: Acme, include: [acme] }
topics:
  - { id: delivery, name: Delivery, terms: [delivery, parcel] }
  - { id: late, name: Late, parent: delivery, terms: [late] }
`);
let server: Server;
let base: string;
let headers: Record<string, string>;

const TRICKY = 'Acme said "sorry", then:\nthe parcel, again, was late; =SUM(A1) ☹';

beforeAll(async () => {
  const reviews = ensureImportSource(earshot.store.db, 'reviews');
  await earshot.ingestor.ingest(reviews.id, [
    { externalId: 'a', text: TRICKY, publishedAt: Date.parse('2024-03-01T10:00:00Z'), rating: 1, metadata: { order: 'A-1' } },
    { externalId: 'b', text: 'Acme delivery was quick, lovely', publishedAt: Date.parse('2024-03-02T10:00:00Z'), rating: 5 },
    { externalId: 'c', text: 'Nothing to do with anything', publishedAt: Date.parse('2024-03-03T10:00:00Z') },
    { externalId: 'd', text: 'Het pakket van Acme kwam te laat', publishedAt: Date.parse('2024-03-04T10:00:00Z'), rating: 2 },
  ]);
  const a = earshot.store.sqlite.prepare("SELECT id FROM mentions WHERE external_id = 'a'").pluck().get() as number;
  earshot.store.sqlite.prepare("INSERT INTO labels (mention_id, sentiment, topics, updated_at) VALUES (?, 'negative', '[\"late\"]', 1)").run(a);
  server = await startServer(earshot, 0, () => {});
  base = `http://127.0.0.1:${server.port}`;
  headers = authHeaders(earshot.store, 'analyst');
});
afterAll(async () => {
  await server.stop();
  await earshot.cleanup();
});

const exportOf = (query: string) => fetch(`${base}/api/v1/mentions/export?${query}`, { headers });
async function listIds(query: string): Promise<number[]> {
  const ids: number[] = [];
  let cursor: string | null = null;
  do {
    const page = (await (await fetch(`${base}/api/v1/mentions?limit=2&${query}${cursor ? `&cursor=${cursor}` : ''}`, { headers })).json()) as any;
    ids.push(...page.items.map((m: { id: number }) => m.id));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

describe('GET /api/v1/mentions/export', () => {
  it('streams CSV with a header, correct quoting and a download name', async () => {
    const response = await exportOf('format=csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="earshot-mentions-\d{4}-\d{2}-\d{2}-\d{6}\.csv"$/);
    const rows = parse(await response.text(), { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([...EXPORT_COLUMNS]);
    expect(rows.map((r) => r.externalId)).toEqual(['d', 'c', 'b', 'a']);
    const a = rows.find((r) => r.externalId === 'a')!;
    expect(a.text).toBe(TRICKY); // commas, quotes, a newline and a formula-looking cell come back exactly
    expect(a).toMatchObject({ source: 'reviews', publishedAt: '2024-03-01T10:00:00.000Z', rating: '1', brands: 'acme', labelSentiment: 'negative', labelTopics: 'late' });
    expect(a.topics!.split('|').sort()).toEqual(['delivery', 'late']);
    expect(JSON.parse(a.metadata!)).toEqual({ order: 'A-1' });
    expect(rows.find((r) => r.externalId === 'c')).toMatchObject({ rating: '', topics: '', brands: '', labelSentiment: '' });
  });

  it('streams NDJSON, one typed object a line', async () => {
    const response = await exportOf('format=ndjson&brand=acme');
    expect(response.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    const text = await response.text();
    expect(text.endsWith('\n')).toBe(true);
    const rows = text.trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(rows.map((r) => r.externalId)).toEqual(['d', 'b', 'a']);
    const a = rows.find((r) => r.externalId === 'a');
    expect(a).toMatchObject({ text: TRICKY, rating: 1, brands: ['acme'], labelTopics: ['late'], metadata: { order: 'A-1' }, duplicateOf: null });
    expect(Object.keys(a)).toEqual([...EXPORT_COLUMNS]);
  });

  it('exports exactly what /mentions lists for the same filters', async () => {
    for (const query of ['topic=delivery', 'topic=late', 'brand=acme&rating=1,2', 'sentiment=negative', 'q=parcel', 'from=2024-03-02&to=2024-03-04', 'lang=nl', 'source=reviews']) {
      const rows = (await (await exportOf(`format=ndjson&${query}`)).text()).trimEnd().split('\n').filter(Boolean).map((l) => JSON.parse(l).id);
      expect(rows, query).toEqual(await listIds(query));
    }
    const empty = await (await exportOf('format=csv&q=zeppelin')).text();
    expect(empty.trimEnd()).toBe(EXPORT_COLUMNS.join(','));
  });

  it('refuses bad parameters as problem+json naming each field', async () => {
    const response = await exportOf('format=xlsx&rating=9&source=nowhere');
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { field: string }[] };
    expect(body.errors.map((e) => e.field).sort()).toEqual(['format', 'rating']);
  });
});

describe('an export the client walks away from', () => {
  it('holds at most a few chunks while the client does not read, and lets go when it disconnects', async () => {
    // 40 000 rows of ~1.2 KB (~50 MB): far more than socket buffers hold, so the stream must wait on the client.
    const source = ensureImportSource(earshot.store.db, 'bulk');
    const writer = createMentionWriter(earshot.store.sqlite);
    const text = 'lorem ipsum dolor sit amet '.repeat(45);
    const rows: MentionRecord[] = Array.from({ length: 40_000 }, (_, i) => ({
      sourceId: source.id, externalId: `bulk-${i}`, url: null, author: null, title: null, text: `${i} ${text}`, lang: 'en',
      publishedAt: Date.parse('2023-01-01') + i * 60_000, fetchedAt: 0, rating: null, nps: null, csat: null, ces: null,
      contentHash: `bulk-${i}`, sentimentScore: null, sentimentLabel: null, sentimentNote: null, sentences: '[]', metadata: null,
      topics: [], brands: [], rollupTopics: [],
    }));
    earshot.store.sqlite.transaction(() => writer.insertAll(rows))();

    // Raw sockets: nock's fetch interception (tests/helpers/no-network.ts) would read the body itself.
    const port = Number(new URL(base).port);
    const openStalled = async () => {
      const socket = net.connect(port, '127.0.0.1');
      socket.write(`GET /api/v1/mentions/export?format=csv&source=bulk HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: ${headers.authorization}\r\n\r\n`);
      const head = await new Promise<string>((resolve) => socket.once('data', (chunk: Buffer) => resolve(chunk.toString('latin1'))));
      socket.pause(); // read no further: the server has to wait
      expect(head).toMatch(/^HTTP\/1\.1 200/);
      return socket;
    };
    const first = await openStalled();
    expect(runningExports()).toBe(1);
    // While the server answers other requests, the export is still waiting for this client.
    expect((await fetch(`${base}/api/v1/sources`, { headers })).status).toBe(200);
    expect(runningExports()).toBe(1);

    // Four at once; a fifth is told to come back later.
    const more = [await openStalled(), await openStalled(), await openStalled()];
    expect(runningExports()).toBe(4);
    const fifth = await exportOf('format=csv&source=bulk');
    expect(fifth.status).toBe(429);
    expect(fifth.headers.get('retry-after')).toBe('10');
    expect(((await fetch(`${base}/api/v1/mentions/export?format=csv`, { headers, method: 'HEAD' })).status)).toBe(200);

    for (const socket of [first, ...more]) socket.destroy();
    for (let i = 0; i < 200 && runningExports() > 0; i++) await new Promise((r) => setTimeout(r, 25));
    expect(runningExports()).toBe(0);

    // And a full read of the same export ends cleanly with every row.
    const full = await (await exportOf('format=ndjson&source=bulk')).text();
    expect(full.trimEnd().split('\n')).toHaveLength(40_000);
    expect(runningExports()).toBe(0);
  }, 60_000);
});
