import { CUE_NAMES, wordCueCode } from './cues.js';
import { STOP } from './features.js';
import type { SentimentModel } from './model.js';

/**
 * A sentiment model compiled for the scoring hot path (scorer.ts): every feature key interned to
 * a numeric id at load, weights in Float64Arrays indexed by id, feature words in a vocabulary
 * (word → id) and bigrams in a Map keyed by `prevWordId * vocabularySize + wordId`.
 */
export interface CompiledModel {
  bias0: number;
  bias1: number;
  /** Weight towards neutral / positive of each feature id. */
  w0: Float64Array;
  w1: Float64Array;
  /** The feature key of each id ('w:great', 'b:on hold', 'c:waiting', ...). */
  keys: string[];
  /** What `explain` calls each id (a FeatureKind). */
  kinds: Uint8Array;
  vocab: Map<string, number>;
  /** Feature id of "w:<word>" / "n:<word>" per vocabulary id, -1 where the model has none. */
  unigram: Int32Array;
  negatedUnigram: Int32Array;
  bigram: Map<number, number>;
  lexNone: number;
  lexPos: number;
  lexNeg: number;
  lenShort: number;
  /** VADER-lexicon and review-phrase features (see reviewSums()). */
  vNone: number;
  vPos: number;
  vNeg: number;
  pPos: number;
  pNeg: number;
  /** Hu–Liu opinion-word features (see reviewSums()). */
  hPos: number;
  hNeg: number;
  /** Feature id of "c:<cue>" per index in CUE_NAMES, -1 for none (and for 'contrast', never a feature). */
  cue: Int32Array;
  /** Scratch shared by every span scored with this model (scoring is synchronous). */
  value: Float64Array;
  from: Int32Array;
  to: Int32Array;
  seen: Uint8Array;
  ids: number[];
  explained: Explained;
  /** Per feature word, what the document scorer needs of it (one lookup instead of four). */
  words: Map<string, WordInfo>;
}

export interface WordInfo {
  /** Vocabulary id, -1 when no feature of the model holds the word. */
  id: number;
  stop: boolean;
  /** wordCueCode() of the word. */
  cue: number;
}

export const scratchInfo: WordInfo = { id: -1, stop: false, cue: 0 };

export function wordInfo(model: CompiledModel, word: string): WordInfo {
  let info = model.words.get(word);
  if (info === undefined) {
    // Bounded like the other memos: customer text repeats a small vocabulary.
    if (model.words.size >= 100_000) model.words.clear();
    info = { id: model.vocab.get(word) ?? -1, stop: STOP.has(word), cue: wordCueCode(word) };
    model.words.set(word, info);
  }
  return info;
}

/** How explain names a feature. */
export enum FeatureKind {
  Other = 0,
  Word = 1,
  Negated = 2,
  Phrase = 3,
  Cue = 4,
  LexiconPositive = 5,
  LexiconNegative = 6,
  VaderPositive = 7,
  VaderNegative = 8,
  ReviewPositive = 9,
  ReviewNegative = 10,
  OpinionPositive = 11,
  OpinionNegative = 12,
}

const compiledModels = new WeakMap<SentimentModel, CompiledModel>();

export function compileModel(model: SentimentModel): CompiledModel {
  let compiled = compiledModels.get(model);
  if (compiled) return compiled;
  const keys = Object.keys(model.weights);
  const F = keys.length;
  const w0 = new Float64Array(F);
  const w1 = new Float64Array(F);
  const vocab = new Map<string, number>();
  const wordId = (word: string): number => {
    let id = vocab.get(word);
    if (id === undefined) {
      id = vocab.size;
      vocab.set(word, id);
    }
    return id;
  };
  // First pass: the vocabulary (bigram keys need its final size).
  const parsed: { kind: string; a: number; b: number }[] = [];
  for (const key of keys) {
    if (key.startsWith('w:') || key.startsWith('n:')) parsed.push({ kind: key.slice(0, 2), a: wordId(key.slice(2)), b: -1 });
    else if (key.startsWith('b:')) {
      const body = key.slice(2);
      const space = body.indexOf(' ');
      // Feature words never hold a space (wink splits on them), so "b:prev word" splits at its only one.
      if (space < 0 || body.indexOf(' ', space + 1) >= 0) parsed.push({ kind: 'other', a: -1, b: -1 });
      else parsed.push({ kind: 'b:', a: wordId(body.slice(0, space)), b: wordId(body.slice(space + 1)) });
    } else parsed.push({ kind: 'other', a: -1, b: -1 });
  }
  const V = vocab.size;
  const unigram = new Int32Array(V).fill(-1);
  const negatedUnigram = new Int32Array(V).fill(-1);
  const bigram = new Map<number, number>();
  const cue = new Int32Array(CUE_NAMES.length).fill(-1);
  let lexNone = -1;
  let lexPos = -1;
  let lexNeg = -1;
  let lenShort = -1;
  let vNone = -1;
  let vPos = -1;
  let vNeg = -1;
  let pPos = -1;
  let pNeg = -1;
  let hPos = -1;
  let hNeg = -1;
  const kinds = new Uint8Array(F);
  keys.forEach((key, id) => {
    kinds[id] =
      key === 'lex:pos' ? FeatureKind.LexiconPositive
      : key === 'lex:neg' ? FeatureKind.LexiconNegative
      : key === 'v:pos' ? FeatureKind.VaderPositive
      : key === 'v:neg' ? FeatureKind.VaderNegative
      : key === 'p:pos' ? FeatureKind.ReviewPositive
      : key === 'p:neg' ? FeatureKind.ReviewNegative
      : key === 'h:pos' ? FeatureKind.OpinionPositive
      : key === 'h:neg' ? FeatureKind.OpinionNegative
      : key.startsWith('w:') ? FeatureKind.Word
      : key.startsWith('n:') ? FeatureKind.Negated
      : key.startsWith('b:') ? FeatureKind.Phrase
      : key.startsWith('c:') ? FeatureKind.Cue
      : FeatureKind.Other;
    const [neutral, positive] = model.weights[key]!;
    w0[id] = neutral;
    w1[id] = positive;
    const p = parsed[id]!;
    if (p.kind === 'w:') unigram[p.a] = id;
    else if (p.kind === 'n:') negatedUnigram[p.a] = id;
    else if (p.kind === 'b:') bigram.set(p.a * V + p.b, id);
    else if (key === 'lex:none') lexNone = id;
    else if (key === 'lex:pos') lexPos = id;
    else if (key === 'lex:neg') lexNeg = id;
    else if (key === 'len:short') lenShort = id;
    else if (key === 'v:none') vNone = id;
    else if (key === 'v:pos') vPos = id;
    else if (key === 'v:neg') vNeg = id;
    else if (key === 'p:pos') pPos = id;
    else if (key === 'p:neg') pNeg = id;
    else if (key === 'h:pos') hPos = id;
    else if (key === 'h:neg') hNeg = id;
    else if (key.startsWith('c:')) {
      const index = CUE_NAMES.indexOf(key.slice(2) as (typeof CUE_NAMES)[number]);
      if (index >= 0 && CUE_NAMES[index] !== 'contrast') cue[index] = id;
    }
  });
  compiled = {
    bias0: model.bias[0],
    bias1: model.bias[1],
    w0,
    w1,
    keys,
    kinds,
    vocab,
    unigram,
    negatedUnigram,
    bigram,
    lexNone,
    lexPos,
    lexNeg,
    lenShort,
    vNone,
    vPos,
    vNeg,
    pPos,
    pNeg,
    hPos,
    hNeg,
    cue,
    value: new Float64Array(F),
    from: new Int32Array(F),
    to: new Int32Array(F),
    seen: new Uint8Array(F),
    ids: [],
    explained: { count: 0, ids: [], pull: [], from: [], to: [] },
    words: new Map(),
  };
  compiledModels.set(model, compiled);
  return compiled;
}

/**
 * The features of the last span scored with `explainFloor` whose pull towards positive
 * (value × weight) is at least that floor in size: ids in first-seen order, that pull, and the
 * token span of their first firing. Reused from span to span: read it before scoring the next.
 */
export interface Explained {
  count: number;
  ids: number[];
  pull: number[];
  from: number[];
  to: number[];
}
