/**
 * A store seeded the way a user fills one: a config file, CSV exports imported with the real
 * `earshot import`, two feed sources run with `earshot run` (one healthy, one failing), then the
 * spike detectors over the history, and two API keys made with `earshot keys create`. The tweets are generated here so that the counts the tests
 * assert are known by construction: ten quiet days of Acme and Globex chatter in three
 * languages, a storm of cancellations for Acme on 2015-02-12 15:00 UTC, one mention whose text
 * is an HTML payload and whose link is a javascript: URL.
 */
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectAlerts } from '../../src/alerts/detect.js';
import { openDb } from '../../src/db/client.js';
import { earshotAsync } from '../helpers/cli.js';

const HOUR = 3_600_000;
/** Monday 2015-02-02 00:00 UTC. */
export const START = Date.UTC(2015, 1, 2);
/** Thursday 2015-02-12 15:00 UTC: the storm hour. */
export const SPIKE = START + 10 * 24 * HOUR + 15 * HOUR;
export const END = SPIKE + 6 * HOUR;
export const XSS_TEXT = '<img src=x onerror=alert(1)>';
export const XSS_AT = START + 9 * 24 * HOUR + 10 * HOUR + 5 * 60_000;
export const REVIEWS_CSV = fileURLToPath(new URL('../fixtures/web/reviews.csv', import.meta.url));
/** Rows of reviews.csv, all for Acme. */
export const REVIEW_ROWS = 24;

const QUIET: readonly (readonly [brand: 'Acme' | 'Globex', text: string])[] = [
  ['Acme', 'Acme flight was fine today'],
  ['Acme', 'Loved the Acme crew on my trip'],
  ['Acme', 'Acme price is ok for this route'],
  ['Acme', 'Small delay with Acme but the crew kept us informed'],
  ['Globex', 'Globex boarding was quick this morning'],
  ['Acme', 'Acme lounge coffee is good'],
  ['Acme', 'Acme lost my bag again and nobody at the desk helps'],
  ['Globex', 'Globex seat was cramped and the price too high'],
  ['Acme', 'Le vol Acme était en retard mais l’équipage était très gentil'],
  ['Acme', 'Der Acme Flug war pünktlich und das Personal sehr freundlich'],
  ['Globex', 'Thanks Globex for the smooth rebooking'],
];
const ENDINGS = ['', ' today', ' this week', ' again', '!', ' on the way home', ' from Denver', ' to Boston'];

export interface SeedCounts {
  tweets: number;
  byBrand: Record<'acme' | 'globex', number>;
  storm: number;
}

function csvCell(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** The tweets export and what it holds. */
export function tweetsCsv(): { csv: string; counts: SeedCounts } {
  const rows: string[] = ['id,created,text,brand,link'];
  const counts: SeedCounts = { tweets: 0, byBrand: { acme: 0, globex: 0 }, storm: 0 };
  const add = (id: string, at: number, text: string, brand: 'Acme' | 'Globex', link: string) => {
    rows.push([id, new Date(at).toISOString(), text, brand, link].map(csvCell).join(','));
    counts.tweets++;
    counts.byBrand[brand === 'Acme' ? 'acme' : 'globex']++;
  };
  let n = 0;
  for (let t = START; t < END; t += HOUR) {
    const hour = (t - START) / HOUR;
    const perHour = 4 + ((hour * 7) % 4);
    for (let i = 0; i < perHour; i++) {
      const [brand, text] = QUIET[(hour + i) % QUIET.length]!;
      add(`t${n}`, t + i * 60_000, `${text}${ENDINGS[(n * 3 + hour) % ENDINGS.length]}`, brand, `https://social.example/status/${n}`);
      n++;
    }
    if (t === SPIKE) {
      for (let i = 0; i < 60; i++) {
        add(`s${i}`, t + i * 30_000, `@acme cancelled my flight in the storm, stranded at gate B${i} with no rebooking`, 'Acme', `https://social.example/storm/${i}`);
        counts.storm++;
      }
    }
  }
  add('x1', XSS_AT, XSS_TEXT, 'Acme', 'javascript:alert(2)');
  return { csv: `${rows.join('\n')}\n`, counts };
}

export function seedConfig(feedBase: string): string {
  return `
brands:
  - { id: acme, name: Acme, include: [acme] }
  - { id: globex, name: Globex, include: [globex], competitor: true }
topics:
  - { id: disruption, name: Delays and cancellations, terms: [delay, delayed, late, cancel, cancelled, stranded, retard] }
  - { id: cancellations, name: Cancellations, parent: disruption, terms: [cancel, cancelled] }
  - { id: baggage, name: Baggage, terms: [bag, luggage] }
  - { id: price, name: Price and fees, terms: [price, fee, refund] }
  - { id: crew, name: Crew and service, terms: [crew, agent, staff, service, personal, équipage] }
sources:
  - { name: forum, kind: rss, schedule: "0 0 1 1 *", options: { url: "${feedBase}/feed.xml" } }
  - { name: status-page, kind: rss, schedule: "0 0 1 1 *", options: { url: "${feedBase}/gone.xml" } }
`;
}

async function cli(args: string[]): Promise<string> {
  const result = await earshotAsync(args, { env: { EARSHOT_WORKERS: '0' } });
  if (result.status !== 0) throw new Error(`earshot ${args.join(' ')} failed (${result.status}):\n${result.stderr}`);
  return result.stdout;
}

/**
 * Seeds `dir/earshot.db`; `feedBase` is a local server answering /feed.xml with an empty feed
 * and anything else with 404. Returns the paths and the counts of what was imported.
 */
export interface SeededStore {
  dbPath: string;
  configPath: string;
  counts: SeedCounts;
  alerts: number;
  keys: { viewer: string; analyst: string };
}

/** A key made the way an admin makes one; the CLI prints it once, on stdout. */
export async function createKey(dbPath: string, name: string, role: 'viewer' | 'analyst' | 'admin'): Promise<string> {
  return (await cli(['keys', 'create', '--name', name, '--role', role, '--db', dbPath])).trim();
}

export async function seedStore(dir: string, feedBase: string): Promise<SeededStore> {
  const dbPath = path.join(dir, 'earshot.db');
  const configPath = path.join(dir, 'earshot.yaml');
  writeFileSync(configPath, seedConfig(feedBase));
  const { csv, counts } = tweetsCsv();
  const tweets = path.join(dir, 'tweets.csv');
  writeFileSync(tweets, csv);
  const store = ['--db', dbPath, '--config', configPath];
  await cli(['import', tweets, '--source', 'tweets', '--map', 'date=created', '--map', 'url=link', ...store]);
  await cli(['import', REVIEWS_CSV, '--source', 'app-reviews', '--map', 'id=review_id', '--map', 'date=submitted', '--map', 'rating=stars', '--map', 'text=body', ...store]);
  await cli(['run', 'forum', ...store]);
  // A failing source is recorded with its reason and a non-zero exit; that is the point here.
  await earshotAsync(['run', 'status-page', ...store]);

  const opened = openDb(dbPath);
  let alerts: number;
  try {
    alerts = detectAlerts(opened, { from: START, to: END, persist: true }).length;
  } finally {
    opened.close();
  }
  const keys = { viewer: await createKey(dbPath, 'marketing-wall', 'viewer'), analyst: await createKey(dbPath, 'insights-team', 'analyst') };
  return { dbPath, configPath, counts, alerts, keys };
}

const EMPTY_FEED = '<?xml version="1.0"?><rss version="2.0"><channel><title>Forum</title><link>https://forum.example/</link><description>quiet</description></channel></rss>';

/** A local feed host: /feed.xml is a valid feed with nothing new, anything else is a 404. */
export async function startFeedServer(): Promise<{ base: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    if (req.url === '/feed.xml') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(EMPTY_FEED);
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not here');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
