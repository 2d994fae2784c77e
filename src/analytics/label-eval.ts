import type Database from 'better-sqlite3';
import { macroF1 } from './classification.js';

export interface LanguageEval {
  lang: string;
  /** Mentions whose sentiment an analyst corrected or confirmed. */
  sentimentLabelled: number;
  sentimentAccuracy: number | null;
  sentimentMacroF1: number | null;
  /** Mentions whose topics an analyst set. */
  topicsLabelled: number;
  topicPrecision: number | null;
  topicRecall: number | null;
}

/**
 * How the machine's answers compare with analysts' corrections, per language: sentiment
 * accuracy and macro-F1 over the labelled classes; topic precision and recall over topic
 * assignments (micro-averaged).
 */
export function evaluateAgainstLabels(sqlite: Database.Database): LanguageEval[] {
  const rows = sqlite
    .prepare(
      `SELECT m.lang, m.sentiment_label AS machine, l.sentiment AS human, l.topics AS human_topics,
              (SELECT group_concat(topic_id, ',') FROM mention_topics WHERE mention_id = m.id) AS machine_topics
       FROM labels l JOIN mentions m ON m.id = l.mention_id`,
    )
    .all() as { lang: string; machine: string | null; human: string | null; human_topics: string | null; machine_topics: string | null }[];
  const byLang = new Map<string, typeof rows>();
  for (const row of rows) byLang.set(row.lang, [...(byLang.get(row.lang) ?? []), row]);
  return [...byLang.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([lang, list]) => {
      const sentiment = list.filter((r) => r.human !== null);
      const pairs = sentiment.map((r) => ({ truth: r.human!, predicted: r.machine ?? 'none' }));
      let tp = 0;
      let predicted = 0;
      let actual = 0;
      const withTopics = list.filter((r) => r.human_topics !== null);
      for (const r of withTopics) {
        const human = new Set(JSON.parse(r.human_topics!) as string[]);
        const machine = new Set(r.machine_topics ? r.machine_topics.split(',') : []);
        for (const t of machine) if (human.has(t)) tp++;
        predicted += machine.size;
        actual += human.size;
      }
      return {
        lang,
        sentimentLabelled: sentiment.length,
        sentimentAccuracy: pairs.length ? round(pairs.filter((p) => p.truth === p.predicted).length / pairs.length) : null,
        sentimentMacroF1: pairs.length ? round(macroF1(pairs)) : null,
        topicsLabelled: withTopics.length,
        topicPrecision: withTopics.length && predicted ? round(tp / predicted) : null,
        topicRecall: withTopics.length && actual ? round(tp / actual) : null,
      };
    });
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
