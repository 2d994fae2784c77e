/**
 * node --import tsx bench/written-training.ts — would training on written reviews of many domains
 * help the English model on real domains it never saw? The written set is
 * tests/fixtures/blind-reviews/en-40-domains.tsv (1,200 reviews of 40 domains, written for
 * Earshot); the real ones are the airline tweets and Echo reviews in ../shared/data. Each
 * leave-one-domain-out model of the recipe is trained with and without the written set and scored
 * on the real domain it left out. (Why the written set is not in the shipped recipe: BENCHMARKS.md.)
 */
import { fileURLToPath } from 'node:url';
import { featuresOfText } from '../src/nlp/sentiment/english.js';
import type { FeatureVector } from '../src/nlp/sentiment/features.js';
import { score, type SentimentModel } from '../src/nlp/sentiment/model.js';
import { DEFAULT_TRAIN, train, type Example } from '../src/nlp/sentiment/train.js';
import { loadAirline, loadAlexa, polarityOf, readLabelledTsv, scores, sharedDataPresent, type LabelledText } from './nlp-data.js';

if (!sharedDataPresent()) {
  console.log('bench/written-training skipped: ../shared/data (airline tweets, Echo reviews) is absent');
  process.exit(0);
}
const readSet = (name: string) => readLabelledTsv(fileURLToPath(new URL(`../tests/fixtures/blind-reviews/${name}`, import.meta.url)), ['negative', 'positive']);
const airline = loadAirline();
const echo = loadAlexa().filter((r) => r.label !== 'neutral');
const written = readSet('en-40-domains.tsv');
const blind = readSet('en.tsv');
const features = (rows: LabelledText[]) => rows.map((r) => featuresOfText(r.text));
const [fa, fe, fw, fb] = [features(airline), features(echo), features(written), features(blind)];
const examples = (rows: LabelledText[], f: FeatureVector[], group: string): Example[] => rows.map((r, i) => ({ features: f[i]!, label: r.label, group }));
const fit = (...sets: Example[][]) => train(sets.flat(), DEFAULT_TRAIN);
const pn = (rows: LabelledText[], f: FeatureVector[], model: SentimentModel, balanced = false) => {
  const at = rows.flatMap((r, i) => (r.label === 'neutral' ? [] : [i]));
  const gold = at.map((i) => rows[i]!.label);
  return scores(gold, at.map((i) => polarityOf(score(model, f[i]!).score)), ['negative', 'positive'], balanced).macroF1.toFixed(3);
};
const both = (rows: LabelledText[], f: FeatureVector[], m: SentimentModel) => `${pn(rows, f, m)} (balanced ${pn(rows, f, m, true)})`;

const A = examples(airline, fa, 'airline');
const E = examples(echo, fe, 'reviews');
const W = examples(written, fw, 'written');
console.log('pos/neg macro-F1 on a real domain the model never saw, natural mix (balanced)');
console.log(`| Echo ← airline | ${both(echo, fe, fit(A))} | Echo ← airline + written | ${both(echo, fe, fit(A, W))} |`);
console.log(`| airline ← Echo | ${both(airline, fa, fit(E))} | airline ← Echo + written | ${both(airline, fa, fit(E, W))} |`);
const onlyWritten = fit(W);
console.log(`| Echo ← written only | ${both(echo, fe, onlyWritten)} | airline ← written only | ${both(airline, fa, onlyWritten)} |`);
console.log(`blind en.tsv (same kind of writer as the written set: flatters it): shipped recipe ${pn(blind, fb, fit(A, E))}, + written ${pn(blind, fb, fit(A, E, W))}`);
