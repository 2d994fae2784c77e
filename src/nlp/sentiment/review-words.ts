import { vaderLexicon } from './vader-lexicon.js';

/**
 * Single words that carry a verdict in customer reviews of any domain but that VADER's lexicon
 * does not rate ("flimsy", "overpriced", "sturdy", "tasty", "laggy"). They count with the VADER
 * words (features v:pos / v:neg), so a review of a hotel or an app is read by what reviews say
 * in general, not only by the words the airline tweets and Echo reviews happened to use.
 * Valences on VADER's scale (−4…+4), written for Earshot from general review language (not picked
 * from any evaluation set). Inflections are listed: tokens are not lemmatised. Words whose verdict
 * depends on what they describe ("cheap", "tiny", "hot", "loud") are left out on purpose.
 */
export const REVIEW_WORDS: Readonly<Record<string, number>> = {
  // product and build
  flimsy: -2.2, shoddy: -2.5, overpriced: -2, tinny: -1.5, creaky: -1.2, creaks: -1.2, rattles: -1.2,
  wobbly: -1.2, cracked: -1.5, dented: -1.5, scratched: -1.3, faulty: -2, defective: -2.5,
  unusable: -2.8, unreliable: -2, flaky: -1.5, knockoff: -2, counterfeit: -2.2, overheats: -2,
  overheating: -2, overheated: -2, leaks: -1.5, leaking: -1.5, malfunctioned: -2.2, malfunctioning: -2.2,
  sturdy: 1.8, durable: 1.8, reliable: 1.8, solid: 1, crisp: 1.2, spotless: 2.2, immaculate: 2.4,
  flawless: 2.3, seamless: 1.8, intuitive: 1.8, snappy: 1.2, responsive: 1.2,
  // apps and software
  laggy: -2, buggy: -2.2, glitchy: -2, sluggish: -1.7, clunky: -1.5, bloated: -1.3, uninstalled: -2,
  uninstalling: -2, uninstall: -1.5, unresponsive: -2, adware: -2, spammy: -1.8,
  // food and places
  overrated: -2, bland: -1.8, soggy: -1.8, stale: -1.8, greasy: -1.2, undercooked: -2, overcooked: -1.8,
  lukewarm: -1.3, inedible: -3, tasteless: -2, burnt: -1.5, rubbery: -1.5, filthy: -2.8, grimy: -2.2,
  moldy: -2.5, mouldy: -2.5, smelly: -1.8, stained: -1.8, cramped: -1.5, mediocre: -1.5,
  tasty: 2, yummy: 2.2, scrumptious: 2.6, flavorful: 2, flavourful: 2, succulent: 1.8, comfy: 1.8,
  cosy: 1.8, cozy: 1.8, roomy: 1.4, spacious: 1.5, attentive: 1.8, knowledgeable: 1.5,
  // service
  unhelpful: -2, unprofessional: -2.2, incompetent: -2.5, rude: -2.2, overcharged: -2.2,
  prompt: 1.2, promptly: 1.2, hassle: -1.5, painless: 1.6, effortless: 1.6,
};

let merged: Map<string, number> | null = null;

/** VADER's lexicon with the review words where VADER has no entry. */
export function reviewLexicon(): Map<string, number> {
  if (merged) return merged;
  const map = new Map(vaderLexicon());
  for (const [word, value] of Object.entries(REVIEW_WORDS)) if (!map.has(word)) map.set(word, value);
  merged = map;
  return map;
}
