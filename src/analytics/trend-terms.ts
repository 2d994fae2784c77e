import type { Db } from '../db/client.js';
import { isoInZone } from './buckets.js';
import { dataExtent, type TrendFilter } from './count-rows.js';
import { emergingTerms, termKind, type EmergingTerm, type TermKind } from './emerging-terms.js';
import { termCounts, termSourceFor } from './term-buckets.js';

const DAY_MS = 24 * 3_600_000;

export interface TermsQuery extends TrendFilter {
  tz: string;
  from?: number;
  to?: number;
  /** The background is this many periods of the same length before `from`. */
  background: number;
  limit: number;
  minCount?: number;
}

export interface TopTerm {
  term: string;
  kind: TermKind;
  /** Original voices using it. */
  count: number;
  /** count / voices. */
  share: number;
}

export interface TermsAnswer {
  from: string | null;
  to: string | null;
  backgroundFrom: string | null;
  computedFrom: 'term_counts' | 'mentions';
  voices: number;
  backgroundVoices: number;
  top: TopTerm[];
  emerging: EmergingTerm[];
}

/**
 * Top terms of [from, to) among original voices, and the terms emerging against their own
 * background (the `background` periods of equal length before). Without from/to: the last day
 * of data against the week before it.
 */
export function trendTerms(db: Db, query: TermsQuery): TermsAnswer {
  let { from, to } = query;
  if (to === undefined) to = dataExtent(db, { brand: query.brand })?.last;
  if (to !== undefined && from === undefined) from = to - DAY_MS;
  if (from === undefined || to === undefined) {
    return { from: null, to: null, backgroundFrom: null, computedFrom: 'term_counts', voices: 0, backgroundVoices: 0, top: [], emerging: [] };
  }
  const backgroundFrom = from - query.background * (to - from);
  const source = termSourceFor(query, backgroundFrom, to);
  const current = termCounts(db, query, from, to, undefined, source);
  const candidates = [...current.terms].filter(([, n]) => n >= (query.minCount ?? 3)).map(([term]) => term);
  const background = termCounts(db, query, backgroundFrom, from, candidates, source);
  const top = [...current.terms]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, query.limit)
    .map(([term, count]) => ({ term, kind: termKind(term), count, share: current.voices > 0 ? Math.round((count / current.voices) * 1e4) / 1e4 : 0 }));
  return {
    from: isoInZone(from, query.tz),
    to: isoInZone(to, query.tz),
    backgroundFrom: isoInZone(backgroundFrom, query.tz),
    computedFrom: source,
    voices: current.voices,
    backgroundVoices: background.voices,
    top,
    emerging: emergingTerms(background, current, { minCount: query.minCount, limit: query.limit }),
  };
}
