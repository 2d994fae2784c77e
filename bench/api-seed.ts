/**
 * Seeding for bench:api — a year of synthetic mentions written through the real MentionWriter
 * (mentions, topics, brands, both rollup tables and the FTS index, as ingest writes them; NLP
 * skipped: labels and scores drawn at random), and a CSV for the background `earshot import`.
 */
import { writeFileSync } from 'node:fs';
import { parseConfigText } from '../src/config/load.js';
import type { OpenDb } from '../src/db/client.js';
import { createMentionWriter, type MentionRecord } from '../src/db/mention-writer.js';
import { ensureImportSource, syncConfig } from '../src/db/sources.js';

export const YEAR_START = Date.UTC(2025, 0, 1);
export const DAY = 86_400_000;
const YEAR_MS = 365 * DAY;
const SOURCES = ['news', 'reddit', 'appstore', 'trustpilot', 'survey'];
const BRANDS = ['acme', 'globex', 'initech'];
const TOPICS: [string, string | null][] = [['delivery', null], ['late-delivery', 'delivery'], ['price', null], ['support', null], ['app', null]];

export const BENCH_CONFIG = `
brands:
${BRANDS.map((b, i) => `  - { id: ${b}, name: ${b}, include: [${b}], competitor: ${i > 0} }`).join('\n')}
topics:
${TOPICS.map(([id, parent]) => `  - { id: ${id}, name: ${id}, terms: [${id.replace('-', '')}]${parent ? `, parent: ${parent}` : ''} }`).join('\n')}
`;

let seed = 7;
const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const WORDS = ['the', 'parcel', 'arrived', 'late', 'again', 'support', 'was', 'helpful', 'price', 'too', 'high', 'app', 'crashes', 'when', 'I', 'open', 'it', 'great', 'service', 'refund', 'still', 'waiting', 'courier', 'rude', 'lovely', 'fast', 'delivery', 'broken', 'box', 'thanks'];

/** A review-like sentence of 12–40 words, with a comma or a quote now and then (CSV quoting has work to do). */
export function sentence(brand: string): string {
  const n = 12 + Math.floor(rand() * 28);
  const words = Array.from({ length: n }, () => pick(WORDS));
  words[Math.floor(rand() * n)] = brand;
  if (rand() < 0.3) words[3] += ',';
  if (rand() < 0.1) words[5] = `"${words[5]}"`;
  return words.join(' ');
}

function record(i: number, total: number, sourceIds: number[]): MentionRecord {
  const t = YEAR_START + Math.floor(((i + rand()) / total) * YEAR_MS);
  const brand = pick(BRANDS);
  const [topic, parent] = pick(TOPICS);
  const score = Math.round((rand() * 2 - 1) * 1000) / 1000;
  const label = score > 0.2 ? 'positive' : score < -0.2 ? 'negative' : 'neutral';
  const s = Math.floor(rand() * SOURCES.length);
  return {
    sourceId: sourceIds[s]!, externalId: `m${i}`, url: `https://example.test/${i}`, author: `user${i % 9_973}`, title: null,
    text: sentence(brand), lang: 'en', publishedAt: t, fetchedAt: t, rating: SOURCES[s] === 'appstore' ? 1 + Math.floor(rand() * 5) : null,
    nps: null, csat: null, ces: null, contentHash: `h${i}`, sentimentScore: score, sentimentLabel: label, sentimentNote: null,
    sentences: '[]', metadata: rand() < 0.2 ? JSON.stringify({ order: `A-${i}` }) : null,
    topics: [{ id: topic, terms: [topic], score, label }], brands: [brand], rollupTopics: parent ? [topic, parent] : [topic],
  };
}

/** Seeds `total` mentions; returns seconds taken. */
export function seedMentions(store: OpenDb, total: number, log: (m: string) => void): number {
  const config = parseConfigText(BENCH_CONFIG);
  if (!config.ok) throw new Error(config.problems.join('\n'));
  syncConfig(store.db, config.config);
  const ids = SOURCES.map((name) => ensureImportSource(store.db, name).id);
  store.sqlite.pragma('synchronous = OFF');
  const writer = createMentionWriter(store.sqlite);
  const insert = store.sqlite.transaction((batch: MentionRecord[]) => writer.insertAll(batch));
  const started = performance.now();
  for (let i = 0; i < total; i += 10_000) {
    insert(Array.from({ length: Math.min(10_000, total - i) }, (_, j) => record(i + j, total, ids)));
    if (i % 200_000 === 0) log(`  seeded ${i.toLocaleString()}`);
  }
  store.sqlite.pragma('synchronous = NORMAL');
  store.sqlite.exec('ANALYZE');
  return (performance.now() - started) / 1000;
}

/** A CSV for `earshot import`: id, text, date (the last day of the seeded year), brand. */
export function writeImportCsv(file: string, rows: number): void {
  const lines = ['id,text,date,brand'];
  for (let i = 0; i < rows; i++) {
    const brand = pick(BRANDS);
    const at = new Date(YEAR_START + YEAR_MS - DAY + Math.floor(rand() * DAY)).toISOString();
    lines.push(`b${i},"${sentence(brand).replaceAll('"', '""')}",${at},${brand}`);
  }
  writeFileSync(file, lines.join('\n') + '\n');
}
