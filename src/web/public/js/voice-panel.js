// Share of voice: each brand's and competitor's share of the mentions naming any of them.

import { api } from './api.js';
import { byId, fill, h, table } from './dom.js';
import { change, int, percent } from './format.js';
import { apiFilters } from './state.js';

export async function loadVoice({ state, zone, bucket, catalog, onBrand }) {
  const body = byId('voice-body');
  if (catalog.brands.length === 0) {
    fill(body, h('p', null, 'No brands are configured. Name your brand and competitors under ', h('code', null, 'brands:'), ' in the config file.'));
    return;
  }
  const answer = await api('/trends/share-of-voice', { ...apiFilters(state, zone, { without: ['brand'] }), bucket, compare: 'previous' });
  const rows = answer.brands.map((b) => {
    const bar = h('span', { class: 'bar', 'aria-hidden': 'true' });
    bar.style.width = `${Math.round((b.share ?? 0) * 100)}%`;
    const delta = b.previous?.share?.delta;
    return [
      h('button', { type: 'button', class: 'link', onclick: () => onBrand(b.brand), 'aria-pressed': String(state.brand === b.brand) }, b.name),
      b.competitor ? 'Competitor' : 'Yours',
      int(b.volume),
      h('span', { class: 'share' }, h('span', { class: 'track' }, bar), percent(b.share)),
      delta === null || delta === undefined ? '–' : change(delta * 100, ' pts'),
      percent(b.net),
    ];
  });
  fill(
    body,
    answer.brands.every((b) => b.volume === 0)
      ? h('p', null, 'No mention in this period names a configured brand.')
      : table('Share of the mentions naming a configured brand, this period', ['Brand', '', 'Mentions', 'Share', 'Change', 'Net sentiment'], rows, { class: 'data voice' }),
  );
  fill(byId('voice-status'), '');
}
