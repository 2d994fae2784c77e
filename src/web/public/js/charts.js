// Line charts over uPlot (served from /assets/vendor, no CDN). A chart is drawn on a canvas, so
// each one also has a data table for screen readers and keyboard users.

import uPlot from '/assets/vendor/uplot.esm.js';
import { fill, h, table } from './dom.js';

/** Line colours chosen for at least 3:1 contrast on white. */
export const COLORS = ['#1f5fbf', '#b3261e', '#2e7d32', '#6a1b9a', '#b25000', '#00695c', '#4e342e'];

const charts = new WeakMap();

/**
 * Draws (or redraws) a line chart into `container`.
 * @param {HTMLElement} container
 * @param {{
 *   starts: string[],
 *   series: { label: string, values: (number | null)[], color?: string, dash?: boolean }[],
 *   format?: (v: number | null) => string,
 *   yRange?: [number, number],
 *   onPick?: (index: number) => void,
 *   markers?: { start: string, label: string, onOpen: () => void }[],
 * }} spec
 */
export function lineChart(container, spec) {
  charts.get(container)?.destroy();
  container.replaceChildren();
  const xs = spec.starts.map((s) => Date.parse(s) / 1000);
  const format = spec.format ?? ((v) => (v === null || v === undefined ? '–' : v.toLocaleString()));
  const opts = {
    width: Math.max(280, container.clientWidth || 600),
    height: 240,
    cursor: { drag: { x: false, y: false }, points: { size: 7 } },
    scales: { x: { time: true }, y: spec.yRange ? { range: spec.yRange } : { range: (_u, min, max) => [Math.min(0, min), max > 0 ? max * 1.1 : 1] } },
    axes: [
      { stroke: '#333', grid: { stroke: '#e6e6e6' } },
      { stroke: '#333', grid: { stroke: '#e6e6e6' }, size: 64, values: (_u, ticks) => ticks.map((t) => format(t)) },
    ],
    series: [
      { label: 'Time' },
      ...spec.series.map((s, i) => ({
        label: s.label,
        stroke: s.color ?? COLORS[i % COLORS.length],
        width: 2,
        dash: s.dash ? [6, 4] : undefined,
        spanGaps: false,
        value: (_u, v) => format(v),
      })),
    ],
    hooks: { draw: [(u) => placeMarkers(u, spec.markers ?? [])] },
  };
  const chart = new uPlot(opts, [xs, ...spec.series.map((s) => s.values)], container);
  charts.set(container, chart);
  if (spec.onPick) {
    chart.over.addEventListener('click', (event) => {
      if (event.target instanceof HTMLElement && event.target.closest('.alert-marker')) return;
      const index = chart.cursor.idx;
      if (index !== null && index !== undefined) spec.onPick(index);
    });
  }
  watchWidth(container, chart);
  return chart;
}

const observed = new WeakSet();
function watchWidth(container, chart) {
  if (observed.has(container)) return;
  observed.add(container);
  new ResizeObserver(() => {
    const current = charts.get(container);
    if (current && container.clientWidth > 0 && Math.abs(current.width - container.clientWidth) > 4) {
      current.setSize({ width: container.clientWidth, height: current.height });
    }
  }).observe(container);
  void chart;
}

/** Alert markers: real buttons laid over the plot, so they take focus and Enter like any control. */
function placeMarkers(u, markers) {
  u.over.querySelectorAll('.alert-marker').forEach((el) => el.remove());
  for (const marker of markers) {
    const x = u.valToPos(Date.parse(marker.start) / 1000, 'x');
    if (!Number.isFinite(x) || x < 0 || x > u.over.clientWidth) continue;
    const button = h('button', { type: 'button', class: 'alert-marker', 'aria-label': marker.label, title: marker.label, onclick: marker.onOpen }, '▼');
    button.style.left = `${x}px`;
    u.over.append(button);
  }
}

/**
 * The chart's numbers as a table; with `onPick` each row gets a button that does what a click
 * on that point does.
 */
export function dataTable(container, caption, labels, series, format, onPick) {
  const build = () => {
    const head = ['Period', ...series.map((s) => s.label), ...(onPick ? [''] : [])];
    const rows = labels.map((label, i) => [
      label,
      ...series.map((s) => format(s.values[i])),
      ...(onPick ? [h('button', { type: 'button', class: 'link', onclick: () => onPick(i) }, 'List mentions')] : []),
    ]);
    fill(container, table(caption, head, rows, { class: 'data' }));
  };
  // A year by the hour is thousands of rows: built when the table is opened, not with every view.
  const details = container.closest('details');
  pendingTables.set(container, build);
  if (!details || details.open) return void build();
  fill(container);
  if (!watchedTables.has(details)) {
    watchedTables.add(details);
    details.addEventListener('toggle', () => {
      const pending = pendingTables.get(container);
      if (details.open && pending) pending();
    });
  }
}

const pendingTables = new WeakMap();
const watchedTables = new WeakSet();
