/**
 * npm run bench:language — language detectors on short real texts, in one run (also part of
 * bench:nlp). English: the airline tweets and the Echo reviews; other languages: each file of
 * ../shared/data/multilingual is one language.
 */
import { languageSets, sharedDataPresent } from './nlp-data.js';
import { languageTable } from './language-candidates.js';

if (!sharedDataPresent()) {
  console.log('bench:language skipped: ../shared/data is absent (the benchmark reads the real labelled texts)');
  process.exit(0);
}
const sets = languageSets();
console.log(`bench:language — ${sets.map((s) => `${s.name} ${s.texts.length}`).join(', ')}`);
for (const line of languageTable(sets)) console.log(line);
