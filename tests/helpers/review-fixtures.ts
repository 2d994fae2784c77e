import { readFileSync } from 'node:fs';

/** A review set of tests/fixtures/multilingual-reviews (`text<TAB>label`, header row), by file name without .tsv. */
export function reviewFixture(name: string): { text: string; label: string }[] {
  return readFileSync(new URL(`../fixtures/multilingual-reviews/${name}.tsv`, import.meta.url), 'utf8')
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((line) => {
      const [text, label] = line.split('\t');
      return { text: text!, label: label! };
    });
}
