import { scanCueCodes, type CueCodeSink } from './cues.js';
import { clauseWeights, evidenceValue, reweighs, INTENSIFIERS, INTENSITY, LONG_TEXT, reviewSums, type TokenView } from './features.js';
import { wordInfo, scratchInfo, type CompiledModel, type Explained, type WordInfo } from './compiled-model.js';

export { compileModel, FeatureKind, type CompiledModel, type Explained } from './compiled-model.js';

/**
 * The scoring hot path of analyze(): the same features and the same sums as extractFeatures() +
 * logits() (which training keeps using), without their strings and Maps.
 *
 * - At model load every feature key is interned to a numeric id; weights live in Float64Arrays
 *   indexed by id, feature words in a vocabulary (word → id) and bigrams in a Map keyed by
 *   `prevWordId * vocabularySize + wordId`.
 * - Per document, each token's unigram and bigram feature ids are found once (DocScorer) and
 *   reused by the document, each sentence and each clause.
 * - Per span, presence-with-max values are kept in one scratch array indexed by feature id, with
 *   the ids touched listed in first-seen order: logits are summed in exactly the order the Map of
 *   extractFeatures() iterates, so scores are bit-identical.
 */

const IS_WORD = 1;
const INTENSIFIED = 2;


interface Buffers {
  tokens: Int32Array;
  cueWords: Int32Array;
}

function newBuffers(n: number): Buffers {
  return { tokens: new Int32Array(4 * n), cueWords: new Int32Array(n) };
}

let pool = newBuffers(64);

/** Features of one document for one model: token feature ids found once, for every span scored. */
export class DocScorer implements CueCodeSink {
  readonly view: TokenView;
  readonly model: CompiledModel;
  /**
   * Per token i, in one buffer: [4i] feature id of its unigram ("w:" or "n:" as negated), -1 for
   * none; [4i+1] feature id of the bigram ending at it, -1 for none (it fires when [4i+2], the
   * previous feature word, lies in the span); [4i+3] flags (IS_WORD, INTENSIFIED, CONTRAST count
   * before it shifted by 2).
   */
  private readonly tokens: Int32Array;
  private readonly contrastCount: number;
  /** Per-token bits for the cue scan (rawCueCode(), wordCueCode()). */
  private readonly cueRaw: Int32Array;
  private readonly cueWords: Int32Array;
  /** The features that pulled hardest in the last span scored with an explain floor (in the model's scratch). */
  get explained(): Explained {
    return this.model.explained;
  }
  private spanWeights: Float32Array | null = null;
  private spanStart = 0;

  /**
   * `pooled`: use buffers shared by every pooled scorer instead of its own (a few typed arrays
   * less per document); such a scorer is valid only until the next pooled one is made.
   */
  constructor(view: TokenView, model: CompiledModel, pooled = false) {
    this.view = view;
    this.model = model;
    const { raw, words, negated, polarity, infos } = view;
    const n = raw.length;
    let buffers: Buffers;
    if (pooled) {
      if (pool.tokens.length < 4 * n) pool = newBuffers(Math.max(2 * n, 64));
      buffers = pool;
    } else buffers = newBuffers(n);
    const tokens = (this.tokens = buffers.tokens);
    const cueWords = buffers.cueWords;
    const { unigram, negatedUnigram, bigram } = model;
    const V = model.vocab.size;
    let prevIndex = -1;
    let prevId = -1;
    let prevStop = false;
    let contrasts = 0;
    for (let i = 0, at = 0; i < n; i++, at += 4) {
      const t = raw[i]!;
      let flags = contrasts << 2;
      if (reweighs(t)) contrasts++;
      if (i > 0 && polarity[i] !== 0 && INTENSIFIERS.has(raw[i - 1]!)) flags |= INTENSIFIED;
      const word = words[i]!;
      tokens[at] = -1;
      tokens[at + 1] = -1;
      tokens[at + 2] = -1;
      // The token's memo record carries the word's notes for this model: no second lookup.
      const tokenInfo = infos[i];
      let info: WordInfo;
      if (tokenInfo) {
        if (tokenInfo.scorerModel !== model) {
          const found = wordInfo(model, word);
          tokenInfo.scorerModel = model;
          tokenInfo.scorerId = found.id;
          tokenInfo.scorerStop = found.stop;
          tokenInfo.scorerCue = found.cue;
        }
        scratchInfo.id = tokenInfo.scorerId;
        scratchInfo.stop = tokenInfo.scorerStop;
        scratchInfo.cue = tokenInfo.scorerCue;
        info = scratchInfo;
      } else info = wordInfo(model, word);
      cueWords[i] = info.cue;
      if (word === '') {
        tokens[at + 3] = flags;
        // Sentence punctuation breaks bigrams; handles and links just vanish.
        if (t === '.' || t === '!' || t === '?') prevIndex = -1;
        continue;
      }
      tokens[at + 3] = flags | IS_WORD;
      const id = info.id;
      const stop = info.stop;
      if (id >= 0) {
        if (!stop) tokens[at] = negated[i] ? negatedUnigram[id]! : unigram[id]!;
        if (prevIndex >= 0 && prevId >= 0 && !(prevStop && stop)) tokens[at + 1] = bigram.get(prevId * V + id) ?? -1;
      }
      tokens[at + 2] = prevIndex;
      prevIndex = i;
      prevId = id;
      prevStop = stop;
    }
    this.contrastCount = contrasts;
    this.cueRaw = view.rawCues;
    this.cueWords = cueWords;
  }

  /** Whether tokens [start, end] hold a contrast or concessive word (clause weights differ from 1 only then). */
  hasContrast(start: number, end: number): boolean {
    if (this.contrastCount === 0) return false;
    const t = this.view.raw[end]!;
    const after = (this.tokens[4 * end + 3]! >> 2) + (reweighs(t) ? 1 : 0);
    return after - (this.tokens[4 * start + 3]! >> 2) > 0;
  }

  /** A cue hit of scanCueCodes() in the span being scored. */
  cueCode(cue: number, from: number, to: number): void {
    // A contrast only reweighs its clauses: "but" by itself says nothing about the verdict.
    if (cue < 0) return;
    const id = this.model.cue[cue]!;
    if (id < 0) return;
    const w = this.spanWeights;
    this.put(id, from >= this.spanStart && w ? w[from - this.spanStart]! : 1, from, to);
  }

  private put(id: number, value: number, from: number, to: number): void {
    const m = this.model;
    if (m.seen[id] === 0) {
      m.seen[id] = 1;
      m.value[id] = value;
      m.from[id] = from;
      m.to[id] = to;
      m.ids.push(id);
    } else if (value > m.value[id]!) m.value[id] = value;
  }

  /**
   * Logits (towards neutral, towards positive) of tokens [start, end]; with `explainFloor`, the
   * features that pull at least that much are left in `explained`.
   */
  logits(start: number, end: number, explainFloor = -1): [number, number] {
    const m = this.model;
    const { raw, polarity } = this.view;
    const tokens = this.tokens;
    m.ids.length = 0;
    this.spanStart = start;
    const weights = this.hasContrast(start, end) ? clauseWeights(raw, start, end) : null;
    this.spanWeights = weights;
    const scale = Math.min(1, Math.sqrt(LONG_TEXT / Math.max(1, end - start + 1)));
    let lexPos = 0;
    let lexNeg = 0;
    let lexHits = 0;
    let used = 0;
    for (let i = start, at = 4 * start; i <= end; i++, at += 4) {
      const w = weights ? weights[i - start]! : 1;
      const p = polarity[i]!;
      const flags = tokens[at + 3]!;
      if (p !== 0) {
        const v = p * (i > start && flags & INTENSIFIED ? INTENSITY : 1) * w;
        if (v > 0) lexPos += v;
        else lexNeg -= v;
        lexHits++;
      }
      if ((flags & IS_WORD) === 0) continue;
      used++;
      const u = tokens[at]!;
      if (u >= 0) this.put(u, w * scale, i, i);
      const b = tokens[at + 1]!;
      if (b >= 0 && tokens[at + 2]! >= start) this.put(b, w * scale, i - 1, i);
    }
    if (lexHits === 0) {
      if (m.lexNone >= 0) this.put(m.lexNone, 1, start, end);
    } else {
      if (lexPos > 0 && m.lexPos >= 0) this.put(m.lexPos, evidenceValue(lexPos, lexNeg), start, end);
      if (lexNeg > 0 && m.lexNeg >= 0) this.put(m.lexNeg, evidenceValue(lexNeg, lexPos), start, end);
    }
    if (used <= 3 && m.lenShort >= 0) this.put(m.lenShort, 1, start, end);
    const review = reviewSums(this.view, start, end, weights);
    if (review.vPos === 0 && review.vNeg === 0) {
      if (m.vNone >= 0) this.put(m.vNone, 1, start, end);
    }
    if (review.vPos > 0 && m.vPos >= 0) this.put(m.vPos, evidenceValue(review.vPos, review.vNeg), start, end);
    if (review.vNeg > 0 && m.vNeg >= 0) this.put(m.vNeg, evidenceValue(review.vNeg, review.vPos), start, end);
    if (review.pPos > 0 && m.pPos >= 0) this.put(m.pPos, evidenceValue(review.pPos, review.pNeg), start, end);
    if (review.pNeg > 0 && m.pNeg >= 0) this.put(m.pNeg, evidenceValue(review.pNeg, review.pPos), start, end);
    if (review.hPos > 0 && m.hPos >= 0) this.put(m.hPos, evidenceValue(review.hPos, review.hNeg), start, end);
    if (review.hNeg > 0 && m.hNeg >= 0) this.put(m.hNeg, evidenceValue(review.hNeg, review.hPos), start, end);
    scanCueCodes(this.cueRaw, this.cueWords, raw.length, this.view.negated, start, end, this);

    let neutral = m.bias0;
    let positive = m.bias1;
    const ids = m.ids;
    const explained = this.explained;
    explained.count = 0;
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k]!;
      const value = m.value[id]!;
      neutral += value * m.w0[id]!;
      positive += value * m.w1[id]!;
      m.seen[id] = 0;
      if (explainFloor >= 0) {
        const pull = value * m.w1[id]!;
        if (Math.abs(pull) >= explainFloor) {
          const at = explained.count++;
          explained.ids[at] = id;
          explained.pull[at] = pull;
          explained.from[at] = m.from[id]!;
          explained.to[at] = m.to[id]!;
        }
      }
    }
    ids.length = 0;
    this.spanWeights = null;
    return [neutral, positive];
  }

  /**
   * The VADER words, review phrases or Hu–Liu opinion words of [start, end] with their
   * clause-weighted valence, for `explain`.
   */
  reviewEvidence(start: number, end: number, source: 'vader' | 'phrase' | 'opinion'): { start: number; end: number; value: number }[] {
    const { raw, valence, phrase, phraseEnd, opinion } = this.view;
    const weights = this.hasContrast(start, end) ? clauseWeights(raw, start, end) : null;
    const out: { start: number; end: number; value: number }[] = [];
    for (let i = start; i <= end; i++) {
      const w = weights ? weights[i - start]! : 1;
      if (source === 'phrase') {
        if (phrase[i] !== 0 && phraseEnd[i]! <= end) out.push({ start: i, end: phraseEnd[i]!, value: w * phrase[i]! });
      } else {
        const v = source === 'vader' ? valence[i]! : opinion[i]!;
        if (v !== 0) out.push({ start: i, end: i, value: w * v });
      }
    }
    return out;
  }

  /** Each lexicon hit of [start, end] with its weighted polarity, as extractFeatures() lists them. */
  lexicon(start: number, end: number): { start: number; end: number; value: number }[] {
    const { raw, polarity, polarityEnd } = this.view;
    const weights = this.hasContrast(start, end) ? clauseWeights(raw, start, end) : null;
    const out: { start: number; end: number; value: number }[] = [];
    for (let i = start; i <= end; i++) {
      const p = polarity[i]!;
      if (p === 0) continue;
      const v = p * (i > start && this.tokens[4 * i + 3]! & INTENSIFIED ? INTENSITY : 1) * (weights ? weights[i - start]! : 1);
      out.push({ start: i, end: Math.max(i, polarityEnd[i]!), value: v });
    }
    return out;
  }
}
