import { eld } from 'eld/medium';
import { vaderLexicon } from './sentiment/vader-lexicon.js';

export interface LanguageGuess {
  /** ISO 639-1 code, or 'und' when it cannot be told. */
  lang: string;
  source: 'hint' | 'detected' | 'undetermined';
}

// Handles, hashtags and links are names, not language; left in, they pull short posts towards
// whatever language their spelling resembles.
const NOISE = /https?:\/\/\S+|www\.\S+|[@#][\p{L}\p{N}_]+/gu;
const MAY_HOLD_NOISE = /[@#]|http|www\./;

/**
 * The source's language hint wins where there is one; otherwise ELD's n-gram detector.
 * Chosen by measuring on the airline tweets (see BENCHMARKS.md): ELD tags 99.2 % of them
 * English at ~30k/s, franc-min 88 % at 6k/s, tinyld 94 % at 5k/s.
 */
export function detectLanguage(text: string, hint?: string | null): LanguageGuess {
  const hinted = normaliseHint(hint);
  if (hinted) return { lang: hinted, source: 'hint' };
  // Most texts hold no handle, tag or link: the Unicode-aware regex is then not worth running.
  const cleaned = MAY_HOLD_NOISE.test(text) ? text.replace(NOISE, ' ') : text;
  if (plainlyEnglish(cleaned)) return { lang: 'en', source: 'detected' };
  const language = eld.detect(cleaned).language;
  if (language !== 'en' && !ANALYSED.has(language) && shortEnglish(cleaned)) return { lang: 'en', source: 'detected' };
  return language ? { lang: language, source: 'detected' } : { lang: 'und', source: 'undetermined' };
}

// Languages with a sentiment analyzer besides English (sentiment-multilingual): a short text that
// ELD gives one of them keeps it.
const ANALYSED = new Set(['nl', 'sv', 'pl', 'de', 'fr', 'es']);
const SHORT = 6;

/**
 * n-gram detection cannot tell a language from two or three words: ELD calls "Love my Echo Spot!"
 * Tagalog, "Fun" Yoruba and "Cool" undetermined (1.6 % of the Echo reviews, BENCHMARKS.md). A short
 * ASCII text that holds an English opinion word (VADER's lexicon) is taken for English when ELD
 * names no language Earshot analyses.
 */
export function shortEnglish(text: string): boolean {
  if (/[^\x00-\x7F]/.test(text.replace(TYPOGRAPHY, ''))) return false;
  const words = text.toLowerCase().replace(/[\u2018\u2019]/g, "'").match(/[a-z']+/g);
  if (!words || words.length > SHORT) return false;
  const lexicon = vaderLexicon();
  return words.some((word) => lexicon.has(word) || ENGLISH_MARKERS.has(word));
}

function normaliseHint(hint?: string | null): string | null {
  if (!hint) return null;
  const code = hint.trim().toLowerCase().split(/[-_]/)[0];
  return code && /^[a-z]{2,3}$/.test(code) ? code : null;
}

// English function words that are not words in the other languages Earshot meets in Latin
// script (no "is", "in", "was", "just", "still", "been": Dutch, German or Swedish have them).
const ENGLISH_MARKERS = new Set([
  'the', 'and', 'you', 'your', 'with', 'this', 'that', 'have', 'would', 'they', 'their', 'there',
  'what', 'when', 'thanks', 'thank', 'please', 'about', 'could', 'should', 'because', 'why', 'how',
  'our', 'were', "it's", "i'm", "don't", "can't", "won't", "didn't", "i've", "i'll", 'from',
  'which', 'where', 'today', 'it', 'but', "you're", "we're", "they're", "isn't", "wasn't", "doesn't",
  "haven't", "couldn't", "wouldn't", "i'd", 'love', 'loved', 'great', 'very', 'really', 'got', 'get',
]);
const TYPOGRAPHY = /[\u2018\u2019\u201c\u201d\u2026\u2013\u2014\uFE0F\u200D]|\p{Extended_Pictographic}/gu;

/**
 * A shortcut past n-gram detection for text that is plainly English: only ASCII letters and at
 * least two distinct English function words making up a tenth of its words. On the data in
 * ../shared it takes 68 % of the airline tweets and 70 % of the Echo reviews (ELD agrees on every
 * one) and 1 of 5,680 texts in six other languages (a Dutch review quoting "don't go there"); see
 * BENCHMARKS.md. It spares ELD, the costliest step of analyze() after wink's own reading.
 */
export function plainlyEnglish(text: string): boolean {
  if (/[^\x00-\x7F]/.test(text) && /[^\x00-\x7F]/.test(text.replace(TYPOGRAPHY, ''))) return false;
  const words = text.toLowerCase().replace(/[\u2018\u2019]/g, "'").match(/[a-z']+/g);
  if (!words) return false;
  const hits = new Set<string>();
  for (const word of words) if (ENGLISH_MARKERS.has(word)) hits.add(word);
  return hits.size >= 2 && hits.size / words.length >= 0.1;
}
