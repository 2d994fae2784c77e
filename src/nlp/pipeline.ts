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
  const docScore = numericSentiment(doc.out(its.sentiment));
  // Bulk reads of the sentence collection: several times cheaper than visiting each sentence.
  const collection = doc.sentences();
  const sentenceTexts = collection.out() as string[];
  const spans = collection.out(its.span) as unknown as [number, number][];
  const sentenceScores = scored && sentenceTexts.length > 1 ? (collection.out(its.sentiment) as unknown as (string | number)[]) : [docScore];
  const sentenceOfToken = new Uint32Array(tokens.length);
  const sentences: SentenceAnalysis[] = sentenceTexts.map((text, index) => {
    const [start, end] = spans[index]!;
    for (let t = start; t <= end; t++) sentenceOfToken[t] = index;
    return { text, sentiment: scored ? toSentiment(numericSentiment(sentenceScores[index]!)) : null };
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
    sentiment: scored ? toSentiment(docScore) : null,
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
