// Topic trends: mentions per bucket for everything selected and, when no topic is chosen, for
// the biggest topics, with the alerts of the series shown as markers on the timeline.

import { api } from './api.js';
import { dataTable, lineChart } from './charts.js';
import { byId, fill } from './dom.js';
import { ALERT_KINDS, formatBucket, int } from './format.js';
import { apiFilters } from './state.js';

const TOPIC_SERIES = 5;

/**
 * @returns {Promise<{ points: { start: string }[], to: string | null, total: number }>}
 */
export async function loadTrend({ state, zone, bucket, catalog, topTopics, onPick, onAlerts }) {
  const filters = apiFilters(state, zone);
  const topicName = (id) => catalog.topics.find((t) => t.id === id)?.name ?? id;
  const requests = [{ label: state.topic ? topicName(state.topic) : 'All mentions', params: filters }];
  if (!state.topic) {
    for (const t of topTopics.slice(0, TOPIC_SERIES)) requests.push({ label: t.name, params: { ...filters, topic: t.topic } });
  }
  const [answers, alerts] = await Promise.all([
    Promise.all(requests.map((r) => api('/trends', { ...r.params, metric: 'volume', bucket }))),
    alertsFor(state, zone),
  ]);
  const main = answers[0];
  const starts = main.points.map((p) => p.start);
  const series = answers.map((a, i) => ({ label: requests[i].label, values: a.points.map((p) => p.volume), dash: i > 0 }));
  const total = series[0].values.reduce((a, b) => a + b, 0);

  const shown = new Set(requests.slice(1).map((r) => r.params.topic));
  const relevant = alerts.filter((a) => (state.topic ? true : a.topic === '*' || shown.has(a.topic)) && (a.source ?? '') === (state.source ?? ''));
  const markers = groupByBucket(relevant, starts).map(({ start, alerts: group }) => ({
    start,
    label: `${group.length} alert${group.length === 1 ? '' : 's'} at ${formatBucket(group[0].bucketStart, 'hour')}: ${[...new Set(group.map((a) => ALERT_KINDS[a.kind] ?? a.kind))].join(', ')}`,
    onOpen: () => onAlerts(group),
  }));

  byId('trend-sub').textContent = `${int(total)} mentions in the period; ${relevant.length} alert${relevant.length === 1 ? '' : 's'} on these series.`;
  const chartEl = byId('trend-chart');
  chartEl.setAttribute('aria-label', `Mentions per ${bucket}: ${series.map((s) => s.label).join(', ')}`);
  chartEl.dataset.total = String(total);
  lineChart(chartEl, { starts, series, onPick, markers, format: (v) => (v === null || v === undefined ? '–' : int(v)) });
  dataTable(byId('trend-table'), `Mentions per ${bucket}`, starts.map((s) => formatBucket(s, bucket)), series, int, onPick);
  fill(byId('trend-status'), total === 0 ? 'No mentions match these filters in this period. Widen the dates or clear a filter.' : '');
  return { points: main.points, to: main.to, total };
}

/** Alerts of the brand (or of all mentions) in the period, every page of them. */
async function alertsFor(state, zone) {
  const params = { ...apiFilters(state, zone, { without: ['source', 'lang', 'sentiment'] }), brand: state.brand ?? '*', limit: 500 };
  const out = [];
  let cursor;
  do {
    const page = await api('/alerts', { ...params, cursor });
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && out.length < 2000);
  return out;
}

/** Alerts placed on the bucket that holds their hour. */
function groupByBucket(alerts, starts) {
  const times = starts.map((s) => Date.parse(s));
  const groups = new Map();
  for (const alert of alerts) {
    const t = Date.parse(alert.bucketStart);
    let i = times.length - 1;
    while (i >= 0 && times[i] > t) i--;
    if (i < 0) continue;
    const key = starts[i];
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(alert);
  }
  return [...groups].map(([start, group]) => ({ start, alerts: group.sort((a, b) => b.score - a.score) }));
}
