/**
 * Whether an alert concerns a subscription. Brand, topic (with its subtopics), kind and
 * sensitivity are exact. Detection watches brand, brand × topic and brand × source series, not
 * languages, so a source or language filter is judged on the alert's evidence: the subscribed
 * slice must hold at least SLICE_MIN_SHARE of the mentions in the alert's window (a slice with
 * less did not make the spike) and at least minVolume of them.
 */
import { NO_SOURCE, seriesBreakdown, type AlertRow } from '../db/alerts.js';
import type { Db } from '../db/client.js';
import type { SubscriptionRow } from '../db/subscriptions.js';
import type { AlertExplanation } from './explain.js';
import { ruleKey } from './thresholds.js';

export const SLICE_MIN_SHARE = 0.25;

export interface MatchContext {
  /** Topic id → its parent, for "a subtopic counts". */
  parents: Map<string, string | null>;
  sourceIds: Map<string, number>;
}

export function matchContext(db: Db): MatchContext {
  const topics = db.$client.prepare('SELECT id, parent_id AS parent FROM topics').all() as { id: string; parent: string | null }[];
  const sources = db.$client.prepare('SELECT id, name FROM sources').all() as { id: number; name: string }[];
  return { parents: new Map(topics.map((t) => [t.id, t.parent])), sourceIds: new Map(sources.map((s) => [s.name, s.id])) };
}

function withinTopics(topic: string, wanted: readonly string[], parents: Map<string, string | null>): boolean {
  const seen = new Set<string>();
  for (let t: string | null | undefined = topic; t && !seen.has(t); t = parents.get(t)) {
    if (wanted.includes(t)) return true;
    seen.add(t);
  }
  return false;
}

export interface MatchResult {
  matches: boolean;
  /** The mentions behind the alert within the subscription's slice. */
  evidence: number;
}

const NO: MatchResult = { matches: false, evidence: 0 };

export function alertMatches(db: Db, sub: SubscriptionRow, alert: AlertRow, ctx: MatchContext): MatchResult {
  if (sub.brand !== null && alert.brand !== sub.brand) return NO;
  const explanation = alert.explanation as AlertExplanation;
  const windowMentions = explanation.window?.mentions ?? alert.observed;

  if (alert.kind === 'threshold') {
    if (!sub.kinds.includes(alert.kind)) return NO;
    if (!sub.threshold || alert.rule !== ruleKey(sub)) return NO;
    // The rule's key holds its sources, languages and minimum volume: the rule already judged them.
    const topicOk = sub.topics.length === 0 ? alert.topic === '*' : sub.topics.includes(alert.topic);
    const counted = Number(explanation.detector?.counted ?? windowMentions);
    return topicOk ? { matches: true, evidence: counted } : NO;
  }
  if (alert.rule !== '' || alert.sensitivity !== sub.sensitivity) return NO;
  // An alert also stands for the decisions folded into it (detect-incidents.ts): a topic's
  // emerging-topic decision folded into that topic's spike reaches an emerging-topic subscriber.
  const topicOk = (topic: string) => sub.topics.length === 0 || (topic !== '*' && withinTopics(topic, sub.topics, ctx.parents));
  const direct = sub.kinds.includes(alert.kind) && topicOk(alert.topic);
  const folded = direct ? [] : (explanation.incident?.merged ?? []).filter((m) => sub.kinds.includes(m.kind as AlertRow['kind']) && topicOk(m.topic));
  if (!direct && folded.length === 0) return NO;

  let evidence = direct ? windowMentions : Math.max(...folded.map((m) => m.observed));
  const series = { brand: alert.brand, topic: alert.topic, sourceId: alert.sourceId };
  const from = Date.parse(explanation.window?.from ?? '') || alert.bucketStart;
  const to = Date.parse(explanation.window?.to ?? '') || alert.bucketEnd;
  if (sub.sources.length > 0) {
    const ids = sub.sources.map((name) => ctx.sourceIds.get(name)).filter((id) => id !== undefined);
    if (alert.sourceId !== NO_SOURCE) {
      if (!ids.includes(alert.sourceId)) return NO;
    } else {
      const bySource = seriesBreakdown(db, series, from, to, 'source');
      const inSlice = ids.reduce((n, id) => n + (bySource.get(String(id)) ?? 0), 0);
      if (inSlice < SLICE_MIN_SHARE * windowMentions || inSlice === 0) return NO;
      evidence = Math.min(evidence, inSlice);
    }
  }
  if (sub.languages.length > 0) {
    const byLang = seriesBreakdown(db, series, from, to, 'lang');
    const inSlice = sub.languages.reduce((n, lang) => n + (byLang.get(lang) ?? 0), 0);
    if (inSlice < SLICE_MIN_SHARE * windowMentions || inSlice === 0) return NO;
    evidence = Math.min(evidence, inSlice);
  }
  return { matches: evidence >= sub.minVolume, evidence };
}
