// Top topics by volume and topics rising significantly against the period before.

import { api } from './api.js';
import { byId, fill, h, table } from './dom.js';
import { change, int, percent } from './format.js';
import { apiFilters } from './state.js';

/** Loads the answer (the trend chart also draws its top topics from it). */
export function fetchTopics({ state, zone }) {
  return api('/trends/topics', { ...apiFilters(state, zone, { without: ['topic'] }), limit: 10 });
}

export function renderTopics(answer, { state, onTopic }) {
  const pick = (id, name) => h('button', { type: 'button', class: 'link', onclick: () => onTopic(id), 'aria-pressed': String(state.topic === id) }, name);
  const top = answer.top.map((t) => [pick(t.topic, t.name), int(t.volume), t.previous.volume.value === 0 ? 'new' : change(t.previous.volume.percent), percent(t.net)]);
  const rising = answer.rising.map((t) => [pick(t.topic, t.name), int(t.volume), int(t.previousVolume), t.percent === null ? 'new' : change(t.percent)]);
  fill(
    byId('topics-body'),
    top.length === 0
      ? h('p', null, 'No topics in this period. Topics come from the taxonomy under ', h('code', null, 'topics:'), ' in the config file.')
      : table('Top topics, with the change against the period before', ['Topic', 'Mentions', 'Change', 'Net sentiment'], top, { class: 'data' }),
    rising.length === 0
      ? h('p', { class: 'sub' }, 'No topic rose significantly against the period before.')
      : table('Rising significantly', ['Topic', 'Mentions', 'Before', 'Change'], rising, { class: 'data rising' }),
  );
  fill(byId('topics-status'), '');
}
