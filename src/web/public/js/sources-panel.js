// Source health: a dead connector must not pass for a quiet day.

import { api } from './api.js';
import { byId, fill, h, table } from './dom.js';
import { formatTime, int } from './format.js';

export function sourceStatus(s) {
  if (!s.enabled) return { level: 'off', text: 'Disabled' };
  if (s.lastRun?.status === 'failed') return { level: 'bad', text: `Failing: ${s.lastRun.errorCode ?? 'error'} — ${s.lastRun.errorMessage ?? 'no reason recorded'}` };
  if (s.lastRun?.status === 'aborted') return { level: 'bad', text: `Last run aborted: ${s.lastRun.errorMessage ?? 'no reason recorded'}` };
  if (s.silent) return { level: 'warn', text: s.lastItemsAt ? `Silent since ${formatTime(s.lastItemsAt)}` : 'Silent: nothing stored yet' };
  if (!s.lastRun) return { level: 'warn', text: s.kind === 'import' ? 'No import yet' : 'Never run' };
  if (s.lastRun.status === 'running') return { level: 'ok', text: 'Running now' };
  return { level: 'ok', text: 'OK' };
}

export async function loadSources() {
  const { items } = await api('/sources');
  const rows = items.map((s) => {
    const status = sourceStatus(s);
    return [
      s.name,
      s.kind,
      h('span', { class: `health ${status.level}` }, status.text),
      s.lastRun ? formatTime(s.lastRun.finishedAt ?? s.lastRun.startedAt) : '–',
      int(s.itemsLast24h),
      s.schedule ?? (s.kind === 'import' ? 'on import' : '–'),
    ];
  });
  const problems = items.filter((s) => ['bad', 'warn'].includes(sourceStatus(s).level) && s.kind !== 'import').length;
  byId('sources-title').textContent = problems > 0 ? `Source health — ${problems} need${problems === 1 ? 's' : ''} attention` : 'Source health';
  fill(
    byId('sources-body'),
    items.length === 0
      ? h('p', null, 'No sources yet. Add them under ', h('code', null, 'sources:'), ' in the config file, or import a file.')
      : table(null, ['Source', 'Kind', 'Status', 'Last run', 'New in 24 h', 'Schedule'], rows, { class: 'data sources' }),
  );
  fill(byId('sources-status'), '');
  return items;
}
