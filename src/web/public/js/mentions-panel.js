// The mentions behind what is selected, newest first: text (always as text), the original link,
// source, language, sentiment and the words that drove it; analysts can correct the label.

import { api, explainError } from './api.js';
import { sentimentCorrection, topicCorrection } from './corrections.js';
import { byId, fill, h, safeHref } from './dom.js';
import { formatTime, SENTIMENT_NAMES } from './format.js';
import { apiFilters } from './state.js';

const PAGE = 25;

/**
 * @param {{ state: object, zone: string, window: { from: string, to: string, label: string } | null,
 *   canCorrect: boolean, catalog: object, onClearWindow: () => void, isCurrent: () => boolean }} view
 */
export async function loadMentions(view) {
  const params = { ...apiFilters(view.state, view.zone), limit: PAGE };
  if (view.window) Object.assign(params, { from: view.window.from, to: view.window.to });
  fill(
    byId('mentions-sub'),
    view.window
      ? ['Showing ', h('strong', null, view.window.label), '. ', h('button', { type: 'button', class: 'link', onclick: view.onClearWindow }, 'Show the whole period')]
      : 'Newest first, for the filters above. Choose a point in the trend chart to narrow the list.',
  );
  fill(byId('mention-list'));
  await loadPage(view, params);
}

async function loadPage(view, params, cursor) {
  const more = byId('mentions-more');
  more.hidden = true;
  const page = await api('/mentions', { ...params, cursor });
  if (!view.isCurrent()) return;
  const list = byId('mention-list');
  const items = page.items.map((m) => mentionItem(m, view));
  list.append(...items.map((i) => i.el));
  fill(byId('mentions-status'), list.children.length === 0 ? 'No mentions match.' : '');
  if (page.nextCursor) {
    more.hidden = false;
    more.onclick = () => loadPage(view, params, page.nextCursor).catch((error) => fill(byId('mentions-status'), explainError(error)));
  }
  await explain(page.items, items);
}

/** The words that drove each mention's sentiment, fetched for the whole page at once. */
async function explain(mentions, items) {
  if (mentions.length === 0) return;
  let answer;
  try {
    answer = await api('/mentions/explanations', { ids: mentions.map((m) => m.id).join(',') });
  } catch (error) {
    for (const item of items) fill(item.why, explainError(error));
    return;
  }
  const byMention = new Map(answer.items.map((e) => [e.id, e]));
  mentions.forEach((m, i) => fill(items[i].why, ...whyParts(m, byMention.get(m.id))));
}

function whyParts(mention, explanation) {
  if (!explanation) return [];
  if (!explanation.sentiment) return [explanation.note ?? 'No sentiment for this language.'];
  const words = explanation.words.slice(0, 6);
  const parts = [h('span', { class: 'why-label' }, 'Why: ')];
  if (words.length === 0) parts.push('no word moved it far from neutral');
  words.forEach((w, i) => {
    if (i > 0) parts.push(' ');
    parts.push(h('span', { class: `word ${w.weight < 0 ? 'neg' : 'pos'}`, title: `${w.kind}${w.cue ? ` (${w.cue})` : ''}, weight ${w.weight.toFixed(2)}` }, `${w.text} ${w.weight < 0 ? '−' : '+'}`));
  });
  if (!explanation.matchesStored && mention.sentiment) parts.push(` (today's model says ${explanation.sentiment.label}; earshot retag would update it)`);
  return parts;
}

export function sentimentBadge(sentiment, labels) {
  if (labels?.sentiment) return h('span', { class: `badge ${labels.sentiment}` }, `${SENTIMENT_NAMES[labels.sentiment]} (corrected)`);
  if (!sentiment) return h('span', { class: 'badge none' }, 'No sentiment');
  return h('span', { class: `badge ${sentiment.label}` }, `${SENTIMENT_NAMES[sentiment.label]} ${sentiment.score.toFixed(2)}`);
}

function mentionItem(m, view) {
  const href = safeHref(m.url);
  const topicName = (id) => view.catalog.topics.find((t) => t.id === id)?.name ?? id;
  const why = h('p', { class: 'why' }, 'Finding the words that drove it…');
  const badge = h('span', null, sentimentBadge(m.sentiment, m.labels));
  const topicsLine = h('p', { class: 'topics' });
  const showTopics = (corrected) =>
    fill(
      topicsLine,
      corrected
        ? ['Topics (corrected): ', corrected.length ? corrected.map(topicName).join(', ') : 'none']
        : m.topics.length > 0
          ? ['Topics: ', m.topics.map((t, i) => [i > 0 ? ', ' : '', h('span', { class: 'topic' }, topicName(t.id)), t.terms.length ? ` (${t.terms.join(', ')})` : ''])]
          : [],
    );
  showTopics(m.labels?.topics ?? null);
  const el = h(
    'li',
    { class: 'mention', 'data-id': m.id },
    h(
      'p',
      { class: 'meta' },
      badge,
      ' ',
      h('span', null, m.source),
      ' · ',
      h('time', { datetime: m.publishedAt }, formatTime(m.publishedAt)),
      ' · ',
      h('span', { lang: 'en' }, `language ${m.lang}`),
      m.rating !== null ? ` · ${'★'.repeat(Math.round(m.rating))}${'☆'.repeat(5 - Math.round(m.rating))} (${m.rating})` : null,
      m.author ? ` · ${m.author}` : null,
    ),
    m.title ? h('p', { class: 'mention-title' }, m.title) : null,
    h('p', { class: 'mention-text', lang: m.lang.length <= 3 ? m.lang : null }, m.text),
    why,
    topicsLine,
    h('p', { class: 'links' }, href ? h('a', { href, rel: 'noopener noreferrer nofollow', target: '_blank' }, 'Original') : h('span', { class: 'sub' }, m.url ? 'Link not shown (not a web address)' : 'No link')),
    view.canCorrect ? sentimentCorrection(m, (saved) => fill(badge, sentimentBadge(m.sentiment, saved))) : null,
    view.canCorrect ? topicCorrection(m, view.catalog.topics, (saved) => showTopics(saved.topics)) : null,
  );
  return { el, why };
}

