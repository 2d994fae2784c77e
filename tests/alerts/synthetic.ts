import { ensureImportSource } from '../../src/db/sources.js';
import { createMentionWriter, type MentionRecord } from '../../src/db/mention-writer.js';
import { tempEarshot } from '../helpers/temp-earshot.js';

export const HOUR = 3_600_000;
/** Monday 2015-02-02 00:00 UTC: ten quiet days, then an incident. */
export const START = Date.UTC(2015, 1, 2);
export const SPIKE = START + 10 * 24 * HOUR + 15 * HOUR;

const CONFIG = `
brands:
  - { id: acme, name: Acme, include: [acme] }
topics:
  - { id: disruption, name: Disruption, terms: [delay, cancelled] }
  - { id: cancellations, name: Cancellations, parent: disruption, terms: [cancelled] }
  - { id: price, name: Price, terms: [price] }
`;

export function record(sourceId: number, id: string, at: number, text: string, label: string, topics: string[]): MentionRecord {
  const score = label === 'negative' ? -0.6 : label === 'positive' ? 0.6 : 0;
  const rollupTopics = topics.includes('cancellations') ? [...new Set([...topics, 'disruption'])] : topics;
  return {
    sourceId, externalId: id, url: `https://example.test/${id}`, author: null, title: null, text, lang: 'en',
    publishedAt: at, fetchedAt: at, rating: null, nps: null, csat: null, ces: null, contentHash: `h-${id}`,
    sentimentScore: score, sentimentLabel: label, sentimentNote: null, sentences: '[]', metadata: null,
    topics: topics.map((t) => ({ id: t, terms: [], score, label })), brands: ['acme'], rollupTopics,
  };
}

const QUIET = [
  ['Acme flight was fine today', 'neutral', []],
  ['Loved the Acme crew on my trip', 'positive', []],
  ['Acme price is ok for this route', 'neutral', ['price']],
  ['Small delay with Acme but fine', 'negative', ['disruption']],
  ['Acme lounge coffee is good', 'positive', []],
] as const;

/**
 * A store with 10.5 days of hourly Acme mentions (4–7 an hour, one in five negative) and, at
 * SPIKE, 60 negative mentions about cancelled flights in a storm (or the given bursts). `upTo`
 * stops the data early.
 */
export function syntheticEarshot(upTo = SPIKE + 6 * HOUR, bursts: { at: number; n: number }[] = [{ at: SPIKE, n: 60 }]) {
  const earshot = tempEarshot(CONFIG);
  const source = ensureImportSource(earshot.store.db, 'tweets');
  const writer = createMentionWriter(earshot.store.sqlite);
  const records: MentionRecord[] = [];
  let n = 0;
  for (let t = START; t < upTo; t += HOUR) {
    const hour = (t - START) / HOUR;
    const count = 4 + ((hour * 7) % 4);
    for (let i = 0; i < count; i++) {
      const [text, label, topics] = QUIET[(hour + i) % QUIET.length]!;
      records.push(record(source.id, `q${n++}`, t + i * 60_000, `${text} #${n}`, label, [...topics]));
    }
    for (const burst of bursts.filter((b) => b.at === t)) {
      for (let i = 0; i < burst.n; i++) {
        const id = `s${t}-${i}`;
        records.push(record(source.id, id, t + (i * 1_800_000) / burst.n, `@acme cancelled my flight in the storm, stranded at the gate https://t.co/x${i} (${id})`, 'negative', ['cancellations']));
      }
    }
  }
  earshot.store.sqlite.transaction(() => writer.insertAll(records))();
  return earshot;
}
