import { detectLanguage } from './language.js';
import { foldToken } from './normalize.js';
import { clampScore, labelFor, SENTIMENT_LANGUAGES, type SentimentLabel } from './sentiment.js';
import type { CompiledTaxonomy } from './taxonomy.js';
import { its, nlp, numericSentiment } from './wink.js';

export interface Sentiment {
  score: number;
  label: SentimentLabel;
}

export interface SentenceAnalysis {
  text: string;
  sentiment: Sentiment | null;
}

export interface TopicAnalysis {
  id: string;
  /** The configured terms that matched, as written in the taxonomy. */
  terms: string[];
  /** Sentiment of the sentences that mention the topic. */
  sentiment: Sentiment | null;
}

export interface Analysis {
  lang: string;
  langSource: 'hint' | 'detected' | 'undetermined';
  sentiment: Sentiment | null;
  /** Why sentiment is null: never a made-up neutral. */
  sentimentNote: string | null;
  sentences: SentenceAnalysis[];
  topics: TopicAnalysis[];
  brands: string[];
}

export interface AnalyzeOptions {
  langHint?: string | null;
}

/**
 * Analyses one text: language, document/sentence/topic sentiment, topics and brands. Pure: the
 * same text and taxonomy always give the same answer, with no I/O.
 */
export function analyze(text: string, taxonomy: CompiledTaxonomy, options: AnalyzeOptions = {}): Analysis {
  const language = detectLanguage(text, options.langHint);
  const scored = SENTIMENT_LANGUAGES.has(language.lang);
  const doc = nlp.readDoc(text);

  const tokens = (doc.tokens().out(its.normal) as string[]).map(foldToken);
  const sentenceOfToken = new Array<number>(tokens.length).fill(0);
  const sentences: SentenceAnalysis[] = [];
  doc.sentences().each((sentence, index) => {
    const [start, end] = sentence.out(its.span) as unknown as [number, number];
    for (let t = start; t <= end; t++) sentenceOfToken[t] = index;
    sentences.push({
      text: sentence.out(),
      sentiment: scored ? toSentiment(numericSentiment(sentence.out(its.sentiment))) : null,
    });
  });

  const topics: TopicAnalysis[] = [];
  for (const [id, matches] of taxonomy.topics.find(tokens)) {
    const inSentences = new Set(matches.map((m) => sentenceOfToken[m.start]!));
    topics.push({
      id,
      terms: [...new Set(matches.map((m) => m.term))],
      sentiment: scored ? meanSentiment([...inSentences].map((i) => sentences[i]?.sentiment ?? null)) : null,
    });
  }

  return {
    lang: language.lang,
    langSource: language.source,
    sentiment: scored ? toSentiment(numericSentiment(doc.out(its.sentiment))) : null,
    sentimentNote: scored
      ? null
      : language.lang === 'und'
        ? 'language undetermined'
        : `no sentiment analyzer for language '${language.lang}'`,
    sentences,
    topics,
    brands: [...taxonomy.brands.find(tokens).keys()],
  };
}

function toSentiment(raw: number): Sentiment {
  const score = clampScore(raw);
  return { score, label: labelFor(score) };
}

function meanSentiment(values: (Sentiment | null)[]): Sentiment | null {
  const scores = values.filter((v): v is Sentiment => v !== null).map((v) => v.score);
  if (scores.length === 0) return null;
  return toSentiment(scores.reduce((a, b) => a + b, 0) / scores.length);
}

/** Topics of an analysis with every ancestor added, as rollups count them. */
export function topicsWithAncestors(analysis: Analysis, taxonomy: CompiledTaxonomy): string[] {
  const all = new Set<string>();
  for (const topic of analysis.topics) {
    all.add(topic.id);
    for (const parent of taxonomy.ancestors.get(topic.id) ?? []) all.add(parent);
  }
  return [...all];
}
