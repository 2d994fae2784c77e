/**
 * node --import tsx bench/nlp-multilingual.ts [--no-baseline] [--folds]
 *
 * Sentiment in nl, sv, pl, de, fr, es on ../shared/data/multilingual (one real labelled set per
 * language): Earshot's lexicon-and-rules analyzer against multilang-sentiment 2.0.0.
 * - pos/neg macro-F1: items labelled positive or negative only; score > 0 → positive, < 0 →
 *   negative, exactly 0 (no evidence) → neutral, which counts as a miss for both classes.
 * - 3-class macro-F1: score > +T → positive, < -T → negative, else neutral, T = NEUTRAL_BAND.
 * - items/s: one core, all texts of the language, after a warm-up.
 * --no-baseline skips multilang-sentiment (its fuzzy lookup runs at 4-10 items/s): otherwise it reads
 *   every k-th row, at most 120 per language, so its figures carry wider error bars.
 * Nothing here is fitted to these sets: the analyzer has no trained parameters.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { scoreMultilingual } from '../src/nlp/sentiment-multilingual/index.js';

const BASELINE_ROWS = 120;
const NEUTRAL_BAND = 0.25; // recommended label band: one mild word (|valence| 1 → 0.25) stays neutral
const shared = path.resolve(fileURLToPath(new URL('../../shared/data/multilingual', import.meta.url)));
if (!existsSync(shared)) {
  console.log(`bench:nlp-multilingual skipped: ${shared} is absent (the benchmark reads the real labelled texts)`);
  process.exit(0);
}

type Label = 'negative' | 'neutral' | 'positive';
interface Row {
  text: string;
  label: Label;
}

function load(lang: string): Row[] {
  const dir = path.join(shared, lang);
  const file = readdirSync(dir).find((f) => f.endsWith('.tsv'))!;
  return readFileSync(path.join(dir, file), 'utf8')
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((line) => {
      const [text, label] = line.split('\t');
      return { text: text!, label: label as Label };
    });
}

function f1(gold: Label[], pred: Label[], cls: Label): number {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  gold.forEach((g, i) => {
    if (pred[i] === cls && g === cls) tp++;
    else if (pred[i] === cls) fp++;
    else if (g === cls) fn++;
  });
  const p = tp / (tp + fp || 1);
  const r = tp / (tp + fn || 1);
  return p + r ? (2 * p * r) / (p + r) : 0;
}

function toLabel(score: number, band: number): Label {
  return score > band ? 'positive' : score < -band ? 'negative' : 'neutral';
}

function posNeg(rows: Row[], scores: number[]): number {
  const gold: Label[] = [];
  const pred: Label[] = [];
  rows.forEach((row, i) => {
    if (row.label === 'neutral') return;
    gold.push(row.label);
    pred.push(toLabel(scores[i]!, 0));
  });
  return (f1(gold, pred, 'positive') + f1(gold, pred, 'negative')) / 2;
}

function threeClass(rows: Row[], scores: number[], band: number): number {
  const gold = rows.map((r) => r.label);
  const pred = scores.map((s) => toLabel(s, band));
  return (f1(gold, pred, 'positive') + f1(gold, pred, 'negative') + f1(gold, pred, 'neutral')) / 3;
}

function measure(rows: Row[], score: (text: string) => number): { scores: number[]; rate: number } {
  for (const row of rows.slice(0, 10)) score(row.text); // warm-up: lexicon load, JIT
  const started = performance.now();
  const scores = rows.map((row) => score(row.text));
  return { scores, rate: rows.length / ((performance.now() - started) / 1000) };
}

const require = createRequire(import.meta.url);
const baseline = process.argv.includes('--no-baseline')
  ? null
  : (require('multilang-sentiment') as (text: string, lang: string) => { score: number; comparative: number });

console.log(`bench:nlp-multilingual — ${shared}`);
console.log('| lang | n (pos/neu/neg) | analyzer | pos/neg macro-F1 | 3-class macro-F1 | no evidence | items/s |');
console.log('|---|---|---|---|---|---|---|');
for (const lang of ['nl', 'sv', 'pl', 'de', 'fr', 'es']) {
  const rows = load(lang);
  const candidates: [string, (text: string) => number, number, Row[]][] = [
    ['earshot', (t) => scoreMultilingual(t, lang)!.score, NEUTRAL_BAND, rows],
  ];
  // multilang-sentiment's score is an unbounded AFINN sum: any non-zero sum is an opinion. Its
  // fuzzy lookup takes ~0.1-0.25 s a text, so it reads every k-th row, at most BASELINE_ROWS.
  if (baseline) {
    const step = Math.ceil(rows.length / BASELINE_ROWS);
    const sample = rows.filter((_, i) => i % step === 0);
    candidates.push([`multilang-sentiment 2.0.0 (every ${step}. row)`, (t) => baseline(t, lang).score, 0, sample]);
  }
  for (const [name, score, band, set] of candidates) {
    const { scores, rate } = measure(set, score);
    const rows = set;
    const counts = (['positive', 'neutral', 'negative'] as const).map((l) => rows.filter((r) => r.label === l).length).join('/');
    console.log(
      `| ${lang} | ${rows.length} (${counts}) | ${name} | ${posNeg(rows, scores).toFixed(3)} | ${threeClass(rows, scores, band).toFixed(3)} | ${((100 * scores.filter((x) => x === 0).length) / scores.length).toFixed(0)} % | ${Math.round(rate).toLocaleString('en-US')} |`,
    );
  }
}
