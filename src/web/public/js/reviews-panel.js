// Ratings and CSAT, from the sources whose mentions carry star ratings (review sites, app
// stores, imported surveys).

import { api } from './api.js';
import { byId, fill, h } from './dom.js';
import { change, int, percent } from './format.js';
import { apiFilters } from './state.js';

function card(label, value, detail) {
  return h('div', { class: 'card' }, h('p', { class: 'card-label' }, label), h('p', { class: 'card-value' }, value), h('p', { class: 'card-detail' }, detail));
}

export async function loadReviews({ state, zone, bucket, catalog }) {
  const body = byId('reviews-body');
  const rated = catalog.sources.filter((s) => s.rated > 0).map((s) => s.name);
  if (rated.length === 0) {
    fill(body, h('p', null, 'No source has star ratings yet. Review sources (app stores, Trustpilot, imported surveys with a rating or csat column) fill this panel.'));
    return;
  }
  if (state.source && !rated.includes(state.source)) {
    fill(body, h('p', null, `${state.source} has no star ratings; review sources are ${rated.join(', ')}.`));
    return;
  }
  const sources = state.source ? [state.source] : rated;
  const answer = await api('/trends', { ...apiFilters(state, zone), source: sources.join(','), metric: 'all', bucket, compare: 'previous' });
  const s = answer.summary;
  const prev = s.previous ?? {};
  const since = (field, scale = 1, unit = '', digits = 1) =>
    prev[field]?.delta === null || prev[field]?.delta === undefined ? 'no earlier period to compare' : `${change(prev[field].delta * scale, unit, digits)} vs the period before`;
  const cards = [
    card('Average rating', s.rating === null ? '–' : `${s.rating.toFixed(2)} / 5`, `${int(s.rated)} ratings · ${since('rating')}`),
    card('CSAT', percent(s.csat), `share of ${int(s.csatResponses)} answers at 4 or 5 of 5 · ${since('csat', 100, ' pts', 0)}`),
  ];
  if (s.npsResponses > 0) cards.push(card('NPS', s.nps === null ? '–' : Math.round(s.nps).toString(), `${int(s.npsResponses)} survey answers · ${since('nps', 1, '', 0)}`));
  fill(body, h('p', { class: 'sub' }, `From ${sources.join(', ')}`), h('div', { class: 'cards' }, cards));
  fill(byId('reviews-status'), '');
}
