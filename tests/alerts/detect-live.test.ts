import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMentionWriter, type MentionRecord } from '../../src/db/mention-writer.js';
import { startServer, type Server } from '../../src/main.js';
import { authHeaders } from '../helpers/api-keys.js';
import { tempEarshot } from '../helpers/temp-earshot.js';

// A live store: ten quiet days of Acme mentions up to now, then a feed that suddenly carries
// sixty complaints about cancelled flights. The scheduled run stores them and detection, run
// right after it, raises the alert that the API then lists.
const HOUR = 3_600_000;
const NOW = Date.now();
// The sixty all fall in one clock hour, a minute after its start, at least 15 minutes ago.
// Spread over the 20 to 10 minutes before now, they straddled two hours whenever the test ran
// 10 to 20 minutes past an hour (36 + 24), and the alert could count the smaller part.
const SPIKE_AT = Math.floor((NOW - 15 * 60_000) / HOUR) * HOUR + 60_000;

let feed: HttpServer;
let feedUrl = '';
const items = Array.from(
  { length: 60 },
  (_, i) => `<item><guid>storm-${i}</guid><title>Acme cancelled my flight</title><link>https://example.test/storm/${i}</link>
   <description>Acme cancelled my flight again, stranded at the gate for hours (${i})</description>
   <pubDate>${new Date(SPIKE_AT + i * 5_000).toUTCString()}</pubDate></item>`,
);
beforeAll(async () => {
  feed = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    res.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><link>https://example.test</link><description>d</description>${items.join('')}</channel></rss>`);
  });
  await new Promise<void>((resolve) => feed.listen(0, '127.0.0.1', resolve));
  feedUrl = `http://127.0.0.1:${(feed.address() as AddressInfo).port}/feed.xml`;
});
afterAll(() => feed.close());

describe('detection after each ingest run (earshot serve)', () => {
  it('stores the spike a run brings in and serves it at /api/v1/alerts', async () => {
    const earshot = tempEarshot(`
brands:
  - { id: acme, name: Acme, include: [acme] }
topics:
  - { id: cancellations, name: Cancellations, terms: [cancelled] }
sources:
  - { name: news, kind: rss, schedule: "*/2 * * * * *", options: { url: "${feedUrl}" } }
`);
    const sourceId = (earshot.store.sqlite.prepare("SELECT id FROM sources WHERE name = 'news'").get() as { id: number }).id;
    const quiet: MentionRecord[] = [];
    for (let t = Math.floor(NOW / HOUR) * HOUR - 10 * 24 * HOUR, i = 0; t < NOW - HOUR; t += HOUR) {
      for (let k = 0; k < 4; k++, i++) {
        quiet.push({
          sourceId, externalId: `q${i}`, url: null, author: null, title: null, text: `Acme flight was fine ${i}`, lang: 'en',
          publishedAt: t + k * 60_000, fetchedAt: t, rating: null, nps: null, csat: null, ces: null, contentHash: `q${i}`,
          sentimentScore: 0.2, sentimentLabel: 'neutral', sentimentNote: null, sentences: '[]', metadata: null,
          topics: [], brands: ['acme'], rollupTopics: [],
        });
      }
    }
    earshot.store.sqlite.transaction(() => createMentionWriter(earshot.store.sqlite).insertAll(quiet))();

    const lines: string[] = [];
    let server: Server | undefined;
    try {
      server = await startServer(earshot, 0, (line) => lines.push(line));
      for (let i = 0; i < 400 && !lines.some((l) => l.startsWith('detection:')); i++) await new Promise((r) => setTimeout(r, 50));
      expect(lines.find((l) => l.startsWith('run news:'))).toMatch(/"inserted":60/);
      expect(lines.find((l) => l.startsWith('detection:'))).toMatch(/new alert/);

      const headers = authHeaders(earshot.store, 'viewer');
      const res = await fetch(`http://127.0.0.1:${server.port}/api/v1/alerts?brand=acme&kind=volume_spike`, { headers });
      const body = (await res.json()) as { items: { id: number; topic: string; observed: number; status: string }[] };
      const alert = body.items.find((a) => a.topic === '*');
      expect(alert).toMatchObject({ status: 'open' });
      expect(alert!.observed).toBeGreaterThanOrEqual(60); // all sixty (and the quiet hour's four when it is that hour)
      const one = (await (await fetch(`http://127.0.0.1:${server.port}/api/v1/alerts/${alert!.id}`, { headers })).json()) as {
        explanation: { terms: { term: string }[]; samples: { text: string }[] };
      };
      expect(one.explanation.terms.map((t) => t.term)).toContain('cancelled');
      expect(one.explanation.samples.length).toBe(5);
    } finally {
      await server?.stop();
      await earshot.cleanup();
    }
  }, 60_000);
});
