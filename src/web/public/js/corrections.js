// An analyst's corrections of a mention (PUT /mentions/{id}/labels), kept apart from the
// machine's answer: the sentiment label, and the topics that apply.

import { api, ApiError, explainError } from './api.js';
import { h } from './dom.js';
import { SENTIMENT_NAMES } from './format.js';

function failure(error) {
  return error instanceof ApiError && error.status === 403 ? `Not saved: correcting labels needs an analyst key. ${error.message}` : `Not saved: ${explainError(error)}`;
}

/** A sentiment menu and Save; `onSaved(labels)` gets the stored correction. */
export function sentimentCorrection(m, onSaved) {
  const id = `fix-${m.id}`;
  const select = h(
    'select',
    { id, name: 'sentiment' },
    h('option', { value: '' }, 'Choose…'),
    ['negative', 'neutral', 'positive'].map((s) => h('option', { value: s, selected: (m.labels?.sentiment ?? '') === s }, SENTIMENT_NAMES[s])),
  );
  const status = h('span', { class: 'fix-status', role: 'status' });
  return h(
    'form',
    {
      class: 'fix',
      onsubmit: async (event) => {
        event.preventDefault();
        if (!select.value) {
          status.textContent = 'Choose a sentiment first.';
          return;
        }
        status.textContent = 'Saving…';
        try {
          const saved = await api(`/mentions/${m.id}/labels`, {}, { method: 'PUT', body: { sentiment: select.value } });
          onSaved(saved);
          status.textContent = `Saved: ${SENTIMENT_NAMES[saved.sentiment]}.`;
        } catch (error) {
          status.textContent = failure(error);
        }
      },
    },
    h('label', { for: id }, 'Correct sentiment'),
    ' ',
    select,
    ' ',
    h('button', { type: 'submit', class: 'secondary' }, 'Save'),
    ' ',
    status,
  );
}

/** The taxonomy as checkboxes, built when opened (a taxonomy can be long and most mentions are right). */
export function topicCorrection(m, topics, onSaved) {
  const details = h('details', { class: 'fix-topics' }, h('summary', null, 'Correct topics'));
  details.addEventListener('toggle', () => {
    if (details.open && details.children.length === 1) details.append(topicForm(m, topics, onSaved));
  });
  return details;
}

function topicForm(m, topics, onSaved) {
  const current = new Set(m.labels?.topics ?? m.topics.map((t) => t.id));
  const boxes = topics.map((t) => {
    const id = `fix-${m.id}-topic-${t.id}`;
    const box = h('input', { type: 'checkbox', id, value: t.id, checked: current.has(t.id) });
    return { box, el: h('span', { class: 'choice' }, box, ' ', h('label', { for: id }, t.name)) };
  });
  const status = h('span', { class: 'fix-status', role: 'status' });
  return h(
    'form',
    {
      class: 'fix',
      onsubmit: async (event) => {
        event.preventDefault();
        const chosen = boxes.filter((b) => b.box.checked).map((b) => b.box.value);
        status.textContent = 'Saving…';
        try {
          const saved = await api(`/mentions/${m.id}/labels`, {}, { method: 'PUT', body: { topics: chosen } });
          onSaved(saved);
          status.textContent = `Saved ${saved.topics.length} topic${saved.topics.length === 1 ? '' : 's'}.`;
        } catch (error) {
          status.textContent = failure(error);
        }
      },
    },
    h('fieldset', null, h('legend', null, 'Topics that apply'), boxes.map((b) => b.el)),
    h('button', { type: 'submit', class: 'secondary' }, 'Save topics'),
    ' ',
    status,
  );
}
