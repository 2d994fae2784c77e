import { foldToken } from '../normalize.js';
import { findCues, rawCueCode, type CueName } from './cues.js';
import type { LexiconHit } from './reader.js';
import { phrasesStartingWith, type ReviewPhrase } from './phrase-lexicon.js';
import { markReviewEvidence, reviewSums } from './review-evidence.js';
import { opinionLexicon } from './opinion-lexicon.js';
import { reviewLexicon } from './review-words.js';

export { reviewSums, type ReviewSums } from './review-evidence.js';

/**
 * The tokens of one document as the sentiment model sees them, read in bulk from the wink doc the
 * pipeline already has (no second tokenisation).
 */
export interface TokenView {
  /** Lower-cased tokens as wink normalises them ("n't" → "not"). */
  raw: string[];
  /** Feature words: folded, elongations shortened, numbers as <num>; '' for skipped tokens. */
  words: string[];
  /** 1 where wink's negation pass put the token in a negation scope. */
  negated: Uint8Array;
  /** Lexicon polarity at the first token of each wink lexicon hit, negation applied. */
  polarity: Float32Array;
  /** Last token of the lexicon hit starting here. */
  polarityEnd: Int32Array;
  /** rawCueCode() of each raw token, for the cue scan of the scorer. */
  rawCues: Int32Array;
  /** VADER valence of each token, negation applied; 0 inside a review phrase (it counts there). */
  valence: Float32Array;
  /** Valence of the review phrase starting at each token (0: none) and its last token. */
  phrase: Float32Array;
  phraseEnd: Int32Array;
  /** Hu–Liu opinion value of each token (see TokenInfo.opinion), negation applied; 0 inside a review phrase. */
  opinion: Float32Array;
  /** What is known of each token that has a feature word (null for skipped tokens and numbers). */
  infos: (TokenInfo | null)[];
}

/** A token (of one wink type) as the sentiment model reads it: found once, memoised. */
export interface TokenInfo {
  /** Its feature word ('' when skipped, e.g. a brand name). */
  word: string;
  /** rawCueCode() of the token. */
  cue: number;
  /** foldToken() of the token, as taxonomy matching reads it. */
  folded: string;
  /** VADER valence of the raw token (0: not in the lexicon). */
  vader: number;
  /** Hu–Liu polarity (+1 / −1) of a raw token neither VADER nor the review words rate; 0 otherwise. */
  opinion: number;
  /** Review phrases that start with the raw token, longest first (null: none). */
  phrases: readonly ReviewPhrase[] | null;
  /** The scorer's notes on `word` for the model it was last scored with (see scorer.ts). */
  scorerModel: unknown;
  scorerId: number;
  scorerStop: boolean;
  scorerCue: number;
}

// Airline names and handles say which brand, not how the customer feels; left in, the model
// learns which airline had the worst week and carries that into reviews of other things.
const BRAND_WORDS = new Set([
  'united', 'delta', 'jetblue', 'southwest', 'southwestair', 'americanair', 'american', 'usairways',
  'usair', 'virginamerica', 'virgin', 'america', 'aa', 'airway', 'airways',
]);
// Hashtags and run-together names built on them: #unitedfail, flysouthwest, lovejetblue.
const BRAND_COMPOUND = /united|jetblue|southwest|usairway|virginamerica|americanair/;
export const INTENSIFIERS = new Set([
  'very', 'so', 'really', 'extremely', 'super', 'totally', 'absolutely', 'completely', 'incredibly',
  'too', 'truly', 'highly', 'most', 'utterly', 'seriously', 'soo', 'sooo',
]);
const SKIPPED_TYPES = new Set(['mention', 'url', 'email', 'punctuation', 'unk', 'tabCRLF', 'quoted_phrase']);
// Words whose unigram feature would only add noise: punctuation-like function words.
// Negation words are among them: what they mean lives in the scope wink marks ("n:" features) and
// in the cues ("still no", "not working"); as bare words they only learn how often a domain says no.
export const STOP = new Set([
  'the', 'a', 'an', 'to', 'of', 'and', 'in', 'on', 'at', 'for', 'is', 'it', 'i', 'my', 'me', 'you',
  'your', 'this', 'that', 'was', 'be', 'are', 'with', 'we', 'our', 'from', 'by', 'as', 'am', 'do',
  'its', "'s", 'have', 'had', 'has', 'if', 'what', 'will', 'would', 'can', 'could', 'just', 'now',
  'how', 'than', 'there', 'they', 'them', 'he', 'she', 'her', 'him', 'his', 'so', 'all', 'get', 'got',
  'one', 'up', 'out', 'about', 'or', 'but', 'not', 'no', 'never', 'been', 'did', 'does', 'were', 'us',
  'which', 'who', 'when', 'where', 'why', 'any', 'some', 'more', 'also', 'then', 'only', 'even',
  'because', 'into', 'after', 'before', 'over', 'again', 'still', 'yet', "i'm", 'im', 'ive', "i've",
  'should', 'need', 'want', 'these', 'those', 'their', 'being', 'here', 'other', 'very', 'too',
]);

const elongation = /(.)\1{2,}/g;

let pooledNegated = new Uint8Array(256);
let pooledPolarity = new Float32Array(256);
let pooledPolarityEnd = new Int32Array(256);
let pooledRawCues = new Int32Array(256);
let pooledValence = new Float32Array(256);
let pooledPhrase = new Float32Array(256);
let pooledPhraseEnd = new Int32Array(256);
let pooledOpinion = new Float32Array(256);

/**
 * `pooled`: the typed arrays are shared by every pooled view (and may be longer than the
 * document), sparing a few allocations per document; such a view is valid only until the next
 * pooled one is built (analyze() is done with each before it reads the next text).
 */
export function buildView(raw: string[], types: string[], negationFlags: boolean[], hits: readonly LexiconHit[], pooled = false): TokenView {
  const n = raw.length;
  let negated: Uint8Array;
  let polarity: Float32Array;
  let polarityEnd: Int32Array;
  let rawCues: Int32Array;
  let valence: Float32Array;
  let phrase: Float32Array;
  let phraseEnd: Int32Array;
  let opinion: Float32Array;
  if (pooled) {
    if (pooledNegated.length < n) {
      const size = Math.max(2 * n, 256);
      pooledNegated = new Uint8Array(size);
      pooledPolarity = new Float32Array(size);
      pooledPolarityEnd = new Int32Array(size);
      pooledRawCues = new Int32Array(size);
      pooledValence = new Float32Array(size);
      pooledPhrase = new Float32Array(size);
      pooledPhraseEnd = new Int32Array(size);
      pooledOpinion = new Float32Array(size);
    }
    negated = pooledNegated;
    polarity = pooledPolarity.fill(0, 0, n);
    polarityEnd = pooledPolarityEnd.fill(0, 0, n);
    rawCues = pooledRawCues;
    valence = pooledValence;
    phrase = pooledPhrase.fill(0, 0, n);
    phraseEnd = pooledPhraseEnd;
    opinion = pooledOpinion;
  } else {
    negated = new Uint8Array(n);
    polarity = new Float32Array(n);
    polarityEnd = new Int32Array(n);
    rawCues = new Int32Array(n);
    valence = new Float32Array(n);
    phrase = new Float32Array(n);
    phraseEnd = new Int32Array(n);
    opinion = new Float32Array(n);
  }
  const words = new Array<string>(n);
  const infos = new Array<TokenInfo | null>(n);
  for (let i = 0; i < n; i++) {
    const token = raw[i]!;
    const type = types[i]!;
    if (SKIPPED_TYPES.has(type) || type === 'number' || type === 'ordinal' || type === 'time') {
      words[i] = SKIPPED_TYPES.has(type) ? '' : '<num>';
      rawCues[i] = rawCueCode(token);
      infos[i] = null;
    } else {
      const info = tokenInfo(token, type);
      words[i] = info.word;
      rawCues[i] = info.cue;
      infos[i] = info;
    }
  }
  markNegation(raw, negationFlags, negated, n);
  markReviewEvidence(raw, infos, negated, valence, phrase, phraseEnd, opinion, n);
  for (const [start, end, value] of hits) {
    if (start >= n) continue;
    polarity[start] = negated[start] ? -value : value;
    polarityEnd[start] = end;
  }
  return { raw, words, negated, polarity, polarityEnd, rawCues, infos, valence, phrase, phraseEnd, opinion };
}

// Negation flips a word only within three tokens of the negator, in its clause (VADER's window):
// wink's scope runs to the end of the sentence, so "I don't think I have ever been this
// disappointed" read "disappointed" as negated, i.e. as praise. After a verb that carries the
// negation on to its clause ("I don't think it is good", "would not say the food was good") the
// window opens again. "nobody"/"nothing"/"none" negate too (wink marks no scope after them:
// "nobody cares").
// 1: wink's negators (their scope must agree with wink's flags); 2: negators wink gives no scope.
const NEGATORS: ReadonlyMap<string, number> = new Map([
  ...['not', 'no', 'never', 'neither', 'nor', 'without', 'cannot'].map((w) => [w, 1] as const),
  ...['nothing', 'nobody', 'none', 'noone'].map((w) => [w, 2] as const),
]);
const NEG_RAISING = new Set(['think', 'say', 'believe', 'feel', 'expect', 'guess', 'suppose', 'seem', 'seems', 'find']);
const SCOPE_BREAK = new Set(['.', '!', '?', ',', ';', ':', 'but', 'however', 'although', 'though', 'and']);
const NEGATION_WINDOW = 3;

/** negated[i] = 1 where a negator stands at most three tokens before token i in its clause (and wink agrees, for wink's negators). */
function markNegation(raw: readonly string[], flags: readonly boolean[], negated: Uint8Array, n: number): void {
  let left = 0;
  let own = false;
  for (let i = 0; i < n; i++) {
    const t = raw[i]!;
    const kind = NEGATORS.get(t);
    if (kind !== undefined) {
      negated[i] = 0;
      left = NEGATION_WINDOW;
      own = kind === 2;
      continue;
    }
    if (left === 0) {
      negated[i] = 0;
      continue;
    }
    if (SCOPE_BREAK.has(t)) {
      left = 0;
      negated[i] = 0;
      continue;
    }
    negated[i] = own || flags[i] ? 1 : 0;
    left = negated[i] && NEG_RAISING.has(t) ? NEGATION_WINDOW + 1 : left - 1;
  }
}

// Per token type (words, hashtags, emoji, ...): customer text repeats a small vocabulary, and a
// bounded memo spares the regexes (and a second lookup of the same fresh string for its cue bits).
const tokenMemos = new Map<string, Map<string, TokenInfo>>();
let memoSize = 0;

function tokenInfo(token: string, type: string): TokenInfo {
  let memo = tokenMemos.get(type);
  if (memo === undefined) {
    memo = new Map();
    tokenMemos.set(type, memo);
  }
  let info = memo.get(token);
  if (info === undefined) {
    if (memoSize >= 100_000) {
      for (const m of tokenMemos.values()) m.clear();
      memoSize = 0;
    }
    info = {
      word: foldWord(token, type),
      cue: rawCueCode(token),
      folded: foldToken(token),
      vader: reviewLexicon().get(token) ?? 0,
      opinion: opinionOf(token),
      phrases: phrasesStartingWith(token),
      scorerModel: null,
      scorerId: -1,
      scorerStop: false,
      scorerCue: 0,
    };
    memo.set(token, info);
    memoSize++;
  }
  return info;
}

// Hu–Liu words count only where VADER and the review words have no rating: counting every hit
// a second time (or folding them into the VADER sums at a fixed valence) lowered the
// leave-one-domain-out figures (BENCHMARKS.md).
function opinionOf(token: string): number {
  return reviewLexicon().has(token) ? 0 : (opinionLexicon().get(token) ?? 0);
}

function foldWord(token: string, type: string): string {
  if (SKIPPED_TYPES.has(type)) return '';
  if (type === 'number' || type === 'ordinal' || type === 'time') return '<num>';
  let word = token;
  if (type === 'hashtag') word = word.slice(1);
  if (word.length > 3) word = word.replace(elongation, '$1$1');
  word = foldToken(word);
  return BRAND_WORDS.has(word) || BRAND_COMPOUND.test(word) ? '' : word;
}

/** A sparse feature vector with, for `explain`, the tokens each feature came from. */
export interface FeatureVector {
  values: Map<string, number>;
  /** Feature → first [start, end] token span that fired it (empty when not asked for). */
  spans: Map<string, [number, number]>;
  /** Each lexicon hit with its weighted polarity, to share lex:pos / lex:neg out in `explain`. */
  lexicon: LexiconContribution[];
}

export interface LexiconContribution {
  start: number;
  end: number;
  value: number;
}

/**
 * The value of a summed-evidence feature (lex:*, v:*, p:*) given the sum of the opposite side:
 * capped so one long text does not outvote itself, both sides scaled together so that a long
 * review full of praise and complaints keeps its balance (cut apart, both saturate and the verdict
 * is lost). The cap at 3 rather than 2 and the joint scaling were each checked by leaving one
 * domain out both ways (BENCHMARKS.md).
 */
export const EVIDENCE_CAP = 3;
export function evidenceValue(sum: number, other: number): number {
  const top = sum > other ? sum : other;
  return top > EVIDENCE_CAP ? (sum * EVIDENCE_CAP) / top : sum;
}

// Before "but"/"however" a clause counts less: "the crew was great but my bag never arrived".
const BEFORE_CONTRAST = 0.3;
export const INTENSITY = 1.5;
export const LONG_TEXT = 30;

/** Features of tokens [start, end] inclusive (a sentence, a clause, or the whole document). */
export function extractFeatures(view: TokenView, start: number, end: number, withSpans = true): FeatureVector {
  const values = new Map<string, number>();
  const spans = new Map<string, [number, number]>();
  const put = (key: string, value: number, from: number, to: number): void => {
    const old = values.get(key);
    // Presence, not counts: long reviews must not outvote themselves against short tweets.
    if (old === undefined) {
      values.set(key, value);
      if (withSpans) spans.set(key, [from, to]);
    } else if (value > old) values.set(key, value);
  };

  const weight = clauseWeights(view.raw, start, end);
  // Word features of long texts are damped so a review of 200 words does not outvote itself with
  // 150 word weights learned from tweets; its lexicon and cue features are not.
  const scale = Math.min(1, Math.sqrt(LONG_TEXT / Math.max(1, end - start + 1)));
  let prev = '';
  let lexPos = 0;
  let lexNeg = 0;
  let lexHits = 0;
  let used = 0;
  const lexicon: LexiconContribution[] = [];
  for (let i = start; i <= end; i++) {
    const word = view.words[i]!;
    const w = weight[i - start]!;
    const p = view.polarity[i]!;
    if (p !== 0) {
      const boost = i > start && INTENSIFIERS.has(view.raw[i - 1]!) ? INTENSITY : 1;
      const v = p * boost * w;
      if (v > 0) lexPos += v;
      else lexNeg -= v;
      lexHits++;
      lexicon.push({ start: i, end: Math.max(i, view.polarityEnd[i]!), value: v });
    }
    if (word === '') {
      // Sentence punctuation breaks bigrams; handles and links just vanish.
      if (view.raw[i] === '.' || view.raw[i] === '!' || view.raw[i] === '?') prev = '';
      continue;
    }
    used++;
    if (!STOP.has(word)) put(view.negated[i] ? `n:${word}` : `w:${word}`, w * scale, i, i);
    if (prev !== '' && !(STOP.has(prev) && STOP.has(word))) put(`b:${prev} ${word}`, w * scale, i - 1, i);
    prev = word;
  }
  if (lexHits === 0) put('lex:none', 1, start, end);
  else {
    if (lexPos > 0) put('lex:pos', evidenceValue(lexPos, lexNeg), start, end);
    if (lexNeg > 0) put('lex:neg', evidenceValue(lexNeg, lexPos), start, end);
  }
  if (used <= 3) put('len:short', 1, start, end);
  const review = reviewSums(view, start, end, weight);
  if (review.vPos === 0 && review.vNeg === 0) put('v:none', 1, start, end);
  if (review.vPos > 0) put('v:pos', evidenceValue(review.vPos, review.vNeg), start, end);
  if (review.vNeg > 0) put('v:neg', evidenceValue(review.vNeg, review.vPos), start, end);
  if (review.pPos > 0) put('p:pos', evidenceValue(review.pPos, review.pNeg), start, end);
  if (review.pNeg > 0) put('p:neg', evidenceValue(review.pNeg, review.pPos), start, end);
  if (review.hPos > 0) put('h:pos', evidenceValue(review.hPos, review.hNeg), start, end);
  if (review.hNeg > 0) put('h:neg', evidenceValue(review.hNeg, review.hPos), start, end);
  for (const hit of findCues(view.words, view.raw, view.negated, start, end)) {
    // A contrast only reweighs its clauses: "but" by itself says nothing about the verdict.
    if (hit.cue !== 'contrast') put(`c:${hit.cue}`, weight[hit.start - start] ?? 1, hit.start, hit.end);
  }
  return { values, spans, lexicon };
}

/** Words that introduce a conceded clause: it weighs less than the rest of its sentence. */
const CONCESSIVE = new Set(['although', 'though', 'despite']);
const CLAUSE_END = new Set([',', ';', ':', '.', '!', '?', 'but', 'however']);

/** Whether a token changes clause weights (the scorer computes them only where one occurs). */
export function reweighs(t: string): boolean {
  return t === 'but' || t === 'however' || CONCESSIVE.has(t);
}

/**
 * Weight of each token in [start, end]: lowered before a contrast (in its sentence, or the
 * sentence before), and inside a conceded clause ("Although the room was small, the staff were
 * lovely"; "lovely room, though the wifi was slow"; "despite the reviews, ...").
 */
export function clauseWeights(raw: readonly string[], start: number, end: number): Float32Array {
  const weights = new Float32Array(end - start + 1).fill(1);
  let sentenceStart = start;
  let previousStart = start;
  for (let i = start; i <= end; i++) {
    const t = raw[i]!;
    if (t === '.' || t === '!' || t === '?') {
      if (i + 1 > sentenceStart) previousStart = sentenceStart;
      sentenceStart = i + 1;
    } else if (CONCESSIVE.has(t)) {
      for (let j = i; j <= end && !CLAUSE_END.has(raw[j]!); j++) weights[j - start] = Math.min(weights[j - start]!, BEFORE_CONTRAST);
    } else if (t === 'but' || t === 'however') {
      // "Lovely crew. But my bag was lost": a sentence that opens with "but" outweighs the last one.
      const from = i > sentenceStart ? sentenceStart : previousStart;
      for (let j = from; j < i; j++) weights[j - start] = Math.min(weights[j - start]!, BEFORE_CONTRAST);
      sentenceStart = i;
      previousStart = i;
    }
  }
  return weights;
}

const AFTER_PAUSE = new Set([',', ';', ':', '-', '–', '—', '(', 'even', '.', '!', '?']);

/**
 * Whether the concessive word at raw[i] opens a conceded clause: "although" and "despite" always
 * do; "though" only first, after a pause or after "even" — inside a clause it is an adverb ("The
 * wifi though was slow", "Great chair though"). Only the clauses shown split so: the model's
 * weights (clauseWeights()) lower what follows any "though", which measured better out of domain
 * (BENCHMARKS.md) — an adverb "though" concedes too ("the sound though is tinny").
 */
function opensConcession(raw: readonly string[], i: number, start: number): boolean {
  return raw[i] !== 'though' || i === start || AFTER_PAUSE.has(raw[i - 1]!);
}

/**
 * Where tokens [start, end] (a sentence) split into the clauses clauseWeights() weighs apart: at
 * each "but"/"however" after the first token, at a concessive word ("lovely room, though the
 * wifi was slow") and after the punctuation that ends its clause ("Although the delivery was
 * late, | the chair is great"). A conceded clause with no word after its marker ("Great chair,
 * though.") is no clause of its own, and neither is an adverb "though" (opensConcession()).
 */
export function clauseSplits(raw: readonly string[], start: number, end: number): number[] {
  const splits: number[] = [];
  const add = (at: number): void => {
    if (at > start && at <= end && splits[splits.length - 1] !== at) splits.push(at);
  };
  for (let i = start; i <= end; i++) {
    const t = raw[i]!;
    if (t === 'but' || t === 'however') add(i);
    else if (CONCESSIVE.has(t) && opensConcession(raw, i, start)) {
      let close = i + 1;
      while (close <= end && !CLAUSE_END.has(raw[close]!)) close++;
      if (close === i + 1) continue;
      // "even though": the clause starts at "even".
      add(i > start && raw[i - 1] === 'even' ? i - 1 : i);
      const mark = raw[close];
      if (mark === ',' || mark === ';' || mark === ':') add(close + 1);
      i = close - 1;
    }
  }
  return splits;
}

/**
 * The first token of a clause (from clauseSplits()) that its score should read: a conceded
 * clause scored on its own is all there is of it, so its marker (and the lower weight the marker
 * gives, meant against the rest of a sentence) is left out.
 */
export function clauseScoreStart(raw: readonly string[], from: number, to: number): number {
  let at = from;
  if (raw[at] === 'even' && at < to && raw[at + 1] === 'though') at++;
  return CONCESSIVE.has(raw[at]!) && at < to ? at + 1 : from;
}

export type { CueName };
