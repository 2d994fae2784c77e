import { opinionLexicon } from './opinion-lexicon.js';
import { REVIEW_PHRASES } from './review-phrases.js';
import { nlp, its } from './reader.js';

export interface ReviewPhrase {
  /** wink's normalised tokens of the phrase, lower case ("doesn't work" → does, not, work). */
  tokens: readonly string[];
  valence: number;
}

let byFirst: Map<string, ReviewPhrase[]> | null = null;

/** The review phrases whose first token is `token`, longest first; null when there is none. */
export function phrasesStartingWith(token: string): readonly ReviewPhrase[] | null {
  byFirst ??= index();
  return byFirst.get(token) ?? null;
}

// Hu & Liu's hyphenated entries ("trouble-free", "user-friendly", "over-priced") are several
// tokens to wink: read as phrases, their parts do not count on their own ("trouble" in
// "trouble-free" is no complaint). Valence as a Hu–Liu word's (review-evidence.ts).
const OPINION_PHRASE_VALENCE = 2;

function entries(): [string, number][] {
  const all: [string, number][] = Object.entries(REVIEW_PHRASES);
  const written = new Set(Object.keys(REVIEW_PHRASES));
  for (const [word, polarity] of opinionLexicon()) {
    if (word.includes('-') && !written.has(word)) all.push([word, polarity * OPINION_PHRASE_VALENCE]);
  }
  return all;
}

function index(): Map<string, ReviewPhrase[]> {
  const map = new Map<string, ReviewPhrase[]>();
  for (const [text, valence] of entries()) {
    // Cut exactly as documents are, so "can't" in a phrase meets "can't" in a review.
    const tokens = (nlp.readDoc(text).tokens().out(its.normal) as string[]).map((t) => t.toLowerCase());
    if (tokens.length < 2) {
      if (!text.includes('-')) throw new Error(`review phrase "${text}" must have at least two tokens`);
      continue;
    }
    const list = map.get(tokens[0]!) ?? [];
    list.push({ tokens, valence });
    map.set(tokens[0]!, list);
  }
  for (const list of map.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  return map;
}
