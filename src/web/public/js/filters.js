// The filter bar: its menus come from the catalog, its values from the URL.

import { byId, fill, h } from './dom.js';
import { viewerZone } from './format.js';
import { FILTERS } from './state.js';

const languageNames = (() => {
  try {
    return new Intl.DisplayNames(undefined, { type: 'language' });
  } catch {
    return null;
  }
})();

function options(select, allLabel, entries) {
  fill(select, h('option', { value: '' }, allLabel), entries.map(([value, label]) => h('option', { value }, label)));
}

/** Topics as a tree: each parent followed by its subtopics, indented. */
function topicEntries(topics) {
  const children = (parent) => topics.filter((t) => (t.parent ?? null) === parent);
  const out = [];
  const walk = (parent, depth) => {
    for (const t of children(parent)) {
      out.push([t.id, `${'\u2003'.repeat(depth)}${t.name}`]);
      if (depth < 5) walk(t.id, depth + 1);
    }
  };
  walk(null, 0);
  for (const t of topics) if (!out.some(([id]) => id === t.id)) out.push([t.id, t.name]);
  return out;
}

export function fillMenus(catalog) {
  options(byId('f-brand'), 'All brands', catalog.brands.map((b) => [b.id, b.competitor ? `${b.name} (competitor)` : b.name]));
  options(byId('f-topic'), 'All topics', topicEntries(catalog.topics));
  options(byId('f-source'), 'All sources', catalog.sources.map((s) => [s.name, `${s.name} (${s.kind})`]));
  const languages = catalog.languages.map((code) => {
    let name = null;
    try {
      name = languageNames?.of(code) ?? null;
    } catch {
      name = null;
    }
    return [code, name && name !== code ? `${name} (${code})` : code];
  });
  options(byId('f-lang'), 'All languages', languages.sort((a, b) => a[1].localeCompare(b[1])));
  byId('zone').textContent = `Times are in your time zone, ${viewerZone}.`;
}

/** Shows the view's values; a value the menus do not list (an old link) is added so it stays visible. */
export function showState(state) {
  for (const name of FILTERS) {
    const control = /** @type {HTMLInputElement | HTMLSelectElement} */ (byId(`f-${name}`));
    const value = state[name] ?? '';
    if (control instanceof HTMLSelectElement && value && ![...control.options].some((o) => o.value === value)) {
      control.append(h('option', { value }, value));
    }
    control.value = value;
  }
}

/** Calls `onChange({ name: value })` when the viewer changes a filter. */
export function watchFilters(onChange, onReset) {
  const form = byId('filters');
  form.addEventListener('change', (event) => {
    const control = /** @type {HTMLInputElement} */ (event.target);
    if (!FILTERS.includes(control.name)) return;
    const patch = { [control.name]: control.value || undefined };
    const from = /** @type {HTMLInputElement} */ (byId('f-from')).value;
    const to = /** @type {HTMLInputElement} */ (byId('f-to')).value;
    // Dates the wrong way round are swapped rather than refused.
    if (from && to && from > to) Object.assign(patch, { from: to, to: from });
    else Object.assign(patch, { from: from || undefined, to: to || undefined });
    onChange(patch);
  });
  form.addEventListener('submit', (event) => event.preventDefault());
  byId('f-reset').addEventListener('click', onReset);
}
