import { detectLanguage } from './language.js';
import { foldToken } from './normalize.js';
import { SENTIMENT_LANGUAGES, type SentimentLabel } from './sentiment.js';
import { englishModel, scoreWith, type SentimentContribution, type SpanSentiment } from './sentiment/english.js';
import { buildView, clauseScoreStart, clauseSplits } from './sentiment/features.js';
import { compileModel, DocScorer } from './sentiment/scorer.js';
import { fromProbs } from './sentiment/model.js';
import { foreignLabel, foreignSentiment, MULTILINGUAL_LANGUAGES } from './sentiment/foreign.js';
import { its, readDoc } from './sentiment/reader.js';
import type { CompiledTaxonomy, TaxonomyMatch } from './taxonomy.js';
import { collectEntities, type Entities } from './entities.js';
import { extractTerms } from './terms.js';

export type { SentimentContribution } from './sentiment/english.js';

export interface Sentiment {
  /** P(positive) − P(negative) under the English model, in [-1, 1]. */
  score: number;
  label: SentimentLabel;
  /** What moved the score most (tokens, phrases, complaint cues), strongest first. */
  explain?: SentimentContribution[];
}

export interface ClauseAnalysis {
  text: string;
  sentiment: Sentiment;
}

export interface SentenceAnalysis {
  text: string;
  sentiment: Sentiment | null;
  /** Where "but"/"however" splits the sentence, each side scored on its own. */
  clauses?: ClauseAnalysis[];
}

export interface TopicAnalysis {
  id: string;
  /** The configured terms that matched, as written in the taxonomy. */
  terms: string[];
  /** Sentiment of the clauses that mention the topic (a sentence without a contrast or concession is one clause). */
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
  /** Configured brands the text names (directly, by @handle, or through one of their products). */
  brands: string[];
  /** Configured products the text names. */
  products: string[];
  /** Hashtags, @handles, links and e-mail addresses in the text. */
  entities: Entities;
  /**
   * Noun phrases, hashtags, @handles and named brands/products: what emerging-term counts count.
   * Empty unless asked for with `terms: true` (ingest asks; it is not per-text analysis).
   */
  terms: string[];
}

export interface AnalyzeOptions {
  langHint?: string | null;
  /**
   * Which sentiments carry `explain`: the document's only (default; it is what alerts and the
   * mention view show), every sentence and clause too ('all'), or none.
   */
  explain?: 'document' | 'all' | 'none';
  /** Extract emerging-term keys too (see `Analysis.terms`). */
  terms?: boolean;
}

/**
 * Analyses one text: language, document/sentence/topic sentiment, topics and brands. Pure: the
 * same text and taxonomy always give the same answer, with no I/O (the sentiment model is read
 * once, on first use).
 */
export function analyze(text: string, taxonomy: CompiledTaxonomy, options: AnalyzeOptions = {}): Analysis {
  const language = detectLanguage(text, options.langHint);
  // Undetermined language: its emoji may still say how the writer feels.
  const emojiOnly = language.lang === 'und' ? foreignSentiment(text, 'und') : null;
  const foreign = MULTILINGUAL_LANGUAGES.has(language.lang) || emojiOnly !== null;
  const scored = SENTIMENT_LANGUAGES.has(language.lang);
  const { doc, hits } = readDoc(text);

  const tokenCollection = doc.tokens();
  const normals = tokenCollection.out(its.normal) as string[];
  const n = normals.length;
  // Sentiment reads each token's memo record; taxonomy matching reuses its folded form from there.
  const types = tokenCollection.out(its.type) as string[];
  const view = scored && n > 0 ? buildView(normals, types, tokenCollection.out(its.negationFlag) as unknown as boolean[], hits, true) : null;
  const entities = collectEntities(normals, types, () => tokenCollection.out(its.value) as string[]);
  const tokens = new Array<string>(n);
  for (let i = 0; i < n; i++) tokens[i] = view?.infos[i]?.folded ?? foldToken(normals[i]!);
  // Bulk reads of the sentence collection: several times cheaper than visiting each sentence.
  const collection = doc.sentences();
  const sentenceTexts = collection.out() as string[];
  const spans = collection.out(its.span) as unknown as [number, number][];

  let scorer: DocScorer | null = null;
  let explainParts = false;
  let docSentiment: SpanSentiment | null = null;
  const sentenceScores: (SpanSentiment | null)[] = [];
  if (view) {
    scorer = new DocScorer(view, compileModel(englishModel()), true);
    const explainDoc = (options.explain ?? 'document') !== 'none';
    explainParts = options.explain === 'all';
    docSentiment = scoreWith(scorer, 0, tokens.length - 1, explainDoc);
    for (const [start, end] of spans) sentenceScores.push(spans.length === 1 ? docSentiment : scoreWith(scorer, start, end, explainParts));
  }

  const matched = taxonomy.match(normals, types, language.lang);
  const named = { brands: [...matched.brands.keys()], products: [...matched.products.keys()] };
  const terms = options.terms ? extractTerms(normals, types, language.lang, named) : [];
  if (foreign) return { ...analyzeForeign(text, language, sentenceTexts, spans, tokens, matched, options, emojiOnly), entities, terms };

  let values: string[] | null = null;
  let spaces: string[] | null = null;
  // Per sentence split into clauses, where each starts and its score: a topic takes the score of
  // its clause ("Although the delivery was late, the chair is great": the chair is praised).
  const clauseUnits: ({ starts: number[]; units: SpanSentiment[] } | null)[] = [];
  const sentences: SentenceAnalysis[] = sentenceTexts.map((text, index) => {
    const s = sentenceScores[index] ?? null;
    const sentence: SentenceAnalysis = { text, sentiment: s ? toSentiment(s, explainParts) : null };
    clauseUnits.push(null);
    if (scorer && s) {
      const [start, end] = spans[index]!;
      const splits = scorer.hasContrast(start, end) ? clauseSplits(scorer.view.raw, start, end) : NO_SPLITS;
      if (splits.length > 0) {
        values ??= tokenCollection.out(its.value) as string[];
        spaces ??= tokenCollection.out(its.precedingSpaces) as string[];
        const bounds = [start, ...splits, end + 1];
        const units = { starts: [] as number[], units: [] as SpanSentiment[] };
        sentence.clauses = [];
        for (let b = 0; b + 1 < bounds.length; b++) {
          const from = bounds[b]!;
          const to = bounds[b + 1]! - 1;
          if (to < from) continue;
          let clause = values[from]!;
          for (let t = from + 1; t <= to; t++) clause += spaces[t]! + values[t]!;
          const unit = scoreWith(scorer, clauseScoreStart(scorer.view.raw, from, to), to, explainParts);
          units.starts.push(from);
          units.units.push(unit);
          sentence.clauses.push({ text: clause, sentiment: toSentiment(unit) });
        }
        clauseUnits[index] = units;
      }
    }
    return sentence;
  });

  const topics: TopicAnalysis[] = [];
  const found = matched.topics;
  // Which sentence each token is in: only needed when a topic matched.
  const sentenceOfToken = found.size > 0 ? new Uint32Array(tokens.length) : null;
  if (sentenceOfToken) {
    for (let index = 0; index < spans.length; index++) {
      const [start, end] = spans[index]!;
      for (let t = start; t <= end; t++) sentenceOfToken[t] = index;
    }
  }
  const unitOf = (token: number): SpanSentiment | null => {
    const index = sentenceOfToken![token]!;
    const split = clauseUnits[index];
    if (!split) return sentenceScores[index] ?? null;
    let k = 0;
    while (k + 1 < split.starts.length && split.starts[k + 1]! <= token) k++;
    return split.units[k]!;
  };
  for (const [id, matches] of found) {
    const units = new Set(matches.map((m) => unitOf(m.start)));
    topics.push({
      id,
      terms: [...new Set(matches.map((m) => m.term))],
      sentiment: scored ? meanSentiment([...units]) : null,
    });
  }

  return {
    lang: language.lang,
    langSource: language.source,
    sentiment: scored ? (docSentiment ? toSentiment(docSentiment) : { score: 0, label: 'neutral', explain: [] }) : null,
    sentimentNote: scored
      ? null
      : language.lang === 'und'
        ? 'language undetermined'
        : `no sentiment analyzer for language '${language.lang}'`,
    sentences,
    topics,
    ...named,
    entities,
    terms,
  };
}

/**
 * Dutch, Swedish, Polish, German, French and Spanish: the lexicon-and-rules analyzer scores the
 * document and each sentence; a topic gets the mean of its sentences' scores. Text of undetermined
 * language comes here when its emoji carry sentiment; a sentence without any then has none.
 */
function analyzeForeign(
  text: string,
  language: ReturnType<typeof detectLanguage>,
  sentenceTexts: string[],
  spans: [number, number][],
  tokens: string[],
  matched: TaxonomyMatch,
  options: AnalyzeOptions,
  scoredDoc: ReturnType<typeof foreignSentiment> = null,
): Omit<Analysis, 'entities' | 'terms'> {
  const explain = options.explain ?? 'document';
  const doc = scoredDoc ?? foreignSentiment(text, language.lang)!;
  const sentenceScores = sentenceTexts.map((s) => (sentenceTexts.length === 1 ? doc : foreignSentiment(s, language.lang)));
  const withExplain = (s: { score: number; label: SentimentLabel; explain: SentimentContribution[] } | null, keep: boolean): Sentiment | null =>
    s === null ? null : keep ? { score: round(s.score), label: s.label, explain: s.explain } : { score: round(s.score), label: s.label };
  const sentenceOf = new Uint32Array(tokens.length);
  spans.forEach(([start, end], index) => {
    for (let t = start; t <= end; t++) sentenceOf[t] = index;
  });
  const topics: TopicAnalysis[] = [];
  for (const [id, matches] of matched.topics) {
    const scored = [...new Set(matches.map((m) => sentenceOf[m.start]!))].flatMap((i) => (sentenceScores[i] ? [sentenceScores[i]!.score] : []));
    const mean = scored.reduce((sum, x) => sum + x, 0) / scored.length;
    const sentiment = scored.length === 0 ? null : { score: round(mean), label: foreignLabel(mean) };
    topics.push({ id, terms: [...new Set(matches.map((m) => m.term))], sentiment });
  }
  return {
    lang: language.lang,
    langSource: language.source,
    sentiment: withExplain(doc, explain !== 'none'),
    sentimentNote: null,
    sentences: sentenceTexts.map((s, i) => ({ text: s, sentiment: withExplain(sentenceScores[i] ?? null, explain === 'all') })),
    topics,
    brands: [...matched.brands.keys()],
    products: [...matched.products.keys()],
  };
}

const NO_SPLITS: readonly number[] = [];

function toSentiment(s: SpanSentiment, withExplain = true): Sentiment {
  const sentiment: Sentiment = { score: round(s.score), label: s.label };
  if (withExplain && s.explain) sentiment.explain = s.explain;
  return sentiment;
}

/** A topic's sentiment: the mean of its sentences' class probabilities, labelled like a sentence. */
function meanSentiment(values: (SpanSentiment | null)[]): Sentiment | null {
  const present = values.filter((v): v is SpanSentiment => v !== null);
  if (present.length === 0) return null;
  if (present.length === 1) return toSentiment(present[0]!, false);
  const probs: [number, number, number] = [0, 0, 0];
  for (const v of present) for (let k = 0; k < 3; k++) probs[k]! += v.probs[k]! / present.length;
  const mean = fromProbs(probs);
  return { score: round(mean.score), label: mean.label };
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
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
