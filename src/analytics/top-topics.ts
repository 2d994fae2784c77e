import type { Db } from '../db/client.js';
import { countRows, countSourceFor, dataExtent, type TrendFilter } from './count-rows.js';
import { bucketSums } from './rollup-sums.js';
import { isoInZone } from './buckets.js';
import { change, netSentiment, type Change } from './metrics.js';
import { riseSignificance } from './significance.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const TOPIC_KEYS = ['volume', 'positive', 'neutral', 'negative'] as const;

export interface TopicsQuery extends Omit<TrendFilter, 'topic'> {
  /** List only this topic's subtopics (its whole subtree below it). */
  topic?: string;
  tz: string;
  from?: number;
  to?: number;
  limit: number;
  /** A rise is listed when its one-sided p-value is below this. */
  alpha: number;
  /** Count from the mentions even when rollups could answer (for checks and the benchmark). */
  countSource?: 'mentions';
}

export interface TopTopic {
  topic: string;
  name: string;
  parent: string | null;
  volume: number;
  negative: number;
  net: number | null;
  previous: { volume: Change; net: Change };
}

export interface RisingTopic {
  topic: string;
  name: string;
  volume: number;
  previousVolume: number;
  delta: number;
  percent: number | null;
  z: number;
  pValue: number;
}

/**
 * What rises were judged against. A rise needs a previous period to rise from: when it holds no
 * topic mention at all (data not yet collected, a connector down, a filter that kept nothing)
 * every topic would look new, so no rise is claimed; when the data begins inside it, rises are
 * tested against the rate over the part that was observed (significance.ts), not its raw count.
 */
export type RisingBasis = 'previous-period' | 'no-previous-data' | 'partial-previous-period';

export interface TopicsAnswer {
  from: string | null;
  to: string | null;
  previousFrom: string | null;
  previousTo: string | null;
  computedFrom: 'rollups' | 'mentions';
  top: TopTopic[];
  rising: RisingTopic[];
  risingBasis: RisingBasis;
  /** Why no rise is claimed, or against what part of the previous period; null for a whole one. */
  risingNote: string | null;
}

/**
 * Top topics by volume in [from, to), and topics rising against the equally long period before,
 * kept only when the rise is unlikely under "nothing changed" (see significance.ts) and ranked
 * by how many standard deviations it is, so 1 → 3 mentions never tops 200 → 300.
 * Without from/to: the last 7 days of data.
 */
export function topTopics(db: Db, query: TopicsQuery): TopicsAnswer {
  let { from, to } = query;
  if (to === undefined) to = dataExtent(db, { brand: query.brand })?.last;
  if (to !== undefined && from === undefined) from = to - 7 * DAY_MS;
  const empty = {
    from: null, to: null, previousFrom: null, previousTo: null, computedFrom: 'rollups' as const, top: [], rising: [],
    risingBasis: 'no-previous-data' as const, risingNote: 'no data',
  };
  if (from === undefined || to === undefined) return empty;
  const previousFrom = from - (to - from);
  const aligned = [from, to, previousFrom].every((t) => t % HOUR_MS === 0);
  const source = query.countSource ?? countSourceFor(query, aligned, TOPIC_KEYS);
  const { topic, ...filter } = query;
  const within = topic === undefined ? null : subtopics(db, topic);
  const keep = <T>(rows: [string, T][]) => new Map(within ? rows.filter(([key]) => within.has(key)) : rows);
  const count = (a: number, b: number) =>
    source === 'mentions'
      ? keep(countRows(db, filter, { from: a, to: b, step: null, by: 'topic' }).map((r) => [r.key, r]))
      : keep([...bucketSums(db, filter, { starts: [a], end: b, by: 'topic', keys: TOPIC_KEYS, tz: query.tz })].map(([key, [counts]]) => [key, { ...counts!, key }]));
  const now = count(from, to);
  const before = count(previousFrom, from);
  const names = new Map(
    (db.$client.prepare('SELECT id, name, parent_id AS parent FROM topics').all() as { id: string; name: string; parent: string | null }[]).map((t) => [t.id, t]),
  );

  const top: TopTopic[] = [...now.values()]
    .filter((r) => r.volume > 0)
    .sort((a, b) => b.volume - a.volume || a.key.localeCompare(b.key))
    .slice(0, query.limit)
    .map((r) => {
      const p = before.get(r.key);
      const net = netSentiment(r.positive, r.neutral, r.negative);
      return {
        topic: r.key,
        name: names.get(r.key)?.name ?? r.key,
        parent: names.get(r.key)?.parent ?? null,
        volume: r.volume,
        negative: r.negative,
        net,
        previous: { volume: change(r.volume, p?.volume ?? 0), net: change(net, p ? netSentiment(p.positive, p.neutral, p.negative) : null) },
      };
    });

  const firstData = dataExtent(db, { brand: query.brand })?.first;
  const basis: RisingBasis =
    firstData === undefined || firstData >= from || ![...before.values()].some((r) => r.volume > 0) ? 'no-previous-data'
    : firstData > previousFrom ? 'partial-previous-period'
    : 'previous-period';
  // How long the observed previous period is against the current one.
  const previousShare = basis === 'partial-previous-period' ? (from - firstData!) / (to - from) : 1;
  const rising: RisingTopic[] = [];
  for (const r of basis === 'no-previous-data' ? [] : now.values()) {
    const previousVolume = before.get(r.key)?.volume ?? 0;
    if (r.volume * previousShare <= previousVolume) continue;
    const { z, pValue } = riseSignificance(r.volume, previousVolume, previousShare);
    if (pValue >= query.alpha) continue;
    const { delta, percent } = change(r.volume, previousVolume);
    rising.push({ topic: r.key, name: names.get(r.key)?.name ?? r.key, volume: r.volume, previousVolume, delta: delta!, percent, z, pValue });
  }
  rising.sort((a, b) => b.z - a.z || a.topic.localeCompare(b.topic));

  return {
    from: isoInZone(from, query.tz),
    to: isoInZone(to, query.tz),
    previousFrom: isoInZone(previousFrom, query.tz),
    previousTo: isoInZone(from, query.tz),
    computedFrom: source === 'mentions' ? 'mentions' : 'rollups',
    top,
    rising: rising.slice(0, query.limit),
    risingBasis: basis,
    risingNote:
      basis === 'no-previous-data' ? `no topic mentions from ${isoInZone(previousFrom, query.tz)} to ${isoInZone(from, query.tz)}: nothing to rise from, so no rise is claimed`
      : basis === 'partial-previous-period' ? `the data begins at ${isoInZone(firstData!, query.tz)}, inside the previous period (from ${isoInZone(previousFrom, query.tz)}): rises are tested against the rate over the ${Math.round(previousShare * 1000) / 10} % of it observed`
      : null,
  };
}

/** Every topic below `topic` in the taxonomy (not the topic itself). */
function subtopics(db: Db, topic: string): Set<string> {
  const rows = db.$client
    .prepare('WITH RECURSIVE tree(id) AS (SELECT id FROM topics WHERE parent_id = ? UNION SELECT t.id FROM topics t JOIN tree ON t.parent_id = tree.id) SELECT id FROM tree')
    .pluck()
    .all(topic) as string[];
  return new Set(rows);
}
