import { fileURLToPath } from 'node:url';
import { readLabelledTsv } from '../../bench/nlp-data.js';

/** A review set of tests/fixtures/multilingual-reviews (`text<TAB>label`, header row), by file name without .tsv. */
export function reviewFixture(name: string): { text: string; label: string }[] {
  return readLabelledTsv(fileURLToPath(new URL(`../fixtures/multilingual-reviews/${name}.tsv`, import.meta.url)));
}
