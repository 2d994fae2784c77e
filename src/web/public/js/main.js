// Boots the dashboard: catalog (filter menus, empty state, who is signed in), then every panel
// for the view in the URL. A filter change pushes a new URL and reloads the panels.

import { api, ApiError, explainError, forgetKey, rememberKey, storedKey } from './api.js';
import { openAlerts, setUpAlertDialog } from './alert-dialog.js';
import { byId, fill, h } from './dom.js';
import { fillMenus, showState, watchFilters } from './filters.js';
import { formatBucket, viewerZone } from './format.js';
import { loadMentions } from './mentions-panel.js';
import { loadReviews } from './reviews-panel.js';
import { loadSentiment } from './sentiment-panel.js';
import { loadSources } from './sources-panel.js';
import { bucketFor, readState, urlFor, withDefaults } from './state.js';
import { fetchTopics, renderTopics } from './topics-panel.js';
import { loadTrend } from './trend-panel.js';
import { loadVoice } from './voice-panel.js';

const PANELS = ['trend', 'sentiment', 'voice', 'reviews', 'topics', 'mentions', 'sources'];
let catalog = null;
let generation = 0;
let mentionGeneration = 0;
let trendPoints = { points: [], to: null };

function setReady(ready) {
  document.body.dataset.state = ready ? 'ready' : 'loading';
}

function showSignIn(reason) {
  byId('main').hidden = true;
  byId('sign-in').hidden = false;
  byId('sign-in-reason').textContent = reason;
  byId('sign-in-cancel').hidden = true;
  byId('sign-in-open').hidden = true;
  byId('sign-out').hidden = !storedKey();
  byId('who').textContent = '';
  byId('api-key').focus();
  setReady(true);
}

function showWho() {
  const caller = catalog?.caller;
  byId('who').textContent = caller ? `Signed in as ${caller.name} (${caller.role})` : storedKey() ? 'Signed in with an API key' : '';
  byId('sign-in-open').hidden = Boolean(storedKey());
  byId('sign-out').hidden = !storedKey();
}

function canCorrect() {
  const role = catalog?.caller?.role;
  return role === undefined || role === 'analyst' || role === 'admin';
}

const topicName = (id) => catalog?.topics.find((t) => t.id === id)?.name ?? id;
const brandName = (id) => catalog?.brands.find((b) => b.id === id)?.name ?? id;

async function start() {
  setReady(false);
  try {
    catalog = await api('/catalog');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      const hadKey = Boolean(storedKey());
      // A refused key is dropped at once, so a reload does not send it again.
      forgetKey();
      showSignIn(hadKey ? `That key was not accepted: ${error.message}` : 'This Earshot asks for an API key.');
      return;
    }
    if (error instanceof ApiError && error.status === 403) {
      showSignIn(`This key may not open the dashboard: ${error.message}`);
      return;
    }
    byId('main').hidden = false;
    fill(byId('trend-status'), explainError(error));
    setReady(true);
    return;
  }
  byId('sign-in').hidden = true;
  byId('main').hidden = false;
  showWho();
  fillMenus(catalog);
  await render();
}

function emptySteps() {
  const steps = [];
  const code = (text) => h('code', null, text);
  const configured = catalog.sources.filter((s) => s.kind !== 'import');
  if (catalog.brands.length === 0) steps.push(['Name your brand and your competitors under ', code('brands:'), ' in earshot.config.yaml (check it with ', code('npx earshot config check'), ').']);
  if (configured.length === 0) steps.push(['Add where to listen under ', code('sources:'), ' — news and blog feeds, app stores, Reddit, Hacker News, review sites (the README lists every kind).']);
  else steps.push(['Run a source now with ', code(`npx earshot run ${configured[0].name}`), ', or start Earshot with ', code('npm start'), ' and it runs every source on its schedule.']);
  steps.push(['Or import what you already have: ', code('npx earshot import FILE.csv --source NAME'), ' (survey exports, support tickets, review dumps).']);
  steps.push(['Then reload this page. Source health below says which sources ran and why one failed.']);
  return steps.map((s) => h('li', null, s));
}

async function panel(name, isCurrent, work) {
  const section = byId(name);
  section.setAttribute('aria-busy', 'true');
  try {
    return await work();
  } catch (error) {
    if (!isCurrent()) return undefined;
    if (error instanceof ApiError && error.status === 401) {
      forgetKey();
      showSignIn(`Earshot asked for a key again (revoked?): ${error.message}`);
      return undefined;
    }
    fill(byId(`${name}-status`), explainError(error));
    return undefined;
  } finally {
    if (isCurrent()) section.setAttribute('aria-busy', 'false');
  }
}

/** The mention list's time window: the chosen chart point (from the URL's `at`), else the whole period. */
function windowFor(state, bucket) {
  if (!state.at) return null;
  const points = trendPoints.points;
  const i = points.findIndex((p) => Date.parse(p.start) === Date.parse(state.at));
  const start = new Date(Date.parse(state.at)).toISOString();
  if (i < 0) return { from: start, to: new Date(Date.parse(state.at) + 3_600_000).toISOString(), label: `the hour from ${formatBucket(start, 'hour')}` };
  const end = points[i + 1]?.start ?? trendPoints.to;
  return { from: start, to: end, label: formatBucket(start, bucket) };
}

function mentionsView(state, bucket, isCurrent) {
  return {
    state,
    zone: viewerZone,
    window: windowFor(state, bucket),
    canCorrect: canCorrect(),
    catalog,
    onClearWindow: () => select(undefined),
    isCurrent,
  };
}

/** Narrows the mention list to one bucket (or clears it) without redrawing the charts. */
function select(at) {
  const state = { ...readState(), at: at && new Date(Date.parse(at)).toISOString() };
  if (!at) delete state.at;
  history.pushState(null, '', urlFor(state));
  const full = withDefaults(state, catalog.span);
  const mine = ++mentionGeneration;
  const isCurrent = () => mine === mentionGeneration;
  const rendering = document.body.dataset.state !== 'ready';
  setReady(false);
  panel('mentions', isCurrent, () => loadMentions(mentionsView(full, bucketFor(full), isCurrent))).then(() => {
    if (isCurrent() && !rendering) setReady(true);
  });
  byId('mentions').scrollIntoView({ block: 'start' });
}

function navigate(patch) {
  const state = { ...readState(), ...patch };
  delete state.at;
  for (const [name, value] of Object.entries(state)) if (value === undefined || value === '') delete state[name];
  history.pushState(null, '', urlFor(state));
  return render();
}

async function render() {
  const my = ++generation;
  const isCurrent = () => my === generation;
  const mine = ++mentionGeneration;
  const mentionsCurrent = () => mine === mentionGeneration;
  setReady(false);
  const state = withDefaults(readState(), catalog.span);
  showState(state);
  const empty = !catalog.span;
  byId('empty').hidden = !empty;
  byId('filters').hidden = empty;
  for (const name of PANELS) byId(name).hidden = empty && name !== 'sources';
  if (empty) {
    fill(byId('empty-steps'), emptySteps());
    await panel('sources', isCurrent, loadSources);
    if (isCurrent()) setReady(true);
    return;
  }
  const bucket = bucketFor(state);
  const view = { state, zone: viewerZone, bucket, catalog };
  const onTopic = (topic) => navigate({ topic: state.topic === topic ? undefined : topic });
  const onBrand = (brand) => navigate({ brand: state.brand === brand ? undefined : brand });
  const onAlerts = (alerts) =>
    openAlerts(alerts, { topicName, brandName, canTriage: canCorrect(), onShowMentions: (a) => select(a.bucketStart) });

  const topics = panel('topics', isCurrent, async () => {
    const answer = await fetchTopics(view);
    if (my === generation) renderTopics(answer, { state, onTopic });
    return answer;
  });
  const mentions = () => panel('mentions', mentionsCurrent, () => loadMentions(mentionsView(state, bucket, mentionsCurrent)));
  const trend = (async () => {
    const answer = await topics;
    await panel('trend', isCurrent, async () => {
      const onPick = (i) => select(trendPoints.points[i]?.start);
      const result = await loadTrend({ ...view, topTopics: answer?.top ?? [], onPick, onAlerts });
      if (my === generation) trendPoints = result;
    });
  })();
  // A chosen chart point needs the chart's buckets to know where it ends; the whole period does not.
  const list = state.at ? trend.then(() => isCurrent() && mentions()) : mentions();
  await Promise.all([
    trend,
    list,
    panel('sentiment', isCurrent, () => loadSentiment(view)),
    panel('voice', isCurrent, () => loadVoice({ ...view, onBrand })),
    panel('reviews', isCurrent, () => loadReviews(view)),
    panel('sources', isCurrent, loadSources),
  ]);
  if (my === generation) setReady(true);
}

function boot() {
  setUpAlertDialog();
  watchFilters(navigate, () => {
    history.pushState(null, '', location.pathname);
    render();
  });
  window.addEventListener('popstate', () => catalog && render());
  byId('sign-in-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const key = /** @type {HTMLInputElement} */ (byId('api-key')).value.trim();
    if (!key) return;
    rememberKey(key);
    /** @type {HTMLInputElement} */ (byId('api-key')).value = '';
    start();
  });
  byId('sign-in-open').addEventListener('click', () => {
    showSignIn('Sign in with an API key.');
    byId('sign-in-cancel').hidden = !catalog;
  });
  byId('sign-in-cancel').addEventListener('click', () => {
    byId('sign-in').hidden = true;
    byId('main').hidden = false;
    showWho();
  });
  byId('sign-out').addEventListener('click', () => {
    forgetKey();
    catalog = null;
    start();
  });
  start();
}

boot();
