/**
 * node --import tsx bench/blind-reviews.ts [--no-baseline] [DIR]   (npm run bench:reviews)
 *
 * Scores analyze() on review sets nobody who wrote the sentiment rules has read: by default
 * tests/fixtures/blind-reviews/<lang>[-<what>].tsv (`text<TAB>label`, positive / negative). Those were
 * written for Earshot by someone who saw no code, no rules and no dev set, in a session where the
 * rule writers could not see them; the lead scored each branch on them and never printed a miss.
 * Once committed they are development data for whoever comes next — so this bench prints no
 * misses, only figures, and a set you keep outside the repo (DIR) is the cleaner test.
 *
 * Per language: pos/neg macro-F1 with the language given (a source's hint, `analyze --lang`) and
 * detected from the text alone, how often detection names the set's language, texts with no
 * evidence, and the baselines of the same run: raw wink-nlp, AFINN, VADER (English) and
 * multilang-sentiment (every language). A score of exactly 0 is a miss, as in bench:nlp.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import Sentiment from 'sentiment';
import vader from 'vader-sentiment';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { analyze } from '../src/nlp/pipeline.js';
import { compileTaxonomy } from '../src/nlp/taxonomy.js';
import { polarityOf, readLabelledTsv, scores } from './nlp-data.js';
import type { SentimentLabel } from '../src/nlp/sentiment.js';

const args = process.argv.slice(2);
const withBaseline = !args.includes('--no-baseline');
const dir = path.resolve(args.find((a) => !a.startsWith('--')) ?? fileURLToPath(new URL('../tests/fixtures/blind-reviews', import.meta.url)));
if (!existsSync(dir)) {
  console.log(`bench:reviews: ${dir} is absent; nothing to score`);
  process.exit(0);
}

interface Row {
  text: string;
  label: SentimentLabel;
}

const load = (file: string): Row[] => readLabelledTsv(file, ['negative', 'positive']);

// The built-in topics: the sets are reviews of many domains, not any deployment's.
const taxonomy = compileTaxonomy([], []);
const wink = winkNLP(model);
const afinn = new Sentiment();
const vaderScore = (vader as { SentimentIntensityAnalyzer: { polarity_scores: (t: string) => { compound: number } } }).SentimentIntensityAnalyzer.polarity_scores;
const multilang = createRequire(import.meta.url)('multilang-sentiment') as (text: string, lang: string) => { score: number };

const f1 = (rows: Row[], s: number[]) => scores(rows.map((r) => r.label), s.map(polarityOf), ['negative', 'positive']).macroF1.toFixed(3);

console.log(`bench:reviews — ${new Date().toISOString().slice(0, 10)}, ${dir}`);
console.log('| set | n (pos/neg) | **Earshot, language given** | Earshot, language detected | detected as the set\'s language | no evidence | raw wink | AFINN | VADER | multilang-sentiment |');
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const file of readdirSync(dir).filter((f) => f.endsWith('.tsv')).sort()) {
  // <lang>.tsv or <lang>-<what>.tsv
  const name = file.slice(0, -4);
  const lang = name.split('-')[0]!;
  const rows = load(path.join(dir, file));
  const given = rows.map((r) => analyze(r.text, taxonomy, { langHint: lang, explain: 'none' }));
  const detected = rows.map((r) => analyze(r.text, taxonomy, { explain: 'none' }));
  const score = (a: ReturnType<typeof analyze>) => a.sentiment?.score ?? 0;
  const pos = rows.filter((r) => r.label === 'positive').length;
  const english = lang === 'en';
  const cells = [
    name,
    `${rows.length} (${pos}/${rows.length - pos})`,
    `**${f1(rows, given.map(score))}**`,
    f1(rows, detected.map(score)),
    `${((100 * detected.filter((a) => a.lang === lang).length) / rows.length).toFixed(0)} %`,
    `${given.filter((a) => score(a) === 0).length}`,
    english ? f1(rows, rows.map((r) => Number(wink.readDoc(r.text).out(wink.its.sentiment)))) : '—',
    english ? f1(rows, rows.map((r) => afinn.analyze(r.text).score)) : '—',
    english ? f1(rows, rows.map((r) => vaderScore(r.text).compound)) : '—',
    withBaseline ? f1(rows, rows.map((r) => multilang(r.text, lang).score)) : '(skipped)',
  ];
  console.log(`| ${cells.join(' | ')} |`);
}
