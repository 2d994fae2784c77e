import type { SentimentLabel } from '../sentiment.js';
import type { FeatureVector } from './features.js';
import type { SentimentModel } from './model.js';
import { seededRandom } from '../../util/random.js';

/**
 * Trains the multinomial logistic regression of model.ts: AdaGrad over shuffled examples, L2
 * penalty per feature group, classes weighted inversely to their frequency (so the model does
 * not learn "most tweets are complaints", which would not transfer). Deterministic: the seed
 * fixes the shuffles.
 */
export interface TrainOptions {
  epochs: number;
  learningRate: number;
  /** L2 strength for word and bigram features ("w:", "n:", "b:"). */
  l2Words: number;
  /** L2 strength for lexicon and cue features ("lex:", "c:", "len:"): they transfer, so they may weigh more. */
  l2Cues: number;
  /** Features seen in fewer training documents are dropped. */
  minCount: number;
  seed: number;
  /**
   * Store no positive-vs-negative prior: with no evidence the model leans neither way. The share
   * of complaints is a property of the training set (two thirds of airline tweets), not of text.
   */
  priorFree: boolean;
  /** Weights with every |w| below this are dropped from the stored model. */
  prune: number;
  /**
   * Share of word and bigram features hidden from each example at each step. In another domain
   * most words are new and only the lexicons and cues speak; hiding words in training makes the
   * model lean on those as it will have to (it cannot let a domain's words carry everything).
   */
  wordDropout: number;
}

export const DEFAULT_TRAIN: TrainOptions = {
  epochs: 12,
  learningRate: 0.2,
  l2Words: 1e-3,
  l2Cues: 1e-5,
  minCount: 3,
  seed: 20150224,
  prune: 0.02,
  priorFree: true,
  wordDropout: 0,
};

export interface Example {
  features: FeatureVector;
  label: SentimentLabel;
  /**
   * Where the example comes from (a data set, a domain). Classes are balanced within each group:
   * otherwise a domain's share of praise (91 % of the Echo reviews) becomes a prior on its
   * vocabulary ("alexa", "product", "bought"), which says nothing about the next domain.
   */
  group?: string;
}

const CLASS_INDEX: Record<SentimentLabel, number> = { negative: 0, neutral: 1, positive: 2 };

export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export function train(examples: readonly Example[], options: TrainOptions = DEFAULT_TRAIN, meta: Record<string, unknown> = {}): SentimentModel {
  const docFreq = new Map<string, number>();
  for (const ex of examples) for (const key of ex.features.values.keys()) docFreq.set(key, (docFreq.get(key) ?? 0) + 1);
  const index = new Map<string, number>();
  for (const [key, count] of [...docFreq].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (count >= options.minCount || !isLexical(key)) index.set(key, index.size);
  }
  const dim = index.size;
  const K = 3;
  const w = new Float64Array(dim * K);
  const g2 = new Float64Array(dim * K).fill(1e-8);
  const bias = new Float64Array(K);
  const bg2 = new Float64Array(K).fill(1e-8);
  const l2 = new Float64Array(dim);
  const df = new Float64Array(dim);
  const lexical = new Uint8Array(dim);
  for (const [key, i] of index) {
    lexical[i] = isLexical(key) ? 1 : 0;
    l2[i] = lexical[i] ? options.l2Words : options.l2Cues;
    df[i] = Math.max(1, docFreq.get(key) ?? 1);
  }

  // Per group: weight n_group / (K · n_group,class), so each group keeps its size and, within it,
  // every class present weighs the same.
  const groupCounts = new Map<string, [number, number, number]>();
  for (const ex of examples) {
    const key = ex.group ?? '';
    const c = groupCounts.get(key) ?? [0, 0, 0];
    c[CLASS_INDEX[ex.label]]!++;
    groupCounts.set(key, c);
  }
  const weightOf = (ex: Example): number => {
    const c = groupCounts.get(ex.group ?? '')!;
    const size = c[0] + c[1] + c[2];
    const present = c.filter((x) => x > 0).length;
    return size / (present * c[CLASS_INDEX[ex.label]]!);
  };

  const rows = examples.map((ex) => {
    const ids: number[] = [];
    const vals: number[] = [];
    for (const [key, value] of ex.features.values) {
      const i = index.get(key);
      if (i !== undefined) {
        ids.push(i);
        vals.push(value);
      }
    }
    return { ids, vals, y: CLASS_INDEX[ex.label], cw: weightOf(ex) };
  });

  const random = seededRandom(options.seed);
  const dropRandom = seededRandom(options.seed ^ 0x5bd1e995);
  const dropout = options.wordDropout ?? 0;
  const z = new Float64Array(K);
  const n = rows.length;
  let kept = new Float64Array(64);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (const row of shuffled(rows, random)) {
      // vals of this step: hidden words are 0 (no gradient, no penalty step either).
      if (kept.length < row.ids.length) kept = new Float64Array(2 * row.ids.length);
      // Kept words scaled by 1 / (1 − p), so that at scoring time, with every word present, words
      // weigh what they weighed on average in training, not more.
      for (let j = 0; j < row.ids.length; j++) {
        if (dropout > 0 && lexical[row.ids[j]!]) kept[j] = dropRandom() < dropout ? 0 : row.vals[j]! / (1 - dropout);
        else kept[j] = row.vals[j]!;
      }
      for (let k = 0; k < K; k++) {
        let s = bias[k]!;
        for (let j = 0; j < row.ids.length; j++) s += w[row.ids[j]! * K + k]! * kept[j]!;
        z[k] = s;
      }
      const max = Math.max(z[0]!, z[1]!, z[2]!);
      let sum = 0;
      for (let k = 0; k < K; k++) sum += (z[k] = Math.exp(z[k]! - max));
      for (let k = 0; k < K; k++) {
        const err = row.cw * (z[k]! / sum - (k === row.y ? 1 : 0));
        bg2[k]! += err * err;
        bias[k]! -= (options.learningRate * err) / Math.sqrt(bg2[k]!);
        for (let j = 0; j < row.ids.length; j++) {
          if (kept[j] === 0) continue;
          const i = row.ids[j]!;
          const at = i * K + k;
          // The L2 penalty is spread over the epoch's examples (per-example share of λ·‖w‖²/2).
          const grad = err * kept[j]! + (l2[i]! * n * w[at]!) / df[i]!;
          g2[at]! += grad * grad;
          w[at]! -= (options.learningRate * grad) / Math.sqrt(g2[at]!);
        }
      }
    }
  }

  const weights: Record<string, [number, number]> = {};
  for (const [key, i] of index) {
    const neg = w[i * K]!;
    const neu = w[i * K + 1]! - neg;
    const pos = w[i * K + 2]! - neg;
    if (Math.abs(neu) < options.prune && Math.abs(pos) < options.prune) continue;
    weights[key] = [round(neu), round(pos)];
  }
  return {
    version: 1,
    classes: ['negative', 'neutral', 'positive'],
    bias: [round(bias[1]! - bias[0]!), options.priorFree ? 0 : round(bias[2]! - bias[0]!)],
    weights,
    meta: { options, features: Object.keys(weights).length, ...meta },
  };
}

function isLexical(key: string): boolean {
  return key.startsWith('w:') || key.startsWith('n:') || key.startsWith('b:');
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
