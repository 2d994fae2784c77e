import { readFileSync } from 'node:fs';
import { buildView, extractFeatures, type FeatureVector, type TokenView } from './features.js';
import { its, readDoc } from './reader.js';
import { isSentimentModel, fromLogits, type Scored, type SentimentModel } from './model.js';
import { compileModel, DocScorer, FeatureKind } from './scorer.js';

/** One thing that moved a score: weight > 0 pushes towards positive, < 0 towards negative. */
export interface SentimentContribution {
  /** The tokens as read (lower case), e.g. "on hold", "great", "not bad". */
  text: string;
  kind: 'word' | 'negated' | 'phrase' | 'lexicon' | 'cue';
  /** The cue family, for kind 'cue' (e.g. 'waiting', 'still-no', 'question-complaint'). */
  cue?: string;
  weight: number;
}

export interface SpanSentiment extends Scored {
  explain?: SentimentContribution[];
}

const MODEL_URL = new URL('./model-en.json', import.meta.url);

export function loadModel(url: URL = MODEL_URL): SentimentModel {
  const parsed: unknown = JSON.parse(readFileSync(url, 'utf8'));
  if (!isSentimentModel(parsed)) throw new Error(`${url.pathname} is not an Earshot sentiment model (run npm run train:sentiment)`);
  return parsed;
}

let cached: SentimentModel | null = null;
/** The shipped English model, read once on first use. */
export function englishModel(): SentimentModel {
  cached ??= loadModel();
  return cached;
}

const EXPLAIN_TOP = 6;
const EXPLAIN_MIN = 0.05;

/** Sentiment of tokens [start, end] with the model; `explain` lists what moved it most. */
export function scoreSpan(view: TokenView, start: number, end: number, withExplain = true, model: SentimentModel = englishModel()): SpanSentiment {
  return scoreWith(scorerFor(view, model), start, end, withExplain);
}

const scorers = new WeakMap<TokenView, DocScorer>();

/** The document scorer of a view: each token's features found once, reused by every span of it. */
export function scorerFor(view: TokenView, model: SentimentModel = englishModel()): DocScorer {
  const compiled = compileModel(model);
  let scorer = scorers.get(view);
  if (!scorer || scorer.model !== compiled) {
    scorer = new DocScorer(view, compiled);
    scorers.set(view, scorer);
  }
  return scorer;
}

/** scoreSpan() with a document scorer at hand (analyze() scores document, sentences and clauses with one). */
export function scoreWith(scorer: DocScorer, start: number, end: number, withExplain = true): SpanSentiment {
  if (!withExplain) {
    const [neutral, positive] = scorer.logits(start, end);
    return fromLogits(neutral, positive);
  }
  const [neutral, positive] = scorer.logits(start, end, EXPLAIN_FLOOR);
  const scored: SpanSentiment = fromLogits(neutral, positive);
  scored.explain = explain(scorer, start, end);
  return scored;
}

// Only features that move the positive-vs-negative logit by this much are named (EXPLAIN_MIN / 2:
// several small ones with the same text may still add up).
const EXPLAIN_FLOOR = EXPLAIN_MIN / 2;

// Scratch of explain(): the contributions of one span, merged by kind and text (few features pass
// the floor, so a short list searched in place beats a Map with string keys).
const found: SentimentContribution[] = [];

function add(text: string, kind: SentimentContribution['kind'], weight: number, cue?: string): void {
  for (let k = 0; k < found.length; k++) {
    const c = found[k]!;
    if (c.kind === kind && c.text === text) {
      c.weight += weight;
      return;
    }
  }
  found.push(cue ? { text, kind, cue, weight } : { text, kind, weight });
}

function tokensText(raw: readonly string[], from: number, to: number): string {
  if (from === to) return raw[from]!;
  if (to === from + 1) return `${raw[from]} ${raw[to]}`;
  const tokens = raw.slice(from, to + 1);
  return tokens.length > 5 ? `${tokens.slice(0, 3).join(' ')} … ${tokens[tokens.length - 1]}` : tokens.join(' ');
}

const strongest = (a: SentimentContribution, b: SentimentContribution): number =>
  Math.abs(b.weight) - Math.abs(a.weight) || (a.text < b.text ? -1 : 1);

function explain(scorer: DocScorer, start: number, end: number): SentimentContribution[] {
  // Only the features whose pull towards positive against negative (the difference of the two
  // logits) reached the floor: most barely move the score, and naming them would cost more than
  // scoring did.
  const { count, ids, pull, from, to } = scorer.explained;
  if (count === 0) return [];
  const { keys, kinds } = scorer.model;
  const raw = scorer.view.raw;
  found.length = 0;
  let lexicon: { start: number; end: number; value: number }[] | null = null;
  for (let k = 0; k < count; k++) {
    const weight = pull[k]!;
    const id = ids[k]!;
    switch (kinds[id]) {
      case FeatureKind.LexiconPositive:
      case FeatureKind.LexiconNegative: {
        const positive = kinds[id] === FeatureKind.LexiconPositive;
        lexicon ??= scorer.lexicon(start, end);
        let total = 0;
        for (const h of lexicon) if (positive ? h.value > 0 : h.value < 0) total += Math.abs(h.value);
        for (const h of lexicon) if (positive ? h.value > 0 : h.value < 0) add(tokensText(raw, h.start, h.end), 'lexicon', (weight * Math.abs(h.value)) / total);
        break;
      }
      case FeatureKind.VaderPositive:
      case FeatureKind.VaderNegative:
      case FeatureKind.ReviewPositive:
      case FeatureKind.ReviewNegative:
      case FeatureKind.OpinionPositive:
      case FeatureKind.OpinionNegative: {
        const kind = kinds[id]!;
        const positive = kind === FeatureKind.VaderPositive || kind === FeatureKind.ReviewPositive || kind === FeatureKind.OpinionPositive;
        const phrases = kind === FeatureKind.ReviewPositive || kind === FeatureKind.ReviewNegative;
        const source = phrases ? 'phrase' : kind === FeatureKind.OpinionPositive || kind === FeatureKind.OpinionNegative ? 'opinion' : 'vader';
        const evidence = scorer.reviewEvidence(start, end, source).filter((h) => (positive ? h.value > 0 : h.value < 0));
        const total = evidence.reduce((sum, h) => sum + Math.abs(h.value), 0);
        for (const h of evidence) {
          const share = (weight * Math.abs(h.value)) / total;
          if (phrases) add(tokensText(raw, h.start, h.end), 'cue', share, 'review');
          else add(tokensText(raw, h.start, h.end), 'lexicon', share);
        }
        break;
      }
      case FeatureKind.Word:
        add(tokensText(raw, from[k]!, to[k]!), 'word', weight);
        break;
      case FeatureKind.Negated:
        add(`not ${tokensText(raw, from[k]!, to[k]!)}`, 'negated', weight);
        break;
      case FeatureKind.Phrase:
        add(tokensText(raw, from[k]!, to[k]!), 'phrase', weight);
        break;
      case FeatureKind.Cue:
        add(tokensText(raw, from[k]!, to[k]!), 'cue', weight, keys[id]!.slice(2));
        break;
    }
  }
  // The strongest first, at most EXPLAIN_TOP of them (a stable sort of a handful of entries).
  const kept: SentimentContribution[] = [];
  for (const c of found) if (Math.abs(c.weight) >= EXPLAIN_MIN) kept.push(c);
  found.length = 0;
  kept.sort(strongest);
  if (kept.length > EXPLAIN_TOP) kept.length = EXPLAIN_TOP;
  for (const c of kept) c.weight = Math.round(c.weight * 1000) / 1000;
  return kept;
}

/** The sentiment view of a whole text read on its own (training, benchmarks). */
export function viewOfText(text: string): TokenView {
  const { doc, hits } = readDoc(text);
  const tokens = doc.tokens();
  return buildView(tokens.out(its.normal) as string[], tokens.out(its.type) as string[], tokens.out(its.negationFlag) as unknown as boolean[], hits);
}

/** Document-level features of a text, exactly as analyze() computes them. */
export function featuresOfText(text: string): FeatureVector {
  const view = viewOfText(text);
  return extractFeatures(view, 0, view.raw.length - 1);
}
