/**
 * `earshot detect --from --to [--sensitivity] [--tz] [--json]`: replays detection over stored
 * data and prints what would have fired, without storing anything.
 */
import { DateTime } from 'luxon';
import type { Sensitivity } from '../analytics/detectors/index.js';
import { openDb, type OpenDb } from '../db/client.js';
import { detectAlerts, type FiredAlert } from './detect.js';

export interface DetectCommandOptions {
  /** An open store, or a database file to open (and close). */
  store?: OpenDb;
  dbPath?: string;
  from: number;
  to: number;
  sensitivity?: Sensitivity;
  tz?: string;
  json?: boolean;
  /** Where lines go; console.log by default. */
  out?: (line: string) => void;
}

function series(a: FiredAlert): string {
  return [a.brand, a.topic, a.source ?? '*'].join(' / ');
}

/** A readable table: one row per alert, then its top topics and terms. */
export function formatAlerts(alerts: readonly FiredAlert[], tz: string): string {
  if (alerts.length === 0) return 'no alerts would have fired';
  const rows = alerts.map((a) => [
    DateTime.fromMillis(a.bucketStart, { zone: tz }).toFormat('yyyy-MM-dd HH:mm'),
    a.kind,
    series(a),
    `${a.observed} vs ${a.expected}`,
    a.score.toFixed(2),
    a.explanation.topics.slice(0, 3).map((t) => t.id).join(', ') || '-',
    a.explanation.terms.slice(0, 5).map((t) => t.term).join(', ') || '-',
    `${a.explanation.incident?.id ?? '-'}${a.explanation.incident?.merged.length ? ` (+${a.explanation.incident.merged.length} folded)` : ''}`,
  ]);
  const head = [`start (${tz})`, 'kind', 'brand / topic / source', 'observed vs expected', 'score', 'top topics', 'top terms', 'incident'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  const incidents = new Set(alerts.map((a) => a.explanation.incident?.id)).size;
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line), '', `${alerts.length} alert(s) in ${incidents} incident(s)`].join('\n');
}

export function detectCommand(opts: DetectCommandOptions): FiredAlert[] {
  const store = opts.store ?? openDb(opts.dbPath ?? './data/earshot.db');
  const out = opts.out ?? ((line: string) => console.log(line));
  const tz = opts.tz ?? 'UTC';
  try {
    const alerts = detectAlerts(store, { from: opts.from, to: opts.to, sensitivity: opts.sensitivity, tz, persist: false });
    out(opts.json ? JSON.stringify(alerts, null, 2) : formatAlerts(alerts, tz));
    return alerts;
  } finally {
    if (!opts.store) store.close();
  }
}
