// An alert's explanation: what the detector saw against what it expected, which topics, terms
// and sources grew, and sample mentions (as text).

import { api, ApiError, explainError } from './api.js';
import { byId, fill, h, safeHref, table } from './dom.js';
import { ALERT_KINDS, formatTime, int } from './format.js';

const dialog = () => /** @type {HTMLDialogElement} */ (byId('alert-dialog'));

export function setUpAlertDialog() {
  byId('alert-dialog-close').addEventListener('click', () => dialog().close());
  // A click on the backdrop (outside the dialog's box) closes it too.
  dialog().addEventListener('click', (event) => {
    if (event.target === dialog()) dialog().close();
  });
}

/** Opens the explanations of the alerts of one bucket, strongest first. */
export function openAlerts(alerts, { topicName, brandName, onShowMentions, canTriage }) {
  byId('alert-dialog-title').textContent = alerts.length === 1 ? ALERT_KINDS[alerts[0].kind] ?? alerts[0].kind : `${alerts.length} alerts at ${formatTime(alerts[0].bucketStart)}`;
  fill(byId('alert-dialog-body'), alerts.map((a, i) => alertSection(a, { topicName, brandName }, onShowMentions, canTriage, i === 0)));
  if (!dialog().open) dialog().showModal();
}

function series(a, { topicName, brandName }) {
  return [a.brand === '*' ? 'All brands' : brandName(a.brand), a.topic === '*' ? 'all topics' : topicName(a.topic), a.source ? `source ${a.source}` : null].filter(Boolean).join(' · ');
}

/**
 * "new" where the baseline never had it (a ratio against nothing says nothing); "≥ N×" where it
 * had it under ten times (a point ratio on one or two occurrences is noise: N is what the counts
 * support at 95 %); the ratio otherwise. Alerts stored before liftAtLeast show their ratio.
 */
function liftText(g) {
  if (g.new || g.lift == null) return 'new';
  if (g.liftAtLeast != null && g.baseline < 10) return `≥ ${g.liftAtLeast.toFixed(1)}×`;
  return `${g.lift.toFixed(1)}×`;
}

function growthTable(caption, rows, name) {
  if (!rows || rows.length === 0) return null;
  return table(caption, ['', 'Now', 'Usual', 'Lift'], rows.map((g) => [name(g), int(g.observed), g.expected.toFixed(1), liftText(g)]), { class: 'data small' });
}

/** The strongest alert is shown open; the others of the same hour fold under their summary. */
function alertSection(a, names, onShowMentions, canTriage, open) {
  const e = a.explanation ?? {};
  const title = `${ALERT_KINDS[a.kind] ?? a.kind}: ${series(a, names)}`;
  const summary = e.summary ?? `${a.observed} observed vs ${a.expected} expected`;
  return h(
    open ? 'article' : 'details',
    { class: 'alert', 'data-alert-id': a.id },
    open ? [h('h3', null, title), h('p', { class: 'summary' }, summary)] : h('summary', null, h('strong', null, title), ` — ${summary}`),
    h(
      'p',
      { class: 'sub' },
      `${formatTime(a.bucketStart)} – ${formatTime(a.bucketEnd)} · score ${a.score.toFixed(2)} · ${a.sensitivity} sensitivity · `,
      h('span', { class: 'alert-status' }, `status ${a.status}`),
    ),
    e.window && e.baseline
      ? h(
          'p',
          null,
          `${int(e.window.mentions)} mentions (${int(e.window.negative)} negative) from ${formatTime(e.window.from)}; the ${int(e.baseline.hours)} hours before had ${int(e.baseline.mentions)} (${int(e.baseline.negative)} negative).`,
        )
      : null,
    growthTable('Topics that grew', e.topics, (g) => names.topicName(g.id)),
    growthTable('Terms that grew', e.terms, (g) => g.term),
    growthTable('Sources that grew', e.sources, (g) => g.name),
    e.samples?.length
      ? h(
          'div',
          null,
          h('h4', null, 'Sample mentions'),
          h(
            'ul',
            { class: 'samples' },
            e.samples.map((s) => {
              const href = safeHref(s.url);
              return h('li', null, h('span', { class: 'mention-text' }, s.text), ' ', h('span', { class: 'sub' }, `${s.sentiment ?? 'no sentiment'} · ${formatTime(s.publishedAt)}`), href ? [' ', h('a', { href, rel: 'noopener noreferrer nofollow', target: '_blank' }, 'Original')] : null);
            }),
          ),
        )
      : null,
    h(
      'p',
      { class: 'alert-actions' },
      h('button', { type: 'button', class: 'secondary', onclick: () => { dialog().close(); onShowMentions(a); } }, 'List the mentions of this hour'),
      canTriage ? triage(a) : null,
    ),
  );
}

const NEXT = { open: ['acknowledged', 'resolved'], acknowledged: ['resolved', 'open'], resolved: ['open'] };
const VERB = { acknowledged: 'Acknowledge', resolved: 'Resolve', open: 'Reopen' };

/** Status buttons (analysts triage alerts); the alert's own status line follows the answer. */
function triage(a) {
  const status = h('span', { role: 'status', class: 'triage-status' });
  const buttons = h('span', { class: 'triage' });
  const draw = (current) =>
    fill(
      buttons,
      (NEXT[current] ?? []).map((next) =>
        h('button', {
          type: 'button',
          class: 'secondary',
          onclick: async (event) => {
            status.textContent = 'Saving…';
            try {
              const saved = await api(`/alerts/${a.id}`, {}, { method: 'PATCH', body: { status: next } });
              a.status = saved.status;
              const line = /** @type {HTMLElement} */ (event.target).closest('.alert')?.querySelector('.alert-status');
              if (line) line.textContent = `status ${saved.status}`;
              status.textContent = `Marked ${saved.status}.`;
              draw(saved.status);
            } catch (error) {
              status.textContent = error instanceof ApiError && error.status === 403 ? `Not changed: triaging alerts needs an analyst key.` : `Not changed: ${explainError(error)}`;
            }
          },
        }, VERB[next]),
      ),
      ' ',
      status,
    );
  draw(a.status);
  return buttons;
}
