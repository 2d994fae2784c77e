import type { ReviewPhrase } from './phrase-lexicon.js';
import { phrasesStartingWith } from './phrase-lexicon.js';

/**
 * The VADER-lexicon and review-phrase evidence of a document (features v:* and p:*), marked once
 * per document in the token view and summed per span by training and by the scorer alike.
 */

// VADER's scalar for a negated word: "not good" is milder than "bad".
const NEGATED_VALENCE = -0.74;

/** What buildView() knows of a token that markReviewEvidence() reads. */
interface TokenEvidence {
  vader: number;
  opinion: number;
  phrases: readonly ReviewPhrase[] | null;
}

/**
 * Fills `valence` (VADER valence per token, negation applied, 0 inside a phrase), `phrase` (the
 * valence of the phrase starting at a token) and `phraseEnd`. Phrases first, longest match, left
 * to right: the words inside one count through it. `phrase` must be zeroed by the caller.
 */
export function markReviewEvidence(
  raw: readonly string[],
  infos: readonly (TokenEvidence | null)[],
  negated: Uint8Array,
  valence: Float32Array,
  phrase: Float32Array,
  phraseEnd: Int32Array,
  opinion: Float32Array,
  n: number,
): void {
  let coveredUntil = -1;
  for (let i = 0; i < n; i++) {
    const info = infos[i];
    if (i > coveredUntil && mayStartRating(raw[i]!) && ratingAt(raw, i, n)) {
      phrase[i] = rating.valence;
      phraseEnd[i] = rating.end;
      coveredUntil = rating.end;
    }
    const candidates = info ? info.phrases : phrasesStartingWith(raw[i]!);
    if (candidates !== null && i > coveredUntil) {
      for (const p of candidates) {
        if (matchesAt(raw, i, p.tokens)) {
          phrase[i] = p.valence;
          phraseEnd[i] = i + p.tokens.length - 1;
          coveredUntil = phraseEnd[i]!;
          break;
        }
      }
    }
    const covered = i <= coveredUntil || !info;
    let v = covered ? 0 : info.vader;
    let o = covered ? 0 : info.opinion * OPINION_VALENCE;
    if ((v !== 0 || o !== 0) && i > 0) {
      const degree = degreeBefore(raw, i);
      v *= degree;
      o *= degree;
    }
    valence[i] = v === 0 ? 0 : negated[i] ? NEGATED_VALENCE * v : v;
    opinion[i] = o === 0 ? 0 : negated[i] ? NEGATED_VALENCE * o : o;
  }
}

// A rating written in the text: "2/5", "10/10", "4 out of 5", "3 stars", "two stars", "one star".
// It is the writer's own verdict, so it counts as a review phrase of that valence.
const FRACTION = /^(\d{1,2}(?:\.\d)?)\/(5|10)$/;
const NUMBER = /^\d{1,2}(?:\.\d)?$/;
const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([['zero', 0], ['no', 0], ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5]]);
const rating = { valence: 0, end: 0 };

// The hot path's first test: a digit first, or a number word (most tokens fail on one char code).
function mayStartRating(t: string): boolean {
  const c = t.charCodeAt(0);
  // digits; z(ero), n(o), o(ne), t(wo, three), f(our, five)
  return (c >= 48 && c <= 57) || ((c === 122 || c === 110 || c === 111 || c === 116 || c === 102) && NUMBER_WORDS.has(t));
}

/** The rating starting at raw[at], into `rating`; false when there is none. */
function ratingAt(raw: readonly string[], at: number, n: number): boolean {
  const t = raw[at]!;
  let value = NaN;
  let scale = 5;
  let end = at;
  const fraction = FRACTION.exec(t);
  if (fraction) {
    value = Number(fraction[1]);
    scale = Number(fraction[2]);
  } else {
    const number = NUMBER.test(t) ? Number(t) : (NUMBER_WORDS.get(t) ?? NaN);
    if (Number.isNaN(number)) return false;
    const next = at + 1 < n ? raw[at + 1] : undefined;
    // "one star off" takes a star away: no rating (the phrases read "knocked a star off").
    if ((next === 'star' || next === 'stars') && number <= 5 && (t !== 'no' || next === 'stars') && raw[at + 2] !== 'off') {
      value = number;
      end = at + 1;
    } else if (next === 'out' && raw[at + 2] === 'of' && (raw[at + 3] === '5' || raw[at + 3] === '10' || raw[at + 3] === 'five' || raw[at + 3] === 'ten')) {
      value = number;
      scale = raw[at + 3] === '5' || raw[at + 3] === 'five' ? 5 : 10;
      end = at + 3;
    } else return false;
  }
  if (!(value >= 0 && value <= scale)) return false;
  rating.valence = ratingValence(value / scale);
  rating.end = end;
  return true;
}

/** A share of the top mark as a valence: 4 of 5 and up is praise, 3 of 5 lukewarm, below a complaint. */
export function ratingValence(share: number): number {
  if (share >= 0.8) return 3;
  if (share >= 0.7) return 1.5;
  if (share >= 0.5) return -1;
  return -3;
}

// Degree words before a rated word (VADER's booster idea, on its scale): "extremely rude"
// weighs more than "rude", "slightly disappointed" less than "disappointed".
const BOOSTERS = new Set(['very', 'so', 'really', 'extremely', 'super', 'totally', 'absolutely', 'completely', 'incredibly', 'truly', 'highly', 'utterly', 'seriously', 'insanely', 'ridiculously', 'exceptionally', 'thoroughly']);
const DAMPENERS = new Set(['slightly', 'somewhat', 'fairly', 'rather', 'mildly', 'marginally', 'kinda', 'sorta', 'barely', 'little']);
const BOOST = 1.3;
const DAMP = 0.6;

/** The degree word before raw[i] as a factor (1: none). */
function degreeBefore(raw: readonly string[], i: number): number {
  const before = raw[i - 1]!;
  if (BOOSTERS.has(before)) return BOOST;
  if (DAMPENERS.has(before) || (before === 'bit' && raw[i - 2] === 'a') || (before === 'of' && raw[i - 2] === 'kind')) return DAMP;
  return 1;
}

// A Hu–Liu word is only positive or negative: it counts as a VADER word of valence 2 would
// ("good" is 1.9), i.e. 0.5 in the sums below.
const OPINION_VALENCE = 2;

function matchesAt(raw: readonly string[], at: number, tokens: readonly string[]): boolean {
  if (at + tokens.length > raw.length) return false;
  for (let k = 1; k < tokens.length; k++) if (raw[at + k] !== tokens[k]) return false;
  return true;
}

export interface ReviewSums {
  vPos: number;
  vNeg: number;
  pPos: number;
  pNeg: number;
  /** Hu–Liu opinion words (those VADER and the review words do not rate). */
  hPos: number;
  hNeg: number;
}

const sums: ReviewSums = { vPos: 0, vNeg: 0, pPos: 0, pNeg: 0, hPos: 0, hNeg: 0 };

/**
 * VADER-lexicon and review-phrase evidence of tokens [start, end] (a phrase counts where it lies
 * wholly inside), each on a 0…2 scale (valence / 4), clause-weighted like wink's lexicon. One
 * function for training and the scorer's hot path, so both add the same numbers in the same order.
 * The result is a shared scratch object: read it before the next call.
 */
export function reviewSums(
  view: { valence: Float32Array; phrase: Float32Array; phraseEnd: Int32Array; opinion: Float32Array },
  start: number,
  end: number,
  weight: Float32Array | null,
): ReviewSums {
  let vPos = 0;
  let vNeg = 0;
  let pPos = 0;
  let pNeg = 0;
  let hPos = 0;
  let hNeg = 0;
  const { valence, phrase, phraseEnd, opinion } = view;
  for (let i = start; i <= end; i++) {
    const w = weight ? weight[i - start]! : 1;
    const v = valence[i]!;
    if (v > 0) vPos += (w * v) / 4;
    else if (v < 0) vNeg -= (w * v) / 4;
    const o = opinion[i]!;
    if (o > 0) hPos += (w * o) / 4;
    else if (o < 0) hNeg -= (w * o) / 4;
    const p = phrase[i]!;
    if (p !== 0 && phraseEnd[i]! <= end) {
      if (p > 0) pPos += (w * p) / 4;
      else pNeg -= (w * p) / 4;
    }
  }
  sums.vPos = vPos;
  sums.vNeg = vNeg;
  sums.pPos = pPos;
  sums.pNeg = pNeg;
  sums.hPos = hPos;
  sums.hNeg = hNeg;
  return sums;
}
