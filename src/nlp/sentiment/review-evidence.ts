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
  n: number,
): void {
  let coveredUntil = -1;
  for (let i = 0; i < n; i++) {
    const info = infos[i];
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
    const v = i <= coveredUntil || !info ? 0 : info.vader;
    valence[i] = v === 0 ? 0 : negated[i] ? NEGATED_VALENCE * v : v;
  }
}

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
}

const sums: ReviewSums = { vPos: 0, vNeg: 0, pPos: 0, pNeg: 0 };

/**
 * VADER-lexicon and review-phrase evidence of tokens [start, end] (a phrase counts where it lies
 * wholly inside), each on a 0…2 scale (valence / 4), clause-weighted like wink's lexicon. One
 * function for training and the scorer's hot path, so both add the same numbers in the same order.
 * The result is a shared scratch object: read it before the next call.
 */
export function reviewSums(
  view: { valence: Float32Array; phrase: Float32Array; phraseEnd: Int32Array },
  start: number,
  end: number,
  weight: Float32Array | null,
): ReviewSums {
  let vPos = 0;
  let vNeg = 0;
  let pPos = 0;
  let pNeg = 0;
  const { valence, phrase, phraseEnd } = view;
  for (let i = start; i <= end; i++) {
    const w = weight ? weight[i - start]! : 1;
    const v = valence[i]!;
    if (v > 0) vPos += (w * v) / 4;
    else if (v < 0) vNeg -= (w * v) / 4;
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
  return sums;
}
