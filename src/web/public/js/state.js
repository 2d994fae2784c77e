// The view lives in the URL (?from=…&brand=…), so a link restores it; dates are days in the
// viewer's own zone, `to` inclusive.

import { addDays, daysBetween, dayOf } from './format.js';

export const FILTERS = ['from', 'to', 'brand', 'topic', 'source', 'lang', 'sentiment', 'bucket'];
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const BUCKETS = ['hour', 'day', 'week', 'month'];
const SENTIMENTS = ['negative', 'neutral', 'positive'];

/** The view asked for by the address bar; unknown or malformed values are dropped. */
export function readState(search = location.search) {
  const params = new URLSearchParams(search);
  const state = {};
  for (const name of [...FILTERS, 'at']) {
    const value = params.get(name);
    if (value) state[name] = value;
  }
  if (state.from && !DAY.test(state.from)) delete state.from;
  if (state.to && !DAY.test(state.to)) delete state.to;
  if (state.bucket && !BUCKETS.includes(state.bucket)) delete state.bucket;
  if (state.sentiment && !SENTIMENTS.includes(state.sentiment)) delete state.sentiment;
  if (state.at && Number.isNaN(Date.parse(state.at))) delete state.at;
  // A hand-edited link with the dates the wrong way round means the same days.
  if (state.from && state.to && state.from > state.to) [state.from, state.to] = [state.to, state.from];
  return state;
}

export function urlFor(state) {
  const params = new URLSearchParams();
  for (const name of [...FILTERS, 'at']) if (state[name]) params.set(name, state[name]);
  const query = params.toString();
  return query ? `${location.pathname}?${query}` : location.pathname;
}

/**
 * Dates to show when the URL has none: the last two weeks that have data (a store filled
 * from an old export must not open on an empty "last 14 days").
 */
export function withDefaults(state, span) {
  if (!span) return { ...state };
  const lastDay = dayOf(Date.parse(span.last) - 1);
  const firstDay = dayOf(Date.parse(span.first));
  const to = state.to ?? lastDay;
  let from = state.from ?? addDays(to, -13);
  if (!state.from && from < firstDay) from = firstDay;
  return { ...state, from, to };
}

/** The bucket the charts use: the chosen one, else one that gives a readable number of points. */
export function bucketFor(state) {
  if (state.bucket) return state.bucket;
  const days = daysBetween(state.from, state.to) + 1;
  if (days <= 3) return 'hour';
  if (days <= 92) return 'day';
  return days <= 730 ? 'week' : 'month';
}

/** Query parameters shared by every trend request. */
export function apiFilters(state, zone, { without = [] } = {}) {
  const params = {
    tz: zone,
    from: state.from,
    to: state.to ? addDays(state.to, 1) : undefined,
    brand: state.brand,
    topic: state.topic,
    source: state.source,
    lang: state.lang,
    sentiment: state.sentiment,
  };
  for (const name of without) delete params[name];
  return params;
}
