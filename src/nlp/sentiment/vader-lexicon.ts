import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * VADER's human-rated lexicon (Hutto & Gilbert 2014; ~7,500 words, slang and emoticons rated
 * −4…+4 by ten raters each), read from the `vader-sentiment` package (Apache-2.0; the lexicon
 * itself is MIT) where npm installed it. It covers review words the airline tweets never use
 * ("flimsy", "sturdy", "defective"), so they count out of domain even without a learned weight.
 */
let lexicon: Map<string, number> | null = null;

export function vaderLexicon(): Map<string, number> {
  if (lexicon) return lexicon;
  const file = createRequire(import.meta.url).resolve('vader-sentiment/vader_lexicon.txt');
  const map = new Map<string, number>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const [word, mean] = line.split('\t');
    const value = Number(mean);
    if (word && Number.isFinite(value) && value !== 0) map.set(word, value);
  }
  if (map.size < 1000) throw new Error(`${file} holds ${map.size} entries: not VADER's lexicon`);
  lexicon = map;
  return map;
}
