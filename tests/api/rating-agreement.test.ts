import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureImportSource } from '../../src/db/sources.js';
import { startServer, type Server } from '../../src/main.js';
import { authHeaders } from '../helpers/api-keys.js';
import { tempEarshot } from '../helpers/temp-earshot.js';

// Reviews whose stars and words tell different stories are the ones worth reading first.
const earshot = tempEarshot('');
let server: Server;
let base: string;
let headers: Record<string, string>;

beforeAll(async () => {
  const reviews = ensureImportSource(earshot.store.db, 'reviews');
  const at = (iso: string) => Date.parse(iso);
  await earshot.ingestor.ingest(reviews.id, [
    { externalId: 'r1', text: 'Stopped working after a week. Waste of money, I returned it.', publishedAt: at('2024-05-01T10:00:00Z'), rating: 5 },
    { externalId: 'r2', text: 'Love it, works great and was easy to set up!', publishedAt: at('2024-05-01T11:00:00Z'), rating: 5 },
    { externalId: 'r3', text: 'Terrible. It broke on day one.', publishedAt: at('2024-05-02T09:00:00Z'), rating: 1 },
    { externalId: 'r4', text: 'Love it, works great and the sound is wonderful.', publishedAt: at('2024-05-02T10:00:00Z'), rating: 1 },
    { externalId: 'r5', text: 'Works great, love it.', publishedAt: at('2024-05-02T12:00:00Z') },
  ]);
  server = await startServer(earshot, 0, () => {});
  base = `http://127.0.0.1:${server.port}`;
  headers = authHeaders(earshot.store, 'analyst');
});

afterAll(async () => {
  await server.stop();
  await earshot.cleanup();
});

async function get(path: string) {
  const response = await fetch(base + path, { headers });
  return { status: response.status, body: (await response.json()) as any };
}

describe('ratings against text', () => {
  it('shows on every mention whether its stars and its text agree', async () => {
    const { body } = await get('/api/v1/mentions?limit=10');
    const byId = Object.fromEntries(body.items.map((m: { externalId: string; ratingAgreement: string | null }) => [m.externalId, m.ratingAgreement]));
    expect(byId).toEqual({ r1: 'disagree', r2: 'agree', r3: 'agree', r4: 'disagree', r5: null });
  });

  it('filters mentions to the disagreements', async () => {
    const { status, body } = await get('/api/v1/mentions?ratingAgreement=disagree');
    expect(status).toBe(200);
    expect(body.items.map((m: { externalId: string }) => m.externalId)).toEqual(['r4', 'r1']);
  });

  it('counts disagreements per day in trends', async () => {
    const { status, body } = await get('/api/v1/trends?metric=volume&bucket=day&ratingAgreement=disagree&from=2024-05-01&to=2024-05-03');
    expect(status).toBe(200);
    expect(body.points.map((p: { volume: number }) => p.volume)).toEqual([1, 1]);
  });

  it('rejects an unknown agreement value with a problem that names the field', async () => {
    const { status, body } = await get('/api/v1/mentions?ratingAgreement=maybe');
    expect(status).toBe(400);
    expect(JSON.stringify(body)).toContain('ratingAgreement');
  });
});
