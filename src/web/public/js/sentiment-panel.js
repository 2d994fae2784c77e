// Sentiment over time: net sentiment and the negative share per bucket, with the period's
// figures against the period before.

import { api } from './api.js';
import { dataTable, lineChart } from './charts.js';
import { byId, fill, h } from './dom.js';
import { change, formatBucket, percent } from './format.js';
import { apiFilters } from './state.js';

const pct = (v) => (v === null || v === undefined ? '–' : `${Math.round(v)} %`);

export async function loadSentiment({ state, zone, bucket }) {
  const answer = await api('/trends', { ...apiFilters(state, zone), metric: 'sentiment', bucket, compare: 'previous' });
  const starts = answer.points.map((p) => p.start);
  const share = (p) => (p.scored > 0 ? (p.negative / p.scored) * 100 : null);
  const series = [
    { label: 'Net sentiment', values: answer.points.map((p) => (p.net === null ? null : p.net * 100)) },
    { label: 'Negative share', values: answer.points.map(share), color: '#b3261e', dash: true },
  ];
  lineChart(byId('sentiment-chart'), { starts, series, format: pct, yRange: [-100, 100] });
  dataTable(byId('sentiment-table'), `Sentiment per ${bucket} (% of labelled mentions)`, starts.map((s) => formatBucket(s, bucket)), series, pct);

  const s = answer.summary;
  const netChange = s?.previous?.net?.delta;
  fill(
    byId('sentiment-sub'),
    s && s.scored > 0
      ? [
          h('strong', null, `Net ${percent(s.net)}`),
          ` (${netChange === null || netChange === undefined ? 'no earlier period' : `${change(netChange * 100, ' pts')} vs the period before`}) · `,
          `${percent(s.positive / s.scored)} positive, ${percent(s.negative / s.scored)} negative of ${s.scored.toLocaleString()} labelled mentions`,
        ]
      : 'No labelled mentions in this period.',
  );
  fill(byId('sentiment-status'), '');
}
