/**
 * node --import tsx bench/nlp-multilingual.ts [--no-baseline] [--errors[=LANG]]
 *
 * Sentiment in nl, sv, pl, de, fr, es on ../shared/data/multilingual (one real labelled set per
 * language): Earshot's lexicon-and-rules analyzer against multilang-sentiment 2.0.0.
 * - Each set is split into two fixed halves by a hash of the text (FNV-1a, even → A, odd → B), so
 *   the split does not depend on row order and never changes. Rules may be shaped on half A only
 *   (its errors are what --errors prints); half B is held out from that shaping. Both are shown.
 *   Sessions before the split saw whole sets (de and fr errors were read): for those rules, B is
 *   development data too — see BENCHMARKS.md.
 * - pos/neg macro-F1: items labelled positive or negative only; score > 0 → positive, < 0 →
 *   negative, exactly 0 (no evidence) → neutral, which counts as a miss for both classes.
 * - 3-class macro-F1: score > +T → positive, < -T → negative, else neutral, T = NEUTRAL_BAND.
 * - items/s: one core, all texts of the language, after a warm-up; the best of five alternated rounds.
 *   Baseline in the same run: a plain sum over the same lexicon file (lower-case, split on
 *   letters, no rules), so the machine's load cancels out of the ratio.
 * - own fixtures: tests/fixtures/multilingual-reviews/<lang>.tsv, reviews written for Earshot by its
 *   engineers (not independent data: the rules and these texts come from the same hands).
 * --no-baseline skips multilang-sentiment (its fuzzy lookup runs at 4-10 items/s): otherwise it reads
 *   every k-th row, at most 120 per language, so its figures carry wider error bars.
 * --errors prints the misclassified pos/neg items of half A (all languages, or one) for development;
 *   never commit that output.
 * Nothing here is fitted to these sets: the analyzer has no trained parameters.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { scoreMultilingual } from '../src/nlp/sentiment-multilingual/index.js';
import { readLabelledTsv } from './nlp-data.js';

const LANGS = ['nl', 'sv', 'pl', 'de', 'fr', 'es'] as const;
const BASELINE_ROWS = 120;
const NEUTRAL_BAND = 0.25; // recommended label band: one mild word (|valence| 1 → 0.25) stays neutral
const shared = path.resolve(fileURLToPath(new URL('../../shared/data/multilingual', import.meta.url)));
const fixtures = fileURLToPath(new URL('../tests/fixtures/multilingual-reviews', import.meta.url));

type Label = 'negative' | 'neutral' | 'positive';
interface Row {
  text: string;
  label: Label;
}

const readTsv = (file: string): Row[] => readLabelledTsv(file) as Row[];

function load(lang: string): Row[] {
  const dir = path.join(shared, lang);
  return readTsv(path.join(dir, readdirSync(dir).find((f) => f.endsWith('.tsv'))!));
}

/** FNV-1a over UTF-16 code units: a fixed, order-free split. */
export function half(text: string): 'A' | 'B' {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % 2 === 0 ? 'A' : 'B';
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

/**
 * Items/s of each scorer over the same rows, passes alternated (5 rounds, each pass repeated to
 * at least 50 ms) so load on the machine hits all alike; the best round of each.
 */
function rates(rows: Row[], scorers: ((text: string) => number)[]): number[] {
  for (const score of scorers) for (const row of rows.slice(0, 50)) score(row.text); // warm-up
  const best = scorers.map(() => 0);
  for (let round = 0; round < 5; round++) {
    scorers.forEach((score, k) => {
      let n = 0;
      const started = performance.now();
      do {
        for (const row of rows) score(row.text);
        n += rows.length;
      } while (performance.now() - started < 50);
      best[k] = Math.max(best[k]!, n / ((performance.now() - started) / 1000));
    });
  }
  return best;
}

function counts(rows: Row[]): string {
  return (['positive', 'neutral', 'negative'] as const).map((l) => rows.filter((r) => r.label === l).length).join('/');
}

function noEvidence(scores: number[]): string {
  return `${((100 * scores.filter((x) => x === 0).length) / (scores.length || 1)).toFixed(0)} %`;
}

const errorsArg = process.argv.find((a) => a.startsWith('--errors'));
const errorsFor = errorsArg ? (errorsArg.split('=')[1] ?? 'all') : null;
const require = createRequire(import.meta.url);
const baseline =
  process.argv.includes('--no-baseline') || errorsFor
    ? null
    : (require('multilang-sentiment') as (text: string, lang: string) => { score: number; comparative: number });

if (!existsSync(shared)) {
  console.log(`bench:nlp-multilingual: ${shared} is absent (the dev sets are real labelled texts): only own fixtures`);
} else if (errorsFor) {
  for (const lang of LANGS) {
    if (errorsFor !== 'all' && errorsFor !== lang) continue;
    for (const row of load(lang)) {
      if (row.label === 'neutral' || half(row.text) !== 'A') continue;
      const result = scoreMultilingual(row.text, lang)!;
      if (toLabel(result.score, 0) === row.label) continue;
      console.log(`${lang}\t${row.label}\t${result.score}\t${row.text}\t${result.explain.join(' ')}`);
    }
  }
  process.exit(0);
} else {
  console.log(`bench:nlp-multilingual — ${shared}`);
  console.log('Dev sets, split by text hash. A = half rules may be shaped on; B = held out from that shaping.');
  console.log('| lang | analyzer | n A / B (pos/neu/neg) | pos/neg F1 A | pos/neg F1 B | pos/neg F1 all | 3-class all | no evidence | items/s |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const lang of LANGS) {
    const rows = load(lang);
    const earshot = (t: string): number => scoreMultilingual(t, lang)!.score;
    const scores = rows.map((r) => earshot(r.text));
    const a = rows.map((r, i) => [r, scores[i]!] as const).filter(([r]) => half(r.text) === 'A');
    const b = rows.map((r, i) => [r, scores[i]!] as const).filter(([r]) => half(r.text) === 'B');
    const lexicon = JSON.parse(
      readFileSync(new URL(`../src/nlp/sentiment-multilingual/lexicons/${lang}.json`, import.meta.url), 'utf8'),
    ) as Record<string, number>;
    const plain = (t: string): number => {
      let sum = 0;
      for (const w of t.toLowerCase().match(/\p{L}+/gu) ?? []) sum += lexicon[w] ?? 0;
      return sum;
    };
    const plainScores = rows.map((r) => plain(r.text));
    const [earshotRate, plainRate] = rates(rows, [earshot, plain]) as [number, number];
    const f = (part: (readonly [Row, number])[]): string => posNeg(part.map((p) => p[0]), part.map((p) => p[1])).toFixed(3);
    const pa = rows.map((r, i) => [r, plainScores[i]!] as const).filter(([r]) => half(r.text) === 'A');
    const pb = rows.map((r, i) => [r, plainScores[i]!] as const).filter(([r]) => half(r.text) === 'B');
    console.log(
      `| ${lang} | earshot | ${a.length} (${counts(a.map((p) => p[0]))}) / ${b.length} (${counts(b.map((p) => p[0]))}) | ${f(a)} | ${f(b)} | ${posNeg(rows, scores).toFixed(3)} | ${threeClass(rows, scores, NEUTRAL_BAND).toFixed(3)} | ${noEvidence(scores)} | ${Math.round(earshotRate).toLocaleString('en-US')} (${(earshotRate / plainRate).toFixed(2)}× plain sum) |`,
    );
    console.log(
      `| ${lang} | plain sum over lexicons/${lang}.json | | ${f(pa)} | ${f(pb)} | ${posNeg(rows, plainScores).toFixed(3)} | ${threeClass(rows, plainScores, 0).toFixed(3)} | ${noEvidence(plainScores)} | ${Math.round(plainRate).toLocaleString('en-US')} |`,
    );
    // multilang-sentiment's score is an unbounded AFINN sum: any non-zero sum is an opinion. Its
    // fuzzy lookup takes ~0.1-0.25 s a text, so it reads every k-th row, at most BASELINE_ROWS.
    if (baseline) {
      const step = Math.ceil(rows.length / BASELINE_ROWS);
      const sample = rows.filter((_, i) => i % step === 0);
      const base = (t: string): number => baseline(t, lang).score;
      const started = performance.now();
      const bs = sample.map((r) => base(r.text));
      const r = sample.length / ((performance.now() - started) / 1000); // one pass: it is that slow
      console.log(
        `| ${lang} | multilang-sentiment 2.0.0 (every ${step}. row) | ${sample.length} (${counts(sample)}) | | | ${posNeg(sample, bs).toFixed(3)} | ${threeClass(sample, bs, 0).toFixed(3)} | ${noEvidence(bs)} | ${Math.round(r).toLocaleString('en-US')} |`,
      );
    }
  }
}

if (!errorsFor && existsSync(fixtures)) {
  console.log('\nOwn review fixtures (tests/fixtures/multilingual-reviews, written for Earshot: not independent)');
  console.log('| set | n (pos/neu/neg) | pos/neg macro-F1 | accuracy pos/neg |');
  console.log('|---|---|---|---|');
  // <lang>.tsv, then any further sets of that language (<lang>-varied.tsv, <lang>-holdout.tsv…).
  const files = readdirSync(fixtures).filter((f) => f.endsWith('.tsv')).sort();
  for (const name of LANGS.flatMap((l) => [...files.filter((f) => f === `${l}.tsv`), ...files.filter((f) => f.startsWith(`${l}-`))])) {
    const lang = name.slice(0, 2);
    const rows = readTsv(path.join(fixtures, name));
    const scores = rows.map((r) => scoreMultilingual(r.text, lang)!.score);
    const polar = rows.map((r, i) => [r, scores[i]!] as const).filter(([r]) => r.label !== 'neutral');
    const right = polar.filter(([r, s]) => toLabel(s, 0) === r.label).length;
    console.log(`| ${name.replace('.tsv', '')} | ${rows.length} (${counts(rows)}) | ${posNeg(rows, scores).toFixed(3)} | ${(right / (polar.length || 1)).toFixed(3)} |`);
  }
}
