// Ratings and CSAT, from the sources whose mentions carry star ratings (review sites, app
// stores, imported surveys).

import { api } from './api.js';
import { byId, fill, h } from './dom.js';
import { change, int, percent } from './format.js';
import { apiFilters } from './state.js';

function card(label, value, detail) {
  return h('div', { class: 'card' }, h('p', { class: 'card-label' }, label), h('p', { class: 'card-value' }, value), h('p', { class: 'card-detail' }, detail));
}

/**
 * Ratings and CSAT answers exist only on mentions that carry them, so the figures over every
 * source are the figures of the review sources (and of a chosen source, when there is one).
 */
export async function loadReviews({ state, zone, bucket }) {
  const body = byId('reviews-body');
  const answer = await api('/trends', { ...apiFilters(state, zone), metric: 'all', bucket, compare: 'previous' });
  const s = answer.summary;
  if (!s || (s.rated === 0 && s.csatResponses === 0 && s.npsResponses === 0)) {
    fill(
      body,
      h('p', null, state.source ? `${state.source} has no star ratings or survey scores in this period.` : 'No star ratings or survey scores in this period. Review sources (app stores, Trustpilot, imported surveys with a rating or csat column) fill this panel.'),
    );
    fill(byId('reviews-status'), '');
    return;
  }
  const prev = s.previous ?? {};
  const since = (field, scale = 1, unit = '', digits = 1) =>
    prev[field]?.delta === null || prev[field]?.delta === undefined ? 'no earlier period to compare' : `${change(prev[field].delta * scale, unit, digits)} vs the period before`;
  const cards = [
    card('Average rating', s.rating === null ? '–' : `${s.rating.toFixed(2)} / 5`, `${int(s.rated)} ratings · ${since('rating')}`),
    card('CSAT', percent(s.csat), `share of ${int(s.csatResponses)} answers at 4 or 5 of 5 · ${since('csat', 100, ' pts', 0)}`),
  ];
  if (s.npsResponses > 0) cards.push(card('NPS', s.nps === null ? '–' : Math.round(s.nps).toString(), `${int(s.npsResponses)} survey answers · ${since('nps', 1, '', 0)}`));
  fill(body, h('p', { class: 'sub' }, state.source ? `From ${state.source}` : 'From every source with star ratings or survey scores'), h('div', { class: 'cards' }, cards));
  fill(byId('reviews-status'), '');
}
